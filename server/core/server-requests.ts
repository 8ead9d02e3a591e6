// Requests the server sends to one client (approvals and the like): ids are the server's own
// counter (0, 1, …); an answer settles the waiting handler, a JSON-RPC error rejects it with that
// code and message; time limits and closing the connection settle the rest.
import { ErrorCode, RpcError } from '../handler-types.js'

interface Pending {
  method: string
  /** Thread the request is about; its settlement is announced with serverRequest/resolved. */
  threadId: string | undefined
  resolve(result: unknown): void
  reject(error: RpcError): void
  timer: NodeJS.Timeout | undefined
}

export class ServerRequests {
  private nextId = 0
  private readonly pending = new Map<string, Pending>()

  /**
   * @param announce called with the thread and id of each request answered or timed out
   */
  constructor(private readonly announce: (threadId: string, requestId: number) => void) {}

  /** Registers a request, hands its id to `send`, and waits for its answer. */
  start(method: string, params: unknown, timeoutMs: number | undefined, send: (id: number) => void): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const entry: Pending = { method, threadId: threadIdOf(params), resolve, reject, timer: undefined }
      if (timeoutMs !== undefined) {
        entry.timer = setTimeout(() => {
          if (!this.pending.delete(String(id))) return
          this.announceSettled(entry, id)
          reject(new RpcError(ErrorCode.internal, `the client did not answer ${method} within ${timeoutMs} ms`))
        }, timeoutMs)
      }
      this.pending.set(String(id), entry)
      send(id)
    })
  }

  /** Settles the request with this id (its JSON text); false when none is pending. */
  settle(id: string, outcome: { result: unknown } | { error: RpcError }): boolean {
    const entry = this.pending.get(id)
    if (!entry) return false
    this.pending.delete(id)
    clearTimeout(entry.timer)
    this.announceSettled(entry, Number(id))
    if ('error' in outcome) entry.reject(outcome.error)
    else entry.resolve(outcome.result)
    return true
  }

  /** The connection closed: every waiting handler gets an error. */
  failAll(): void {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer)
      entry.reject(new RpcError(ErrorCode.internal, `the connection closed before the client answered ${entry.method}`))
    }
    this.pending.clear()
  }

  private announceSettled(entry: Pending, requestId: number): void {
    if (entry.threadId !== undefined) this.announce(entry.threadId, requestId)
  }
}

function threadIdOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined
  const fields = params as Record<string, unknown>
  const id = fields.threadId ?? fields.conversationId
  return typeof id === 'string' ? id : undefined
}
