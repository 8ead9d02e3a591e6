// Reads Linux's /proc to tell whether a process is still the one we started (by its start time,
// so a reused pid is never mistaken for ours) and to find processes by a variable in their
// environment (the only trace a process that left its group with setsid keeps of its origin).
import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'

/** Start time of a process in clock ticks since boot; undefined when it does not exist. */
export function processStartTime(pid: number): number | undefined {
  const fields = statFields(pid)
  // Field 22 of /proc/PID/stat; fields[0] is field 3 (state), after the command name.
  return fields === undefined ? undefined : Number(fields[19])
}

/** Process group of a process; undefined when it does not exist. */
export function processGroup(pid: number): number | undefined {
  const fields = statFields(pid)
  return fields === undefined ? undefined : Number(fields[2])
}

function statFields(pid: number): string[] | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
  } catch {
    return undefined
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** Matches the value of one environment variable of a process. */
export type EnvMatch = (value: string) => boolean

/** Pids of the processes whose variable `name` has a value `match` accepts (blocks: for exits and startup). */
export function processesWithEnvSync(name: string, match: EnvMatch): number[] {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))
  } catch {
    return [] // no /proc (not Linux): nothing can be found this way
  }
  return pids.filter((pid) => {
    try {
      return envMatches(readFileSync(`/proc/${pid}/environ`), name, match)
    } catch {
      return false // gone meanwhile, or not ours to read
    }
  }).map(Number)
}

/** The same without blocking the event loop (a server answering other requests meanwhile). */
export async function processesWithEnv(name: string, match: EnvMatch): Promise<number[]> {
  let pids: string[]
  try {
    pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))
  } catch {
    return []
  }
  const found = await Promise.all(pids.map(async (pid) => {
    try {
      return envMatches(await readFile(`/proc/${pid}/environ`), name, match) ? Number(pid) : undefined
    } catch {
      return undefined
    }
  }))
  return found.filter((pid): pid is number => pid !== undefined)
}

function envMatches(environ: Buffer, name: string, match: EnvMatch): boolean {
  // Entries are NUL-separated `NAME=value`; a cheap byte search first, most processes have none.
  const key = Buffer.from(`${name}=`)
  let at = environ.indexOf(key)
  while (at >= 0) {
    if (at === 0 || environ[at - 1] === 0) {
      const end = environ.indexOf(0, at)
      return match(environ.subarray(at + key.length, end < 0 ? environ.length : end).toString('utf8'))
    }
    at = environ.indexOf(key, at + 1)
  }
  return false
}

/** SIGKILL to a pid (or, negative, a process group); false when there was nothing to kill. */
export function killNow(target: number): boolean {
  try {
    process.kill(target, 'SIGKILL')
    return true
  } catch {
    return false
  }
}
