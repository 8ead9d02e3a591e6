// One server per home folder: a lock file holding the owner's pid and its start time (from /proc),
// so a lock left by a dead process (or by an old process whose pid was reused) is taken over, and
// the lock of a live process never is.
import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { ThreadStoreError } from './errors.js'

interface LockOwner {
  pid: number
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22); null off Linux. */
  startTime: string | null
}

export class HomeLock {
  private constructor(private readonly file: string, private readonly content: string) {}

  /** Takes the lock or throws `storeLocked` naming the owner. */
  static acquire(file: string): HomeLock {
    const content = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) } satisfies LockOwner)
    // Write the content under a private name, then link it in place: the lock appears whole or not at all.
    const temp = `${file}.tmp-${process.pid}-${Date.now()}`
    writeFileSync(temp, `${content}\n`, { flush: true })
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          linkSync(temp, file)
          return new HomeLock(file, content)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        }
        const held = readOwner(file)
        if (held === undefined) continue // removed meanwhile: try again
        if (held.owner && isAlive(held.owner)) {
          throw new ThreadStoreError('storeLocked', `the home folder is in use by another server (pid ${held.owner.pid}); lock file ${file}`, { path: file })
        }
        // Stale: remove it, unless it changed since we read it (another starter took it over first).
        if (readOwner(file)?.raw === held.raw) unlinkSync(file)
      }
      throw new ThreadStoreError('storeLocked', `could not take the lock ${file}: it keeps changing`, { path: file })
    } finally {
      rmSync(temp, { force: true })
    }
  }

  /** Removes the lock if it is still ours. */
  release(): void {
    try {
      if (readFileSync(this.file, 'utf8').trim() === this.content) unlinkSync(this.file)
    } catch {
      // already gone
    }
  }
}

function readOwner(file: string): { raw: string; owner: LockOwner | undefined } | undefined {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockOwner>
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { raw, owner: { pid: parsed.pid, startTime: typeof parsed.startTime === 'string' ? parsed.startTime : null } }
    }
  } catch {
    // unreadable content: a torn lock file, treated as stale
  }
  return { raw, owner: undefined }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  // The pid exists; it is the owner unless /proc says it started at another time (pid reused).
  const now = processStartTime(owner.pid)
  return owner.startTime === null || now === null || now === owner.startTime
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count from its ')'. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}
