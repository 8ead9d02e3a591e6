#!/usr/bin/env node
// Runs the reference app-server (see --help) with plain Node, no build step. fastify and ws are
// inlined into its bundle: loading them from node_modules module by module costs about 11 MB more
// memory at idle.
import { importBundled, repoRoot } from './run-bundled.js'

// Optional native speed-ups of ws stay external: they are loaded only when installed. The TOML
// parser stays external because it loads its WebAssembly file from beside its own module.
const external = ['esbuild', 'bufferutil', 'utf-8-validate', '@rainbowatcher/toml-edit-js']
const { main } = await importBundled('server/main.ts', 'reference-app-server', { external })
process.exitCode = await main(process.argv.slice(2), repoRoot)
