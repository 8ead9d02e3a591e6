// Compares a planned set of files with what is on disk under the generator's own folders, and
// writes only what changed, removing what no longer exists.
// File operations are synchronous. For ~2,500 small files, reads measured about ten times faster
// than promise-based ones, and creating files one after another about twice as fast as keeping
// many creations in flight on libuv's thread pool: creation is kernel work (inode allocation,
// directory updates) that serialises on locks, so parallel creations mostly wait on each other.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeSync, type Stats } from 'node:fs'
import { dirname, join } from 'node:path'
import type { KnownFiles } from './known-files.js'

/** Files by path relative to the output root, with `/` separators. */
export type FileTree = Map<string, string>

/** A file's content as generated (text) or as read back from the output cache (UTF-8 bytes). */
export type FileContent = string | Uint8Array

export function textOf(content: FileContent | undefined): string {
  return content === undefined ? '' : typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8')
}

// Bytes are compared as bytes: decoding thousands of unchanged files to compare them costs more.
function sameContent(onDisk: Buffer, planned: FileContent): boolean {
  return typeof planned === 'string' ? onDisk.toString('utf8') === planned : onDisk.equals(planned)
}

export interface TreeDiff {
  added: string[]
  changed: string[]
  removed: string[]
  unchanged: number
  /** Current contents of changed and removed files, for diffs. */
  before: Map<string, string>
  /** File stats of the unchanged files, when the caller passed a record of known files. */
  stamps: Map<string, Stats>
}

/** Every file below the owned folders of `root`, as sorted relative paths. */
export async function listOwnedFiles(root: string, ownedFolders: readonly string[]): Promise<string[]> {
  const found: string[] = []
  const walk = (relative: string): void => {
    let entries
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return
      // An owned path may be a single file (a version's meta-model.json).
      if (code === 'ENOTDIR') return void found.push(relative)
      throw error
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else found.push(path)
    }
  }
  for (const folder of ownedFolders) walk(folder)
  return found.sort()
}

/**
 * What writing `files` would change under `root`, reading only the owned folders. With `known`,
 * a file whose stamp says it is as this build last saw it is not read again, nor listed again
 * while its folders' stamps hold.
 */
export async function diffTree(root: string, files: ReadonlyMap<string, FileContent>, ownedFolders: readonly string[], known?: KnownFiles): Promise<TreeDiff> {
  const existing = new Set(known?.unchangedListing(root) ?? (await listOwnedFiles(root, ownedFolders)))
  const diff: TreeDiff = { added: [], changed: [], removed: [], unchanged: 0, before: new Map(), stamps: new Map() }
  // Contents are looked up only for files that must be compared: the cached tree reads them lazily.
  for (const path of files.keys()) {
    if (!existing.has(path)) {
      diff.added.push(path)
      continue
    }
    // Plain concatenation: the paths are already normalised, and join() costs per file.
    const full = `${root}/${path}`
    const stats = known ? statSync(full) : undefined
    if (stats && known!.isUnchanged(path, stats)) {
      diff.unchanged++
      diff.stamps.set(path, stats)
      continue
    }
    const current = readFileSync(full)
    if (sameContent(current, files.get(path)!)) {
      diff.unchanged++
      if (stats) diff.stamps.set(path, stats)
    } else {
      diff.changed.push(path)
      diff.before.set(path, current.toString('utf8'))
    }
  }
  for (const path of existing) {
    if (files.has(path)) continue
    diff.removed.push(path)
    diff.before.set(path, readFileSync(join(root, path), 'utf8'))
  }
  diff.added.sort()
  diff.changed.sort()
  diff.removed.sort()
  return diff
}

/**
 * Applies a diff: writes added and changed files, deletes removed ones and folders left empty.
 * Returns the stats of the written files as they were right after writing.
 */
export function applyDiff(root: string, files: ReadonlyMap<string, FileContent>, diff: TreeDiff): Map<string, Stats> {
  const toWrite = [...diff.added, ...diff.changed]
  for (const dir of new Set(toWrite.map((p) => dirname(join(root, p))))) mkdirSync(dir, { recursive: true })
  const written = new Map<string, Stats>()
  for (const path of toWrite) written.set(path, writeFile(join(root, path), files.get(path)!))
  for (const path of diff.removed) rmSync(join(root, path), { force: true })
  const emptied = [...new Set(diff.removed.map((p) => dirname(p)))].sort((a, b) => b.length - a.length)
  for (const dir of emptied) removeEmptyFolders(root, dir)
  return written
}

// Stats come from the open file: no second lookup of the path.
function writeFile(path: string, content: FileContent): Stats {
  const fd = openSync(path, 'w')
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done)
    return fstatSync(fd)
  } finally {
    closeSync(fd)
  }
}

function removeEmptyFolders(root: string, dir: string): void {
  for (let current = dir; current !== '.' && current !== ''; current = dirname(current)) {
    try {
      rmdirSync(join(root, current))
    } catch {
      return
    }
  }
}
