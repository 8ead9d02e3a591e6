#!/usr/bin/env node
// Times schema generation against codex's own generate commands (see --help).
import { importBundled, repoRoot } from '../bin/run-bundled.js'

const { main } = await importBundled('bench/generate.ts', 'bench:generate')
process.exitCode = await main(process.argv.slice(2), repoRoot)
