// Compares a planned set of files with what is on disk under the generator's own folders, and
// writes only what changed, removing what no longer exists. Reads and writes overlap (bounded).
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'

/** Files by path relative to the output root, with `/` separators. */
export type FileTree = Map<string, string>

export interface TreeDiff {
  added: string[]
  changed: string[]
  removed: string[]
  unchanged: number
  /** Current contents of changed and removed files, for diffs. */
  before: Map<string, string>
}

const CONCURRENCY = 64

/** Runs `task` over `items` with at most CONCURRENCY in flight. */
export async function forEachLimited<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
}

/** Every file below the owned folders of `root`, as relative paths. */
export async function listOwnedFiles(root: string, ownedFolders: readonly string[]): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    await Promise.all(entries.map(async (entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else found.push(relative(root, full).split(sep).join('/'))
    }))
  }
  await Promise.all(ownedFolders.map((folder) => walk(join(root, folder))))
  return found.sort()
}

/** What writing `files` would change under `root`, reading only the owned folders. */
export async function diffTree(root: string, files: FileTree, ownedFolders: readonly string[]): Promise<TreeDiff> {
  const existing = await listOwnedFiles(root, ownedFolders)
  const existingSet = new Set(existing)
  const diff: TreeDiff = { added: [], changed: [], removed: [], unchanged: 0, before: new Map() }
  await forEachLimited([...files.keys()], async (path) => {
    if (!existingSet.has(path)) {
      diff.added.push(path)
      return
    }
    const current = await readFile(join(root, path), 'utf8')
    if (current === files.get(path)) diff.unchanged++
    else {
      diff.changed.push(path)
      diff.before.set(path, current)
    }
  })
  await forEachLimited(existing.filter((p) => !files.has(p)), async (path) => {
    diff.removed.push(path)
    diff.before.set(path, await readFile(join(root, path), 'utf8'))
  })
  diff.added.sort()
  diff.changed.sort()
  diff.removed.sort()
  return diff
}

/** Applies a diff: writes added and changed files, deletes removed ones and folders left empty. */
export async function applyDiff(root: string, files: FileTree, diff: TreeDiff): Promise<void> {
  const toWrite = [...diff.added, ...diff.changed]
  const folders = [...new Set(toWrite.map((p) => dirname(join(root, p))))]
  await Promise.all(folders.map((dir) => mkdir(dir, { recursive: true })))
  await forEachLimited(toWrite, (path) => writeFile(join(root, path), files.get(path)!))
  await forEachLimited(diff.removed, (path) => rm(join(root, path), { force: true }))
  const emptied = [...new Set(diff.removed.map((p) => dirname(p)))].sort((a, b) => b.length - a.length)
  for (const dir of emptied) await removeEmptyFolders(root, dir)
}

async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  for (let current = dir; current !== '.' && current !== ''; current = dirname(current)) {
    try {
      await rmdir(join(root, current))
    } catch {
      return
    }
  }
}
