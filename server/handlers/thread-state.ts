// thread/* requests that change a thread's stored state: its name, metadata, read state, archive,
// and the items a client injects; and the per-thread list this server keeps empty (background
// terminals).
import type { ThreadReadState } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { nowSeconds, newId } from '../conversations/clock.js'
import { notLoadedThread } from '../conversations/loaded-thread.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'

export function threadStateHandlers(manager: ThreadManager) {
  return defineHandlers({
    'thread/name/set': async ({ threadId, name }) => {
      checkThreadId(threadId)
      const thread = await manager.open(threadId, conversationErrors.noRollout)
      await thread.changeMeta({ name, updatedAt: nowSeconds() })
      manager.connections.broadcast('thread/name/updated', { threadId, threadName: name })
      return {}
    },

    'thread/metadata/update': async ({ threadId, gitInfo }) => {
      checkThreadId(threadId)
      const thread = await manager.open(threadId, conversationErrors.noRollout)
      if (gitInfo != null) {
        const before = thread.meta.gitInfo ?? { sha: null, branch: null, originUrl: null }
        await thread.changeMeta({
          gitInfo: {
            sha: gitInfo.sha === undefined ? before.sha : gitInfo.sha,
            branch: gitInfo.branch === undefined ? before.branch : gitInfo.branch,
            originUrl: gitInfo.originUrl === undefined ? before.originUrl : gitInfo.originUrl,
          },
        })
      }
      return { thread: thread.toThread(false) }
    },

    'thread/readState/update': ({ threadId, operation, expectedRevision }) => {
      checkThreadId(threadId, 'thread id', ErrorCode.invalidParams)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotLoaded)
      if (thread.readState.revision !== expectedRevision) throw conversationErrors.readStateConflict(thread.readState)
      const readState: ThreadReadState = { firstUnread: operation.type === 'read' ? null : { type: 'threadStart' }, revision: newId() }
      thread.readState = readState
      thread.emit('thread/readState/changed', { threadId, readState })
      return { readState }
    },

    'thread/archive': async ({ threadId }, context) => {
      checkThreadId(threadId, 'session id')
      const store = await manager.store()
      const stored = store.summary(threadId)
      if (!stored || stored.archived) throw conversationErrors.noRollout(threadId)
      const loaded = manager.loaded.get(threadId)
      if (loaded) await manager.unload(loaded, 'archived')
      await store.archive(threadId)
      context.afterResponse(() => manager.connections.broadcast('thread/archived', { threadId }))
      return {}
    },

    'thread/unarchive': async ({ threadId }, context) => {
      checkThreadId(threadId, 'session id')
      const store = await manager.store()
      const stored = store.summary(threadId)
      if (manager.loaded.has(threadId)) throw conversationErrors.activeWriter(threadId)
      if (!stored || !stored.archived) throw conversationErrors.noArchivedRollout(threadId)
      await store.unarchive(threadId)
      context.afterResponse(() => manager.connections.broadcast('thread/unarchived', { threadId }))
      return { thread: notLoadedThread(stored.meta) }
    },

    'thread/inject_items': async ({ threadId, items }) => {
      checkThreadId(threadId)
      const thread = manager.loadedOr(threadId, conversationErrors.threadNotFound)
      if (items.length > 0) await thread.record([{ type: 'modelItems', items }])
      return {}
    },

    // This server runs no background terminals. (Goals are in thread-manage.ts.)
    'thread/backgroundTerminals/list': ({ threadId }) => {
      checkThreadId(threadId)
      manager.loadedOr(threadId, conversationErrors.threadNotFound)
      return { data: [], nextCursor: null }
    },
  })
}
