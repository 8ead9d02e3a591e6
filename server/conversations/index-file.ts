// The persisted index (threads-index.json): what the in-memory index knows about every healthy
// thread, so that a start reads one file and stats the histories instead of reading them all.
// It is only a cache: anything missing, stale or unreadable in it is rebuilt from the histories.
import { readFileSync } from 'node:fs'
import { writeFileAtomic } from './durable-fs.js'
import type { IndexEntry } from './thread-index.js'
import type { ThreadSummary } from './thread-store.js'

const VERSION = 1

export interface PersistedEntry {
  readonly archived: boolean
  readonly size: number
  readonly mtimeMs: number
  readonly summary: ThreadSummary
}

/** The saved entries by id; empty (and a reason) when the file is missing or unusable. */
export function loadIndexFile(file: string): { entries: Map<string, PersistedEntry>; problem?: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { entries: new Map(), problem: code === 'ENOENT' ? undefined : `cannot read ${file}: ${(error as Error).message}` }
  }
  try {
    const parsed = JSON.parse(text) as { version?: unknown; threads?: unknown }
    if (parsed.version !== VERSION || typeof parsed.threads !== 'object' || parsed.threads === null) {
      return { entries: new Map(), problem: `${file} has an unknown format` }
    }
    return { entries: new Map(Object.entries(parsed.threads as Record<string, PersistedEntry>)) }
  } catch {
    return { entries: new Map(), problem: `${file} is not valid JSON` }
  }
}

export function saveIndexFile(file: string, entries: Iterable<IndexEntry>): Promise<void> {
  const threads: Record<string, PersistedEntry> = {}
  for (const entry of entries) {
    if (entry.summary && !entry.problem) {
      threads[entry.id] = { archived: entry.archived, size: entry.size, mtimeMs: entry.mtimeMs, summary: entry.summary }
    }
  }
  return writeFileAtomic(file, JSON.stringify({ version: VERSION, threads }))
}
