#!/usr/bin/env node
// Checks the reference server's request handlers against the meta model and the generated types (see --help).
import ts from 'typescript'
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('server/check-handlers.ts', 'check-handlers')
process.exitCode = await main(process.argv.slice(2), repoRoot, ts)
