// The files and folders under some search roots, and fuzzy matching of a query against their
// paths. Codex walks every entry, hidden ones and `.git` included, leaving out what git ignores
// inside a work tree (observed on 0.169.0), matches
// with an fzf-style matcher (nucleo) and ranks matches in the file's own name far above matches
// in the folders leading to it. Matching uses the `fzf` package (the fzf v2 algorithm, the one
// nucleo follows); scores are fzf's plus that ranking bonus, so they order as codex's do but are
// not codex's numbers.
import { opendir } from 'node:fs/promises'
import { join } from 'node:path'
import { Fzf, type FzfResultItem } from 'fzf'
import { gitIgnoredPaths } from './git-ignored.js'
import type { FuzzyFileSearchResult } from '../../generated/experimental/index.js'

/** Most entries indexed per search, so a huge tree cannot exhaust memory. */
export const MAX_INDEXED_ENTRIES = 200_000
/** Most matches returned for one query. */
export const MAX_MATCHES = 50
/** A match inside the entry's own name outranks any match that reaches into its folders. */
const NAME_BONUS = 65_536

export interface IndexedEntry {
  root: string
  /** Relative to `root`, with `/` between segments. */
  path: string
  isDirectory: boolean
  /** Where the last segment of `path` starts. */
  nameStart: number
}

/** Every entry under the roots (not following links), until `signal` aborts or the cap is hit. */
export async function indexRoots(roots: readonly string[], signal?: AbortSignal): Promise<IndexedEntry[]> {
  const entries: IndexedEntry[] = []
  for (const root of roots) {
    const ignored = await gitIgnoredPaths(root, signal)
    // Breadth first, so a capped index holds the entries nearest the root.
    const pending: string[] = ['']
    while (pending.length > 0 && entries.length < MAX_INDEXED_ENTRIES) {
      if (signal?.aborted) return entries
      const folder = pending.shift()!
      let dir
      try {
        dir = await opendir(join(root, folder))
      } catch {
        continue // a missing or unreadable folder has nothing to offer (codex answers no matches)
      }
      for await (const entry of dir) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`
        if (ignored.has(path)) continue
        const isDirectory = entry.isDirectory()
        entries.push({ root, path, isDirectory, nameStart: path.length - entry.name.length })
        if (isDirectory) pending.push(path)
        if (entries.length >= MAX_INDEXED_ENTRIES) break
      }
    }
  }
  return entries
}

/** The best matches of `query`, best first (ties by root order, then path); none for an empty query. */
export function matchEntries(entries: readonly IndexedEntry[], query: string): FuzzyFileSearchResult[] {
  if (query === '') return []
  const finder = new Fzf<readonly IndexedEntry[]>(entries, { selector: (entry: IndexedEntry) => entry.path, casing: 'case-insensitive', normalize: true })
  const found: FzfResultItem<IndexedEntry>[] = finder.find(query)
  const ranked = found.map(({ item, score, positions }) => {
    const indices = [...positions].sort((a, b) => a - b)
    const inName = indices.every((index) => index >= item.nameStart)
    const exactName = item.path.slice(item.nameStart).toLowerCase() === query.toLowerCase()
    return { item, indices, score: score + (inName ? NAME_BONUS : 0) + (exactName ? NAME_BONUS : 0) }
  })
  const rootOrder = new Map<string, number>()
  for (const entry of entries) if (!rootOrder.has(entry.root)) rootOrder.set(entry.root, rootOrder.size)
  ranked.sort((a, b) => b.score - a.score || rootOrder.get(a.item.root)! - rootOrder.get(b.item.root)! || (a.item.path < b.item.path ? -1 : 1))
  return ranked.slice(0, MAX_MATCHES).map(({ item, indices, score }) => ({
    root: item.root,
    path: item.path,
    match_type: item.isDirectory ? 'directory' : 'file',
    file_name: item.path.slice(item.nameStart),
    score,
    indices,
  }))
}
