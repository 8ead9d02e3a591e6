// Generated output depends only on the definitions and the generator, which together are exactly
// the bundle the command runs from, and every build of a bundle gets a folder of its own. So the
// file tree a build produced is kept in that folder, and a later run of the same build (a no-op
// regeneration, `--check`) reuses it instead of generating again. Any change to a definition or
// the generator makes a new build, and the old folder goes away with its cache.
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { FileContent, FileTree } from './file-tree.js'

const FORMAT = 4

/** The cache file beside the bundle entry file at `bundlePath`; one per `--version` choice. */
export function cachePathFor(bundlePath: string, version?: string): string {
  return join(dirname(bundlePath), `output-${FORMAT}${version ? `-${version}` : ''}.bin`)
}

/** A cached tree; `intact()` checks its contents against the checksum stored with them. */
export interface CachedTree<S> {
  summary: S
  files: ReadonlyMap<string, FileContent>
  intact(): boolean
}

interface Header<S> {
  summary: S
  entries: [string, number][]
  crc32: number
}

/**
 * Layout: one line of JSON (summary, [path, byte length] pairs, and the CRC-32 of what follows),
 * then the contents back to back. Only the header is read up front: a no-op run whose files are all
 * known to be unchanged never needs the contents. An unreadable or truncated cache is treated as
 * absent. The checksum guards against a damaged cache, not against tampering; callers check
 * `intact()` only before they act on a difference, as a cache that matches every file on disk byte
 * for byte needs no proof.
 */
export function readCachedTree<S>(path: string): CachedTree<S> | undefined {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const { header, bodyStart } = readHeader<S>(fd)
    const bodyLength = header.entries.reduce((sum, [, length]) => sum + length, 0)
    if (fstatSync(fd).size !== bodyStart + bodyLength) return undefined
    const files = new CachedFiles(header.entries, () => readBody(path, bodyStart, bodyLength))
    return { summary: header.summary, files, intact: () => crc32(files.body()) === header.crc32 }
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Stores a tree for later runs of the same build. */
export function writeCachedTree(path: string, summary: unknown, files: FileTree): void {
  const contents = [...files.values()].map((text) => Buffer.from(text, 'utf8'))
  const entries = [...files.keys()].map((file, i) => [file, contents[i]!.length])
  const body = Buffer.concat(contents)
  const header = Buffer.from(`${JSON.stringify({ summary, entries, crc32: crc32(body) })}\n`, 'utf8')
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, Buffer.concat([header, body]))
  renameSync(temporary, path)
}

function readHeader<S>(fd: number): { header: Header<S>; bodyStart: number } {
  const chunks: Buffer[] = []
  for (let position = 0; ; ) {
    const chunk = Buffer.allocUnsafe(256 * 1024)
    const read = readSync(fd, chunk, 0, chunk.length, position)
    if (read === 0) throw new Error('no header')
    const end = chunk.subarray(0, read).indexOf(10)
    chunks.push(chunk.subarray(0, end < 0 ? read : end))
    if (end >= 0) return { header: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Header<S>, bodyStart: position + end + 1 }
    position += read
  }
}

// A cache cut short after its header was read leaves the rest zero-filled; the checksum then
// fails, and the caller generates afresh before acting on any difference.
function readBody(path: string, start: number, length: number): Buffer {
  const body = Buffer.alloc(length)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return body
  }
  try {
    for (let done = 0, read = 1; done < length && read > 0; done += read) read = readSync(fd, body, done, length - done, start + done)
    return body
  } finally {
    closeSync(fd)
  }
}

/** The cached files by path; the contents are read from the cache on first use. */
class CachedFiles implements ReadonlyMap<string, FileContent> {
  private readonly spans = new Map<string, [offset: number, length: number]>()
  private loaded: Buffer | undefined

  constructor(entries: [string, number][], private readonly load: () => Buffer) {
    let offset = 0
    for (const [file, length] of entries) {
      this.spans.set(file, [offset, length])
      offset += length
    }
  }

  body(): Buffer {
    return (this.loaded ??= this.load())
  }

  get size(): number {
    return this.spans.size
  }

  has(path: string): boolean {
    return this.spans.has(path)
  }

  get(path: string): FileContent | undefined {
    const span = this.spans.get(path)
    return span && this.body().subarray(span[0], span[0] + span[1])
  }

  keys(): MapIterator<string> {
    return this.spans.keys()
  }

  *entries(): MapIterator<[string, FileContent]> {
    for (const path of this.spans.keys()) yield [path, this.get(path)!]
  }

  *values(): MapIterator<FileContent> {
    for (const path of this.spans.keys()) yield this.get(path)!
  }

  [Symbol.iterator](): MapIterator<[string, FileContent]> {
    return this.entries()
  }

  forEach(callback: (value: FileContent, key: string, map: ReadonlyMap<string, FileContent>) => void): void {
    for (const [path, content] of this.entries()) callback(content, path, this)
  }
}
