// The memory family: whether a thread uses memory (kept in its history, so it survives a restart),
// its memory summary, and the state of the memory store. The reference server never consolidates
// memories (that takes a model), so no thread has a summary and the store stays empty. Observed on
// codex 0.169.0: test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { threadFamilyErrors } from '../conversations/thread-family-errors.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'

/** The range codex accepts for memory/status's `minConsolidatedThreads`. */
const CONSOLIDATED_RANGE = { min: 1, max: 4096 }

export function memoryHandlers(manager: ThreadManager) {
  return defineHandlers({
    // A loaded thread or a stored one (not archived); a thread without a history yet keeps no mode.
    'thread/memoryMode/set': async ({ threadId, mode }) => {
      checkThreadId(threadId)
      const loaded = manager.loaded.get(threadId)
      if (loaded) {
        if (loaded.isMaterialized) await loaded.record([{ type: 'memoryModeChanged', mode }])
        return {}
      }
      const store = await manager.store()
      const stored = store.summary(threadId)
      if (!stored || stored.archived) throw conversationErrors.noRollout(threadId)
      await store.append(stored.meta, [{ type: 'memoryModeChanged', mode }])
      return {}
    },

    'thread/memory/read': ({ threadId }) => {
      checkThreadId(threadId)
      manager.loadedOr(threadId, conversationErrors.threadNotFound)
      return { summary: null }
    },

    'memory/status': ({ minConsolidatedThreads }) => {
      if (minConsolidatedThreads != null && (minConsolidatedThreads < CONSOLIDATED_RANGE.min || minConsolidatedThreads > CONSOLIDATED_RANGE.max)) {
        throw threadFamilyErrors.consolidatedRange()
      }
      // codex 0.169.0 reports an empty store as ready.
      return { v2ConsolidatedThreads: 0, v2Ready: true }
    },

    'memory/reset': () => ({}),
  })
}
