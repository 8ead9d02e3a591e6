// Runs a TypeScript entry point of this package with plain Node, no build step: the entry and
// everything it imports are bundled with esbuild into node_modules/.cache on first use and again
// whenever a source file is newer than the bundle. A bundled run loads in milliseconds.
import { createHash } from 'node:crypto'
import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE_FOLDERS = ['protocol', 'generator', 'server', 'bench']
const SOURCE_FILES = ['package-lock.json', 'bin/run-bundled.js']

/** Imports the bundle of `entry` (a path relative to the repository), rebuilding it if stale. */
export async function importBundled(entry, commandName) {
  const bundle = bundlePath(entry)
  const built = await mtime(bundle)
  if (built === 0 || (await newestSource()) > built) {
    try {
      await build(entry, bundle)
    } catch (error) {
      // A syntax error in a source file: say where, on one line, instead of a stack trace.
      const first = error.errors?.[0]
      const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : ''
      process.stderr.write(`${commandName}: the sources failed to compile: ${where}${first?.text ?? error.message}\n`)
      process.exit(1)
    }
  }
  return import(pathToFileURL(bundle).href)
}

/** Where the bundle of `entry` is kept. */
export function bundlePath(entry) {
  // Keyed by checkout too: worktrees may share one node_modules through a link.
  const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)
  return join(repoRoot, 'node_modules', '.cache', 'codex-app-server-toolkit', checkout, `${entry.replace(/[\\/]/g, '_').replace(/\.ts$/, '')}.mjs`)
}

async function newestSource() {
  let newest = 0
  const walk = async (dir) => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    await Promise.all(entries.map(async (entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.js')) {
        const modified = await mtime(full) // read before comparing: the walks run concurrently
        newest = Math.max(newest, modified)
      }
    }))
  }
  await Promise.all(SOURCE_FOLDERS.map((folder) => walk(join(repoRoot, folder))))
  for (const file of SOURCE_FILES) {
    const modified = await mtime(join(repoRoot, file))
    newest = Math.max(newest, modified)
  }
  return newest
}

async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return 0
  }
}

async function build(entry, bundle) {
  const { build } = await import('esbuild')
  await mkdir(dirname(bundle), { recursive: true })
  // Written beside the target and renamed, so concurrent runs never import a half-written bundle.
  const temporary = `${bundle}.${process.pid}.tmp`
  await build({
    entryPoints: [join(repoRoot, entry)],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // Packages with native parts or their own workers stay external.
    external: ['esbuild', 'fastify', '@fastify/websocket', 'ws', 'ajv', 'ajv-formats'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })
  await rename(temporary, bundle)
}
