// thread/* requests that manage a thread as a whole: its goal (set, get, clear), cutting its
// history back (revert) and deleting it (its section: thread-sections.ts). Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/i-thread-manage.jsonl.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { newId, nowSeconds } from '../conversations/clock.js'
import { ThreadStoreError } from '../conversations/errors.js'
import type { LoadedThread } from '../conversations/loaded-thread.js'
import { historyCursors } from '../conversations/thread-history.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'

export function threadManageHandlers(manager: ThreadManager) {
  const goals = manager.goals

  /** Stops the thread's running turn and waits until it has completed. */
  const stopTurn = async (thread: LoadedThread): Promise<void> => {
    const running = thread.running
    if (!running) return
    running.interrupt()
    await running.done
  }

  return defineHandlers({
    'thread/goal/get': async ({ threadId }) => {
      checkThreadId(threadId)
      return { goal: await goals.get(threadId) }
    },

    'thread/goal/set': async ({ threadId, objective, status, tokenBudget }, context) => {
      checkThreadId(threadId)
      const { after } = await goals.change(threadId, (goal) => {
        if (objective != null && objective.trim() === '') throw conversationErrors.emptyObjective()
        if (tokenBudget != null && tokenBudget <= 0) throw conversationErrors.badBudget()
        const now = nowSeconds()
        if (goal) {
          return {
            ...goal, objective: objective ?? goal.objective, status: status ?? goal.status, tokenBudget: tokenBudget ?? goal.tokenBudget, updatedAt: now,
          }
        }
        if (objective == null) throw conversationErrors.noGoal(threadId)
        return { threadId, objective, status: status ?? 'active', tokenBudget: tokenBudget ?? null, tokensUsed: 0, timeUsedSeconds: 0, createdAt: now, updatedAt: now }
      })
      const goal = after!
      context.afterResponse(() => manager.connections.broadcast('thread/goal/updated', { threadId, turnId: null, goal }))
      return { goal }
    },

    'thread/goal/clear': async ({ threadId }, context) => {
      checkThreadId(threadId)
      const { before } = await goals.change(threadId, () => null)
      if (!before) return { cleared: false }
      context.afterResponse(() => manager.connections.broadcast('thread/goal/cleared', { threadId }))
      return { cleared: true }
    },

    // Only a loaded thread; a running turn is interrupted first (codex does not refuse), and the
    // thread is reloaded, which everyone sees as its status going notLoaded and back to idle.
    'thread/revert': async ({ threadId, beforeTurnId }, context) => {
      checkThreadId(threadId)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotFound)
      await stopTurn(thread)
      thread.setStatus({ type: 'notLoaded' })
      thread.setStatus({ type: 'idle' })
      const cut = thread.turns.findIndex((turn) => turn.id === beforeTurnId)
      if (cut < 0) throw conversationErrors.turnNotFound(beforeTurnId)
      await thread.record([{ type: 'reverted', beforeTurnId }])
      const removed = new Set(thread.turns.splice(cut).map((turn) => turn.id))
      const unread = thread.readState.firstUnread
      if (unread?.type === 'turn' && removed.has(unread.turnId)) {
        thread.readState = { firstUnread: null, revision: newId() }
        thread.emit('thread/readState/changed', { threadId, readState: thread.readState })
      }
      context.afterResponse(() => manager.connections.broadcast('thread/reverted', { threadId }))
      return { thread: thread.toThread(false), ...historyCursors(threadId, thread.turns) }
    },

    // Loaded or not, archived or not. A loaded thread is unloaded first (its running turn
    // interrupted): everyone sees its status become notLoaded, then hears thread/deleted.
    'thread/delete': async ({ threadId }, context) => {
      checkThreadId(threadId)
      const store = await manager.store()
      const loaded = manager.loaded.get(threadId)
      if (!loaded && !store.summary(threadId)) {
        // A history the index cannot serve (damaged) is still removed.
        await store.delete(threadId).catch((error: unknown) => {
          throw error instanceof ThreadStoreError && error.code === 'threadNotFound' ? conversationErrors.noRollout(threadId) : error
        })
      } else {
        if (loaded) {
          await stopTurn(loaded)
          await manager.unload(loaded, 'archived')
        }
        if (!loaded || loaded.isMaterialized) await store.delete(threadId)
      }
      goals.forget(threadId)
      context.afterResponse(() => manager.connections.broadcast('thread/deleted', { threadId }))
      return {}
    },
  })
}
