// hooks/list: this server runs no lifecycle hooks, so every folder asked about has none.
import { defineHandlers } from '../handler-types.js'
import { foldersOrServerCwd } from './folders.js'
import type { HandlerFamily } from './family.js'

/** hooks/list: no state. */
export function hooksFamily(): HandlerFamily {
  return { name: 'hooks', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'hooks/list': ({ cwds }) => ({
    data: foldersOrServerCwd(cwds).map((cwd) => ({ cwd, hooks: [], warnings: [], errors: [] })),
  }),
})
