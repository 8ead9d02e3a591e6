#!/usr/bin/env node
// Builds the consumer package codex-app-server-protocol into packages/ (see --help); `npm run prepare` runs it.
import ts from 'typescript'
import { importBundled, repoRoot } from './run-bundled.js'

const { main } = await importBundled('generator/package/build-package.ts', 'build-package', { external: ['esbuild', 'ts-morph', 'typescript', 'ajv'] })
process.exitCode = await main(process.argv.slice(2), repoRoot, ts)
