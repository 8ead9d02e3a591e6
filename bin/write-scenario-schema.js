#!/usr/bin/env node
// Regenerates server/conversations/scenarios/scenario.schema.json from the scenario format (--check: only compare).
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('server/conversations/scenarios/scenario-json-schema.ts', 'write-scenario-schema')
process.exitCode = main(process.argv.slice(2), repoRoot)
