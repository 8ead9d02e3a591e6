// thread/backgroundTerminals/clean and /terminate. The offline agent leaves no process running
// after its turn, so a loaded thread has no background terminal to stop (thread/backgroundTerminals/list,
// in thread-state.ts, lists none). Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { threadFamilyErrors, unsignedIntegerProblem } from '../conversations/thread-family-errors.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'

export function threadTerminalHandlers(manager: ThreadManager) {
  return defineHandlers({
    'thread/backgroundTerminals/clean': ({ threadId }) => {
      checkThreadId(threadId)
      manager.loadedOr(threadId, conversationErrors.threadNotFound)
      return {}
    },

    'thread/backgroundTerminals/terminate': ({ threadId, processId }) => {
      checkThreadId(threadId)
      manager.loadedOr(threadId, conversationErrors.threadNotFound)
      // codex's process ids are numbers; another id is refused before any lookup.
      const problem = unsignedIntegerProblem(processId)
      if (problem !== undefined) throw threadFamilyErrors.badTerminalId(problem)
      return { terminated: false }
    },
  })
}
