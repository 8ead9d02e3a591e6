// The engine's view of the thread store (conversation-store.ts) over the file store: a thread's
// metadata travels in the store's summary (times in milliseconds there, seconds in the protocol),
// its records as they are.
import type { ThreadSourceKind } from '../../generated/experimental/index.js'
import type { ConversationStore, StoredThreadSummary, ThreadPage, ThreadQuery } from './conversation-store.js'
import { InvalidCursorError } from './conversation-store.js'
import type { ThreadMeta, ThreadRecord } from './thread-records.js'
import { ThreadStoreError } from './errors.js'
import type { StoredThread, ThreadStore, ThreadSummary } from './thread-store.js'

export class FileConversationStore implements ConversationStore {
  constructor(private readonly store: ThreadStore) {}

  async create(meta: ThreadMeta, records: ThreadRecord[]): Promise<void> {
    await this.store.create(summaryOf(meta), records)
  }

  async append(meta: ThreadMeta, records: ThreadRecord[]): Promise<void> {
    await this.store.append(meta.id, records, summaryOf(meta))
  }

  async read(threadId: string): Promise<ThreadRecord[] | undefined> {
    try {
      return (await this.store.read(threadId)).records as unknown as ThreadRecord[]
    } catch (error) {
      // A damaged history is not "unknown": its error reaches the client.
      if (error instanceof ThreadStoreError && error.code === 'threadNotFound') return undefined
      throw error
    }
  }

  summary(threadId: string): StoredThreadSummary | undefined {
    const stored = this.store.get(threadId)
    return stored ? summaryFrom(stored) : undefined
  }

  list(query: ThreadQuery): ThreadPage {
    let page
    try {
      page = this.store.list({
        limit: query.limit, cursor: query.cursor ?? null, sortKey: query.sortKey, sortDirection: query.direction,
        archived: query.archived, cwd: query.cwds ?? null, sourceKinds: (query.sourceKinds as ThreadSourceKind[] | undefined) ?? null,
        modelProviders: query.modelProviders ?? null, searchTerm: query.searchTerm ?? null, excludedThreadIds: query.excludedIds ?? null,
      })
    } catch (error) {
      if ((error as { code?: string }).code === 'invalidCursor') throw new InvalidCursorError((error as Error).message)
      throw error
    }
    return { threads: page.data.map(summaryFrom), nextCursor: page.nextCursor, backwardsCursor: page.backwardsCursor }
  }

  async archive(threadId: string): Promise<void> {
    await this.store.archive(threadId)
  }

  async unarchive(threadId: string): Promise<void> {
    await this.store.unarchive(threadId)
  }

  async delete(threadId: string): Promise<void> {
    await this.store.delete(threadId)
  }

  close(): Promise<void> {
    return this.store.close()
  }
}

function summaryOf(meta: ThreadMeta): ThreadSummary {
  return {
    id: meta.id,
    createdAtMs: meta.createdAt * 1000,
    updatedAtMs: meta.updatedAt * 1000,
    recencyAtMs: meta.recencyAt == null ? null : meta.recencyAt * 1000,
    cwd: meta.cwd,
    sourceKind: sourceKindOf(meta.source),
    modelProvider: meta.modelProvider,
    preview: meta.preview,
    name: meta.name ?? null,
    meta,
  }
}

function summaryFrom(stored: StoredThread): StoredThreadSummary {
  return { meta: stored.summary.meta as ThreadMeta, archived: stored.archived }
}

/** The list filter's name for a thread's source. */
function sourceKindOf(source: ThreadMeta['source']): ThreadSourceKind {
  if (typeof source === 'string') return source === 'unknown' ? 'unknown' : source
  if ('custom' in source) return 'unknown'
  const sub = source.subAgent
  if (sub === 'review') return 'subAgentReview'
  if (sub === 'compact') return 'subAgentCompact'
  if (typeof sub === 'object' && 'thread_spawn' in sub) return 'subAgentThreadSpawn'
  return 'subAgentOther'
}
