// The contract between the reference server's core and its request handlers, typed from the
// generated method maps: a handler takes the method's params and returns its result, and the
// compiler checks both against the definitions.
import type {
  ClientRequestMap,
  ServerNotificationMap,
  ServerRequestMap,
} from '../generated/experimental/index.js'

export type ClientRequestMethod = keyof ClientRequestMap
export type ServerRequestMethod = keyof ServerRequestMap
export type ServerNotificationMethod = keyof ServerNotificationMap

/** JSON-RPC error codes the server answers with, as codex uses them. */
export const ErrorCode = {
  /** Malformed or unacceptable requests and domain errors (codex answers most errors with this). */
  invalidRequest: -32600,
  /** A method the protocol defines but this server does not implement (codex never sends it). */
  notImplemented: -32601,
  /** Contradictory options. */
  invalidParams: -32602,
  /** Operating-system and internal failures. */
  internal: -32603,
  /** A queue of the server is full. */
  overloaded: -32001,
} as const

/** An error a handler throws to answer its request with a JSON-RPC error. */
export class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message)
    this.name = 'RpcError'
  }
}

/** What a handler may know about the connection its request came from. */
export interface ConnectionInfo {
  /** Unique per connection for the life of the server. */
  readonly id: number
  /** The client opted into experimental methods, fields and notifications. */
  readonly experimentalApi: boolean
  readonly clientName: string | undefined
  /** Aborted when the connection closes: per-connection resources (watches, processes) end then. */
  readonly closed: AbortSignal
}

export interface ServerRequestOptions {
  /** Give up (rejecting with an RpcError) after this long; default: wait until answered or the connection closes. */
  timeoutMs?: number
}

/** Everything a handler can do besides returning its result. */
export interface HandlerContext {
  readonly connection: ConnectionInfo
  /** Aborted when the connection closes or the request is cancelled; long work must stop then. */
  readonly signal: AbortSignal
  /**
   * Sends a notification to this connection (dropped if it opted out or may not receive it).
   * Returns false when the connection's outgoing buffer is above its limit: a producer of many
   * messages (process output) should then wait for `drained()` before sending more.
   */
  notify<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']): boolean
  /** Resolves once the connection's outgoing buffer is below its limit again (or it closed). */
  drained(): Promise<void>
  /**
   * Lets the requests queued behind this one start before this handler returns: those in its
   * serialization scope, and those of this connection waiting for a free handler slot. Codex holds
   * a scope only while a request is being dispatched, so a long-running handler (a command
   * streaming until it exits) calls this once its work is registered, and later requests on the
   * same key (`command/exec/write`, `command/exec/terminate`) can reach it.
   */
  releaseScope(): void
  /** Sends a request to this connection's client and waits for its answer. */
  request<M extends ServerRequestMethod>(method: M, params: ServerRequestMap[M]['params'], options?: ServerRequestOptions): Promise<ServerRequestMap[M]['result']>
  /**
   * Runs `callback` right after this request's successful response is queued, so that what it
   * sends follows the response (codex answers thread/start before thread/started, turn/start
   * before turn/started). Not run when the handler fails; run all the same when the connection
   * closed meanwhile, so that work the handler set up (a turn to begin) is not left waiting.
   */
  afterResponse(callback: () => void): void
}

export type Handler<M extends ClientRequestMethod> = (
  params: ClientRequestMap[M]['params'],
  context: HandlerContext,
) => ClientRequestMap[M]['result'] | Promise<ClientRequestMap[M]['result']>

/** Implemented methods; a defined method without a handler answers a clear "not implemented" error. */
export type HandlerMap = { [M in ClientRequestMethod]?: Handler<M> }

/** Declares handlers with their types checked against the generated method map. */
export function defineHandlers<H extends HandlerMap>(handlers: H & Record<Exclude<keyof H, ClientRequestMethod>, never>): H {
  return handlers
}
