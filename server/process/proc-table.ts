// Reads Linux's /proc to tell whether a process is still the one we started (by its start time,
// so a reused pid is never mistaken for ours) and to find processes by a variable in their
// environment (the only trace a process that left its group with setsid keeps of its origin).
import { readdirSync, readFileSync } from 'node:fs'

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

/** Pids of the processes whose environment holds a variable `name` whose value starts with `valuePrefix`. */
export function processesWithEnv(name: string, valuePrefix: string): number[] {
  const entry = Buffer.from(`${name}=${valuePrefix}`)
  const found: number[] = []
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return found // no /proc (not Linux): nothing can be found this way
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    let environ: Buffer
    try {
      environ = readFileSync(`/proc/${name}/environ`)
    } catch {
      continue // gone meanwhile, or not ours to read
    }
    for (let start = 0; start < environ.length;) {
      const end = environ.indexOf(0, start)
      const stop = end < 0 ? environ.length : end
      if (stop - start >= entry.length && environ.subarray(start, start + entry.length).equals(entry)) {
        found.push(Number(name))
        break
      }
      start = stop + 1
    }
  }
  return found
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
