// thread/* requests for what a user does to a thread besides prompting it: run a shell command in
// it, compact its history, approve an action the automatic reviewer denied, and keep attachments
// on it (observed: test/server/fixtures/codex-0.169.0/conversations/i-thread-actions.jsonl).
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import type { LoadedThread } from '../conversations/loaded-thread.js'
import { StandaloneTurn, type StandaloneWork } from '../conversations/standalone-turn.js'
import {
  attachmentErrors, attachmentHolder, attachmentPage, checkAttachmentKey, newAttachment, ownerPage,
} from '../conversations/thread-attachments.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { compaction, USER_SHELL_TIMEOUT_MS, userShellCommand } from '../conversations/user-actions.js'
import type { ThreadItem } from '../../generated/experimental/index.js'

/** The fields codex requires of a Guardian denial event, in the order it reports them missing. */
const GUARDIAN_EVENT_FIELDS = ['id', 'status', 'action'] as const

export function threadActionHandlers(manager: ThreadManager) {
  const loadedThread = (threadId: string): LoadedThread => {
    checkThreadId(threadId)
    return manager.loadedOr(threadId, conversationErrors.threadNotFound)
  }

  /** Runs `work` as a turn of its own, started once the request has been answered. */
  const standalone = (thread: LoadedThread, work: (work: StandaloneWork) => Promise<ThreadItem>, afterResponse: (callback: () => void) => void) => {
    // This server runs one turn of a thread at a time (see deviations.json).
    if (thread.running) throw new RpcError(ErrorCode.invalidRequest, `thread ${thread.id} is running turn ${thread.running.turn.id}; wait for it to end`)
    const turn = new StandaloneTurn(thread, work, manager.log, () => manager.turnEnded(thread))
    afterResponse(() => turn.begin())
    return {}
  }

  return defineHandlers({
    'thread/shellCommand': ({ threadId, command, timeoutMs }, context) => {
      const thread = loadedThread(threadId)
      if (command.trim() === '') throw new RpcError(ErrorCode.invalidRequest, 'command must not be empty')
      const limit = timeoutMs == null ? USER_SHELL_TIMEOUT_MS : Math.max(0, timeoutMs)
      return standalone(thread, userShellCommand(manager.processes, thread, command, limit), (callback) => context.afterResponse(callback))
    },

    'thread/compact/start': ({ threadId }, context) => {
      const thread = loadedThread(threadId)
      return standalone(thread, compaction(thread), (callback) => context.afterResponse(callback))
    },

    // codex checks the event before the thread. This server has no automatic reviewer, so no
    // denial of its own exists; a well-formed one for a loaded thread is acknowledged as codex does.
    'thread/approveGuardianDeniedAction': ({ threadId, event }) => {
      if (event === null || typeof event !== 'object' || Array.isArray(event)) {
        throw new RpcError(ErrorCode.invalidRequest, `invalid Guardian denial event: invalid type: ${event === null ? 'null' : Array.isArray(event) ? 'sequence' : typeof event}, expected struct GuardianAssessmentEvent`)
      }
      const missing = GUARDIAN_EVENT_FIELDS.find((field) => !(field in event))
      if (missing) throw new RpcError(ErrorCode.invalidRequest, `invalid Guardian denial event: missing field \`${missing}\``)
      loadedThread(threadId)
      return {}
    },

    'thread/attachment/add': async ({ threadId, attachmentType, identityKey, payload }, context) => {
      checkThreadId(threadId, 'thread id', ErrorCode.invalidParams)
      checkAttachmentKey(attachmentType, identityKey)
      const holder = await attachmentHolder(manager, threadId)
      if (!holder) throw attachmentErrors.threadNotFound(threadId)
      const existing = holder.attachments.find((a) => a.attachmentType === attachmentType && a.identityKey === identityKey)
      if (existing) return { outcome: 'existing' as const, attachment: existing }
      const attachment = newAttachment(attachmentType, identityKey, payload)
      await holder.write([{ type: 'attachmentAdded', attachment }])
      context.afterResponse(() => manager.connections.broadcast('thread/attachment/updated', {
        threadId, attachmentType, identityKey, attachmentId: attachment.id, operation: 'created',
      }))
      return { outcome: 'created' as const, attachment }
    },

    'thread/attachment/list': async ({ threadId, cursor, limit }) => {
      checkThreadId(threadId, 'thread id', ErrorCode.invalidParams)
      // codex lists an unknown thread as one without attachments.
      const holder = await attachmentHolder(manager, threadId)
      return attachmentPage(threadId, holder?.attachments ?? [], cursor, limit)
    },

    'thread/attachmentOwner/list': async (params) => {
      checkAttachmentKey(params.attachmentType, params.identityKey)
      return ownerPage(manager, params)
    },

    'thread/attachment/remove': async ({ threadId, attachmentType, identityKey }, context) => {
      checkThreadId(threadId, 'thread id', ErrorCode.invalidParams)
      checkAttachmentKey(attachmentType, identityKey)
      const holder = await attachmentHolder(manager, threadId)
      if (!holder) throw attachmentErrors.threadNotFound(threadId)
      const attachment = holder.attachments.find((a) => a.attachmentType === attachmentType && a.identityKey === identityKey)
      // Removing what is not there succeeds quietly, as in codex.
      if (!attachment) return {}
      await holder.write([{ type: 'attachmentRemoved', attachmentId: attachment.id }])
      context.afterResponse(() => manager.connections.broadcast('thread/attachment/updated', {
        threadId, attachmentType, identityKey, attachmentId: attachment.id, operation: 'deleted',
      }))
      return {}
    },
  })
}
