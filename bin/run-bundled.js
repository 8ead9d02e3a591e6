// Runs a TypeScript entry point of this package with plain Node, no build step: the entry and
// everything it imports are bundled with esbuild into node_modules/.cache on first use, and again
// whenever one of the bundle's input files (as esbuild recorded them) changes. Code the entry loads
// with a dynamic import goes into separate chunks, so a run that does not need it never parses it.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
// Besides the sources esbuild reads: dependency upgrades and this script change a bundle too.
const ALWAYS_INPUTS = ['package-lock.json', 'bin/run-bundled.js']
const KEPT_BUILDS = 2

/**
 * Imports the bundle of `entry` (a path relative to the repository), rebuilding it if stale.
 * `external` lists packages loaded from node_modules instead of being inlined.
 */
export async function importBundled(entry, commandName, { external = ['esbuild', 'ts-morph', 'typescript'] } = {}) {
  let file = bundlePath(entry)
  if (!file || !isFresh(file)) {
    try {
      file = await build(entry, external)
    } catch (error) {
      // A syntax error in a source file: say where, on one line, instead of a stack trace.
      const first = error.errors?.[0]
      const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : ''
      process.stderr.write(`${commandName}: the sources failed to compile: ${where}${first?.text ?? error.message}\n`)
      process.exit(1)
    }
  }
  return import(pathToFileURL(file).href)
}

/** The entry file of the current bundle of `entry`, or undefined before the first build. */
export function bundlePath(entry) {
  try {
    const build = readFileSync(`${bundleBase(entry)}.current`, 'utf8').trim()
    return join(`${bundleBase(entry)}-${build}`, `${entryName(entry)}.mjs`)
  } catch {
    return undefined
  }
}

function bundleBase(entry) {
  // Keyed by checkout too: worktrees may share one node_modules through a link.
  const checkout = repoRoot.replace(/[^A-Za-z0-9]+/g, '_')
  return join(repoRoot, 'node_modules', '.cache', 'codex-app-server-toolkit', checkout, entryName(entry))
}

function entryName(entry) {
  return entry.replace(/[\\/]/g, '_').replace(/\.ts$/, '')
}

function isFresh(file) {
  try {
    const built = statSync(file).mtimeMs
    const inputs = JSON.parse(readFileSync(join(dirname(file), 'inputs.json'), 'utf8'))
    return inputs.every((input) => statSync(join(repoRoot, input)).mtimeMs <= built)
  } catch {
    return false
  }
}

async function build(entry, external) {
  const { build } = await import('esbuild')
  const base = bundleBase(entry)
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}`
  const outdir = `${base}-${id}`
  const result = await build({
    entryPoints: { [entryName(entry)]: join(repoRoot, entry) },
    outdir,
    absWorkingDir: repoRoot,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    external,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules'))
  // An installed package has no package-lock.json; an input that never existed is not one.
  const always = ALWAYS_INPUTS.filter((input) => existsSync(join(repoRoot, input)))
  writeFileSync(join(outdir, 'inputs.json'), JSON.stringify([...always, ...inputs]))
  // The pointer is replaced atomically, so concurrent runs see the old build or the new one.
  writeFileSync(`${base}.current.${process.pid}`, id)
  renameSync(`${base}.current.${process.pid}`, `${base}.current`)
  removeOldBuilds(base)
  return join(outdir, `${entryName(entry)}.mjs`)
}

// Older builds may still be loading chunks in a running process, so the newest few are kept.
function removeOldBuilds(base) {
  const prefix = `${base.split(/[\\/]/).pop()}-`
  const builds = readdirSync(dirname(base))
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, at: statSync(join(dirname(base), name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  for (const old of builds.slice(KEPT_BUILDS)) rmSync(join(dirname(base), old.name), { recursive: true, force: true })
}

