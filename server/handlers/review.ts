// review/start: a review of the thread's workspace (uncommitted changes, a base branch, a commit,
// or free-form instructions) run as a turn of the thread (delivery `inline`, the only one codex
// 0.169.0 accepts); see server/conversations/review-turn.ts for what clients receive.
import { defineHandlers } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { reviewRequest } from '../conversations/review-target.js'
import { ReviewTurn } from '../conversations/review-turn.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { nowSeconds } from '../conversations/clock.js'

export function reviewHandlers(manager: ThreadManager) {
  return defineHandlers({
    'review/start': async ({ threadId, target }, context) => {
      checkThreadId(threadId)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotFound)
      const review = await reviewRequest(target, thread.meta.cwd)
      // A turn running now is interrupted once the review is answered; the review follows its end.
      const turn = new ReviewTurn(thread, review, thread.running, manager.log, () => manager.turnEnded(thread))
      thread.meta = { ...thread.meta, updatedAt: nowSeconds(), recencyAt: nowSeconds() }
      context.afterResponse(() => turn.begin())
      return { turn: turn.answer, reviewThreadId: thread.id }
    },
  })
}
