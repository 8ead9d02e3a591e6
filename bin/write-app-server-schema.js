#!/usr/bin/env node
// Regenerates the JSON Schema fixtures and TypeScript types from protocol/ (see --help).
import { bundlePath, importBundled, repoRoot } from './run-bundled.js'

// File writes block on the disk; more pool threads let more of them proceed at once. The pool
// starts on first use, so setting this before any asynchronous file operation is enough.
process.env.UV_THREADPOOL_SIZE ??= '32'

const entry = 'generator/cli.ts'
const { main } = await importBundled(entry, 'write-app-server-schema')
process.exitCode = await main(process.argv.slice(2), repoRoot, { bundlePath: bundlePath(entry) })
