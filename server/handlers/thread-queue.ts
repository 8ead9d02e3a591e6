// thread/queue/*: a thread's queue of user submissions waiting to run (add, list, update, delete,
// reorder, start), kept by ThreadQueues (conversations/thread-queue.ts). Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl.
import { defineHandlers } from '../handler-types.js'
import { threadFamilyErrors, unsignedIntegerProblem } from '../conversations/thread-family-errors.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { ThreadQueues } from '../conversations/thread-queue.js'
import { turnAsAdmitted } from '../conversations/turn-start.js'

export function threadQueueHandlers(manager: ThreadManager) {
  const queues = new ThreadQueues(manager)

  return defineHandlers({
    'thread/queue/add': async ({ threadId, input, clientUserMessageId, responsesapiClientMetadata }, context) => {
      checkThreadId(threadId)
      return { queuedSubmission: await queues.add(threadId, input, clientUserMessageId, responsesapiClientMetadata ?? null) }
    },

    // Pages by position; a cursor past the end is an empty last page.
    'thread/queue/list': async ({ threadId, cursor, limit }) => {
      checkThreadId(threadId)
      const queue = await queues.read(threadId)
      let start = 0
      if (cursor != null) {
        const problem = unsignedIntegerProblem(cursor, Number.MAX_SAFE_INTEGER)
        if (problem !== undefined) throw threadFamilyErrors.badQueueCursor(problem)
        start = Number(cursor)
      }
      const end = limit == null ? queue.length : Math.min(queue.length, start + Math.max(1, limit))
      return { data: queue.slice(start, end), nextCursor: end < queue.length ? String(end) : null }
    },

    'thread/queue/update': async ({ threadId, queuedSubmissionId, input, responsesapiClientMetadata }) => {
      checkThreadId(threadId)
      return { queuedSubmission: await queues.update(threadId, queuedSubmissionId, input, responsesapiClientMetadata) }
    },

    'thread/queue/delete': async ({ threadId, queuedSubmissionId }) => {
      checkThreadId(threadId)
      return { deleted: await queues.delete(threadId, queuedSubmissionId) }
    },

    'thread/queue/reorder': async ({ threadId, queuedSubmissionIds }) => {
      checkThreadId(threadId)
      await queues.reorder(threadId, queuedSubmissionIds)
      return {}
    },

    'thread/queue/start': async ({ threadId, queuedSubmissionId }, context) => {
      checkThreadId(threadId)
      const runner = await queues.start(threadId, queuedSubmissionId ?? null)
      context.afterResponse(() => runner.begin())
      return { turn: turnAsAdmitted(runner.turn) }
    },
  })
}
