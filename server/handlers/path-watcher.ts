// Watches one absolute path for changes, whether or not it exists yet, and reports the changed
// paths in batches: the first change opens a short window, and everything that changed during
// it is reported together (sorted, without duplicates).
//
// A directory reports its direct children; a file reports itself. The parent folder is watched
// too, so that the path being removed, replaced or created is noticed and the watch follows it.
// A path that does not exist yet is awaited by watching its nearest existing ancestor.
import { existsSync, watch, type FSWatcher } from 'node:fs'
import { lstat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const CHANGE_BATCH_MS = 200

export class PathWatcher {
  #watchers: FSWatcher[] = []
  #pending = new Set<string>()
  #timer: NodeJS.Timeout | undefined
  #closed = false
  #targetExists = false
  #arming: Promise<void> = Promise.resolve()

  private constructor(
    readonly path: string,
    private readonly onChange: (paths: string[]) => void,
  ) {}

  /** Starts watching; rejects with the operating-system error if the path cannot be watched. */
  static async start(path: string, onChange: (paths: string[]) => void): Promise<PathWatcher> {
    const watcher = new PathWatcher(path, onChange)
    await watcher.arm(false)
    return watcher
  }

  close(): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#pending.clear()
    this.#closeWatchers()
  }

  // Re-arming is serialised: events may arrive while a previous re-arm is still looking around.
  private rearm(): void {
    this.#arming = this.#arming.then(() => this.arm(true)).catch(() => undefined)
  }

  private async arm(reportAppearance: boolean): Promise<void> {
    try {
      await this.#armOnce(reportAppearance)
    } catch (error) {
      // Something on the way vanished between looking and watching: look again.
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
      this.rearm()
    }
  }

  async #armOnce(reportAppearance: boolean): Promise<void> {
    if (this.#closed) return
    this.#closeWatchers()
    const existed = this.#targetExists
    const target = await lstat(this.path).catch(() => undefined)
    this.#targetExists = target !== undefined
    if (this.#closed) return
    if (target !== undefined) {
      if (reportAppearance && !existed) this.record(this.path)
      const isDirectory = target.isDirectory()
      this.#watch(this.path, (name) => this.record(isDirectory && name && !this.#isSelfEvent(name) ? join(this.path, name) : this.path))
      if (dirname(this.path) !== this.path) {
        this.#watch(dirname(this.path), (name) => {
          if (name === basename(this.path)) {
            this.record(this.path)
            this.rearm()
          }
        })
      }
      return
    }
    if (reportAppearance && existed) this.record(this.path)
    // Wait for the next missing step towards the path to appear, then look again.
    const ancestor = await nearestExistingAncestor(this.path)
    if (this.#closed) return
    const nextStep = stepBelow(ancestor, this.path)
    this.#watch(ancestor, (name) => {
      if (name === basename(nextStep) || name === null) this.rearm()
    })
    // The step may have appeared before the watcher was in place.
    if (await exists(nextStep)) this.rearm()
  }

  #watch(path: string, onEvent: (name: string | null) => void): void {
    const watcher = watch(path, { persistent: false }, (_event, name) => {
      if (!this.#closed) onEvent(typeof name === 'string' ? name : null)
    })
    // A watched folder that disappears ends its watcher with an error on some platforms.
    watcher.on('error', () => {
      if (!this.#closed) this.rearm()
    })
    this.#watchers.push(watcher)
  }

  // A watched folder that is itself removed reports its own name, like a child of that name.
  #isSelfEvent(name: string): boolean {
    return name === basename(this.path) && !existsSync(this.path)
  }

  #closeWatchers(): void {
    for (const watcher of this.#watchers) watcher.close()
    this.#watchers = []
  }

  private record(path: string): void {
    this.#pending.add(path)
    this.#timer ??= setTimeout(() => this.#flush(), CHANGE_BATCH_MS)
  }

  #flush(): void {
    this.#timer = undefined
    if (this.#closed || this.#pending.size === 0) return
    const paths = [...this.#pending].sort()
    this.#pending.clear()
    this.onChange(paths)
  }
}

function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false)
}

async function nearestExistingAncestor(path: string): Promise<string> {
  let current = dirname(path)
  while ((await lstat(current).catch(() => undefined)) === undefined && dirname(current) !== current) {
    current = dirname(current)
  }
  return current
}

/** The child of `ancestor` on the way down to `path`. */
function stepBelow(ancestor: string, path: string): string {
  let current = path
  while (dirname(current) !== ancestor && dirname(current) !== current) current = dirname(current)
  return current
}
