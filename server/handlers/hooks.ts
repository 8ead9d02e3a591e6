// hooks/list: this server runs no lifecycle hooks, so every folder asked about has none.
import { defineHandlers } from '../handler-types.js'
import { foldersOrServerCwd } from './folders.js'

export const hooksHandlers = defineHandlers({
  'hooks/list': ({ cwds }) => ({
    data: foldersOrServerCwd(cwds).map((cwd) => ({ cwd, hooks: [], warnings: [], errors: [] })),
  }),
})
