// What one build of the generator last wrote or verified under an output root: each file's size,
// inode and change and modification times at that moment, as git's index keeps them for
// `git status`. A later run of the same build does not read a file whose stamp is unchanged. Any
// write to a file changes its change time (which no ordinary tool can set back). Timestamps are
// coarse, so, as with git, a file is trusted only if its times are older than the record by more
// than a clock tick: then any later write gives it a new stamp. (Like git, this does not cover a
// second program writing the same file while the generator runs.)
import { readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { dirname, join } from 'node:path'

/** Files modified this close to the moment of recording may change again within one clock tick. */
const RACY_MS = 20

export type Stamp = string

/** Parallel lists rather than an object keyed by path: a little faster to load. */
interface StoredRecord {
  /** Every file of the tree when it was recorded. */
  paths: string[]
  /** Each file's stamp, or '' where it was too fresh to be trusted. */
  stamps: Stamp[]
  /**
   * The stamps of the folders holding those files, if all could be trusted. Adding, removing or
   * renaming a file changes its folder's stamp, so while they hold, the list of files does too.
   */
  folders?: [string, Stamp][]
}

// Millisecond times as doubles keep sub-microsecond precision for present-day dates.
export function stampOf(stats: Stats): Stamp {
  return `${stats.size}:${stats.ino}:${stats.mtimeMs}:${stats.ctimeMs}`
}

export class KnownFiles {
  /** How many files this run found exactly as recorded. */
  private hits = 0

  private constructor(private readonly path: string, private readonly stamps: Map<string, Stamp>, private readonly stored?: StoredRecord) {}

  /** The record for `root` (and one `--version` choice) kept in `folder` (the build's folder); empty if there is none. */
  static open(folder: string, root: string, version?: string): KnownFiles {
    const path = join(folder, `known-${root.replace(/[^A-Za-z0-9]+/g, '_')}${version ? `-${version}` : ''}.json`)
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredRecord
      const map = new Map<string, Stamp>()
      stored.paths.forEach((file, i) => {
        if (stored.stamps[i]) map.set(file, stored.stamps[i]!)
      })
      return new KnownFiles(path, map, stored)
    } catch {
      return new KnownFiles(path, new Map())
    }
  }

  /**
   * The files under `root` as recorded, if no folder changed since: then none was added, removed
   * or renamed, and the folders need not be listed again.
   */
  unchangedListing(root: string): string[] | undefined {
    const folders = this.stored?.folders
    if (!folders) return undefined
    for (const [folder, stamp] of folders) {
      const stats = statSync(`${root}/${folder}`, { throwIfNoEntry: false })
      if (!stats || stampOf(stats) !== stamp) return undefined
    }
    return this.stored!.paths
  }

  /** True when the file is exactly as this build last wrote or verified it. Ask once per file. */
  isUnchanged(relativePath: string, stats: Stats): boolean {
    const unchanged = this.stamps.get(relativePath) === stampOf(stats)
    if (unchanged) this.hits++
    return unchanged
  }

  /**
   * Records the files of `root`, the whole tree under its owned folders, as verified now. Files
   * touched a moment ago cannot be trusted yet, so if the newest were, this waits out that short
   * window before writing: the next run then reads none of them.
   */
  async record(root: string, relativePaths: Iterable<string>, stamps: ReadonlyMap<string, Stats> = new Map()): Promise<void> {
    const paths = [...relativePaths]
    // Every file was found as recorded and none is missing: the record stays as it is.
    if (this.hits === paths.length && this.stamps.size === paths.length && this.stored?.folders) return
    const stats = paths.map((path) => stamps.get(path) ?? statSync(join(root, path)))
    const folders = [...foldersOf(paths)].map((folder) => [folder, statSync(join(root, folder))] as const)
    const newest = [...stats, ...folders.map(([, s]) => s)].reduce((latest, s) => Math.max(latest, s.mtimeMs, s.ctimeMs), 0)
    const wait = newest + RACY_MS - Date.now()
    // A time further ahead is a clock skew, not a fresh write: those are simply not trusted.
    if (wait > 0 && wait <= RACY_MS) await new Promise((resolve) => setTimeout(resolve, wait + 1))
    const trustedBefore = Date.now() - RACY_MS
    const trusted = (s: Stats) => s.mtimeMs < trustedBefore && s.ctimeMs < trustedBefore
    const stored: StoredRecord = { paths, stamps: stats.map((s) => (trusted(s) ? stampOf(s) : '')) }
    if (folders.every(([, s]) => trusted(s))) stored.folders = folders.map(([folder, s]) => [folder, stampOf(s)])
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(stored))
    renameSync(temporary, this.path)
  }
}

/** Every folder that holds one of `paths`, up to the top. */
function foldersOf(paths: string[]): Set<string> {
  const folders = new Set<string>()
  for (const path of paths) {
    for (let folder = dirname(path); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder)
  }
  return folders
}
