#!/usr/bin/env node
// Reports what changed in the protocol between two versions, judged by direction (see --help).
import { importBundled, repoRoot } from './run-bundled.js'

const { main, DEFAULT_LAYOUT } = await importBundled('generator/diff/entry.ts', 'protocol-diff')
process.exitCode = await main(process.argv.slice(2), repoRoot, DEFAULT_LAYOUT)
