// Every implemented client request, by method. The core answers the others with a clear error.
import { defineHandlers } from '../handler-types.js'
import { accountHandlers } from './account.js'
import { commandExecHandlers } from './command-exec.js'
import { ConfigStore } from './config-store.js'
import { createConfigHandlers } from './config.js'
import { fsWatchHandlers } from './fs-watch.js'
import { fsHandlers } from './fs.js'
import { hooksHandlers } from './hooks.js'
import { mockHandlers } from './mock.js'
import { modelHandlers } from './model.js'
import { skillsHandlers } from './skills.js'
import { threadHandlers } from './thread.js'

// Until every handler module is a per-server family, the config handlers are made here, one set
// per home folder (one per server; tests give each case its own home).
const configHandlersByHome = new Map<string, ReturnType<typeof createConfigHandlers>>()
function configHandlersOf(home: string): ReturnType<typeof createConfigHandlers> {
  let family = configHandlersByHome.get(home)
  if (family === undefined) configHandlersByHome.set(home, family = createConfigHandlers(new ConfigStore(home)))
  return family
}
const configHandlers = defineHandlers({
  'config/read': (params, context) => configHandlersOf(context.home)['config/read'](params, context),
  'config/value/write': (params, context) => configHandlersOf(context.home)['config/value/write'](params, context),
  'config/batchWrite': (params, context) => configHandlersOf(context.home)['config/batchWrite'](params, context),
  'configRequirements/read': (_params, context) => configHandlersOf(context.home)['configRequirements/read'](),
})

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
