// A typed JSON-RPC client for codex app-server (modelled on vscode-jsonrpc's connection): requests
// correlated by id with timeouts and cancellation, notifications and server requests dispatched to
// typed handlers, an optional validation hook, and reconnection over a new transport.
import {
  AppServerError, ConnectionClosedError, ErrorCode, MalformedMessageError, NotInitializedError, RequestCancelledError,
  ResponseError, SchemaMismatchError,
} from './errors.js'
import { Listeners, type Disposable } from './listeners.js'
import { PendingRequests } from './pending-requests.js'
import type {
  ClientNotificationMethod, ClientRequestMethod, NotificationParams, ParamsArgument, ProtocolTypes, RequestResult,
  ServerNotificationMethod, ServerRequestMethod, ServerRequestParams, ServerRequestResult, Variant,
} from './protocol.js'
import { Reconnection, type ReconnectOptions } from './reconnection.js'
import { ServerRequestHandlers, type ServerRequestContext } from './server-request-handlers.js'
import type { CloseInfo, Transport, TransportEvents, TransportFactory } from './transport.js'
import type { MessageKind, MessageValidator } from './validation/message-validator.js'
import { encodeRequest, readMessage } from './wire.js'

export interface RequestOptions {
  signal?: AbortSignal
  /** Rejects with RequestTimeoutError when no answer came in time (default: the client's `timeoutMs`, else none). */
  timeoutMs?: number
}

/** What a notification handler learns besides the params. */
export interface NotificationEnvelope<M extends string = string> {
  method: M
  /** When the server emitted it (epoch ms); codex always sends it, other servers may not. */
  emittedAtMs: number | undefined
}

export type NotificationHandler<P extends ProtocolTypes, M extends ServerNotificationMethod<P>> =
  (params: NotificationParams<P, M>, envelope: NotificationEnvelope<M>) => void
export type ServerRequestHandler<P extends ProtocolTypes, M extends ServerRequestMethod<P>> =
  (params: ServerRequestParams<P, M>, context: ServerRequestContext<M>) => ServerRequestResult<P, M> | Promise<ServerRequestResult<P, M>>

type InitializeParamsOf<P extends ProtocolTypes> = 'initialize' extends keyof P['clientRequests'] ? P['clientRequests']['initialize']['params'] : never
type InitializeResultOf<P extends ProtocolTypes> = 'initialize' extends keyof P['clientRequests'] ? P['clientRequests']['initialize']['result'] : unknown
type ClientInfoOf<P extends ProtocolTypes> = InitializeParamsOf<P> extends { clientInfo: infer I } ? I : never
type CapabilitiesOf<P extends ProtocolTypes> = NonNullable<InitializeParamsOf<P> extends { capabilities?: infer C } ? C : never>

export interface InitializeOptions<P extends ProtocolTypes> extends RequestOptions {
  clientInfo: ClientInfoOf<P>
  /** Opt into experimental methods, fields and notifications (default: true for the experimental variant). */
  experimentalApi?: boolean
  /** Notifications this connection does not want (exact method names). */
  optOutNotificationMethods?: ServerNotificationMethod<P>[]
  /** Other capabilities, sent as given. */
  capabilities?: Omit<CapabilitiesOf<P>, 'experimentalApi' | 'optOutNotificationMethods'>
}

export interface ClientOptions<V extends Variant = Variant> {
  /** The protocol variant the types describe; also the default of `experimentalApi`. */
  variant: V
  transport: TransportFactory
  /** Checks every message sent and received; a mismatch fails the request or is reported as an error event. */
  validator?: MessageValidator
  /** Default timeout of every request. */
  timeoutMs?: number
  /** Open a new transport when this one drops (with backoff), initialize it again, and say so. */
  reconnect?: ReconnectOptions | boolean
}

export interface ClientEvents<P extends ProtocolTypes> {
  /** The connection ended for good (after any reconnection attempts). */
  closed: [info: CloseInfo]
  /** Something went wrong that fails no request of the caller's (a stray answer, a bad message, a throwing handler). */
  error: [error: Error]
  stderr: [line: string]
  /** The transport dropped; a new one will be tried after `delayMs`. */
  reconnecting: [info: { attempt: number; delayMs: number; reason: string }]
  /** A new transport is open and initialized again with the first initialize's params. */
  reconnected: [info: { attempt: number; initializeResult: InitializeResultOf<P> | undefined }]
}

type State = 'open' | 'reconnecting' | 'closed'

export class AppServerClient<P extends ProtocolTypes> {
  readonly variant: Variant
  private transport: Transport | undefined
  private state: State = 'open'
  private initialized = false
  /** The params of the first successful initialize, sent again after a reconnection. */
  private initializeParams: unknown
  private closeReason = ''
  private nextId = 1
  private readonly pending = new PendingRequests()
  private readonly notificationHandlers = new Map<string, Listeners<[unknown, NotificationEnvelope]>>()
  private readonly serverRequests: ServerRequestHandlers
  private handlersAbort = new AbortController()
  private readonly events: { [K in keyof ClientEvents<P>]: Listeners<ClientEvents<P>[K]> }
  private readonly reconnection: Reconnection | undefined
  private readonly whenClosed: Promise<void>
  private markClosed!: () => void
  private finished = false

  private constructor(private readonly options: ClientOptions) {
    this.variant = options.variant
    const report = (error: unknown) => this.reportError(error)
    this.events = {
      closed: new Listeners(report), error: new Listeners(() => {}), stderr: new Listeners(report),
      reconnecting: new Listeners(report), reconnected: new Listeners(report),
    }
    this.whenClosed = new Promise((resolve) => { this.markClosed = resolve })
    this.serverRequests = new ServerRequestHandlers(options.validator, report)
    this.reconnection = options.reconnect ? new Reconnection(options.reconnect === true ? {} : options.reconnect) : undefined
  }

  /** Opens the transport; rejects (with ConnectionClosedError) when it cannot be opened. */
  static async connect<P extends ProtocolTypes>(options: ClientOptions): Promise<AppServerClient<P>> {
    const client = new AppServerClient<P>(options)
    client.transport = await client.open()
    return client
  }

  get isInitialized(): boolean {
    return this.initialized
  }

  get isClosed(): boolean {
    return this.state === 'closed'
  }

  /** Sends a request and resolves with its typed result, or rejects with an AppServerError. */
  request<M extends ClientRequestMethod<P>>(method: M, ...args: ParamsArgument<P['clientRequests'][M]['params'], [options?: RequestOptions]>): Promise<RequestResult<P, M>> {
    const [params, options = {}] = args as [unknown, RequestOptions | undefined]
    return this.send(method, params, options, false) as Promise<RequestResult<P, M>>
  }

  /** Sends a notification (fire and forget); throws when the connection is not open or the params do not validate. */
  notify<M extends ClientNotificationMethod<P>>(method: M, ...args: ParamsArgument<P['clientNotifications'][M]['params']>): void {
    const [params] = args as [unknown]
    const transport = this.usableTransport(method)
    this.checkOutgoing('clientNotification', method, 'params', params)
    transport.send(encodeRequest(undefined, method, params))
  }

  /** Sends `initialize` then the `initialized` notification; remembered for reconnections. */
  async initialize(options: InitializeOptions<P>): Promise<InitializeResultOf<P>> {
    const { clientInfo, experimentalApi, optOutNotificationMethods, capabilities, signal, timeoutMs } = options
    const params = {
      clientInfo,
      capabilities: {
        ...capabilities,
        experimentalApi: experimentalApi ?? this.variant === 'experimental',
        ...(optOutNotificationMethods ? { optOutNotificationMethods } : {}),
      },
    }
    const result = await this.send('initialize', params, { ...(signal ? { signal } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) }, false)
    this.notifyInitialized()
    return result as InitializeResultOf<P>
  }

  onNotification<M extends ServerNotificationMethod<P>>(method: M, handler: NotificationHandler<P, M>): Disposable {
    let listeners = this.notificationHandlers.get(method)
    if (!listeners) {
      listeners = new Listeners((error) => this.reportError(new AppServerError(ErrorCode.internalError, `the ${method} handler threw: ${describe(error)}`, { cause: error })))
      this.notificationHandlers.set(method, listeners)
    }
    return listeners.add(handler as (params: unknown, envelope: NotificationEnvelope) => void)
  }

  /** Answers the server's `method` requests; one handler per method. Unhandled requests are answered -32601. */
  onServerRequest<M extends ServerRequestMethod<P>>(method: M, handler: ServerRequestHandler<P, M>): Disposable {
    return this.serverRequests.register(method, handler as (params: unknown, context: ServerRequestContext) => unknown)
  }

  on<E extends keyof ClientEvents<P>>(event: E, listener: (...args: ClientEvents<P>[E]) => void): Disposable {
    return this.events[event].add(listener)
  }

  /** Closes the connection; pending requests are rejected. Resolves once the transport has ended. */
  close(): Promise<void> {
    if (this.state === 'closed') return this.whenClosed
    const transport = this.transport
    if (this.state === 'reconnecting' || !transport) {
      this.reconnection?.cancel()
      this.finish({ reason: 'closed by the client', requested: true })
    } else {
      this.state = 'closed'
      this.closeReason = 'closed by the client'
      transport.close()
    }
    return this.whenClosed
  }

  private send(method: string, params: unknown, options: RequestOptions, reinitializing: boolean): Promise<unknown> {
    let transport: Transport
    try {
      transport = this.usableTransport(method, reinitializing)
      if (!this.initialized && method !== 'initialize') throw new NotInitializedError(method)
      if (options.signal?.aborted) throw new RequestCancelledError(method, options.signal.reason)
      this.checkOutgoing('clientRequest', method, 'params', params)
    } catch (error) {
      return Promise.reject(error as Error)
    }
    const id = this.nextId++
    const result = new Promise<unknown>((resolve, reject) => {
      this.pending.add(id, { method, resolve, reject }, { timeoutMs: options.timeoutMs ?? this.options.timeoutMs, signal: options.signal })
    })
    try {
      transport.send(encodeRequest(id, method, params))
    } catch (error) {
      this.pending.take(id)?.reject(new ConnectionClosedError(`${method}: cannot send on ${transport.label}: ${describe(error)}`, { cause: error }))
    }
    if (method !== 'initialize') return result
    return result.then((value) => {
      this.initialized = true
      this.initializeParams ??= params
      return value
    })
  }

  private usableTransport(method: string, reinitializing = false): Transport {
    if (this.state === 'reconnecting' && !reinitializing) throw new ConnectionClosedError(`${method}: the connection was lost (${this.closeReason}); reconnecting`)
    if (this.state === 'closed' || !this.transport) throw new ConnectionClosedError(`${method}: the connection is closed (${this.closeReason || 'not open'})`)
    return this.transport
  }

  /** The optional `initialized` notification codex's clients send after the initialize response. */
  private notifyInitialized(): void {
    try {
      this.transport?.send(encodeRequest(undefined, 'initialized', undefined))
    } catch {
      // The transport ended right after answering; its close is reported on its own.
    }
  }

  private checkOutgoing(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): void {
    const problem = this.options.validator?.check(kind, method, part, value)
    if (problem !== undefined) throw new SchemaMismatchError(`sending ${method} ${part}: ${problem}`)
  }

  private incomingProblem(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): string | undefined {
    const problem = this.options.validator?.check(kind, method, part, value)
    return problem === undefined ? undefined : `received ${method} ${part}: ${problem}`
  }

  /** Opens a transport whose events reach this client only while it is the current one. */
  private async open(): Promise<Transport> {
    let current = true
    let closedEarly: CloseInfo | undefined
    let opened: Transport | undefined
    const events: TransportEvents = {
      message: (text) => { if (current) this.receive(text) },
      error: (error) => { if (current) this.reportError(error) },
      stderr: (line) => { if (current) this.events.stderr.emit(line) },
      closed: (info) => {
        if (!current) return
        current = false
        if (opened) this.transportClosed(info)
        else closedEarly = info
      },
    }
    let transport: Transport
    try {
      transport = await this.options.transport(events)
    } catch (error) {
      current = false
      throw error instanceof AppServerError ? error : new ConnectionClosedError(describe(error), { cause: error })
    }
    if (closedEarly) throw new ConnectionClosedError(`${transport.label} closed as soon as it opened: ${closedEarly.reason}`)
    opened = transport
    return transport
  }

  private receive(text: string): void {
    const message = readMessage(text)
    switch (message.kind) {
      case 'response':
      case 'errorResponse': {
        const request = this.pending.take(message.id)
        if (!request) {
          if (!this.pending.wasAbandoned(message.id)) this.reportError(new MalformedMessageError(`an answer to id ${JSON.stringify(message.id)}, which no request is waiting for: ${clip(text)}`))
          return
        }
        if (message.kind === 'errorResponse') {
          request.reject(new ResponseError(message.code, message.message, request.method, message.data))
          return
        }
        const problem = this.incomingProblem('clientRequest', request.method, 'result', message.result)
        if (problem !== undefined) request.reject(new SchemaMismatchError(problem))
        else request.resolve(message.result)
        return
      }
      case 'notification': {
        const problem = this.incomingProblem('serverNotification', message.method, 'params', message.params)
        if (problem !== undefined) {
          this.reportError(new SchemaMismatchError(problem))
          return
        }
        this.notificationHandlers.get(message.method)?.emit(message.params, { method: message.method, emittedAtMs: message.emittedAtMs })
        return
      }
      case 'request':
        void this.serverRequests.answer(message, this.handlersAbort.signal, this.answerOn(this.transport))
        return
      case 'malformed': {
        const request = message.id === undefined ? undefined : this.pending.take(message.id)
        const error = new MalformedMessageError(`${this.transport?.label ?? 'server'} sent ${message.problem}: ${clip(text)}`)
        if (request) request.reject(new MalformedMessageError(`${request.method}: the answer is unreadable: ${error.message}`))
        else this.reportError(error)
      }
    }
  }

  /** Sends an answer on `transport` while it is still the open one; a gone transport has its close reported on its own. */
  private answerOn(transport: Transport | undefined): (text: string) => void {
    return (text) => {
      if (this.transport !== transport || this.state === 'closed') return
      try {
        transport?.send(text)
      } catch {
        // Closed in the meantime: reported by the transport's close.
      }
    }
  }

  private transportClosed(info: CloseInfo): void {
    this.transport = undefined
    this.initialized = false
    const requested = this.state === 'closed' || info.requested
    const reason = requested ? this.closeReason || info.reason : info.reason
    this.closeReason = reason
    this.pending.rejectAll((method) => new ConnectionClosedError(`${method}: the connection closed before the answer came (${reason})`))
    this.handlersAbort.abort(new ConnectionClosedError(reason))
    this.handlersAbort = new AbortController()
    if (requested || !this.reconnection) {
      this.finish({ reason, requested })
      return
    }
    this.state = 'reconnecting'
    void this.reconnect(reason)
  }

  private async reconnect(reason: string): Promise<void> {
    const outcome = await this.reconnection!.run(reason, {
      announce: (attempt, delayMs) => this.events.reconnecting.emit({ attempt, delayMs, reason }),
      attempt: async () => {
        const transport = await this.open()
        this.transport = transport
        try {
          if (this.initializeParams === undefined) return undefined
          const result = await this.send('initialize', this.initializeParams, this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}, true)
          this.notifyInitialized()
          return result
        } catch (error) {
          transport.close()
          throw error
        }
      },
    })
    if (this.state !== 'reconnecting') {
      // Closed by the application while the attempt ran: the new transport is not wanted.
      this.transport?.close()
      return
    }
    if (outcome.ok) {
      this.state = 'open'
      this.events.reconnected.emit({ attempt: outcome.attempt, initializeResult: outcome.value as InitializeResultOf<P> | undefined })
    } else {
      this.finish({ reason: `${reason}; reconnecting failed: ${outcome.reason}`, requested: false })
    }
  }

  private finish(info: CloseInfo): void {
    if (this.finished) return
    this.finished = true
    this.state = 'closed'
    this.closeReason = info.reason
    this.pending.rejectAll((method) => new ConnectionClosedError(`${method}: the connection closed before the answer came (${info.reason})`))
    this.events.closed.emit(info)
    this.markClosed()
  }

  private reportError(error: unknown): void {
    const reported = error instanceof Error ? error : new Error(String(error))
    this.events.error.emit(reported)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A message quoted in an error line: short enough to read. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text
}
