// State a handler family keeps per connection (watches, processes): created on first use and
// disposed of when the family hears that the connection closed. Owned by a family object, so two
// servers in one process never share an entry even when their connection ids coincide.
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
    return state
  }

  /** The state of a connection if it has any, without creating it. */
  peek(connectionId: number): T | undefined {
    return this.#states.get(connectionId)
  }

  /** The connection closed: dispose of its state. */
  release(connectionId: number): void {
    const state = this.#states.get(connectionId)
    if (state === undefined) return
    this.#states.delete(connectionId)
    this.dispose(state)
  }

  /** Disposes of every connection's state (the server is closing). */
  releaseAll(): void {
    for (const id of [...this.#states.keys()]) this.release(id)
  }
}
