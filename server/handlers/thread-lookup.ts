// Reading into threads: thread/search across stored threads, and within one thread
// thread/searchOccurrences, thread/items/read and thread/timeline/list. Loaded threads are read
// from memory, others from their history (archived ones too, except for the timeline). Observed on
// codex 0.169.0: test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import type { Thread, ThreadSearchResult, Turn } from '../../generated/experimental/index.js'
import { defineHandlers } from '../handler-types.js'
import { everyThread, type ThreadQuery } from '../conversations/conversation-store.js'
import { notLoadedThread } from '../conversations/loaded-thread.js'
import { threadFamilyErrors } from '../conversations/thread-family-errors.js'
import { entryOf } from '../conversations/thread-history.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { firstMatchSnippet, occurrencesPage } from '../conversations/thread-search.js'
import { timelineOf, timelinePage } from '../conversations/thread-timeline.js'
import { pageByOffset } from './paging.js'

/** Search results per page when the client names no limit. */
const DEFAULT_SEARCH_LIMIT = 25
/** thread/items/read reads at most this many items at once. */
const MAX_ITEMS_READ = 100

export function threadLookupHandlers(manager: ThreadManager) {
  /**
   * The turns of a thread that has a history; codex answers a thread without one (unknown, or
   * no turn yet) with "not supported yet" for these methods.
   */
  const turnsOf = async (threadId: string, method: string): Promise<Turn[]> => {
    checkThreadId(threadId)
    const loaded = manager.loaded.get(threadId)
    if (loaded?.isMaterialized) return loaded.turns
    const stored = loaded ? undefined : await manager.readStored(threadId)
    if (!stored) throw threadFamilyErrors.notSupportedYet(method)
    return stored.turns
  }

  return defineHandlers({
    'thread/search': async (params) => {
      const term = params.searchTerm
      if (term.trim() === '') throw threadFamilyErrors.emptySearchTerm('thread/search')
      const store = await manager.store()
      const query: Omit<ThreadQuery, 'limit' | 'cursor'> = {
        archived: params.archived === true, cwds: undefined, modelProviders: undefined, searchTerm: undefined, excludedIds: undefined,
        sourceKinds: params.sourceKinds == null || params.sourceKinds.length === 0 ? undefined : params.sourceKinds,
        sortKey: params.sortKey ?? 'created_at', direction: params.sortDirection ?? 'desc',
      }
      const results: ThreadSearchResult[] = []
      for (const { meta } of everyThread(store, query)) {
        const loaded = manager.loaded.get(meta.id)
        let turns: Turn[]
        try {
          turns = loaded ? loaded.turns : (await manager.readStored(meta.id))?.turns ?? []
        } catch (error) {
          // A damaged history does not stop the search of the others (thread/read reports it).
          manager.log.warn(`thread/search: skipped thread ${meta.id}: ${(error as Error).message}`)
          continue
        }
        const snippet = firstMatchSnippet(turns, term)
        if (snippet === undefined) continue
        const thread: Thread = loaded?.toThread(false) ?? notLoadedThread(meta)
        results.push({ thread, snippet })
      }
      const page = pageByOffset(results, params.cursor, params.limit ?? DEFAULT_SEARCH_LIMIT, 'results')
      return { data: page.data, nextCursor: page.nextCursor, backwardsCursor: null }
    },

    'thread/searchOccurrences': async ({ threadId, searchTerm, cursor, limit }) => {
      checkThreadId(threadId)
      if (searchTerm.trim() === '') throw threadFamilyErrors.emptySearchTerm('thread/searchOccurrences')
      const turns = await turnsOf(threadId, 'thread/searchOccurrences')
      return occurrencesPage(threadId, turns, searchTerm, cursor ?? null, limit ?? null)
    },

    'thread/items/read': async ({ threadId, turnId, itemIds }) => {
      checkThreadId(threadId)
      if (itemIds.length < 1 || itemIds.length > MAX_ITEMS_READ) throw threadFamilyErrors.itemIdsCount()
      const turn = (await turnsOf(threadId, 'thread/items/read')).find((candidate) => candidate.id === turnId)
      const wanted = new Set(itemIds)
      // In stored order, whatever order the ids were asked in; unknown ids are left out.
      return { data: (turn?.items ?? []).filter((item) => wanted.has(item.id)).map((item) => entryOf(turnId, item)) }
    },

    'thread/timeline/list': async ({ threadId, cursor, limit }) => {
      checkThreadId(threadId)
      const store = await manager.store()
      const loaded = manager.loaded.get(threadId)
      const summary = store.summary(threadId)
      if (summary?.archived) throw threadFamilyErrors.threadArchived(threadId)
      const records = loaded && !loaded.isMaterialized ? undefined : await store.read(threadId)
      if (!records) throw threadFamilyErrors.notSupportedYet('thread/timeline/list')
      // The timeline entries are shaped as codex sends them (see thread-timeline.ts), not as its schema names them.
      return timelinePage(threadId, timelineOf(records), cursor ?? null, limit ?? null) as never
    },
  })
}
