#!/usr/bin/env node
// `npm run bench:conversation`: turn latency of our server next to the real codex app-server with
// a fake model, and the scale figures of our server with many stored threads (see --help).
import { importBundled, repoRoot } from '../bin/run-bundled.js'

const { main } = await importBundled('bench/conversation/bench-main.ts', 'bench:conversation', { external: ['esbuild', 'ts-morph', 'typescript', 'ws'] })
// Pending request timers of the recorder's client would keep the process up for a while.
process.exit(await main(process.argv.slice(2), repoRoot))
