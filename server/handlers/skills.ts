// skills/list: this server ships and discovers no skills, so every folder asked about has none.
import { defineHandlers } from '../handler-types.js'
import { foldersOrServerCwd } from './folders.js'
import type { HandlerFamily } from './family.js'

/** skills/list: no state. */
export function skillsFamily(): HandlerFamily {
  return { name: 'skills', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'skills/list': ({ cwds }) => ({
    data: foldersOrServerCwd(cwds).map((cwd) => ({ cwd, skills: [], errors: [] })),
  }),
})
