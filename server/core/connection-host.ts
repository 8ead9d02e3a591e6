// What a connection needs from the server that owns it. The server implements it; connections
// depend only on this interface, so the core has no import cycle.
import type { ClientInfo, InitializeResponse } from '../../generated/experimental/index.js'
import type { HandlerContext, HandlerMap } from '../handler-types.js'
import type { Logger } from '../log.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import type { Scheduler } from '../scheduling/scheduler.js'
import type { ParamsValidator } from '../validation/params-validator.js'
import type { Limits } from './limits.js'
import type { ServerRequests } from './server-requests.js'

export interface StartupNotification {
  method: string
  params: unknown
}

export interface ConnectionHost {
  readonly model: ProtocolModel
  readonly validator: ParamsValidator
  readonly scheduler: Scheduler
  /** Every implemented request, by method. */
  readonly handlers: HandlerMap
  readonly log: Logger
  readonly limits: Limits
  /** The method list of codex's unknown-variant error, formatted once. */
  readonly acceptedMethodsText: string
  initializeResponse(client: ClientInfo): InitializeResponse
  /** What a connection receives right after its initialize response. */
  startupNotifications(): StartupNotification[]
  /** The server's requests to its clients: answers are handed to it. */
  readonly serverRequests: ServerRequests
  /** Sends a request to one connection's client and waits for its answer. */
  request(connectionId: number, ...request: Parameters<HandlerContext['request']>): ReturnType<HandlerContext['request']>
  /** The connection with this id is gone: the server forgets it and its families release its state. */
  connectionClosed(connectionId: number): void
}
