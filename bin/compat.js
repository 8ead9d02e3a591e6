#!/usr/bin/env node
// Compares our generated JSON Schemas with codex's own output (see --help).
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('generator/compat/cli.ts', 'compat')
process.exitCode = await main(process.argv.slice(2), repoRoot)
