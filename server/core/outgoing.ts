// The outgoing side of a connection: messages queued during one turn of the event loop are written
// together; above the high-water mark reading from the client pauses and producers are told to
// wait; a client that lets more than the hard limit pile up is disconnected.
import type { Logger } from '../log.js'
import type { Link } from './link.js'
import type { ConnectionLimits } from './limits.js'

export class Outgoing {
  private outbox: string[] = []
  private outboxBytes = 0
  private flushScheduled = false
  private inputPaused = false
  private drainWaiters: (() => void)[] = []
  private closed = false

  constructor(
    private readonly link: Link,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
    /** Called when the output falls below the mark again (waiting work may start). */
    private readonly onRelief: () => void,
    /** Called after the link was closed because the client stopped reading or the transport failed. */
    private readonly onOverflow: () => void,
  ) {}

  send(text: string): void {
    if (this.closed) return
    this.outbox.push(text)
    this.outboxBytes += text.length
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(() => this.flush())
    }
  }

  /** Writes everything queued so far. */
  flush(): void {
    this.flushScheduled = false
    if (this.closed || this.outbox.length === 0) return
    // Judged on what is still unsent from earlier turns, so one large answer never trips it.
    const backlog = this.link.bufferedBytes()
    if (backlog > this.limits.maxOutputBytes) {
      this.log.warn(`${this.link.label}: the client is not reading (${backlog} bytes unsent); closing the connection`)
      this.link.close()
      this.onOverflow()
      return
    }
    const batch = this.outbox
    this.outbox = []
    this.outboxBytes = 0
    try {
      this.link.write(batch)
    } catch (error) {
      // Runs from the event loop, where a throw would end the server: treat the link as broken.
      this.log.error(`${this.link.label}: writing to the transport failed (${(error as Error).message}); closing the connection`)
      this.link.close()
      this.onOverflow()
      return
    }
    if (this.link.bufferedBytes() > this.limits.outputHighWaterBytes) {
      if (!this.inputPaused) {
        this.inputPaused = true
        this.link.pauseInput()
      }
    } else {
      this.relieve()
    }
  }

  /** Output queued or handed to the transport but not written to the client yet. */
  unsentBytes(): number {
    return this.outboxBytes + this.link.bufferedBytes()
  }

  congested(): boolean {
    return this.unsentBytes() > this.limits.outputHighWaterBytes
  }

  /** Resolves once the output is below the high-water mark (or the connection closed). */
  drained(): Promise<void> {
    if (this.closed || !this.congested()) return Promise.resolve()
    return new Promise((resolve) => this.drainWaiters.push(resolve))
  }

  /** The transport wrote some of its backlog. */
  transportDrained(): void {
    if (!this.closed && !this.congested()) this.relieve()
  }

  close(): void {
    this.closed = true
    this.outbox = []
    this.outboxBytes = 0
    this.wakeProducers()
  }

  private relieve(): void {
    if (this.inputPaused) {
      this.inputPaused = false
      this.link.resumeInput()
    }
    this.wakeProducers()
    this.onRelief()
  }

  private wakeProducers(): void {
    const waiters = this.drainWaiters
    this.drainWaiters = []
    for (const wake of waiters) wake()
  }
}
