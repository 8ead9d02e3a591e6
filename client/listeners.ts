// A set of listeners whose failures are reported instead of thrown: one application callback that
// throws must neither crash the process from the event loop nor keep the others from running.

export interface Disposable {
  dispose(): void
}

export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>()

  constructor(private readonly onFailure: (error: unknown) => void) {}

  add(listener: (...args: Args) => void): Disposable {
    // A wrapper per registration, so adding one function twice gives two independent subscriptions.
    const entry = (...args: Args) => listener(...args)
    this.listeners.add(entry)
    return { dispose: () => { this.listeners.delete(entry) } }
  }

  get size(): number {
    return this.listeners.size
  }

  emit(...args: Args): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args)
      } catch (error) {
        this.onFailure(error)
      }
    }
  }
}
