// The client's requests waiting for an answer: each is settled exactly once, by its response, its
// timeout, its AbortSignal or the end of the connection, and its timer and listener go with it.
import { RequestCancelledError, RequestTimeoutError } from './errors.js'
import type { RequestId } from './wire.js'

export interface PendingRequest {
  method: string
  resolve(result: unknown): void
  reject(error: Error): void
}

/** Ids given up on (timeout, cancel) are remembered this long, so their late answers are not reported as strays. */
const MAX_ABANDONED = 10_000

interface Entry extends PendingRequest {
  release(): void
}

export class PendingRequests {
  private readonly entries = new Map<RequestId, Entry>()
  private readonly abandoned = new Set<RequestId>()

  get size(): number {
    return this.entries.size
  }

  add(id: RequestId, request: PendingRequest, options: { timeoutMs?: number | undefined; signal?: AbortSignal | undefined }): void {
    const { timeoutMs, signal } = options
    if (timeoutMs === undefined && signal === undefined) {
      // The common case, kept free of timers and closures.
      this.entries.set(id, { method: request.method, resolve: request.resolve, reject: request.reject, release: noop })
      return
    }
    const giveUp = (error: Error) => {
      if (!this.entries.has(id)) return
      this.take(id)
      this.abandon(id)
      request.reject(error)
    }
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => giveUp(new RequestTimeoutError(request.method, timeoutMs)), timeoutMs)
    const onAbort = () => giveUp(new RequestCancelledError(request.method, signal?.reason))
    signal?.addEventListener('abort', onAbort, { once: true })
    this.entries.set(id, {
      ...request,
      release: () => {
        if (timer) clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      },
    })
  }

  /** Removes and returns the request with this id (its timer and listener released). */
  take(id: RequestId): PendingRequest | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    this.entries.delete(id)
    entry.release()
    return entry
  }

  /** True once for the late answer of a request that was given up on. */
  wasAbandoned(id: RequestId): boolean {
    return this.abandoned.delete(id)
  }

  /** Rejects every waiting request, each with its own error. */
  rejectAll(errorFor: (method: string) => Error): void {
    const entries = [...this.entries.values()]
    this.entries.clear()
    for (const entry of entries) {
      entry.release()
      entry.reject(errorFor(entry.method))
    }
  }

  private abandon(id: RequestId): void {
    if (this.abandoned.size >= MAX_ABANDONED) this.abandoned.delete(this.abandoned.values().next().value!)
    this.abandoned.add(id)
  }
}

function noop(): void {}
