#!/usr/bin/env node
// Bootstraps definition source from an existing JSON Schema bundle (see --help).
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('generator/import/cli.ts', 'import-json-schema')
process.exitCode = await main(process.argv.slice(2), repoRoot)
