// A scripted peer on the far side of an in-process port, for the misbehaviour no real server shows
// on demand (stray answers, unreadable lines): the test writes what the "server" sends, word for word.
import type { MessagePortLike } from '../../client/index.js'

export class FakePeer {
  /** Every message the client sent, parsed. */
  readonly received: Record<string, unknown>[] = []
  private deliver: ((message: string) => void) | undefined
  private closeListener: (() => void) | undefined
  private waiters: (() => void)[] = []

  readonly port: MessagePortLike = {
    send: (message) => {
      this.received.push(JSON.parse(message) as Record<string, unknown>)
      for (const wake of this.waiters.splice(0)) wake()
    },
    onMessage: (listener) => { this.deliver = listener },
    onClose: (listener) => { this.closeListener = listener },
    close: () => queueMicrotask(() => this.closeListener?.()),
  }

  /** Sends text to the client as the server would. */
  say(text: string | object): void {
    this.deliver!(typeof text === 'string' ? text : JSON.stringify(text))
  }

  /** The server side goes away. */
  drop(): void {
    this.closeListener?.()
  }

  /** The message the client sent last (requests are sent before `request()` returns). */
  lastFromClient(): Record<string, unknown> {
    return this.received.at(-1)!
  }

  /** Resolves with the client's message number `count` (from 0), waiting for it if needed. */
  async nextFromClient(count: number): Promise<Record<string, unknown>> {
    while (this.received.length <= count) await new Promise<void>((resolve) => this.waiters.push(resolve))
    return this.received[count]!
  }
}

export const INITIALIZE_RESULT = { userAgent: 'fake/0.169.0', codexHome: '/tmp/fake', platformFamily: 'unix', platformOs: 'linux' }
