// turn/start, turn/steer and turn/interrupt: turns of a loaded thread, run by the offline agent.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { applySettings } from '../conversations/thread-settings.js'
import { admitTurn, turnAsAdmitted } from '../conversations/turn-start.js'
import { checkThreadId } from '../conversations/thread-id.js'

export function turnHandlers(manager: ThreadManager) {
  return defineHandlers({
    'turn/start': async (params, context) => {
      checkThreadId(params.threadId)
      const thread = manager.loadedOr(params.threadId, conversationErrors.threadNotFound)
      if (params.input.length === 0) throw conversationErrors.emptyInput()
      if (thread.running) {
        // codex takes input sent while a turn runs as steering of that turn.
        thread.running.steer(params.input, params.clientUserMessageId ?? null)
        return { turn: { ...thread.running.turn, items: [], itemsView: 'notLoaded' as const } }
      }
      const settings = applySettings(thread.settings, { ...params, sandboxPolicy: params.sandboxPolicy })
      if (params.cwd != null) await thread.changeMeta({ cwd: params.cwd })
      await thread.changeSettings(settings)
      const runner = await admitTurn(manager, thread, {
        input: params.input, clientUserMessageId: params.clientUserMessageId ?? null,
        outputSchema: params.outputSchema, mode: params.collaborationMode?.mode,
      }, params.rootTurnId ?? null)
      context.afterResponse(() => runner.begin())
      return { turn: turnAsAdmitted(runner.turn) }
    },

    'turn/steer': ({ threadId, expectedTurnId, input, clientUserMessageId }) => {
      checkThreadId(threadId)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotFound)
      if (input.length === 0) throw conversationErrors.emptyInput()
      const running = thread.running
      if (!running) throw conversationErrors.noActiveTurnToSteer()
      if (running.turn.id !== expectedTurnId) throw conversationErrors.expectedTurnMismatch(expectedTurnId, running.turn.id)
      running.steer(input, clientUserMessageId ?? null)
      return { turnId: running.turn.id }
    },

    'turn/interrupt': ({ threadId, turnId }, context) => {
      checkThreadId(threadId)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotFound)
      const running = thread.running
      if (!running) throw conversationErrors.noActiveTurnToInterrupt()
      if (running.turn.id !== turnId) throw conversationErrors.interruptMismatch(turnId, running.turn.id)
      // The answer goes out first; the turn then completes as interrupted.
      context.afterResponse(() => running.interrupt())
      return {}
    },
  })
}
