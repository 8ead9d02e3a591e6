// Real handler families called directly, without a transport. A TestServer owns one server's
// families (created as startServer creates them); each TestConnection is a client of it whose
// outgoing buffer is simulated (notifications are kept in order; `notify` reports a full buffer
// above a byte limit until the test reads them), with real abort signals for closing and
// cancelling, and closing tells the families, as the core does.
import type { ClientRequestMap, ServerNotificationMap, ServerRequestMap } from '../../../generated/experimental/index.js'
import type { ClientRequestMethod, ConnectionInfo, HandlerContext, HandlerMap, ServerNotificationMethod, ServerRequestMethod } from '../../../server/handler-types.js'
import { mergeHandlers, type ConnectionDirectory, type FamilyEnvironment, type HandlerFamily } from '../../../server/handlers/family.js'
import { createHandlerFamilies, type FamilySettings } from '../../../server/handlers/index.js'
import { createLogger } from '../../../server/log.js'
import { loadProtocolModel, type ProtocolModel } from '../../../server/model/protocol-model.js'
import { decodeErrorOf } from '../../../server/validation/decode-errors.js'

export interface SentNotification {
  method: ServerNotificationMethod
  params: unknown
}

let model: ProtocolModel | undefined
const protocolModel = () => (model ??= loadProtocolModel(new URL('../../..', import.meta.url).pathname))
const protocolTypes = () => protocolModel().types

/** The families of one server on `home`. */
export class TestServer implements ConnectionDirectory {
  readonly families: HandlerFamily[]
  readonly handlers: HandlerMap
  readonly #connections = new Map<number, TestConnection>()
  #nextConnectionId = 1

  constructor(readonly home: string, settings: FamilySettings = {}) {
    const environment: FamilyEnvironment = {
      home,
      codexVersion: protocolModel().codexVersion,
      log: createLogger('off'),
      connections: this,
      describeTypeError: (typeName, value) => decodeErrorOf(value, typeName, protocolTypes()),
    }
    this.families = createHandlerFamilies(environment, settings)
    this.handlers = mergeHandlers(this.families)
  }

  /** The family of this class (e.g. `server.family(FsWatchFamily)`). */
  family<F extends HandlerFamily>(kind: abstract new (...args: never[]) => F): F {
    const found = this.families.find((family): family is F => family instanceof kind)
    if (found === undefined) throw new Error(`no ${kind.name} in this server`)
    return found
  }

  connect(bufferLimit = Number.POSITIVE_INFINITY): TestConnection {
    const connection = new TestConnection(this, this.#nextConnectionId++, bufferLimit)
    this.#connections.set(connection.id, connection)
    return connection
  }

  notify<M extends ServerNotificationMethod>(connectionId: number, method: M, params: ServerNotificationMap[M]['params']): boolean {
    return this.#connections.get(connectionId)?.context().notify(method, params) ?? false
  }

  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']): void {
    for (const connection of this.#connections.values()) connection.context().notify(method, params)
  }

  request<M extends ServerRequestMethod>(connectionId: number, method: M, params: ServerRequestMap[M]['params']): Promise<ServerRequestMap[M]['result']> {
    const connection = this.#connections.get(connectionId)
    if (!connection) return Promise.reject(new Error(`connection ${connectionId} is closed`))
    return connection.context().request(method, params)
  }

  // One connection's context answers; the others are not asked (these tests have one client).
  requestShared<M extends ServerRequestMethod>(connectionIds: Iterable<number>, method: M, params: ServerRequestMap[M]['params']) {
    const [first] = [...connectionIds]
    return { id: -1, answer: this.request(first ?? -1, method, params), sendTo: () => false, withdraw: () => false }
  }

  connectionClosed(id: number): void {
    this.#connections.delete(id)
    for (const family of this.families) family.connectionClosed?.(id)
  }

  async close(): Promise<void> {
    for (const family of this.families) await family.close?.()
  }
}

export class TestConnection {
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
    readonly server: TestServer,
    readonly id: number,
    /** Above this many unread bytes `notify` returns false. */
    readonly bufferLimit: number,
  ) {}

  get info(): ConnectionInfo {
    return { id: this.id, experimentalApi: true, clientName: 'handler-tests', closed: this.#closed.signal }
  }

  context(signal: AbortSignal = this.#closed.signal): HandlerContext {
    const connection = this
    return {
      connection: this.info,
      signal,
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
      // Calls are answered at once here, so what follows a response may run right away.
      afterResponse(callback) {
        queueMicrotask(callback)
      },
    }
  }

  /** Takes every unread notification (the client reading its socket). */
  read(): SentNotification[] {
    const taken = this.unread.splice(0)
    this.unreadBytes = 0
    this.#wake()
    return taken
  }

  close(): void {
    if (this.#closed.signal.aborted) return
    this.#closed.abort()
    this.server.connectionClosed(this.id)
    this.#wake()
  }

  #wake(): void {
    for (const resolve of this.#waiters.splice(0)) resolve()
  }

  /** Calls a handler as the core would: with this connection's context. */
  call<M extends ClientRequestMethod>(method: M, params: ClientRequestMap[M]['params'], signal?: AbortSignal): Promise<ClientRequestMap[M]['result']> {
    const handler = this.server.handlers[method as keyof HandlerMap] as unknown as
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
