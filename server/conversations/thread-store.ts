// What the conversation engine needs from durable thread storage, independent of how it is kept.
// The default implementation is FileThreadStore (file-thread-store.ts).
import type { ThreadSourceKind } from '../../generated/stable/index.js'

export type { ThreadSourceKind }

/**
 * The facts about a thread that the store itself reads, to filter and sort lists, plus any other
 * JSON fields the engine wants to keep with them (model, name, git info, …). Times are Unix epoch
 * MILLISECONDS (codex's `Thread` speaks seconds; the engine converts) so that lists order threads
 * made within one second; ties are broken by id.
 */
export interface ThreadSummary {
  readonly id: string
  readonly createdAtMs: number
  readonly updatedAtMs: number
  /** Time for the `recency_at` order; when null or absent, `updatedAtMs` is used. */
  readonly recencyAtMs?: number | null
  /** Working directory; compared after normalization (see normalizeCwd). */
  readonly cwd: string
  readonly sourceKind: ThreadSourceKind
  readonly modelProvider: string
  /** Start of the first user message; searched by `searchTerm`. */
  readonly preview: string
  /** Title set by the user or generated; searched by `searchTerm`. */
  readonly name?: string | null
  readonly [field: string]: unknown
}

/** One line of a thread's history: any JSON object with a `type` the engine defines. */
export interface ThreadRecord {
  readonly type: string
  readonly [field: string]: unknown
}

/** Record type the store writes for summaries; the engine may not use it. */
export const SUMMARY_RECORD_TYPE = 'threadStore.summary'

/** A thread as the index knows it. */
export interface StoredThread {
  readonly summary: ThreadSummary
  readonly archived: boolean
  /** Absolute path of its history file (in the live or the archived folder). */
  readonly path: string
}

export interface ThreadHistory extends StoredThread {
  /** The engine's records in the order they were appended (summary lines left out). */
  readonly records: ThreadRecord[]
}

export type ThreadStoreSortKey = 'created_at' | 'updated_at' | 'recency_at'
export type ThreadStoreSortDirection = 'asc' | 'desc'

export interface ThreadListQuery {
  /** Page size, 1 or more. */
  readonly limit: number
  /** From a previous page's nextCursor (same key and direction) or backwardsCursor (opposite direction). */
  readonly cursor?: string | null
  /** Default `created_at`. */
  readonly sortKey?: ThreadStoreSortKey
  /** Default `desc` (newest first). */
  readonly sortDirection?: ThreadStoreSortDirection
  /** true: only archived threads; false or absent: only live ones. */
  readonly archived?: boolean
  /** Only threads whose normalized cwd equals one of these (normalized too). Absent or []: any. */
  readonly cwd?: string | readonly string[] | null
  /** Only these source kinds. Absent or []: any (codex's "[] means interactive" is the engine's call). */
  readonly sourceKinds?: readonly ThreadSourceKind[] | null
  /** Only these model providers. Absent or []: any. */
  readonly modelProviders?: readonly string[] | null
  /** Only threads whose name or preview contains this text, ignoring case. Absent or '': any. */
  readonly searchTerm?: string | null
  /** Threads left out before the page is cut. */
  readonly excludedThreadIds?: readonly string[] | null
  /** Any further engine-side filter (sections, parents, …), applied with the others. */
  readonly where?: (summary: ThreadSummary) => boolean
}

export interface ThreadListPage {
  readonly data: StoredThread[]
  /** Continues after the last thread of this page in the same direction; null on the last page. */
  readonly nextCursor: string | null
  /** Continues before the first thread of this page when used with the opposite direction; null on an empty page. */
  readonly backwardsCursor: string | null
}

/**
 * Durable storage of threads. Every promise that resolves means the change is on disk (fsynced):
 * a crash afterwards loses none of it. Errors are ThreadStoreError.
 */
export interface ThreadStore {
  /** Stores a new thread: its summary then its first records. Fails with `threadExists` for a known id. */
  create(summary: ThreadSummary, records?: readonly ThreadRecord[]): Promise<StoredThread>
  /**
   * Appends records (in order, after every earlier append to the thread) and, when given, merges
   * `summaryPatch` into the summary (fields set to undefined are removed). The store never changes
   * times by itself: pass `updatedAtMs` in the patch.
   */
  append(threadId: string, records: readonly ThreadRecord[], summaryPatch?: Partial<ThreadSummary>): Promise<StoredThread>
  /** Changes only the summary. */
  updateSummary(threadId: string, summaryPatch: Partial<ThreadSummary>): Promise<StoredThread>
  /** The summary and every acknowledged record, read from the history file. */
  read(threadId: string): Promise<ThreadHistory>
  /** From the index, without reading the disk; undefined for an unknown (or not yet acknowledged) thread. */
  get(threadId: string): StoredThread | undefined
  /** One page of threads, from the index. */
  list(query: ThreadListQuery): ThreadListPage
  /** Moves the history into the archived folder; a no-op for an archived thread. */
  archive(threadId: string): Promise<StoredThread>
  /** Moves the history back to the live folder; a no-op for a live thread. */
  unarchive(threadId: string): Promise<StoredThread>
  /**
   * Removes the thread (live or archived) and its history file, after every write queued before
   * it; later operations on it fail with `threadNotFound`. A thread whose history is damaged can be
   * deleted too.
   */
  delete(threadId: string): Promise<void>
  /** Waits for pending writes, saves the index and releases the home folder's lock. */
  close(): Promise<void>
}
