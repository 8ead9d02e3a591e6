// Writes to one thread's history file with group commit: appends that arrive while a write+fsync
// is running are written together by the next one and share its fsync. Each caller's promise
// settles only after its bytes are on disk. Batches and other file operations (archive, …) of the
// thread run one at a time, in arrival order; other threads have their own writer and never wait.
import { open } from 'node:fs/promises'
import { ThreadStoreError } from './errors.js'

/** What a writer needs to know about its thread, asked at the time each batch runs. */
export interface WriterTarget {
  readonly threadId: string
  /** Current path of the history file (it moves when archived). */
  path(): string
  /** Bytes of the file acknowledged so far, where a failed write is cut back to. */
  ackedSize(): number
  /** Called once per batch, after the fsync, with the file's new size and mtime. */
  durable(size: number, mtimeMs: number): void
  /** Called once after a new file is written and fsynced, to make its name durable too. */
  syncFolder(): Promise<void>
  /** Called when the last queued operation has finished and nothing else is queued. */
  idle(): void
}

interface PendingWrite {
  readonly text: string
  readonly create: boolean
  readonly onDurable: () => void
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

export class ThreadWriter {
  /** The next batch, still taking writes: it closes when it starts or when an operation queues behind it. */
  private accepting: PendingWrite[] | undefined
  private tail: Promise<unknown> = Promise.resolve()
  /** Operations queued or running. */
  private queued = 0
  /** Set when the file's state is no longer known (a failed fsync): later writes are refused. */
  private broken: Error | undefined

  constructor(private readonly target: WriterTarget) {}

  /** Queues lines; `create` only for the first write of a new file. `onDurable` runs before the promise settles. */
  write(text: string, create: boolean, onDurable: () => void): Promise<void> {
    if (this.broken) return Promise.reject(this.brokenError())
    return new Promise<void>((resolve, reject) => {
      let batch = this.accepting
      if (!batch) {
        const opened: PendingWrite[] = []
        batch = this.accepting = opened
        this.enqueue(() => this.flush(opened))
      }
      batch.push({ text, create, onDurable, resolve, reject })
    })
  }

  /** Runs `operation` after every write queued before it, and before any queued after it. */
  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    this.accepting = undefined
    return this.enqueue(operation)
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    this.queued++
    const run = this.tail.then(operation)
    this.tail = run.catch(() => undefined).then(() => {
      if (--this.queued === 0 && !this.broken) this.target.idle()
    })
    return run
  }

  /** Settles when everything queued so far is done. */
  idle(): Promise<unknown> {
    return this.tail
  }

  private async flush(batch: PendingWrite[]): Promise<void> {
    if (this.accepting === batch) this.accepting = undefined
    if (this.broken) {
      for (const write of batch) write.reject(this.brokenError())
      return
    }
    const create = batch[0]!.create
    const path = this.target.path()
    const before = create ? 0 : this.target.ackedSize()
    let handle
    try {
      handle = await open(path, create ? 'wx' : 'r+')
    } catch (error) {
      const failure =
        create && (error as NodeJS.ErrnoException).code === 'EEXIST'
          ? new ThreadStoreError('threadExists', `thread ${this.target.threadId} already has a history file ${path}`, { threadId: this.target.threadId, path })
          : this.writeError(path, error)
      for (const write of batch) write.reject(failure)
      return
    }
    try {
      const bytes = Buffer.from(batch.map((write) => write.text).join(''))
      try {
        // Positional writes at the acknowledged end: bytes of an earlier failed write are overwritten.
        let written = 0
        while (written < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, before + written)
          written += bytesWritten
        }
      } catch (error) {
        await handle.truncate(before).catch(() => (this.broken = this.writeError(path, error)))
        throw error
      }
      try {
        await handle.sync()
      } catch (error) {
        // After a failed fsync the kernel may have dropped the dirty pages: nothing can be trusted.
        this.broken = this.writeError(path, error)
        throw error
      }
      const stat = await handle.stat()
      if (create) await this.target.syncFolder()
      this.target.durable(stat.size, stat.mtimeMs)
      for (const write of batch) {
        write.onDurable()
        write.resolve()
      }
    } catch (error) {
      const failure = error instanceof ThreadStoreError ? error : this.writeError(path, error)
      for (const write of batch) write.reject(failure)
    } finally {
      await handle.close().catch(() => undefined)
    }
  }

  private writeError(path: string, cause: unknown): ThreadStoreError {
    const reason = (cause as Error)?.message ?? String(cause)
    return new ThreadStoreError('writeFailed', `could not write the history of thread ${this.target.threadId} (${path}): ${reason}`, { threadId: this.target.threadId, path }, { cause })
  }

  private brokenError(): ThreadStoreError {
    return new ThreadStoreError('writeFailed', `the history of thread ${this.target.threadId} failed to write earlier; restart the server to recover it (${this.broken?.message})`, { threadId: this.target.threadId })
  }
}
