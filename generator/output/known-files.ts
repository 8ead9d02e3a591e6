// What one build of the generator last wrote or verified under an output root: each file's size,
// inode and change and modification times at that moment, as git's index keeps them for
// `git status`. A later run of the same build does not read a file whose stamp is unchanged. Any
// write to a file changes its change time (which no ordinary tool can set back), and files
// touched just before the record was taken are not trusted, as timestamps are coarse.
import { readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { join } from 'node:path'

/** Files modified this close to the moment of recording may change again within one clock tick. */
const RACY_MS = 20

export type Stamp = string

// Millisecond times as doubles keep sub-microsecond precision for present-day dates.
export function stampOf(stats: Stats): Stamp {
  return `${stats.size}:${stats.ino}:${stats.mtimeMs}:${stats.ctimeMs}`
}

export class KnownFiles {
  /** How many files this run found exactly as recorded. */
  private hits = 0

  private constructor(private readonly path: string, private readonly stamps: Map<string, Stamp>) {}

  /** The record for `root` kept in `folder` (the build's folder); empty if there is none. */
  static open(folder: string, root: string): KnownFiles {
    const path = join(folder, `known-${root.replace(/[^A-Za-z0-9]+/g, '_')}.json`)
    try {
      return new KnownFiles(path, new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, Stamp>)))
    } catch {
      return new KnownFiles(path, new Map())
    }
  }

  /** True when the file is exactly as this build last wrote or verified it. Ask once per file. */
  isUnchanged(relativePath: string, stats: Stats): boolean {
    const unchanged = this.stamps.get(relativePath) === stampOf(stats)
    if (unchanged) this.hits++
    return unchanged
  }

  /**
   * Records the files of `root` as verified now. Files touched a moment ago cannot be trusted yet,
   * so if the newest were, this waits out that short window first: the next run then reads none.
   */
  async record(root: string, relativePaths: Iterable<string>, stamps: ReadonlyMap<string, Stats> = new Map()): Promise<void> {
    const paths = [...relativePaths]
    // Every file was found as recorded and none is missing: the record stays as it is.
    if (this.hits === paths.length && this.stamps.size === paths.length) return
    const stats = paths.map((path) => stamps.get(path) ?? statSync(join(root, path)))
    const newest = stats.reduce((latest, s) => Math.max(latest, s.mtimeMs, s.ctimeMs), 0)
    const wait = newest + RACY_MS - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const trustedBefore = Date.now() - RACY_MS
    const entries: Record<string, Stamp> = {}
    paths.forEach((path, i) => {
      if (stats[i]!.mtimeMs < trustedBefore && stats[i]!.ctimeMs < trustedBefore) entries[path] = stampOf(stats[i]!)
    })
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(entries))
    renameSync(temporary, this.path)
  }
}
