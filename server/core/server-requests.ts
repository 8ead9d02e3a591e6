// The requests one server sends to its clients (approvals, questions, tool calls). As in codex, ids
// come from one counter per server (0, 1, …), a request may go to several connections under the same
// id, and the first answer settles it: later answers, and answers to ids nobody is waiting for, are
// ignored with one log line. An answer is checked against the method's result type; a malformed one,
// or a JSON-RPC error, rejects the waiting side with an RpcError saying what was wrong.
import { ErrorCode, RpcError } from '../handler-types.js'
import type { Logger } from '../log.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import type { Validation } from '../validation/params-validator.js'

/** How the requests reach connections and how answers are checked. */
export interface ServerRequestTransport {
  /** Writes the request to the connection; false when it is closed; throws when it may not receive it (an RpcError saying why). */
  send(connectionId: number, id: number, method: string, params: unknown): boolean
  /** The connection's label, for log lines. */
  label(connectionId: number): string
  validate(typeName: string, value: unknown): Validation | Promise<Validation>
}

export interface SendOptions {
  /** Give up after this long (rejecting with an RpcError). Default: wait until answered. */
  timeoutMs?: number | undefined
  /**
   * When every connection it went to has closed: `fail` rejects it (a request of one connection's
   * own work); `wait` keeps it pending for a connection that joins later (a thread's request, which
   * codex replays to clients that subscribe).
   */
  whenAbandoned: 'fail' | 'wait'
}

/** A request on its way; `answer` settles with the first answer. */
export interface PendingServerRequest<R = unknown> {
  readonly id: number
  readonly method: string
  readonly answer: Promise<R>
  /** Sends it again, under the same id, to a connection that joined since; false once settled. */
  sendTo(connectionId: number): boolean
  /** Stops waiting: later answers are ignored, `answer` never settles. False when already settled. */
  withdraw(): boolean
}

interface Entry {
  readonly method: string
  readonly params: unknown
  readonly recipients: Set<number>
  readonly whenAbandoned: SendOptions['whenAbandoned']
  timer: NodeJS.Timeout | undefined
  resolve(result: unknown): void
  reject(error: RpcError): void
}

export type Answer = { result: unknown } | { error: RpcError }

export class ServerRequests {
  private nextId = 0
  private readonly pending = new Map<number, Entry>()

  constructor(
    private readonly model: ProtocolModel,
    private readonly transport: ServerRequestTransport,
    private readonly log: Logger,
  ) {}

  /** Sends `method` to each of `connectionIds` under one new id. */
  send(connectionIds: Iterable<number>, method: string, params: unknown, options: SendOptions): PendingServerRequest {
    const id = this.nextId++
    let entry!: Entry
    const answer = new Promise<unknown>((resolve, reject) => {
      entry = { method, params, recipients: new Set(), whenAbandoned: options.whenAbandoned, timer: undefined, resolve, reject }
    })
    this.pending.set(id, entry)
    if (options.timeoutMs !== undefined) {
      entry.timer = setTimeout(() => {
        if (!this.take(id)) return
        this.log.warn(`server request ${method} (id ${id}) was not answered within ${options.timeoutMs} ms`)
        entry.reject(new RpcError(ErrorCode.internal, `the client did not answer ${method} within ${options.timeoutMs} ms`))
      }, options.timeoutMs)
    }
    let refusal: unknown
    for (const connectionId of connectionIds) {
      try {
        this.deliver(id, entry, connectionId)
      } catch (error) {
        refusal = error
        if (options.whenAbandoned === 'wait') this.log.warn(`${this.transport.label(connectionId)}: not sending ${method} (id ${id}): ${(error as Error).message}`)
      }
    }
    // A request of one connection's own work fails at once when it reached nobody, with the reason;
    // so does a thread's request that every subscriber refused (a stable client is never sent an
    // experimental request), which would otherwise wait for an answer that cannot come.
    const refusedByAll = refusal !== undefined && options.whenAbandoned === 'wait'
    if (entry.recipients.size === 0 && (options.whenAbandoned === 'fail' || refusedByAll) && this.take(id)) {
      entry.reject(refusal instanceof RpcError ? refusal : new RpcError(ErrorCode.internal, `cannot send ${method}: no connection could receive it`))
    }
    return {
      id, method, answer,
      sendTo: (connectionId) => {
        if (this.pending.get(id) !== entry) return false
        try {
          return this.deliver(id, entry, connectionId)
        } catch (error) {
          this.log.warn(`${this.transport.label(connectionId)}: not sending ${method} (id ${id}) again: ${(error as Error).message}`)
          return false
        }
      },
      withdraw: () => this.take(id) !== undefined,
    }
  }

  /** A client's answer (`idText` as its JSON text). */
  answer(connectionId: number, idText: string, outcome: Answer): void {
    const id = Number(idText)
    const entry = /^(0|[1-9]\d*)$/.test(idText) ? this.take(id) : undefined
    const who = this.transport.label(connectionId)
    if (!entry) {
      this.log.warn(`${who}: ignored an answer to server request ${idText}: no request with that id is waiting (never sent, already answered, or given up)`)
      return
    }
    if ('error' in outcome) {
      this.log.warn(`${who}: answered ${entry.method} (id ${id}) with error ${outcome.error.code}: ${outcome.error.message}`)
      entry.reject(outcome.error)
      return
    }
    const resultType = this.model.serverRequests.get(entry.method)?.resultType
    if (!resultType) return entry.resolve(outcome.result)
    const settle = (checked: Validation) => {
      if (checked.ok) return entry.resolve(checked.value)
      this.log.warn(`${who}: the answer to ${entry.method} (id ${id}) is not a valid ${resultType}: ${checked.message}`)
      entry.reject(new RpcError(ErrorCode.invalidParams, `invalid answer to ${entry.method}: ${checked.message}`))
    }
    const checked = this.transport.validate(resultType, outcome.result)
    if (checked instanceof Promise) {
      checked.then(settle, (error: unknown) => entry.reject(new RpcError(ErrorCode.internal, `cannot check the answer to ${entry.method}: ${(error as Error).message}`)))
    } else {
      settle(checked)
    }
  }

  /** The connection closed: it is no longer asked; a request of its own work fails. */
  connectionClosed(connectionId: number): void {
    for (const [id, entry] of [...this.pending]) {
      if (entry.recipients.delete(connectionId)) this.checkAbandoned(id, entry, `the connection closed before the client answered ${entry.method}`)
    }
  }

  /** The server is closing: every waiting side gets an error. */
  close(): void {
    for (const [id, entry] of [...this.pending]) {
      this.take(id)
      entry.reject(new RpcError(ErrorCode.internal, `the server closed before ${entry.method} was answered`))
    }
  }

  /** How many requests wait for an answer (diagnostics and tests). */
  get waiting(): number {
    return this.pending.size
  }

  private deliver(id: number, entry: Entry, connectionId: number): boolean {
    if (!this.transport.send(connectionId, id, entry.method, entry.params)) return false
    entry.recipients.add(connectionId)
    return true
  }

  private checkAbandoned(id: number, entry: Entry, why: string): void {
    if (entry.recipients.size > 0 || entry.whenAbandoned === 'wait' || !this.take(id)) return
    entry.reject(new RpcError(ErrorCode.internal, why))
  }

  private take(id: number): Entry | undefined {
    const entry = this.pending.get(id)
    if (!entry) return undefined
    this.pending.delete(id)
    clearTimeout(entry.timer)
    return entry
  }
}

/** The thread a request's params name (v2 `threadId`, v1 `conversationId`); its answer is announced to that thread. */
export function threadIdOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined
  const fields = params as Record<string, unknown>
  const id = fields.threadId ?? fields.conversationId
  return typeof id === 'string' ? id : undefined
}
