// thread/* methods this family answers without thread state of its own.
import { defineHandlers } from '../handler-types.js'
import { pageByIdAfter } from './paging.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const threadHandlers = defineHandlers({
  // The core reports loaded threads once it keeps them; until then the list is empty.
  'thread/loaded/list': ({ cursor, limit }, context) => {
    const ids = [...(context.loadedThreadIds?.() ?? [])].sort()
    return pageByIdAfter(ids, cursor, limit, (id) => UUID.test(id))
  },
})
