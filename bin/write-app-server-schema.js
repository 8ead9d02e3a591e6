#!/usr/bin/env node
// Regenerates the JSON Schema fixtures and TypeScript types from protocol/ (see --help).
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('generator/cli.ts', 'write-app-server-schema')
process.exitCode = await main(process.argv.slice(2), repoRoot)
