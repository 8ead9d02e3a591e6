// A project's `recencyAt`: the latest activity of its newest thread that is not archived, found
// from the threads' own `projectId` (stored and loaded threads alike).
import type { StoredThreadSummary } from '../conversations/conversation-store.js'
import type { ThreadManager } from '../conversations/thread-manager.js'

const PAGE = 1000

/** The recency of every project that has a live thread, by project id. */
export async function projectRecency(threads: ThreadManager): Promise<Map<string, number>> {
  const store = await threads.store()
  const latest = new Map<string, number>()
  const note = (projectId: string | null, recencyAt: number) => {
    if (projectId !== null && recencyAt > (latest.get(projectId) ?? -Infinity)) latest.set(projectId, recencyAt)
  }
  let cursor: string | undefined
  do {
    const page = store.list({
      archived: false, cwds: undefined, sourceKinds: undefined, modelProviders: undefined, searchTerm: undefined, excludedIds: undefined,
      sortKey: 'recency_at', direction: 'desc', limit: PAGE, cursor,
    })
    for (const { meta } of page.threads as StoredThreadSummary[]) note(meta.projectId, meta.recencyAt ?? meta.updatedAt)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  // A loaded thread may have moved since its summary was written.
  for (const thread of threads.loaded.values()) if (!(store.summary(thread.id)?.archived ?? false)) note(thread.meta.projectId, thread.meta.recencyAt ?? thread.meta.updatedAt)
  return latest
}
