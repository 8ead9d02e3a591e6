// turn/start, turn/steer and turn/interrupt: turns of a loaded thread, run by the offline agent.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { promptText } from '../conversations/agent/offline-agent.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { applySettings } from '../conversations/thread-settings.js'
import { nowSeconds } from '../conversations/clock.js'
import { askConnection, TurnRunner } from '../conversations/turn-runner.js'
import { checkThreadId } from '../conversations/thread-id.js'

/** Characters of the first prompt kept as the thread's preview. */
const PREVIEW_LENGTH = 200

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
      const runner = new TurnRunner(thread, {
        input: params.input, clientUserMessageId: params.clientUserMessageId ?? null,
        outputSchema: params.outputSchema, mode: params.collaborationMode?.mode,
      }, {
        connections: manager.connections, log: manager.log, processes: manager.processes, scenarios: manager.scenarios,
        defaultScenario: manager.defaultScenario, ask: askConnection(manager.connections, context.connection.id), onEnded: () => manager.turnEnded(thread),
      }, params.rootTurnId ?? null)
      thread.running = runner
      const changes = { updatedAt: nowSeconds(), recencyAt: nowSeconds(), ...(thread.meta.preview === '' ? { preview: promptText(params.input).slice(0, PREVIEW_LENGTH) } : {}) }
      thread.meta = { ...thread.meta, ...changes }
      try {
        await runner.admit()
      } catch (error) {
        thread.running = undefined
        throw error
      }
      context.afterResponse(() => runner.begin())
      return { turn: { ...runner.turn, items: [], itemsView: 'notLoaded' as const, startedAt: null } }
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
