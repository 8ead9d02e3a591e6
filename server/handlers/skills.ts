// skills/list and plugin/installed: this server ships and discovers no skills and no plugins, so
// every folder asked about has none.
import { defineHandlers } from '../handler-types.js'
import { foldersOrServerCwd } from './folders.js'
import type { HandlerFamily } from './family.js'

/** skills/list and plugin/installed: no state. */
export function skillsFamily(): HandlerFamily {
  return { name: 'skills', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'skills/list': ({ cwds }) => ({
    data: foldersOrServerCwd(cwds).map((cwd) => ({ cwd, skills: [], errors: [] })),
  }),

  'plugin/installed': () => ({ marketplaces: [], marketplaceLoadErrors: [] }),
})
