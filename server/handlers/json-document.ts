// A small JSON file in the server's home folder that holds one family's state (projects, import
// history): read once, changed one update at a time, and replaced atomically on every change so
// that a crash leaves the old or the new state whole. A file that does not parse or does not
// have the expected shape is never overwritten: requests fail with one line naming it.
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../conversations/durable-fs.js'
import { ErrorCode, RpcError } from '../handler-types.js'

export class JsonDocument<T> {
  #state: Promise<T> | undefined
  /** The last update queued; each starts once the one before it has settled. */
  #lastUpdate: Promise<unknown> = Promise.resolve()

  constructor(
    readonly path: string,
    private readonly empty: () => T,
    /** The reason `value` is not a valid state, or undefined when it is. */
    private readonly problem: (value: unknown) => string | undefined,
  ) {}

  /** The current state (do not change it: use `update`). */
  read(): Promise<T> {
    return (this.#state ??= this.#load()).catch((error: unknown) => {
      this.#state = undefined // read the file again next time: the user may repair it
      throw error
    })
  }

  /**
   * Runs `change` on a copy of the state and saves what it returns as the new state; when it
   * throws, nothing is saved. Returns what `result` makes of the saved state.
   */
  update<R>(change: (state: T) => { state: T; result: R }): Promise<R> {
    const run = this.#lastUpdate.catch(() => undefined).then(async () => {
      const { state, result } = change(structuredClone(await this.read()))
      await writeFileAtomic(this.path, `${JSON.stringify(state, null, 2)}\n`)
      this.#state = Promise.resolve(state)
      return result
    })
    this.#lastUpdate = run
    return run
  }

  async #load(): Promise<T> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty()
      throw error
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw unreadable(this.path, (error as Error).message)
    }
    const reason = this.problem(value)
    if (reason !== undefined) throw unreadable(this.path, reason)
    return value as T
  }
}

function unreadable(path: string, reason: string): RpcError {
  return new RpcError(ErrorCode.internal, `${path} cannot be read, so it was left as it is: ${reason}`)
}
