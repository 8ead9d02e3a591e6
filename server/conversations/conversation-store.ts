// What the conversation engine needs from durable storage: a history per thread (records appended
// in order, on disk before the promise resolves), the thread's metadata for listing, and the
// archive. The default implementation keeps JSONL files under the server's home folder.
import type { ThreadMeta, ThreadRecord } from './thread-records.js'

export interface StoredThreadSummary {
  meta: ThreadMeta
  archived: boolean
}

export interface ThreadQuery {
  archived: boolean
  /** Normalized absolute paths; none: any cwd. */
  cwds: string[] | undefined
  /** Source kinds (ThreadSourceKind); none: the interactive ones. */
  sourceKinds: string[] | undefined
  modelProviders: string[] | undefined
  searchTerm: string | undefined
  excludedIds: string[] | undefined
  sortKey: 'created_at' | 'updated_at' | 'recency_at'
  direction: 'asc' | 'desc'
  limit: number
  cursor: string | undefined
}

export interface ThreadPage {
  threads: StoredThreadSummary[]
  nextCursor: string | null
  backwardsCursor: string | null
}

export interface ConversationStore {
  create(meta: ThreadMeta, records: ThreadRecord[]): Promise<void>
  append(meta: ThreadMeta, records: ThreadRecord[]): Promise<void>
  /** The thread's records in order; undefined when no such thread is stored. */
  read(threadId: string): Promise<ThreadRecord[] | undefined>
  summary(threadId: string): StoredThreadSummary | undefined
  list(query: ThreadQuery): ThreadPage
  archive(threadId: string): Promise<void>
  unarchive(threadId: string): Promise<void>
  /** Removes the thread and its history for good (live or archived). */
  delete(threadId: string): Promise<void>
  close(): Promise<void>
}

/** A cursor the store never issued, or one of another query. */
export class InvalidCursorError extends Error {}

/** Every stored thread that `query` selects, in its order, read from the store page by page. */
export function* everyThread(store: ConversationStore, query: Omit<ThreadQuery, 'limit' | 'cursor'>): Generator<StoredThreadSummary> {
  let cursor: string | undefined
  do {
    const page = store.list({ ...query, limit: 500, cursor })
    yield* page.threads
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}
