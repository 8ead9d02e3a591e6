// One client connection, whatever its transport: each message goes through the checks in codex's
// order (decode, lifecycle, experimental gate, admission under its scope, handler, encoding), and
// every step is guarded: an exception anywhere is logged with the method and id, answered -32603
// where a response is owed, and leaves the connection and the server running.
import type { InitializeParams } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError, type ConnectionInfo, type HandlerContext } from '../handler-types.js'
import { experimentalUseIn } from '../experimental/gates.js'
import type { ClientRequestInfo } from '../model/protocol-model.js'
import { resolveScopeKey } from '../scheduling/scope-key.js'
import { invalidType } from '../validation/decode-errors.js'
import type { Validation } from '../validation/params-validator.js'
import { decodeMessage, type Incoming } from '../wire/decode.js'
import { decodePositionalParams } from '../wire/positional-params.js'
import { encodeError, encodeNotification, encodeRequest, encodeResult } from '../wire/encode.js'
import { Admission } from './admission.js'
import type { ConnectionHost } from './connection-host.js'
import { toWireError } from './error-mapping.js'
import { Lifecycle } from './lifecycle.js'
import type { Link } from './link.js'
import { OutboundFilter, WITHHELD } from './outbound-filter.js'
import { Outgoing } from './outgoing.js'
import { RequestContext } from './request-context.js'

type RequestMessage = Extract<Incoming, { kind: 'request' }>
type AnyHandler = (params: unknown, context: HandlerContext) => unknown

export interface ConnectionStats {
  id: number
  label: string
  initialized: boolean
  /** Output queued or handed to the transport but not yet written to the client. */
  unsentBytes: number
  /** Requests accepted and not answered yet. */
  pendingRequests: number
  /** Of those, the ones whose handler is running. */
  runningRequests: number
}

export class Connection {
  readonly info: ConnectionInfo
  private readonly lifecycle = new Lifecycle()
  private readonly outbound: OutboundFilter
  private readonly outgoing: Outgoing
  private readonly admission: Admission
  private readonly closeController = new AbortController()
  private isClosed = false
  // Messages that arrive while an earlier one waits for its validator are held, to keep arrival order.
  private backlog: string[] | undefined
  private idleWaiters: (() => void)[] = []
  private readonly inflight = new Set<RequestContext>()

  // Shared by every HandlerContext of this connection.
  private readonly notifyFn: HandlerContext['notify'] = (method, params) => this.notify(method, params)
  private readonly drainedFn: HandlerContext['drained'] = () => this.outgoing.drained()
  private readonly requestFn: HandlerContext['request'] = (method, params, options) => this.host.request(this.id, method, params, options)

  constructor(readonly id: number, private readonly link: Link, private readonly host: ConnectionHost) {
    this.outbound = new OutboundFilter(host.model, this.lifecycle)
    this.outgoing = new Outgoing(link, host.limits, host.log, () => this.admission.startWaiting(), () => this.dispose())
    this.admission = new Admission(id, host.limits, host.scheduler, () => this.outgoing.congested(), () => this.checkIdle())
    const lifecycle = this.lifecycle
    this.info = {
      id,
      get experimentalApi() { return lifecycle.experimentalApi },
      get clientName() { return lifecycle.clientName },
      closed: this.closeController.signal,
    }
  }

  get label(): string {
    return this.link.label
  }

  get closed(): boolean {
    return this.isClosed
  }

  get initialized(): boolean {
    return this.lifecycle.initialized
  }

  stats(): ConnectionStats {
    return { id: this.id, label: this.label, initialized: this.initialized, unsentBytes: this.outgoing.unsentBytes(), pendingRequests: this.admission.pending, runningRequests: this.admission.runningHandlers }
  }

  /** One incoming message (a stdio line or a websocket text frame). Never throws. */
  receive(text: string): void {
    if (this.isClosed) return
    if (this.backlog) {
      this.backlog.push(text)
      return
    }
    const waiting = this.intake(text)
    if (waiting) {
      this.backlog = []
      this.drainBacklog(waiting).catch((error: unknown) => this.internalFailure('reading queued messages', undefined, error))
    }
  }

  private async drainBacklog(first: Promise<void>): Promise<void> {
    try {
      await first
      while (this.backlog && this.backlog.length > 0 && !this.isClosed) {
        const waiting = this.intake(this.backlog.shift()!)
        if (waiting) await waiting
      }
    } finally {
      this.backlog = undefined
      this.checkIdle()
    }
  }

  /** Resolves once every message received so far has been answered (or the connection closed). */
  whenIdle(): Promise<void> {
    if (this.isClosed || this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private isIdle(): boolean {
    return this.backlog === undefined && this.admission.pending === 0
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return
    for (const wake of this.idleWaiters.splice(0)) wake()
  }

  /** Runs the checks of one message in arrival order; a promise when a validator is being compiled. */
  private intake(text: string): Promise<void> | undefined {
    let message: Incoming
    try {
      message = decodeMessage(text)
    } catch (error) {
      this.internalFailure('decoding a message', undefined, error)
      return undefined
    }
    switch (message.kind) {
      case 'undecodable':
        this.host.log.error(`${this.label}: dropped a message that is not JSON-RPC: ${message.reason}`)
        return undefined
      case 'notification':
        if (!this.host.model.clientNotifications.has(message.method)) this.host.log.debug(`${this.label}: ignored notification ${message.method}`)
        return undefined
      case 'response':
      case 'error': {
        const outcome = message.kind === 'response' ? { result: message.result } : { error: new RpcError(message.error.code, message.error.message, message.error.data) }
        this.host.serverRequests.answer(this.id, message.id, outcome)
        return undefined
      }
      case 'request':
        return this.guarded('dispatching', message, () => this.intakeRequest(message, text.length))
    }
  }

  private intakeRequest(request: RequestMessage, bytes: number): Promise<void> | undefined {
    const info = this.host.model.clientRequests.get(request.method)
    if (!info) {
      this.sendError(request.id, ErrorCode.invalidRequest, `Invalid request: unknown variant \`${request.method}\`, expected ${this.host.acceptedMethodsText}`)
      return undefined
    }
    const decoded = this.decodeParams(info, request.params)
    if (decoded instanceof Promise) {
      return decoded.then(
        (result) => this.guarded('dispatching', request, () => this.afterDecode(request, info, result, bytes)),
        (error: unknown) => this.guarded('validating', request, () => this.sendError(request.id, ErrorCode.internal, `cannot validate ${request.method}: ${(error as Error).message}`)),
      )
    }
    this.afterDecode(request, info, decoded, bytes)
    return undefined
  }

  /** Step 1 of the checks: params presence and shape. */
  private decodeParams(info: ClientRequestInfo, params: unknown): Validation | Promise<Validation> {
    if (info.params.presence === 'none') {
      const empty = params === undefined || params === null || (typeof params === 'object' && !Array.isArray(params) && Object.keys(params).length === 0)
      return empty ? { ok: true, value: undefined } : { ok: false, message: invalidType(params, 'unit') }
    }
    if (params === undefined || params === null) {
      return info.params.presence === 'required' ? { ok: false, message: 'missing field `params`' } : { ok: true, value: params }
    }
    const type = info.params.type
    // serde also fills a struct from an array of its fields in declaration order.
    if (Array.isArray(params)) return decodePositionalParams(params, type, this.host.model.types.get(type), (value) => this.host.validator.validate(type, value))
    return this.host.validator.validate(type, params)
  }

  /** Steps 2 to 4: lifecycle, experimental gate, then the handler under its scope. */
  private afterDecode(request: RequestMessage, info: ClientRequestInfo, decoded: Validation, bytes: number): void {
    if (this.isClosed) return
    if (!decoded.ok) return this.sendError(request.id, ErrorCode.invalidRequest, `Invalid request: ${decoded.message}`)
    const params = decoded.value
    const refusal = this.lifecycle.refusal(info.method)
    if (refusal) return this.sendError(request.id, ErrorCode.invalidRequest, refusal)
    if (info.method === 'initialize') return this.initialize(request.id, params as InitializeParams)
    if (!this.lifecycle.experimentalApi) {
      const reason = info.experimental ?? (info.params.presence === 'none' ? undefined : experimentalUseIn(params, info.params.type, this.host.model.gates))
      if (reason) return this.sendError(request.id, ErrorCode.invalidRequest, `${reason} requires experimentalApi capability`)
    }
    const handler = this.host.handlers[info.method as keyof typeof this.host.handlers] as AnyHandler | undefined
    if (!handler) return this.sendError(request.id, ErrorCode.notImplemented, `method \`${info.method}\` is not implemented by the reference server`)
    const queue = resolveScopeKey(info.scope, params, this.id)
    const admitted = this.admission.admit(queue, bytes, (release) =>
      this.runHandler(request, info, handler, params, release).catch((error: unknown) => this.internalFailure('answering', request, error)))
    if (!admitted) this.sendError(request.id, ErrorCode.overloaded, OVERLOADED)
  }

  private async runHandler(request: RequestMessage, info: ClientRequestInfo, handler: AnyHandler, params: unknown, releaseScope: () => void): Promise<void> {
    const context = new RequestContext(this.info, this.notifyFn, this.drainedFn, this.requestFn, releaseScope)
    this.inflight.add(context)
    let result: unknown
    try {
      result = await handler(params, context)
    } catch (error) {
      if (this.isClosed) return
      if (!(error instanceof RpcError)) this.host.log.warn(`${this.label}: ${info.method} (id ${request.id}) failed: ${describe(error)}`)
      const wire = toWireError(error)
      this.sendError(request.id, wire.code, wire.message, wire.data)
      return
    } finally {
      this.inflight.delete(context)
    }
    if (!this.isClosed) {
      this.guarded('encoding the result of', request, () => {
        const visible = this.outbound.result(info, result)
        if (visible === WITHHELD) this.sendError(request.id, ErrorCode.internal, `the result of ${info.method} needs experimentalApi capability`)
        else this.outgoing.send(encodeResult(request.id, visible))
      })
    }
    // The handler's work is done (a turn admitted, a thread created): what follows it runs even when
    // the answer could not be sent, or nothing the handler set up would ever finish.
    for (const followUp of context.followUps ?? []) this.guarded('following up', request, followUp)
  }

  private initialize(id: string, params: InitializeParams): void {
    // The response is built first: if it fails, the connection stays uninitialized and may retry.
    const response = encodeResult(id, this.host.initializeResponse(params.clientInfo))
    this.lifecycle.initialize(params)
    this.outgoing.send(response)
    for (const notification of this.host.startupNotifications()) this.notify(notification.method, notification.params)
  }

  /** Sends a server notification unless this connection opted out of it or may not see it. */
  notify(method: string, params: unknown): boolean {
    if (this.isClosed) return false
    if (this.lifecycle.wants(method)) {
      try {
        const visible = this.outbound.notification(method, params)
        if (visible !== WITHHELD) this.outgoing.send(encodeNotification(method, visible))
      } catch (error) {
        // A notification that cannot be encoded is a server bug; it must not take the sender down.
        this.host.log.error(`${this.label}: not sending ${method}: ${describe(error)}`)
      }
    }
    return !this.outgoing.congested()
  }

  /**
   * Writes a server request with an id the server chose (its answer is routed by the server's
   * ServerRequests); false when the connection is closed. Throws when this client may not receive
   * it (an experimental request for a stable client) or it cannot be encoded.
   */
  sendRequest(id: number, method: string, params: unknown): boolean {
    if (this.isClosed) return false
    this.outgoing.send(encodeRequest(id, method, this.outbound.requestParams(method, params)))
    return true
  }

  /** Runs one step for a request; an exception is logged and answered -32603. */
  private guarded<T>(stage: string, request: RequestMessage, step: () => T): T | undefined {
    try {
      return step()
    } catch (error) {
      this.internalFailure(stage, request, error)
      return undefined
    }
  }

  private internalFailure(stage: string, request: RequestMessage | undefined, error: unknown): void {
    const about = request ? ` ${request.method} (id ${request.id})` : ''
    this.host.log.error(`${this.label}: internal error while ${stage}${about}: ${describe(error)}`)
    if (request && !this.isClosed) this.sendError(request.id, ErrorCode.internal, `internal error while ${stage} ${request.method}`)
  }

  private sendError(id: string, code: number, message: string, data?: unknown): void {
    let text: string
    try {
      text = encodeError(id, code, message, data)
    } catch (error) {
      this.host.log.error(`${this.label}: the error data of request ${id} cannot be encoded: ${describe(error)}`)
      text = encodeError(id, code, message)
    }
    this.outgoing.send(text)
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
    this.admission.close()
    this.outgoing.close()
    for (const wake of this.idleWaiters.splice(0)) wake()
    this.backlog = undefined
    this.host.connectionClosed(this.id)
  }
}

const OVERLOADED = 'Server overloaded; retry later.'

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
