// A real HandlerContext for calling handlers directly: a connection whose outgoing buffer is
// simulated (notifications are kept in order; `notify` reports a full buffer above a byte
// limit until the test reads them), with real abort signals for closing and cancelling.
import type { ClientRequestMap, ServerNotificationMap } from '../../../generated/experimental/index.js'
import type { ClientRequestMethod, ConnectionInfo, HandlerContext, ServerNotificationMethod } from '../../../server/handler-types.js'
import { handlers } from '../../../server/handlers/index.js'
import { loadProtocolModel, type ProtocolModel } from '../../../server/model/protocol-model.js'
import { decodeErrorOf } from '../../../server/validation/decode-errors.js'

export interface SentNotification {
  method: ServerNotificationMethod
  params: unknown
}

let nextConnectionId = 1_000
let model: ProtocolModel | undefined
const protocolTypes = () => (model ??= loadProtocolModel(new URL('../../..', import.meta.url).pathname)).types

export class TestConnection {
  readonly id = nextConnectionId++
  readonly #closed = new AbortController()
  /** Every notification sent and not yet taken by `read()`. */
  readonly unread: SentNotification[] = []
  /** Bytes of unread notifications. */
  unreadBytes = 0
  /** Most bytes that were ever unread at once. */
  peakUnreadBytes = 0
  scopeReleases = 0
  #waiters: (() => void)[] = []

  constructor(
    readonly home: string,
    /** Above this many unread bytes `notify` returns false. */
    readonly bufferLimit = Number.POSITIVE_INFINITY,
    readonly loadedThreads: string[] | undefined = undefined,
  ) {}

  get info(): ConnectionInfo {
    return { id: this.id, experimentalApi: true, clientName: 'handler-tests', closed: this.#closed.signal }
  }

  context(signal: AbortSignal = this.#closed.signal): HandlerContext {
    const connection = this
    const context: HandlerContext = {
      connection: this.info,
      signal,
      home: this.home,
      notify<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']) {
        if (connection.#closed.signal.aborted) return false
        connection.unread.push({ method, params })
        connection.unreadBytes += JSON.stringify({ method, params }).length
        connection.peakUnreadBytes = Math.max(connection.peakUnreadBytes, connection.unreadBytes)
        return connection.unreadBytes <= connection.bufferLimit
      },
      drained() {
        if (connection.unreadBytes <= connection.bufferLimit || connection.#closed.signal.aborted) return Promise.resolve()
        return new Promise<void>((resolve) => connection.#waiters.push(resolve))
      },
      request() {
        return Promise.reject(new Error('server requests are not used by these handlers'))
      },
      releaseScope() {
        connection.scopeReleases++
      },
      // The core's type check, as the real server provides it.
      describeTypeError: (typeName, value) => decodeErrorOf(value, typeName, protocolTypes()),
    }
    if (this.loadedThreads !== undefined) context.loadedThreadIds = () => this.loadedThreads!
    return context
  }

  /** Takes every unread notification (the client reading its socket). */
  read(): SentNotification[] {
    const taken = this.unread.splice(0)
    this.unreadBytes = 0
    this.#wake()
    return taken
  }

  close(): void {
    this.#closed.abort()
    this.#wake()
  }

  #wake(): void {
    for (const resolve of this.#waiters.splice(0)) resolve()
  }

  /** Calls a handler as the core would: with this connection's context. */
  call<M extends ClientRequestMethod>(method: M, params: ClientRequestMap[M]['params'], signal?: AbortSignal): Promise<ClientRequestMap[M]['result']> {
    const handler = handlers[method as keyof typeof handlers] as unknown as
      ((params: ClientRequestMap[M]['params'], context: HandlerContext) => ClientRequestMap[M]['result'] | Promise<ClientRequestMap[M]['result']>) | undefined
    if (handler === undefined) return Promise.reject(new Error(`no handler for ${method}`))
    try {
      return Promise.resolve(handler(params, this.context(signal)))
    } catch (error) {
      return Promise.reject(error)
    }
  }
}

/** The JSON-RPC error a call is answered with (fails the test if it succeeds). */
export async function rpcErrorOf(promise: Promise<unknown>): Promise<{ code: number; message: string; data?: unknown }> {
  try {
    await promise
  } catch (error) {
    const { code, message, data } = error as { code: number; message: string; data?: unknown }
    return data === undefined ? { code, message } : { code, message, data }
  }
  throw new Error('expected the call to fail')
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
