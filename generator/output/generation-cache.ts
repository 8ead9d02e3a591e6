// Generated output depends only on the definitions and the generator, which together are exactly
// the bundle the command runs from, and every build of a bundle gets a folder of its own. So the
// file tree a build produced is kept in that folder, and a later run of the same build (a no-op
// regeneration, `--check`) reuses it instead of generating again. Any change to a definition or
// the generator makes a new build, and the old folder goes away with its cache.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { FileTree } from './file-tree.js'

const FORMAT = 3

/** The cache file beside the bundle entry file at `bundlePath`. */
export function cachePathFor(bundlePath: string): string {
  return join(dirname(bundlePath), `output-${FORMAT}.bin`)
}

/** A cached tree; `intact()` checks its contents against the checksum stored with them. */
export interface CachedTree<S> {
  summary: S
  files: Map<string, Buffer>
  intact(): Promise<boolean>
}

/**
 * Layout: one line of JSON (summary, [path, byte length] pairs, and the SHA-256 of what follows),
 * then the contents back to back. An unreadable or truncated cache is treated as absent. Hashing
 * the contents costs more than the rest of a no-op run, so callers check `intact()` only before they
 * act on a difference; a cache that matches every file on disk byte for byte needs no proof.
 */
export function readCachedTree<S>(path: string): CachedTree<S> | undefined {
  try {
    const data = readFileSync(path)
    const headerEnd = data.indexOf(10)
    if (headerEnd < 0) return undefined
    const header = JSON.parse(data.subarray(0, headerEnd).toString('utf8')) as { summary: S; entries: [string, number][]; sha256: string }
    const body = data.subarray(headerEnd + 1)
    const files = new Map<string, Buffer>()
    let offset = 0
    for (const [file, length] of header.entries) {
      files.set(file, body.subarray(offset, offset + length))
      offset += length
    }
    if (offset !== body.length) return undefined
    return { summary: header.summary, files, intact: async () => (await sha256(body)) === header.sha256 }
  } catch {
    return undefined
  }
}

/** Stores a tree for later runs of the same build. */
export async function writeCachedTree(path: string, summary: unknown, files: FileTree): Promise<void> {
  const contents = [...files.values()].map((text) => Buffer.from(text, 'utf8'))
  const entries = [...files.keys()].map((file, i) => [file, contents[i]!.length])
  const body = Buffer.concat(contents)
  const header = Buffer.from(`${JSON.stringify({ summary, entries, sha256: await sha256(body) })}\n`, 'utf8')
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, Buffer.concat([header, body]))
  renameSync(temporary, path)
}

// node:crypto is loaded only when a hash is needed: it is not part of Node's startup snapshot.
async function sha256(data: Buffer): Promise<string> {
  const { createHash } = await import('node:crypto')
  return createHash('sha256').update(data).digest('hex')
}
