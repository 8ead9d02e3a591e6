// Admission of one connection's requests: bounded pending requests and bytes (beyond them the
// client is told the server is overloaded), its serialization scope's queue, and a bounded number
// of handler slots that wait while the connection's output is backed up, so a client that stops
// reading cannot make the server build up results without bound.
import type { QueueKey } from '../scheduling/scope-key.js'
import type { Scheduler } from '../scheduling/scheduler.js'
import type { ConnectionLimits } from './limits.js'

/** Runs the request; `release` frees its scope and slot early. Resolves when it has been answered. */
export type Work = (release: () => void) => Promise<void>

export class Admission {
  private pendingRequests = 0
  private pendingBytes = 0
  // Handlers running now, and those whose turn came while all slots were taken or output was backed up.
  private running = 0
  private waitingForSlot: ((go: boolean) => void)[] = []

  constructor(
    private readonly connectionId: number,
    private readonly limits: ConnectionLimits,
    private readonly scheduler: Scheduler,
    /** True while the connection's output is above its high-water mark. */
    private readonly congested: () => boolean,
    /** Called whenever a request is settled (answered, or dropped with its connection). */
    private readonly onSettled: () => void,
  ) {}

  get pending(): number {
    return this.pendingRequests
  }

  /** Handlers of this connection running now (the rest of `pending` waits for a scope or slot). */
  get runningHandlers(): number {
    return this.running
  }

  /** Queues the request under its scope (none: at once); false when the connection or queue is full. */
  admit(queue: QueueKey | undefined, bytes: number, work: Work): boolean {
    if (this.pendingRequests >= this.limits.maxPendingRequests || this.pendingBytes + bytes > this.limits.maxPendingBytes) return false
    this.pendingRequests++
    this.pendingBytes += bytes
    const job = {
      connectionId: this.connectionId,
      bytes,
      // The scope and the slot are held until the work ends or releases them early.
      run: () => new Promise<void>((releaseScope) => {
        let released = false
        const release = () => {
          if (released) return
          released = true
          this.releaseSlot()
          releaseScope()
        }
        const start = () => void work(release).finally(() => {
          release()
          this.settle(bytes)
        })
        const slot = this.acquireSlot()
        if (!slot) start()
        else void slot.then((go) => (go ? start() : (this.settle(bytes), releaseScope())))
      }),
    }
    if (!queue) {
      void job.run()
      return true
    }
    if (this.scheduler.submit(queue.key, queue.shared, job)) return true
    this.pendingRequests--
    this.pendingBytes -= bytes
    return false
  }

  /** The output fell below the mark: start what waits for a slot. */
  startWaiting(): void {
    while (this.waitingForSlot.length > 0 && this.running < this.limits.maxRunningRequests && !this.congested()) {
      this.running++
      this.waitingForSlot.shift()!(true)
    }
  }

  /** The connection closed: queued work is dropped, work waiting for a slot never starts. */
  close(): void {
    this.scheduler.dropConnection(this.connectionId)
    for (const cancel of this.waitingForSlot.splice(0)) cancel(false)
  }

  private settle(bytes: number): void {
    this.pendingRequests--
    this.pendingBytes -= bytes
    this.onSettled()
  }

  /** Undefined when a slot was taken at once; otherwise resolves true once one is free, false if the connection closed. */
  private acquireSlot(): Promise<boolean> | undefined {
    if (this.running < this.limits.maxRunningRequests && !this.congested()) {
      this.running++
      return undefined
    }
    return new Promise((resolve) => this.waitingForSlot.push(resolve))
  }

  private releaseSlot(): void {
    this.running--
    this.startWaiting()
  }
}
