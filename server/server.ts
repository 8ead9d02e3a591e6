// Starts the reference server on one transport: the programmatic entry point used by the CLI and
// by tests that need extra handlers (a documented hook: pass `handlers`).
import type { HandlerMap } from './handler-types.js'
import { handlers as defaultHandlers } from './handlers/index.js'
import { processSupervisorFor } from './handlers/command-exec.js'
import { createLogger, type Logger } from './log.js'
import { installationId, prepareHome } from './home.js'
import { loadProtocolModel, type ProtocolModel } from './model/protocol-model.js'
import { DEFAULT_LIMITS, ServerCore, type Limits } from './core/server-core.js'
import { serveStdio } from './transports/stdio.js'
import { serveWebsocket, type WebsocketListen } from './transports/websocket.js'
import type { WsAuth } from './transports/ws-auth.js'

export type ListenTarget = { kind: 'stdio' } | WebsocketListen

export interface ServerOptions {
  listen: ListenTarget
  /** State folder; created when missing. */
  home: string
  /** Folder holding generated/meta-model.json (the repository root). */
  repoRoot: string
  auth?: WsAuth | undefined
  /** Replaces the implemented handlers (tests add slow or probing handlers this way). */
  handlers?: HandlerMap
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
  /** `stdio://`, `ws://IP:PORT` or `unix://PATH`. */
  address: string
  core: ServerCore
  close(): Promise<void>
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  prepareHome(options.home)
  const core = new ServerCore({
    model: options.model ?? loadProtocolModel(options.repoRoot),
    handlers: options.handlers ?? defaultHandlers,
    home: options.home,
    log: options.log ?? createLogger('info'),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    installationId: installationId(options.home),
  })
  // Commands a server on this home left running when it died end before new ones start.
  const processes = processSupervisorFor(options.home, core.log)
  processes.reapStragglers()
  if (options.listen.kind === 'stdio') {
    // At the end of input, commands end at once; their answers (and others') are still written.
    serveStdio(core, { onEnd: options.onStdioEnd ?? (() => {}), onInputEnd: () => processes.killAll(), ...(options.stdio ? { input: options.stdio.input, output: options.stdio.output } : {}) })
    return { address: 'stdio://', core, close: async () => { core.closeAll(); processes.close() } }
  }
  const websocket = await serveWebsocket(core, options.listen, options.auth)
  return {
    address: websocket.address,
    core,
    close: async () => {
      core.closeAll()
      processes.close()
      await websocket.close()
    },
  }
}
