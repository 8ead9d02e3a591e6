// app/*: apps are ChatGPT connectors, listed by ChatGPT's backend for a signed-in account. An
// offline codex lists none and reports every app asked about as missing; so does this server.
import { defineHandlers } from '../handler-types.js'
import type { HandlerFamily } from './family.js'

export function appsFamily(): HandlerFamily {
  return { name: 'app', handlers: HANDLERS, offlineErrors: ['app/list', 'app/read', 'app/installed'] }
}

const HANDLERS = defineHandlers({
  'app/list': () => ({ data: [], nextCursor: null }),
  'app/read': ({ appIds }) => ({ apps: [], missingAppIds: [...appIds] }),
  'app/installed': () => ({ apps: [] }),
})
