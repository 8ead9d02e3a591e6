// The in-memory index: every stored thread's summary, where its file is and how much of it is
// acknowledged, plus the three sort orders that answer list queries without touching the disk.
import { resolve } from 'node:path'
import { ThreadStoreError } from './errors.js'
import { decodeCursor, encodeCursor } from './list-cursor.js'
import { SortedOrder } from './sorted-order.js'
import type { ThreadListQuery, ThreadStoreSortKey, ThreadSummary } from './thread-store.js'

/** A history file the store found but cannot serve. */
export interface EntryProblem {
  readonly code: 'threadCorrupted' | 'threadUnreadable'
  readonly message: string
  readonly line?: number
}

export interface IndexEntry {
  readonly id: string
  /** Acknowledged summary; undefined only for a problem file without a usable one. */
  summary: ThreadSummary | undefined
  archived: boolean
  /** Bytes of the file that are acknowledged (complete lines). */
  size: number
  mtimeMs: number
  problem?: EntryProblem
  /** Derived from the summary when it was indexed. */
  derived?: { cwd: string; search: string; values: Record<ThreadStoreSortKey, number> }
}

const SORT_KEYS: readonly ThreadStoreSortKey[] = ['created_at', 'updated_at', 'recency_at']

/** Paths compare after resolving `.`/`..`, doubled separators and a trailing separator. */
export function normalizeCwd(cwd: string): string {
  return resolve(cwd)
}

export class ThreadIndex {
  readonly entries = new Map<string, IndexEntry>()
  private readonly orders: Record<ThreadStoreSortKey, SortedOrder<IndexEntry>> = {
    created_at: new SortedOrder(),
    updated_at: new SortedOrder(),
    recency_at: new SortedOrder(),
  }

  /** Fills the index at start, sorting each order once. */
  load(entries: IndexEntry[]): void {
    for (const entry of entries) {
      this.entries.set(entry.id, entry)
      entry.derived = entry.summary ? derive(entry.summary) : undefined
    }
    for (const key of SORT_KEYS) {
      this.orders[key].reset(entries.filter((e) => e.derived).map((e) => ({ value: e.derived!.values[key], id: e.id, item: e })))
    }
  }

  /** Adds an entry or records its new summary, moving it in the orders its times changed in. */
  put(entry: IndexEntry): void {
    this.entries.set(entry.id, entry)
    const before = entry.derived
    const after = entry.summary ? derive(entry.summary) : undefined
    for (const key of SORT_KEYS) {
      if (before && after && before.values[key] === after.values[key]) continue
      if (before) this.orders[key].remove(before.values[key], entry.id)
      if (after) this.orders[key].insert({ value: after.values[key], id: entry.id, item: entry })
    }
    entry.derived = after
  }

  /** Forgets an entry (its thread was deleted). */
  remove(entry: IndexEntry): void {
    if (this.entries.get(entry.id) !== entry) return
    this.entries.delete(entry.id)
    if (entry.derived) for (const key of SORT_KEYS) this.orders[key].remove(entry.derived.values[key], entry.id)
    entry.derived = undefined
  }

  /** One page: the matching entries and the cursors around them. */
  page(query: ThreadListQuery): { entries: IndexEntry[]; nextCursor: string | null; backwardsCursor: string | null } {
    if (!Number.isInteger(query.limit) || query.limit < 1) {
      throw new ThreadStoreError('invalidQuery', `invalid list limit ${query.limit}: it must be a whole number, 1 or more`)
    }
    const key = query.sortKey ?? 'created_at'
    const descending = (query.sortDirection ?? 'desc') === 'desc'
    const order = this.orders[key]
    const matches = matcher(query)
    let index: number
    if (query.cursor) {
      const from = decodeCursor(query.cursor, key)
      index = descending ? order.lowerBound(from.value, from.id) - 1 : order.upperBound(from.value, from.id)
    } else {
      index = descending ? order.size - 1 : 0
    }
    const step = descending ? -1 : 1
    const found: IndexEntry[] = []
    let more = false
    for (; index >= 0 && index < order.size; index += step) {
      const entry = order.at(index)!.item
      if (!matches(entry)) continue
      if (found.length === query.limit) {
        more = true
        break
      }
      found.push(entry)
    }
    const cursorAt = (entry: IndexEntry | undefined) =>
      entry ? encodeCursor({ key, value: entry.derived!.values[key], id: entry.id }) : null
    return { entries: found, nextCursor: more ? cursorAt(found.at(-1)) : null, backwardsCursor: cursorAt(found[0]) }
  }
}

function derive(summary: ThreadSummary): NonNullable<IndexEntry['derived']> {
  return {
    cwd: normalizeCwd(summary.cwd),
    search: `${summary.name ?? ''}\n${summary.preview}`.toLowerCase(),
    values: {
      created_at: summary.createdAtMs,
      updated_at: summary.updatedAtMs,
      recency_at: summary.recencyAtMs ?? summary.updatedAtMs,
    },
  }
}

function matcher(query: ThreadListQuery): (entry: IndexEntry) => boolean {
  const archived = query.archived ?? false
  const cwds = query.cwd == null ? [] : typeof query.cwd === 'string' ? [query.cwd] : query.cwd
  const cwdSet = cwds.length > 0 ? new Set(cwds.map(normalizeCwd)) : undefined
  const kinds = query.sourceKinds?.length ? new Set<string>(query.sourceKinds) : undefined
  const providers = query.modelProviders?.length ? new Set(query.modelProviders) : undefined
  const term = query.searchTerm ? query.searchTerm.toLowerCase() : undefined
  const excluded = query.excludedThreadIds?.length ? new Set(query.excludedThreadIds) : undefined
  const where = query.where
  return (entry) => {
    const summary = entry.summary!
    return (
      entry.archived === archived &&
      (!cwdSet || cwdSet.has(entry.derived!.cwd)) &&
      (!kinds || kinds.has(summary.sourceKind)) &&
      (!providers || providers.has(summary.modelProvider)) &&
      (!term || entry.derived!.search.includes(term)) &&
      (!excluded || !excluded.has(entry.id)) &&
      (!where || where(summary))
    )
  }
}
