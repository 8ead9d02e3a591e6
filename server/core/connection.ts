// One client connection, whatever its transport: the JSON-RPC lifecycle (initialize, capabilities,
// opt-outs), the order of checks for each request, running handlers under their scopes with a
// bounded number of slots, and outbound filtering for clients without experimentalApi.
import type { InitializeParams } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError, type ConnectionInfo, type HandlerContext, type ServerRequestOptions } from '../handler-types.js'
import { REMOVED, experimentalUseIn, withoutExperimental } from '../experimental/gates.js'
import type { ClientRequestInfo } from '../model/protocol-model.js'
import { resolveScopeKey } from '../scheduling/scope-key.js'
import { decodeErrorOf, invalidType } from '../validation/decode-errors.js'
import type { Validation } from '../validation/params-validator.js'
import { decodeMessage, type Incoming } from '../wire/decode.js'
import { encodeError, encodeNotification, encodeRequest, encodeResult } from '../wire/encode.js'
import { toWireError } from './error-mapping.js'
import type { Link } from './link.js'
import { Outgoing } from './outgoing.js'
import { RequestContext } from './request-context.js'
import type { ConnectionStats, ServerCore } from './server-core.js'
import { ServerRequests } from './server-requests.js'

type RequestMessage = Extract<Incoming, { kind: 'request' }>
type AnyHandler = (params: unknown, context: HandlerContext) => unknown

export class Connection {
  readonly info: ConnectionInfo
  initialized = false
  experimentalApi = false
  clientName: string | undefined
  private optOut: ReadonlySet<string> = new Set()
  private readonly closeController = new AbortController()
  private isClosed = false

  // Messages that arrive while an earlier one waits for its validator are held, to keep arrival order.
  private backlog: string[] | undefined

  private readonly outgoing: Outgoing
  private readonly serverRequests: ServerRequests

  private pendingRequests = 0
  private pendingBytes = 0
  // Handlers running now, and those whose turn came while all slots were taken or output was backed up.
  private running = 0
  private waitingForSlot: ((go: boolean) => void)[] = []
  private readonly inflight = new Set<RequestContext>()

  private idleWaiters: (() => void)[] = []

  // Shared by every HandlerContext of this connection.
  private readonly notifyFn: HandlerContext['notify'] = (method, params) => this.notify(method, params)
  private readonly drainedFn: HandlerContext['drained'] = () => this.outgoing.drained()
  private readonly requestFn: HandlerContext['request'] = (method, params, options) =>
    this.request(method, params, options) as ReturnType<HandlerContext['request']>
  private readonly describeTypeErrorFn: NonNullable<HandlerContext['describeTypeError']> = (typeName, value) =>
    decodeErrorOf(value, typeName, this.core.model.types)

  constructor(readonly id: number, private readonly link: Link, private readonly core: ServerCore) {
    this.outgoing = new Outgoing(link, core.limits, core.log, () => this.startWaiting(), () => this.dispose())
    this.serverRequests = new ServerRequests((threadId, requestId) => this.notify('serverRequest/resolved', { threadId, requestId }))
    const self = this
    this.info = {
      id,
      get experimentalApi() { return self.experimentalApi },
      get clientName() { return self.clientName },
      closed: this.closeController.signal,
    }
  }

  get label(): string {
    return this.link.label
  }

  get closed(): boolean {
    return this.isClosed
  }

  stats(): ConnectionStats {
    return { id: this.id, label: this.label, initialized: this.initialized, unsentBytes: this.outgoing.unsentBytes(), pendingRequests: this.pendingRequests }
  }

  /** One incoming message (a stdio line or a websocket text frame). */
  receive(text: string): void {
    if (this.isClosed) return
    if (this.backlog) {
      this.backlog.push(text)
      return
    }
    const waiting = this.intake(text)
    if (waiting) {
      this.backlog = []
      void this.drainBacklog(waiting)
    }
  }

  private async drainBacklog(first: Promise<void>): Promise<void> {
    await first
    while (this.backlog && this.backlog.length > 0 && !this.isClosed) {
      const waiting = this.intake(this.backlog.shift()!)
      if (waiting) await waiting
    }
    this.backlog = undefined
    this.checkIdle()
  }

  /** Resolves once every message received so far has been answered (or the connection closed). */
  whenIdle(): Promise<void> {
    if (this.isClosed || this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private isIdle(): boolean {
    return this.backlog === undefined && this.pendingRequests === 0
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const wake of waiters) wake()
  }

  /** Runs the checks of one message in arrival order; a promise when a validator is being compiled. */
  private intake(text: string): Promise<void> | undefined {
    const message = decodeMessage(text)
    switch (message.kind) {
      case 'undecodable':
        this.core.log.error(`${this.label}: dropped a message that is not JSON-RPC: ${message.reason}`)
        return undefined
      case 'notification':
        if (!this.core.model.clientNotifications.has(message.method)) this.core.log.debug(`${this.label}: ignored notification ${message.method}`)
        return undefined
      case 'response':
      case 'error': {
        const outcome = message.kind === 'response' ? { result: message.result } : { error: new RpcError(message.error.code, message.error.message, message.error.data) }
        if (!this.serverRequests.settle(message.id, outcome)) {
          this.core.log.warn(`${this.label}: ignored a response with id ${message.id}: no server request with that id is pending`)
        }
        return undefined
      }
      case 'request':
        return this.intakeRequest(message, text.length)
    }
  }

  private intakeRequest(request: RequestMessage, bytes: number): Promise<void> | undefined {
    const info = this.core.model.clientRequests.get(request.method)
    if (!info) {
      this.sendError(request.id, ErrorCode.invalidRequest, `Invalid request: unknown variant \`${request.method}\`, expected ${this.core.acceptedMethodsText}`)
      return undefined
    }
    const decoded = this.decodeParams(info, request.params)
    if (decoded instanceof Promise) {
      return decoded.then(
        (result) => this.afterDecode(request, info, result, bytes),
        (error: unknown) => this.sendError(request.id, ErrorCode.internal, `cannot validate ${request.method}: ${(error as Error).message}`),
      )
    }
    this.afterDecode(request, info, decoded, bytes)
    return undefined
  }

  /** Step 1 of the checks: params presence and shape. */
  private decodeParams(info: ClientRequestInfo, params: unknown): Validation | Promise<Validation> {
    if (info.params.presence === 'none') {
      const empty = params === undefined || params === null || (isRecord(params) && Object.keys(params).length === 0)
      return empty ? { ok: true, value: undefined } : { ok: false, message: invalidType(params, 'unit') }
    }
    if (params === undefined || params === null) {
      return info.params.presence === 'required' ? { ok: false, message: 'missing field `params`' } : { ok: true, value: params }
    }
    return this.core.validator.validate(info.params.type, params)
  }

  /** Steps 2 to 4: lifecycle, experimental gate, then the handler under its scope. */
  private afterDecode(request: RequestMessage, info: ClientRequestInfo, decoded: Validation, bytes: number): void {
    if (this.isClosed) return
    if (!decoded.ok) return this.sendError(request.id, ErrorCode.invalidRequest, `Invalid request: ${decoded.message}`)
    const params = decoded.value
    if (info.method === 'initialize') {
      if (this.initialized) return this.sendError(request.id, ErrorCode.invalidRequest, 'Already initialized')
      return this.initialize(request.id, params as InitializeParams)
    }
    if (!this.initialized) return this.sendError(request.id, ErrorCode.invalidRequest, 'Not initialized')
    if (!this.experimentalApi) {
      const reason = info.experimental ?? (info.params.presence === 'none' ? undefined : experimentalUseIn(params, info.params.type, this.core.model.gates))
      if (reason) return this.sendError(request.id, ErrorCode.invalidRequest, `${reason} requires experimentalApi capability`)
    }
    const handler = this.core.handlers[info.method as keyof typeof this.core.handlers] as AnyHandler | undefined
    if (!handler) return this.sendError(request.id, ErrorCode.notImplemented, `method \`${info.method}\` is not implemented by the reference server`)
    const limits = this.core.limits
    if (this.pendingRequests >= limits.maxPendingRequests || this.pendingBytes + bytes > limits.maxPendingBytes) {
      return this.sendError(request.id, ErrorCode.overloaded, OVERLOADED)
    }
    this.pendingRequests++
    this.pendingBytes += bytes
    const job = {
      connectionId: this.id,
      bytes,
      // The scope and the slot are held until the handler returns or releases them early.
      run: () => new Promise<void>((releaseScope) => {
        let released = false
        const release = () => {
          if (released) return
          released = true
          this.releaseSlot()
          releaseScope()
        }
        const start = () => void this.runHandler(request.id, info, handler, params, bytes, release).finally(release)
        const slot = this.acquireSlot()
        if (!slot) start()
        else void slot.then((go) => (go ? start() : (this.finishRequest(bytes), releaseScope())))
      }),
    }
    const queue = resolveScopeKey(info.scope, params, this.id)
    if (!queue) {
      void job.run()
    } else if (!this.core.scheduler.submit(queue.key, queue.shared, job)) {
      this.pendingRequests--
      this.pendingBytes -= bytes
      this.sendError(request.id, ErrorCode.overloaded, OVERLOADED)
    }
  }

  private async runHandler(id: string, info: ClientRequestInfo, handler: AnyHandler, params: unknown, bytes: number, releaseScope: () => void): Promise<void> {
    const context = new RequestContext(this.info, this.core.home, this.notifyFn, this.drainedFn, this.requestFn, releaseScope, this.describeTypeErrorFn)
    this.inflight.add(context)
    try {
      const result = await handler(params, context)
      if (this.isClosed) return
      const visible = this.experimentalApi || !info.result ? result : withoutExperimental(result, info.result, this.core.model.gates)
      if (visible === REMOVED) this.sendError(id, ErrorCode.internal, `the result of ${info.method} needs experimentalApi capability`)
      else this.outgoing.send(encodeResult(id, visible))
    } catch (error) {
      if (this.isClosed) return
      const wire = toWireError(error)
      if (!(error instanceof RpcError)) this.core.log.warn(`${this.label}: ${info.method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      this.outgoing.send(encodeError(id, wire.code, wire.message, wire.data))
    } finally {
      this.inflight.delete(context)
      this.finishRequest(bytes)
    }
  }

  private finishRequest(bytes: number): void {
    this.pendingRequests--
    this.pendingBytes -= bytes
    this.checkIdle()
  }

  /**
   * A handler may start when fewer than `maxRunningRequests` run and the output is not backed up;
   * so a client that stops reading cannot make the server build up results without bound.
   * Resolves false when the connection closed while waiting.
   */
  private acquireSlot(): Promise<boolean> | undefined {
    if (this.running < this.core.limits.maxRunningRequests && !this.outgoing.congested()) {
      this.running++
      return undefined
    }
    return new Promise((resolve) => this.waitingForSlot.push(resolve))
  }

  private releaseSlot(): void {
    this.running--
    this.startWaiting()
  }

  private startWaiting(): void {
    while (this.waitingForSlot.length > 0 && this.running < this.core.limits.maxRunningRequests && !this.outgoing.congested()) {
      this.running++
      this.waitingForSlot.shift()!(true)
    }
  }

  private initialize(id: string, params: InitializeParams): void {
    const capabilities = params.capabilities ?? undefined
    this.initialized = true
    this.experimentalApi = capabilities?.experimentalApi === true
    this.optOut = new Set(capabilities?.optOutNotificationMethods ?? [])
    this.clientName = params.clientInfo.name
    this.outgoing.send(encodeResult(id, this.core.initializeResponse(params.clientInfo)))
    for (const notification of this.core.startupNotifications()) this.notify(notification.method, notification.params)
  }

  /** Sends a server notification unless this connection opted out of it or may not see it. */
  notify(method: string, params: unknown): boolean {
    if (this.isClosed) return false
    if (!this.initialized || this.optOut.has(method)) return !this.outgoing.congested()
    const info = this.core.model.serverNotifications.get(method)
    if (!info) {
      this.core.log.warn(`${this.label}: not sending unknown notification ${method}`)
      return !this.outgoing.congested()
    }
    let visible = params
    if (!this.experimentalApi) {
      if (info.experimental) return !this.outgoing.congested()
      if (info.paramsType) visible = withoutExperimental(params, info.paramsType, this.core.model.gates)
      if (visible === REMOVED) return !this.outgoing.congested()
    }
    this.outgoing.send(encodeNotification(method, visible))
    return !this.outgoing.congested()
  }

  /** Sends a request to the client; resolves with its result, rejects with its error. */
  request(method: string, params: unknown, options?: ServerRequestOptions): Promise<unknown> {
    if (this.isClosed) return Promise.reject(new RpcError(ErrorCode.internal, `cannot send ${method}: the connection is closed`))
    const info = this.core.model.serverRequests.get(method)
    if (!info) return Promise.reject(new RpcError(ErrorCode.internal, `unknown server request ${method}`))
    let visible = params
    if (!this.experimentalApi) {
      if (info.experimental) return Promise.reject(new RpcError(ErrorCode.invalidRequest, `${info.experimental} requires experimentalApi capability`))
      if (info.paramsType) visible = withoutExperimental(params, info.paramsType, this.core.model.gates)
      if (visible === REMOVED) return Promise.reject(new RpcError(ErrorCode.invalidRequest, `these ${method} params require experimentalApi capability`))
    }
    const timeoutMs = options?.timeoutMs ?? this.core.limits.serverRequestTimeoutMs
    return this.serverRequests.start(method, params, timeoutMs, (id) => this.outgoing.send(encodeRequest(id, method, visible)))
  }

  private sendError(id: string, code: number, message: string): void {
    this.outgoing.send(encodeError(id, code, message))
  }

  /** Writes what is queued now (before the process exits). */
  flush(): void {
    this.outgoing.flush()
  }

  /** The transport wrote some of its backlog. */
  outputDrained(): void {
    this.outgoing.transportDrained()
  }

  /** The connection is gone: drop its queued work, cancel its running work, fail its server requests. */
  dispose(): void {
    if (this.isClosed) return
    this.isClosed = true
    this.closeController.abort()
    for (const context of this.inflight) context.cancel()
    this.core.scheduler.dropConnection(this.id)
    this.serverRequests.failAll()
    for (const cancel of this.waitingForSlot.splice(0)) cancel(false)
    this.outgoing.close()
    for (const wake of this.idleWaiters.splice(0)) wake()
    this.backlog = undefined
    this.core.forget(this)
  }
}

const OVERLOADED = 'Server overloaded; retry later.'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

