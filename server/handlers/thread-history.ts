// thread/turns/list and thread/items/list: a thread's history one page at a time, from memory for
// a loaded thread and from its history file otherwise.
import type { Turn } from '../../generated/experimental/index.js'
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { itemsPage, turnsPage } from '../conversations/thread-history.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { checkThreadId } from '../conversations/thread-id.js'

export function threadHistoryHandlers(manager: ThreadManager) {
  /** The thread's turns; an error when it is unknown or has no history yet. */
  const turnsOf = async (threadId: string, method: string, unknown: (id: string) => Error): Promise<Turn[]> => {
    checkThreadId(threadId)
    const loaded = manager.loaded.get(threadId)
    if (loaded) {
      if (!loaded.isMaterialized) throw conversationErrors.notMaterialized(threadId, method)
      return loaded.turns
    }
    const stored = await manager.readStored(threadId)
    if (!stored) throw unknown(threadId)
    return stored.turns
  }

  return defineHandlers({
    'thread/turns/list': async (params) => turnsPage(params.threadId, await turnsOf(params.threadId, 'thread/turns/list', conversationErrors.threadNotLoaded), params),
    'thread/items/list': async (params) => itemsPage(params.threadId, await turnsOf(params.threadId, 'thread/items/list', conversationErrors.itemsListUnsupported), params),
  })
}
