// Ties the commands a server runs to the server's life. Every command gets its own process group
// and an environment marker naming the server and the command; killing a command kills its group
// and every process carrying its marker (a child that called setsid left the group but kept the
// marker). A watchdog process ends them all if the server dies without cleaning up (SIGKILL), and
// a record under the home folder lets the next server on that home reap whatever still survives.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log.js'
import type { ExecPlan } from '../handlers/exec-plan.js'
import { RunningCommand } from '../handlers/running-command.js'
import { OrphanWatchdog } from './orphan-watchdog.js'
import { killNow, processesWithEnv, processGroup, processStartTime } from './proc-table.js'

/** Variable set in every command's environment: `<server token>/<command number>`. */
export const EXEC_MARKER_ENV = 'REFERENCE_APP_SERVER_EXEC'
/** Folder under the home holding one record per server that runs commands. */
export const RECORDS_FOLDER = 'running-commands'

interface ProcessRecord {
  pid: number
  /** Clock ticks since boot, from /proc; tells a reused pid apart. */
  startTime: number
}

/** What a server writes about itself and its running process groups. */
export interface SupervisorRecord {
  server: ProcessRecord
  token: string
  groups: ProcessRecord[]
}

interface Supervised {
  command: RunningCommand
  group: ProcessRecord
}

export class ProcessSupervisor {
  readonly #token = randomBytes(12).toString('hex')
  readonly #running = new Set<Supervised>()
  readonly #recordFile: string
  #watchdog: OrphanWatchdog | undefined
  #nextCommand = 1

  constructor(private readonly home: string, private readonly log?: Logger) {
    this.#recordFile = join(home, RECORDS_FOLDER, `${process.pid}.json`)
  }

  /** Starts a command under supervision; rejects with the operating-system error when it cannot start. */
  async start(plan: ExecPlan): Promise<RunningCommand> {
    this.#watch()
    const marker = `${this.#token}/${this.#nextCommand++}`
    const command = await RunningCommand.start({ ...plan, env: { ...plan.env, [EXEC_MARKER_ENV]: marker } }, (pid) => killTree(pid, marker))
    const supervised: Supervised = { command, group: { pid: command.pid, startTime: processStartTime(command.pid) ?? 0 } }
    this.#running.add(supervised)
    this.#changed()
    void command.finished.then(() => {
      this.#running.delete(supervised)
      this.#changed()
    })
    return command
  }

  /** Kills every running command now (stdin of a stdio server ended, or the server closes). */
  killAll(): void {
    for (const supervised of this.#running) supervised.command.kill()
    // Children of commands that already finished may still run (`cmd &`): they carry our token.
    for (const pid of processesWithEnv(EXEC_MARKER_ENV, `${this.#token}/`)) killNow(pid)
  }

  /** Kills everything and forgets the record: the server is shutting down on purpose. */
  close(): void {
    this.killAll()
    this.#watchdog?.release()
    this.#watchdog = undefined
    rmSync(this.#recordFile, { force: true })
  }

  /**
   * Kills what servers that died on this home left running, going by their records. A record of a
   * server still alive is left alone; a recorded group whose leader's start time differs belongs
   * to someone else now and is spared. Returns how many process groups and processes were killed.
   */
  reapStragglers(): number {
    const folder = join(this.home, RECORDS_FOLDER)
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      return 0 // no record yet
    }
    let killed = 0
    for (const name of names) {
      const file = join(folder, name)
      if (file === this.#recordFile || !name.endsWith('.json')) continue
      const record = readRecord(file)
      if (record === undefined) {
        this.log?.warn(`process records: ${file} is not a record of running commands; removing it`)
        rmSync(file, { force: true })
        continue
      }
      if (isSameProcess(record.server)) continue // that server is still running its commands
      for (const group of record.groups) {
        // A leader that is gone leaves its group id reserved while any member lives, so the
        // group can only be ours; a leader with another start time is an unrelated process.
        const leaderStart = processStartTime(group.pid)
        if (leaderStart !== undefined && (leaderStart !== group.startTime || processGroup(group.pid) !== group.pid)) continue
        if (killNow(-group.pid)) killed++
      }
      for (const pid of processesWithEnv(EXEC_MARKER_ENV, `${record.token}/`)) if (killNow(pid)) killed++
      rmSync(file, { force: true })
    }
    if (killed > 0) this.log?.info(`process records: killed ${killed} process group(s) or process(es) left running by a server that died`)
    return killed
  }

  // Started with the first command, so a server that never runs one costs no process.
  #watch(): void {
    if (this.#watchdog !== undefined) return
    const env = { ...process.env }
    delete env[EXEC_MARKER_ENV]
    // It also covers a normal exit of the server: its pipe closes then too.
    this.#watchdog = new OrphanWatchdog(`^${EXEC_MARKER_ENV}=${this.#token}/`, env)
  }

  // Keeps the watchdog and the record on disk up to date with the running groups.
  #changed(): void {
    const groups = [...this.#running].map((supervised) => supervised.group)
    this.#watchdog?.report(groups.map((group) => group.pid))
    const record: SupervisorRecord = { server: { pid: process.pid, startTime: processStartTime(process.pid) ?? 0 }, token: this.#token, groups }
    try {
      // Nothing running: nothing to reap (and a home removed meanwhile is not created again).
      if (groups.length === 0) {
        rmSync(this.#recordFile, { force: true })
        return
      }
      mkdirSync(join(this.home, RECORDS_FOLDER), { recursive: true })
      // Written whole and renamed into place, so a server killed mid-write leaves a whole record.
      writeFileSync(`${this.#recordFile}.tmp`, `${JSON.stringify(record)}\n`)
      renameSync(`${this.#recordFile}.tmp`, this.#recordFile)
    } catch (error) {
      this.log?.warn(`process records: cannot write ${this.#recordFile} (${(error as Error).message}); commands run without a record`)
    }
  }
}

// Kills a command's process group and the processes that left it with setsid (they still carry
// the command's marker).
function killTree(group: number, marker: string): void {
  killNow(-group)
  for (const pid of processesWithEnv(EXEC_MARKER_ENV, marker)) if (markerOf(pid) === marker) killNow(pid)
}

function isSameProcess(process: ProcessRecord): boolean {
  return processStartTime(process.pid) === process.startTime
}

function markerOf(pid: number): string | undefined {
  try {
    const prefix = `${EXEC_MARKER_ENV}=`
    const entry = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((item) => item.startsWith(prefix))
    return entry?.slice(prefix.length)
  } catch {
    return undefined
  }
}

function readRecord(file: string): SupervisorRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as SupervisorRecord
    const isProcess = (item: unknown) => typeof item === 'object' && item !== null && Number.isInteger((item as ProcessRecord).pid) && Number.isInteger((item as ProcessRecord).startTime)
    if (!isProcess(value.server) || typeof value.token !== 'string' || !/^[0-9a-f]+$/.test(value.token) || !Array.isArray(value.groups) || !value.groups.every(isProcess)) return undefined
    return value
  } catch {
    return undefined
  }
}
