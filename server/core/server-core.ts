// State shared by every connection of one server: the protocol model, validators, the scheduler,
// the handler families and their merged table, the home folder and the values sent at initialize.
import { hostname, platform } from 'node:os'
import type { ClientInfo, InitializeResponse } from '../../generated/experimental/index.js'
import type { ServerNotificationMap, ServerRequestMap } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError, type HandlerMap, type ServerNotificationMethod, type ServerRequestMethod, type ServerRequestOptions } from '../handler-types.js'
import { mergeHandlers, type ConnectionDirectory, type FamilyEnvironment, type HandlerFamily, type SharedServerRequest } from '../handlers/family.js'
import type { Logger } from '../log.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import { Scheduler } from '../scheduling/scheduler.js'
import { decodeErrorOf } from '../validation/decode-errors.js'
import { ParamsValidator } from '../validation/params-validator.js'
import { Connection, type ConnectionStats } from './connection.js'
import type { ConnectionHost, StartupNotification } from './connection-host.js'
import type { Limits } from './limits.js'
import type { Link } from './link.js'
import { ServerRequests, threadIdOf } from './server-requests.js'
import { userAgent } from './user-agent.js'

export const SERVER_NAME = 'codex-reference-app-server'
export const SERVER_VERSION = '0.1.0'

export interface CoreOptions {
  model: ProtocolModel
  /** Creates the server's handler families, for this server alone. */
  createFamilies: (environment: FamilyEnvironment) => HandlerFamily[]
  /** Handlers added to, or replacing, the families' ones (tests add probing handlers this way). */
  overrideHandlers?: HandlerMap | undefined
  home: string
  log: Logger
  limits: Limits
  installationId: string
}

export class ServerCore implements ConnectionHost, ConnectionDirectory {
  readonly model: ProtocolModel
  readonly families: readonly HandlerFamily[]
  readonly handlers: HandlerMap
  readonly home: string
  readonly log: Logger
  readonly limits: Limits
  readonly validator: ParamsValidator
  readonly scheduler: Scheduler
  readonly acceptedMethodsText: string
  readonly serverRequests: ServerRequests
  private readonly connections = new Map<number, Connection>()
  private nextConnectionId = 1
  private readonly installationId: string

  constructor(options: CoreOptions) {
    this.model = options.model
    this.home = options.home
    this.log = options.log
    this.limits = options.limits
    this.installationId = options.installationId
    this.validator = new ParamsValidator(options.model)
    this.scheduler = new Scheduler(options.limits)
    this.serverRequests = new ServerRequests(options.model, {
      send: (connectionId, id, method, params) => this.connections.get(connectionId)?.sendRequest(id, method, params) ?? false,
      label: (connectionId) => this.connections.get(connectionId)?.label ?? `connection ${connectionId}`,
      validate: (typeName, value) => this.validator.validate(typeName, value),
    }, options.log)
    this.families = options.createFamilies({
      home: options.home,
      codexVersion: options.model.codexVersion,
      log: options.log,
      connections: this,
      describeTypeError: (typeName, value) => decodeErrorOf(value, typeName, options.model.types),
      requestGauges: () => this.requestGauges(),
    })
    this.handlers = { ...mergeHandlers(this.families), ...options.overrideHandlers }
    this.acceptedMethodsText = `one of ${options.model.acceptedMethods.map((method) => `\`${method}\``).join(', ')}`
  }

  /** A new connection over `link`; `makeLink` receives the connection id (for its label). */
  openConnection(makeLink: (id: number) => Link): Connection {
    const id = this.nextConnectionId++
    const connection = new Connection(id, makeLink(id), this)
    this.connections.set(id, connection)
    return connection
  }

  connectionClosed(connectionId: number): void {
    this.connections.delete(connectionId)
    this.serverRequests.connectionClosed(connectionId)
    for (const family of this.families) {
      try {
        family.connectionClosed?.(connectionId)
      } catch (error) {
        this.log.error(`${family.name}: releasing connection ${connectionId} failed: ${(error as Error).stack ?? String(error)}`)
      }
    }
  }

  notify<M extends ServerNotificationMethod>(connectionId: number, method: M, params: ServerNotificationMap[M]['params']): boolean {
    return this.connections.get(connectionId)?.notify(method, params) ?? false
  }

  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']): void {
    for (const connection of this.connections.values()) connection.notify(method, params)
  }

  /**
   * A request of one connection's own work: it fails when that connection closes, and its answer is
   * announced (serverRequest/resolved) to that connection when it concerns a thread.
   */
  request<M extends ServerRequestMethod>(connectionId: number, method: M, params: ServerRequestMap[M]['params'], options?: ServerRequestOptions): Promise<ServerRequestMap[M]['result']> {
    if (!this.connections.has(connectionId)) return Promise.reject(new RpcError(ErrorCode.internal, `cannot send ${method}: connection ${connectionId} is closed`))
    const timeoutMs = options?.timeoutMs ?? this.limits.serverRequestTimeoutMs
    const sent = this.serverRequests.send([connectionId], method, params, { timeoutMs, whenAbandoned: 'fail' })
    const threadId = threadIdOf(params)
    const announce = () => {
      if (threadId !== undefined) this.notify(connectionId, 'serverRequest/resolved', { threadId, requestId: sent.id })
    }
    return sent.answer.then(
      (result) => { announce(); return result as ServerRequestMap[M]['result'] },
      (error: unknown) => { announce(); throw error },
    )
  }

  requestShared<M extends ServerRequestMethod>(connectionIds: Iterable<number>, method: M, params: ServerRequestMap[M]['params']): SharedServerRequest<ServerRequestMap[M]['result']> {
    return this.serverRequests.send(connectionIds, method, params, { whenAbandoned: 'wait' }) as SharedServerRequest<ServerRequestMap[M]['result']>
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Per-connection figures, for diagnostics and tests. */
  /** Requests being handled now and requests waiting for their turn, over every connection. */
  requestGauges(): { inFlight: number; queued: number } {
    const stats = this.connectionStats()
    const inFlight = stats.reduce((sum, connection) => sum + connection.runningRequests, 0)
    return { inFlight, queued: stats.reduce((sum, connection) => sum + connection.pendingRequests, 0) - inFlight }
  }

  connectionStats(): ConnectionStats[] {
    return [...this.connections.values()].map((connection) => connection.stats())
  }

  /** Lets each family open what it keeps on disk; rejects with the first failure. */
  async start(): Promise<void> {
    for (const family of this.families) await family.start?.()
  }

  /** A stdio client's input ended: each family stops what it started. */
  clientInputEnded(): void {
    for (const family of this.families) family.clientInputEnded?.()
  }

  /** Closes every connection, then lets each family end what it still runs. */
  async close(): Promise<void> {
    for (const connection of [...this.connections.values()]) connection.dispose()
    await Promise.all(this.families.map(async (family) => {
      try {
        await family.close?.()
      } catch (error) {
        this.log.error(`${family.name}: closing failed: ${(error as Error).stack ?? String(error)}`)
      }
    }))
    // Families withdrew what their work still asked (interrupted turns); anything left fails now.
    this.serverRequests.close()
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
