#!/usr/bin/env node
// Regenerates the JSON Schema fixtures and TypeScript types from protocol/ (see --help).
import { bundlePath, importBundled, repoRoot } from './run-bundled.js'

const entry = 'generator/cli.ts'
const { main } = await importBundled(entry, 'write-app-server-schema')
process.exitCode = await main(process.argv.slice(2), repoRoot, { bundlePath: bundlePath(entry) })
