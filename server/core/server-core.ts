// State shared by every connection of one server: the protocol model, validators, the scheduler,
// the handlers, the home folder and the values sent at initialize.
import { hostname, platform } from 'node:os'
import type { ClientInfo, InitializeResponse } from '../../generated/experimental/index.js'
import type { HandlerMap } from '../handler-types.js'
import type { Logger } from '../log.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import { Scheduler, type QueueLimits } from '../scheduling/scheduler.js'
import { ParamsValidator } from '../validation/params-validator.js'
import { Connection } from './connection.js'
import type { Link } from './link.js'
import { userAgent } from './user-agent.js'

export const SERVER_NAME = 'codex-reference-app-server'
export const SERVER_VERSION = '0.1.0'

export interface ConnectionLimits {
  /** Unsent output above which `notify()` asks producers to wait and reading from the client pauses. */
  outputHighWaterBytes: number
  /** Unsent output above which the client is taken as gone and the connection is closed. */
  maxOutputBytes: number
  /** Handlers of one connection running at once (more wait for a slot, in order). */
  maxRunningRequests: number
  /** Requests of one connection accepted but not answered yet. */
  maxPendingRequests: number
  /** Bytes of those requests. */
  maxPendingBytes: number
  /** Default time limit of server→client requests; none when undefined. */
  serverRequestTimeoutMs?: number | undefined
}

export type Limits = ConnectionLimits & QueueLimits

export const DEFAULT_LIMITS: Limits = {
  outputHighWaterBytes: 1024 * 1024,
  maxOutputBytes: 64 * 1024 * 1024,
  maxRunningRequests: 16,
  maxPendingRequests: 4096,
  maxPendingBytes: 256 * 1024 * 1024,
  maxQueuedJobs: 1024,
  maxQueuedBytes: 64 * 1024 * 1024,
}

export interface ConnectionStats {
  id: number
  label: string
  initialized: boolean
  /** Output queued or handed to the transport but not yet written to the client. */
  unsentBytes: number
  /** Requests accepted and not answered yet. */
  pendingRequests: number
}

export interface StartupNotification {
  method: string
  params: unknown
}

export interface CoreOptions {
  model: ProtocolModel
  handlers: HandlerMap
  home: string
  log: Logger
  limits: Limits
  installationId: string
}

export class ServerCore {
  readonly model: ProtocolModel
  readonly handlers: HandlerMap
  readonly home: string
  readonly log: Logger
  readonly limits: Limits
  readonly validator: ParamsValidator
  readonly scheduler: Scheduler
  /** The method list of codex's unknown-variant error, formatted once. */
  readonly acceptedMethodsText: string
  private readonly connections = new Set<Connection>()
  private nextConnectionId = 1
  private readonly installationId: string

  constructor(options: CoreOptions) {
    this.model = options.model
    this.handlers = options.handlers
    this.home = options.home
    this.log = options.log
    this.limits = options.limits
    this.installationId = options.installationId
    this.validator = new ParamsValidator(options.model)
    this.scheduler = new Scheduler(options.limits)
    this.acceptedMethodsText = `one of ${options.model.acceptedMethods.map((method) => `\`${method}\``).join(', ')}`
  }

  /** A new connection over `link`; `makeLink` receives the connection id (for its label). */
  openConnection(makeLink: (id: number) => Link): Connection {
    const id = this.nextConnectionId++
    const connection = new Connection(id, makeLink(id), this)
    this.connections.add(connection)
    return connection
  }

  forget(connection: Connection): void {
    this.connections.delete(connection)
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Per-connection figures, for diagnostics and tests. */
  connectionStats(): ConnectionStats[] {
    return [...this.connections].map((connection) => connection.stats())
  }

  closeAll(): void {
    for (const connection of [...this.connections]) connection.dispose()
  }

  initializeResponse(client: ClientInfo): InitializeResponse {
    return {
      userAgent: userAgent(client, this.model.codexVersion),
      codexHome: this.home,
      platformFamily: platform() === 'win32' ? 'windows' : 'unix',
      platformOs: platform() === 'darwin' ? 'macos' : platform() === 'win32' ? 'windows' : platform(),
    }
  }

  /** What a connection receives right after its initialize response, as codex does. */
  startupNotifications(): StartupNotification[] {
    return [{
      method: 'remoteControl/status/changed',
      params: { status: 'disabled', serverName: hostname(), installationId: this.installationId, environmentId: null },
    }]
  }
}
