#!/usr/bin/env node
// Runs the reference app-server (see --help) with plain Node, no build step: server/main.ts and
// everything it imports, fastify and ws included, are bundled with esbuild into node_modules/.cache
// on first use, and again when one of the bundle's input files changes. Inlining the websocket stack
// keeps the idle process about 11 MB smaller than loading it from node_modules module by module.
// (bin/run-bundled.js does the same for the other commands, with packages left external.)
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repoRoot } from './run-bundled.js'

const COMMAND = 'reference-app-server'
const ENTRY = 'server/main.ts'
const bundle = join(repoRoot, 'node_modules', '.cache', 'codex-app-server-toolkit', 'reference-app-server.mjs')
const inputsFile = `${bundle}.inputs.json`
// Besides the sources: dependency upgrades and this script change the bundle too.
const ALWAYS_INPUTS = ['package-lock.json', 'bin/reference-app-server.js']

if (!(await isFresh())) await build()
const { main } = await import(pathToFileURL(bundle).href)
process.exitCode = await main(process.argv.slice(2), repoRoot)

async function isFresh() {
  const built = await mtime(bundle)
  if (built === 0) return false
  let inputs
  try {
    inputs = JSON.parse(await readFile(inputsFile, 'utf8'))
  } catch {
    return false
  }
  const times = await Promise.all([...inputs, ...ALWAYS_INPUTS].map((file) => mtime(join(repoRoot, file))))
  return times.every((time) => time > 0 && time <= built)
}

async function build() {
  const esbuild = await import('esbuild')
  await mkdir(dirname(bundle), { recursive: true })
  // Written beside the target and renamed, so concurrent starts never import a half-written bundle.
  const temporary = `${bundle}.${process.pid}.tmp`
  let result
  try {
    result = await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: [ENTRY],
      outfile: temporary,
      bundle: true,
      metafile: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // Optional native speed-ups of ws, loaded only when installed.
      external: ['bufferutil', 'utf-8-validate'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    })
  } catch (error) {
    const first = error.errors?.[0]
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : ''
    process.stderr.write(`${COMMAND}: the sources failed to compile: ${where}${first?.text ?? error.message}\n`)
    process.exit(1)
  }
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'))
  await writeFile(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(sources))
  await rename(`${inputsFile}.${process.pid}.tmp`, inputsFile)
  await rename(temporary, bundle)
}

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return 0
  }
}
