// Small file-system steps that survive a crash: fsync of a folder (so a new, renamed or removed
// name in it is on disk), atomic replacement of a file, and a folder syncer that lets concurrent
// callers share one fsync.
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Flushes a folder's entries (names) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Suffix of temporary files; whatever carries it at start was left by an interrupted run. */
export const TEMP_MARK = '.tmp-'

/** Replaces `file` with `data` so that a crash leaves either the old or the new content, whole. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `${basename(file)}${TEMP_MARK}${process.pid}-${Date.now()}`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  await rename(temp, file)
  await fsyncDir(dirname(file))
}

/**
 * Group commit for one folder: a caller asks for a sync after its change; if a sync is already
 * running it may have started before the change, so the caller joins the next one, which every
 * caller that arrived meanwhile shares.
 */
export class DirSyncer {
  private running: Promise<void> | undefined
  private next: Promise<void> | undefined

  constructor(private readonly dir: string) {}

  sync(): Promise<void> {
    if (!this.running) return this.start()
    if (!this.next) {
      this.next = this.running.then(
        () => this.start(),
        () => this.start(),
      )
    }
    return this.next
  }

  private start(): Promise<void> {
    this.next = undefined
    const run = fsyncDir(this.dir)
    this.running = run
    const clear = () => {
      if (this.running === run) this.running = undefined
    }
    run.then(clear, clear)
    return run
  }
}
