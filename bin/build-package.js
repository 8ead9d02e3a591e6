#!/usr/bin/env node
// Builds the consumer package codex-app-server-protocol into packages/ (see --help); `npm run prepare` runs it.
import { importBundled, repoRoot } from './run-bundled.js'

const ts = await import('typescript').then((module) => module.default, () => undefined)
if (!ts) {
  // An install without devDependencies (npm ci --omit=dev) runs prepare too: the toolkit works
  // without the consumer package, so that install goes on without it.
  process.stderr.write('build-package: typescript (a devDependency) is not installed, so the consumer package is not built\n')
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1)
}
const { main } = await importBundled('generator/package/build-package.ts', 'build-package', { external: ['esbuild', 'ts-morph', 'typescript', 'ajv'] })
process.exitCode = await main(process.argv.slice(2), repoRoot, ts)
