// skills/list: this server ships and discovers no skills, so every folder asked about has none.
import { defineHandlers } from '../handler-types.js'
import { foldersOrServerCwd } from './folders.js'

export const skillsHandlers = defineHandlers({
  'skills/list': ({ cwds }) => ({
    data: foldersOrServerCwd(cwds).map((cwd) => ({ cwd, skills: [], errors: [] })),
  }),
})
