// Starts the reference server on one transport: the programmatic entry point used by the CLI and
// by tests that need extra handlers (a documented hook: pass `handlers`).
import type { HandlerMap } from './handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './handlers/family.js'
import { createHandlerFamilies } from './handlers/index.js'
import { createLogger, type Logger } from './log.js'
import { installationId, prepareHome } from './home.js'
import { loadProtocolModel, type ProtocolModel } from './model/protocol-model.js'
import { DEFAULT_LIMITS, type Limits } from './core/limits.js'
import { ServerCore } from './core/server-core.js'
import { connectInProcess, type InProcessPort } from './transports/in-process.js'
import { serveStdio } from './transports/stdio.js'
import { serveWebsocket, type WebsocketListen } from './transports/websocket.js'
import type { WsAuth } from './transports/ws-auth.js'

/** `none`: no listener; clients in the same process connect with `connect()`. */
export type ListenTarget = { kind: 'stdio' } | { kind: 'none' } | WebsocketListen

export interface ServerOptions {
  listen: ListenTarget
  /** State folder; created when missing. */
  home: string
  /** Folder holding generated/meta-model.json (the repository root). */
  repoRoot: string
  auth?: WsAuth | undefined
  /** How long a thread nobody subscribes to stays loaded (default 30 minutes, as codex). */
  idleUnloadMs?: number
  /** Creates the server's handler families (default: every family of the reference server). */
  families?: (environment: FamilyEnvironment) => HandlerFamily[]
  /** Handlers added to, or replacing, the families' ones (tests add slow or probing handlers this way). */
  overrideHandlers?: HandlerMap
  limits?: Partial<Limits>
  log?: Logger
  /** Called when a stdio server's input ends. */
  onStdioEnd?: () => void
  /** Streams for the stdio transport instead of the process's stdin/stdout (embedding, tests). */
  stdio?: { input: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown }; output: NodeJS.WritableStream & { writableLength: number } }
  /** An already loaded model (tests share one). */
  model?: ProtocolModel
}

export interface RunningServer {
  /** `stdio://`, `ws://IP:PORT`, `unix://PATH` or `in-process://`. */
  address: string
  core: ServerCore
  close(): Promise<void>
  /** With `listen: { kind: 'none' }`: opens a new in-process connection. */
  connect?: () => InProcessPort
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  prepareHome(options.home)
  const model = options.model ?? loadProtocolModel(options.repoRoot)
  const log = options.log ?? createLogger('info')
  const core = new ServerCore({
    model,
    createFamilies: options.families ?? ((environment) => createHandlerFamilies(environment, { ...(options.idleUnloadMs !== undefined ? { idleUnloadMs: options.idleUnloadMs } : {}) })),
    overrideHandlers: options.overrideHandlers,
    home: options.home,
    log,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    installationId: installationId(options.home),
  })
  try {
    await core.start()
  } catch (error) {
    await core.close()
    throw error
  }
  if (options.listen.kind === 'stdio') {
    serveStdio(core, { onEnd: options.onStdioEnd ?? (() => {}), onInputEnd: () => core.clientInputEnded(), ...(options.stdio ? { input: options.stdio.input, output: options.stdio.output } : {}) })
    return { address: 'stdio://', core, close: () => core.close() }
  }
  if (options.listen.kind === 'none') return { address: 'in-process://', core, close: () => core.close(), connect: () => connectInProcess(core) }
  const websocket = await serveWebsocket(core, options.listen, options.auth)
  return {
    address: websocket.address,
    core,
    close: async () => {
      await core.close()
      await websocket.close()
    },
  }
}
