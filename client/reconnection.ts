// Reconnection with exponential backoff: waits, tries, and gives up after a number of attempts.
// Cancelling (the client closed) ends the wait at once.

export interface ReconnectOptions {
  /** Attempts before giving up (default 10). */
  maxAttempts?: number
  /** Wait before the first attempt (default 100 ms); doubled after each failure. */
  initialDelayMs?: number
  /** Longest wait between attempts (default 5 s). */
  maxDelayMs?: number
}

export type ReconnectOutcome = { ok: true; attempt: number; value: unknown } | { ok: false; reason: string }

export class Reconnection {
  private readonly maxAttempts: number
  private readonly initialDelayMs: number
  private readonly maxDelayMs: number
  private cancelWait: (() => void) | undefined
  private cancelled = false

  constructor(options: ReconnectOptions) {
    this.maxAttempts = options.maxAttempts ?? 10
    this.initialDelayMs = options.initialDelayMs ?? 100
    this.maxDelayMs = options.maxDelayMs ?? 5000
  }

  delayBefore(attempt: number): number {
    return Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (attempt - 1))
  }

  async run(reason: string, steps: { announce(attempt: number, delayMs: number): void; attempt(): Promise<unknown> }): Promise<ReconnectOutcome> {
    this.cancelled = false
    let last = reason
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const delayMs = this.delayBefore(attempt)
      steps.announce(attempt, delayMs)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs)
        this.cancelWait = () => { clearTimeout(timer); resolve() }
      })
      this.cancelWait = undefined
      if (this.cancelled) return { ok: false, reason: 'closed by the client' }
      try {
        return { ok: true, attempt, value: await steps.attempt() }
      } catch (error) {
        last = error instanceof Error ? error.message : String(error)
      }
      if (this.cancelled) return { ok: false, reason: 'closed by the client' }
    }
    return { ok: false, reason: `gave up after ${this.maxAttempts} attempts; the last one failed: ${last}` }
  }

  cancel(): void {
    this.cancelled = true
    this.cancelWait?.()
  }
}
