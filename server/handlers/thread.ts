// thread/* methods. Until the conversation engine keeps threads, this family knows the set of
// loaded thread ids (empty in a fresh server) and pages it for thread/loaded/list.
import { defineHandlers } from '../handler-types.js'
import type { HandlerFamily } from './family.js'
import { pageByIdAfter } from './paging.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export class ThreadFamily implements HandlerFamily {
  readonly name = 'thread'
  /** Ids of the threads loaded in this server. */
  readonly loaded = new Set<string>()

  readonly handlers = defineHandlers({
    'thread/loaded/list': ({ cursor, limit }) => {
      const ids = [...this.loaded].sort()
      return pageByIdAfter(ids, cursor, limit, (id) => UUID.test(id))
    },
  })
}
