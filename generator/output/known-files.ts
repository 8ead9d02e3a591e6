// What one build of the generator last wrote or verified under an output root: each file's size,
// inode and change and modification times at that moment, as git's index keeps them for
// `git status`. A later run of the same build does not read a file whose stamp is unchanged. Any
// write to a file changes its change time (which no ordinary tool can set back), and files
// touched just before the record was taken are not trusted, as timestamps are coarse.
import { readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs'
import { join } from 'node:path'

/** Files modified this close to the moment of recording may change again within one clock tick. */
const RACY_NS = 20_000_000n

export type Stamp = string

export function stampOf(stats: BigIntStats): Stamp {
  return `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`
}

export class KnownFiles {
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

  /** True when the file is exactly as this build last wrote or verified it. */
  isUnchanged(relativePath: string, stats: BigIntStats): boolean {
    return this.stamps.get(relativePath) === stampOf(stats)
  }

  /** Records the files of `root` as verified now, leaving out the ones touched a moment ago. */
  record(root: string, relativePaths: Iterable<string>, stamps: ReadonlyMap<string, BigIntStats> = new Map()): void {
    const now = BigInt(Date.now()) * 1_000_000n
    const entries: Record<string, Stamp> = {}
    for (const path of relativePaths) {
      const stats = stamps.get(path) ?? statSync(join(root, path), { bigint: true })
      if (stats.mtimeNs < now - RACY_NS && stats.ctimeNs < now - RACY_NS) entries[path] = stampOf(stats)
    }
    const keys = Object.keys(entries)
    if (keys.length === this.stamps.size && keys.every((key) => this.stamps.get(key) === entries[key])) return
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(entries))
    renameSync(temporary, this.path)
  }
}
