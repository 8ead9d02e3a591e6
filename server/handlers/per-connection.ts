// State a handler family keeps per connection (watches, processes), created on first use and
// disposed of when the connection closes.
import type { ConnectionInfo } from '../handler-types.js'

export class PerConnection<T> {
  readonly #states = new Map<number, T>()

  constructor(
    private readonly create: () => T,
    private readonly dispose: (state: T) => void,
  ) {}

  /** The connection's state; undefined once the connection has closed. */
  of(connection: ConnectionInfo): T | undefined {
    const existing = this.#states.get(connection.id)
    if (existing !== undefined) return existing
    if (connection.closed.aborted) return undefined
    const state = this.create()
    this.#states.set(connection.id, state)
    connection.closed.addEventListener('abort', () => {
      this.#states.delete(connection.id)
      this.dispose(state)
    }, { once: true })
    return state
  }

  /** The state of a connection if it has any, without creating it. */
  peek(connectionId: number): T | undefined {
    return this.#states.get(connectionId)
  }
}
