// State shared by every connection of one server: the protocol model, validators, the scheduler,
// the handler families and their merged table, the home folder and the values sent at initialize.
import { arch, hostname, platform, release, type } from 'node:os'
import type { ClientInfo, InitializeResponse } from '../../generated/experimental/index.js'
import type { HandlerMap } from '../handler-types.js'
import { mergeHandlers, type HandlerFamily } from '../handlers/family.js'
import type { Logger } from '../log.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import { Scheduler } from '../scheduling/scheduler.js'
import { ParamsValidator } from '../validation/params-validator.js'
import { Connection, type ConnectionStats } from './connection.js'
import type { ConnectionHost, StartupNotification } from './connection-host.js'
import type { Limits } from './limits.js'
import type { Link } from './link.js'

export const SERVER_NAME = 'codex-reference-app-server'
export const SERVER_VERSION = '0.1.0'

export interface CoreOptions {
  model: ProtocolModel
  /** The server's handler families, created for this server alone. */
  families: readonly HandlerFamily[]
  /** Handlers added to, or replacing, the families' ones (tests add probing handlers this way). */
  overrideHandlers?: HandlerMap | undefined
  home: string
  log: Logger
  limits: Limits
  installationId: string
}

export class ServerCore implements ConnectionHost {
  readonly model: ProtocolModel
  readonly families: readonly HandlerFamily[]
  readonly handlers: HandlerMap
  readonly home: string
  readonly log: Logger
  readonly limits: Limits
  readonly validator: ParamsValidator
  readonly scheduler: Scheduler
  readonly acceptedMethodsText: string
  private readonly connections = new Map<number, Connection>()
  private nextConnectionId = 1
  private readonly installationId: string

  constructor(options: CoreOptions) {
    this.model = options.model
    this.families = options.families
    this.handlers = { ...mergeHandlers(options.families), ...options.overrideHandlers }
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
    this.connections.set(id, connection)
    return connection
  }

  connectionClosed(connectionId: number): void {
    this.connections.delete(connectionId)
    for (const family of this.families) {
      try {
        family.connectionClosed?.(connectionId)
      } catch (error) {
        this.log.error(`${family.name}: releasing connection ${connectionId} failed: ${(error as Error).stack ?? String(error)}`)
      }
    }
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Per-connection figures, for diagnostics and tests. */
  connectionStats(): ConnectionStats[] {
    return [...this.connections.values()].map((connection) => connection.stats())
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
  }

  initializeResponse(client: ClientInfo): InitializeResponse {
    const os = `${type()} ${release()}; ${arch()}`
    return {
      userAgent: `${SERVER_NAME}/${SERVER_VERSION} (codex ${this.model.codexVersion}; ${os}) (${client.name}; ${client.version})`,
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
