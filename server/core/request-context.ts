// The HandlerContext of one request. Its AbortSignal is created only when the handler asks for it:
// most handlers never do, and an AbortController per request is a measurable cost at high rates.
import type { ConnectionInfo, HandlerContext } from '../handler-types.js'

export class RequestContext implements HandlerContext {
  private controller: AbortController | undefined
  private cancelled = false
  /** Callbacks to run once the response is queued. */
  followUps: (() => void)[] | undefined

  constructor(
    readonly connection: ConnectionInfo,
    readonly notify: HandlerContext['notify'],
    readonly drained: HandlerContext['drained'],
    readonly request: HandlerContext['request'],
    readonly releaseScope: () => void,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController()
      if (this.cancelled) this.controller.abort()
    }
    return this.controller.signal
  }

  afterResponse(callback: () => void): void {
    ;(this.followUps ??= []).push(callback)
  }

  /** The request is cancelled (its connection closed). */
  cancel(): void {
    this.cancelled = true
    this.controller?.abort()
  }
}
