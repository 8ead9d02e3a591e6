// Side samples and predictions: thread/sample asks the agent for one answer from a loaded thread's
// context plus a prompt, recording nothing in the thread; the offline agent answers at once, so a
// sample is over before thread/sample/cancel could reach it. thread/prediction/request is not
// implemented by codex 0.169.0 either, and answers its error. Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { planTurn, tokensOf } from '../conversations/agent/offline-agent.js'
import { newId } from '../conversations/clock.js'
import { threadFamilyErrors } from '../conversations/thread-family-errors.js'
import { uuidProblem } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { visibleMessages } from '../conversations/thread-search.js'

export const PREDICTION_REFUSALS = ['thread/prediction/request'] as const

export function threadPredictionHandlers(manager: ThreadManager) {
  return defineHandlers({
    'thread/sample': ({ threadId, expectedTurnId, allowInProgressTurn, prompt }) => {
      // codex words a malformed id here without naming it.
      const problem = uuidProblem(threadId)
      if (problem !== undefined) throw new RpcError(ErrorCode.invalidRequest, problem)
      const thread = manager.loaded.get(threadId)
      if (!thread) throw threadFamilyErrors.sampleNeedsLoaded()
      const latest = thread.turns.at(-1)
      if (!latest || latest.id !== expectedTurnId || (latest.status === 'inProgress' && allowInProgressTurn !== true)) {
        throw threadFamilyErrors.sampleNotLatest()
      }
      const steps = planTurn([{ type: 'text', text: prompt, text_elements: [] }], { outputSchema: null }).steps
      const message = steps.find((step) => step.kind === 'message')
      const text = message?.kind === 'message' ? message.deltas.join('') : null
      const context = visibleMessages(thread.turns).map((entry) => entry.text).join('\n')
      return {
        sourceTurnId: latest.id, responseId: `resp_${newId()}`, text,
        inputTokens: tokensOf(`${context}\n${prompt}`), cachedInputTokens: 0, outputTokens: text === null ? 0 : tokensOf(text),
      }
    },

    'thread/sample/cancel': () => ({}),

    'thread/prediction/request': () => {
      throw threadFamilyErrors.notImplementedYet('thread/prediction/request')
    },
  })
}
