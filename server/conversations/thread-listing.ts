// thread/list: the store's page of threads for the request's filters and order, each shown with
// its live status when loaded.
import { resolve } from 'node:path'
import type { Thread, ThreadListParams, ThreadListResponse } from '../../generated/experimental/index.js'
import { InvalidCursorError, type ConversationStore, type ThreadQuery } from './conversation-store.js'
import { conversationErrors } from './conversation-errors.js'
import { notLoadedThread, type LoadedThread } from './loaded-thread.js'

/** Threads per page when the client names no limit. */
const DEFAULT_LIMIT = 25

export function threadPage(store: ConversationStore, params: ThreadListParams, loaded: (id: string) => LoadedThread | undefined): ThreadListResponse {
  const cwd = params.cwd ?? null
  const query: ThreadQuery = {
    archived: params.archived === true,
    cwds: cwd === null ? undefined : (typeof cwd === 'string' ? [cwd] : cwd).map((path) => resolve(path)),
    sourceKinds: params.sourceKinds == null || params.sourceKinds.length === 0 ? undefined : params.sourceKinds,
    modelProviders: params.modelProviders == null || params.modelProviders.length === 0 ? undefined : params.modelProviders,
    searchTerm: params.searchTerm ?? undefined,
    excludedIds: params.excludedThreadIds ?? undefined,
    sortKey: params.sortKey === 'updated_at' || params.sortKey === 'recency_at' ? params.sortKey : 'created_at',
    direction: params.sortDirection ?? 'desc',
    limit: Math.max(1, params.limit ?? DEFAULT_LIMIT),
    cursor: params.cursor ?? undefined,
  }
  let page
  try {
    page = store.list(query)
  } catch (error) {
    if (error instanceof InvalidCursorError) throw conversationErrors.invalidCursor(params.cursor ?? '')
    throw error
  }
  const data = page.threads.map(({ meta }): Thread => loaded(meta.id)?.toThread(false) ?? notLoadedThread(meta))
  return { data, readStates: {}, nextCursor: page.nextCursor, backwardsCursor: page.backwardsCursor }
}
