// Thread sections: threadSection/list, create, update and delete, and thread/section/move, over
// the sections of the server's home (conversations/thread-sections.ts). Only moves are announced
// (thread/section/changed, to every connection). Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl and i-thread-manage.jsonl.
import { defineHandlers } from '../handler-types.js'
import { checkThreadId } from '../conversations/thread-id.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { ThreadSections } from '../conversations/thread-sections.js'

export function threadSectionHandlers(manager: ThreadManager, home: string) {
  const sections = new ThreadSections(home, manager)

  return defineHandlers({
    // The cursor is the id of the last section of the previous page; an id no section has ends the list.
    'threadSection/list': async ({ cursor, limit }) => {
      const all = await sections.list()
      const start = cursor == null ? 0 : all.findIndex((section) => section.id === cursor) + 1
      if (start === 0 && cursor != null) return { data: [], nextCursor: null }
      const end = limit == null ? all.length : Math.min(all.length, start + Math.max(1, limit))
      const data = all.slice(start, end)
      return { data, nextCursor: end < all.length ? data.at(-1)!.id : null }
    },

    'threadSection/create': async ({ name, appearance }) => ({ section: await sections.create(name, appearance ?? null) }),

    'threadSection/update': async ({ sectionId, name, appearance }) => ({ section: await sections.update(sectionId, name, appearance) }),

    'threadSection/delete': async ({ sectionId }) => {
      await sections.delete(sectionId)
      return {}
    },

    // Archived threads can be moved too.
    'thread/section/move': async ({ threadId, sectionId, beforeThreadId }, context) => {
      checkThreadId(threadId)
      await sections.move(threadId, sectionId, beforeThreadId ?? null)
      context.afterResponse(() => manager.connections.broadcast('thread/section/changed', { threadId, sectionId }))
      return {}
    },
  })
}
