// Every implemented client request, by method. The core answers the others with a clear error.
import { defineHandlers } from '../handler-types.js'
import { accountHandlers } from './account.js'
import { commandExecHandlers } from './command-exec.js'
import { configHandlers } from './config.js'
import { fsWatchHandlers } from './fs-watch.js'
import { fsHandlers } from './fs.js'
import { hooksHandlers } from './hooks.js'
import { mockHandlers } from './mock.js'
import { modelHandlers } from './model.js'
import { skillsHandlers } from './skills.js'
import { threadHandlers } from './thread.js'

export const handlers = defineHandlers({
  ...accountHandlers,
  ...commandExecHandlers,
  ...configHandlers,
  ...fsHandlers,
  ...fsWatchHandlers,
  ...hooksHandlers,
  ...mockHandlers,
  ...modelHandlers,
  ...skillsHandlers,
  ...threadHandlers,
})
