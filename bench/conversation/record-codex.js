#!/usr/bin/env node
// Records the real `codex app-server` 0.169.0 talking to a fake Responses API, one transcript per
// scenario, into test/server/fixtures/codex-0.169.0/conversations/. Usage:
//   node bench/conversation/record-codex.js [scenario-name …] [--list] [--keep]
// CODEX_BIN overrides where the codex binary is looked for (see bench/conversation/codex-run.ts).
import { importBundled, repoRoot } from '../../bin/run-bundled.js'

const { main } = await importBundled('bench/conversation/record-codex.ts', 'record-codex', { external: ['esbuild', 'ts-morph', 'typescript', 'ws'] })
process.exitCode = await main(process.argv.slice(2), repoRoot)
