#!/usr/bin/env node
// Checks the reference server's request handlers against the generated method map (see --help).
import * as tsMorph from 'ts-morph'
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('server/check-handlers.ts', 'check-handlers')
process.exitCode = await main(process.argv.slice(2), repoRoot, tsMorph)
