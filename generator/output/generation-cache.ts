// Generated output depends only on the definitions and the generator, which together are exactly
// the bundle the command runs from. So the file tree a bundle produced is kept under the bundle's
// content hash, and a later run of the same bundle (a no-op regeneration, `--check`) reuses it
// instead of generating again. Any change to a definition or the generator changes the hash.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { FileTree } from './file-tree.js'

const FORMAT = 2

/** The cache file for the bundle at `bundlePath`, named by a hash of its content. */
export function cachePathFor(bundlePath: string): string {
  const hash = createHash('sha256').update(readFileSync(bundlePath)).digest('hex').slice(0, 32)
  return join(dirname(bundlePath), `${basename(bundlePath, '.mjs')}.output-${FORMAT}-${hash}.bin`)
}

/**
 * Layout: one line of JSON (summary, [path, byte length] pairs, and the SHA-256 of what follows),
 * then the contents back to back. A cache that is unreadable, truncated or altered in any way is
 * treated as absent, so the run generates afresh instead of trusting it.
 */
export function readCachedTree<S>(path: string): { summary: S; files: FileTree } | undefined {
  try {
    const data = readFileSync(path)
    const headerEnd = data.indexOf(10)
    if (headerEnd < 0) return undefined
    const header = JSON.parse(data.subarray(0, headerEnd).toString('utf8')) as { summary: S; entries: [string, number][]; sha256: string }
    const body = data.subarray(headerEnd + 1)
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return undefined
    const files: FileTree = new Map()
    let offset = 0
    for (const [file, length] of header.entries) {
      files.set(file, body.toString('utf8', offset, offset + length))
      offset += length
    }
    return offset === body.length ? { summary: header.summary, files } : undefined
  } catch {
    return undefined
  }
}

/** Stores a tree for later runs and drops the caches of earlier bundles of the same command. */
export function writeCachedTree(path: string, summary: unknown, files: FileTree): void {
  const contents = [...files.values()].map((text) => Buffer.from(text, 'utf8'))
  const entries = [...files.keys()].map((file, i) => [file, contents[i]!.length])
  const body = Buffer.concat(contents)
  const sha256 = createHash('sha256').update(body).digest('hex')
  const header = Buffer.from(`${JSON.stringify({ summary, entries, sha256 })}\n`, 'utf8')
  const prefix = `${basename(path).split('.output-')[0]}.output-`
  mkdirSync(dirname(path), { recursive: true })
  for (const old of readdirSync(dirname(path))) {
    if (old.startsWith(prefix) && old !== basename(path)) rmSync(join(dirname(path), old), { force: true })
  }
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, Buffer.concat([header, body]))
  renameSync(temporary, path)
}
