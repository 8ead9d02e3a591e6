// The handler families of one server, created together when the server starts. A method no
// family answers gets the core's "not implemented" error.
import { AccountFamily } from './account.js'
import { CommandExecFamily } from './command-exec.js'
import { configFamily } from './config.js'
import { ConfigStore } from './config-store.js'
import { mergeHandlers, type ConnectionDirectory, type FamilyEnvironment, type HandlerFamily } from './family.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import { FsWatchFamily } from './fs-watch.js'
import { fsFamily } from './fs.js'
import { hooksFamily } from './hooks.js'
import { mockFamily } from './mock.js'
import { modelFamily } from './model.js'
import { SkillsFamily } from './skills.js'
import { PluginFamily } from './plugins.js'
import { McpFamily } from './mcp.js'
import { RealtimeFamily } from './realtime.js'
import { appsFamily } from './apps.js'
import { RemoteControlFamily } from './remote-control.js'
import { userVerificationFamily } from './user-verification.js'
import { windowsSandboxFamily } from './windows-sandbox.js'
import { ConversationFamily } from './conversation.js'
import { ProcessSupervisor } from '../process/process-supervisor.js'
import { ProcessFamily } from './process.js'
import type { SandboxOptions } from '../sandbox/sandbox.js'
import { DEFAULT_IDLE_UNLOAD_MS } from '../conversations/thread-manager.js'
import { FileConversationStore } from '../conversations/file-conversation-store.js'
import { FileThreadStore } from '../conversations/file-thread-store.js'
import { StoreLayout } from '../conversations/store-layout.js'
import { createLogger } from '../log.js'
import { workspaceFamilies } from './workspace.js'
import { conversationErrors } from '../conversations/conversation-errors.js'

export interface FamilySettings {
  /** How long a thread nobody subscribes to stays loaded (codex: 30 minutes). */
  idleUnloadMs?: number
  /** How commands are confined (which bubblewrap to use). */
  sandbox?: SandboxOptions
  /** The scenario every turn plays unless its prompt names another (`--scenario`). */
  defaultScenario?: string | undefined
}

/** Every family of the reference server, with its own state, for one server instance. */
export function createHandlerFamilies(environment: FamilyEnvironment, settings: FamilySettings = {}): HandlerFamily[] {
  const layout = new StoreLayout(environment.home)
  // Commands of command/exec and of the agent: one supervisor ties them all to this server's life.
  const processes = new ProcessSupervisor(environment.home, environment.log, settings.sandbox ? { sandbox: settings.sandbox } : {})
  // One store for config.toml, so that every family's writes to it are made one after another.
  const config = new ConfigStore(environment.home)
  const plugins = new PluginFamily(environment, config)
  const conversation = new ConversationFamily(environment, {
    openStore: async () => new FileConversationStore(await FileThreadStore.open(environment.home, { log: environment.log })),
    historyPath: (threadId) => layout.historyPath(threadId, false),
    idleUnloadMs: settings.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS,
    processes,
    defaultScenario: settings.defaultScenario,
  })
  // MCP calls and realtime sessions are made for a loaded thread; codex refuses any other id.
  const requireLoadedThread = (threadId: string) => void conversation.manager.loadedOr(threadId, conversationErrors.threadNotFound)
  return [
    new AccountFamily(environment, config),
    new CommandExecFamily(processes),
    configFamily(environment, config),
    fsFamily(),
    new FsWatchFamily(),
    hooksFamily(),
    new ProcessFamily(processes),
    mockFamily(),
    modelFamily(),
    new SkillsFamily(environment, config, plugins.store),
    plugins,
    new RemoteControlFamily(environment),
    userVerificationFamily(),
    windowsSandboxFamily(),
    new McpFamily(environment, config, plugins.store, requireLoadedThread),
    new RealtimeFamily(requireLoadedThread),
    appsFamily(),
    conversation,
    ...workspaceFamilies(environment, { config, threads: conversation.manager }),
  ]
}

/**
 * The methods the reference server answers, for coverage reports and tests. Families do no
 * I/O until a request arrives, so a throwaway set answers this without touching any folder.
 */
export function implementedMethods(): Set<string> {
  return new Set(Object.keys(mergeHandlers(throwawayFamilies())))
}

/** Of the answered methods, those answered only with codex's offline error. */
export function offlineErrorMethods(): Set<string> {
  return new Set(throwawayFamilies().flatMap((family) => family.offlineErrors ?? []))
}

function throwawayFamilies(): HandlerFamily[] {
  return createHandlerFamilies({ home: '/nonexistent', codexVersion: '0.0.0', log: createLogger('off'), connections: NO_CONNECTIONS, describeTypeError: () => undefined })
}

/** The directory of a server that has no connections. */
const NO_CONNECTIONS: ConnectionDirectory = {
  notify: () => false,
  broadcast: () => {},
  request: (connectionId, method) => Promise.reject(new RpcError(ErrorCode.internal, `cannot send ${method}: connection ${connectionId} is closed`)),
  // Nobody can answer: the request waits until withdrawn.
  requestShared: () => ({ id: -1, answer: new Promise(() => {}), sendTo: () => false, withdraw: () => true }),
}
