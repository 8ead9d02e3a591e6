#!/usr/bin/env node
// Runs the reference app-server (see --help). The TypeScript sources are bundled on first use.
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('server/main.ts', 'reference-app-server')
process.exitCode = await main(process.argv.slice(2), repoRoot)
