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
import { Sandbox, type SandboxOptions } from '../sandbox/sandbox.js'
import { OrphanWatchdog } from './orphan-watchdog.js'
import { killNow, processesWithEnv, processesWithEnvSync, processGroup, processStartTime } from './proc-table.js'

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

export interface SupervisorOptions {
  sandbox?: SandboxOptions
}

export class ProcessSupervisor {
  /** Confines the commands that ask for it; knows whether confinement works on this machine. */
  readonly sandbox: Sandbox
  readonly #token = randomBytes(12).toString('hex')
  readonly #running = new Set<Supervised>()
  readonly #recordFile: string
  #watchdog: OrphanWatchdog | undefined
  #nextCommand = 1
  #self: ProcessRecord | undefined
  readonly #toSweep = new Set<string>()

  constructor(private readonly home: string, private readonly log?: Logger, options: SupervisorOptions = {}) {
    this.sandbox = new Sandbox(options.sandbox)
    // Named by the random token: in a container the next server may well get the same pid.
    this.#recordFile = join(home, RECORDS_FOLDER, `${this.#token}.json`)
  }

  /** Starts a command under supervision; rejects with the operating-system error when it cannot start. */
  async start(plan: ExecPlan): Promise<RunningCommand> {
    this.#watch()
    const marker = `${this.#token}/${this.#nextCommand++}`
    const command = await RunningCommand.start({ ...plan, env: { ...plan.env, [EXEC_MARKER_ENV]: marker } }, (group) => {
      killNow(-group)
      this.#sweep(marker)
    })
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
    for (const supervised of this.#running) killNow(-supervised.group.pid)
    // Processes that left their group, and children of commands that already finished
    // (`cmd &`), still carry our token.
    const ours = `${this.#token}/`
    for (const pid of processesWithEnvSync(EXEC_MARKER_ENV, (value) => value.startsWith(ours))) killNow(pid)
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
   * server still alive is left alone; a recorded group whose leader is gone or has another start
   * time may belong to someone else now and is spared. Returns how many process groups and processes were killed.
   */
  reapStragglers(): number {
    // Without /proc (not Linux) no start time can prove a pid is still ours: kill nothing.
    if (processStartTime(process.pid) === undefined) return 0
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
        // Only a leader with the recorded start time proves the group is still ours; members of
        // a group whose leader is gone are found by the marker below.
        if (group.startTime === 0 || processStartTime(group.pid) !== group.startTime || processGroup(group.pid) !== group.pid) continue
        if (killNow(-group.pid)) killed++
      }
      const theirs = `${record.token}/`
      for (const pid of processesWithEnvSync(EXEC_MARKER_ENV, (value) => value.startsWith(theirs))) if (killNow(pid)) killed++
      rmSync(file, { force: true })
    }
    if (killed > 0) this.log?.info(`process records: killed ${killed} process group(s) or process(es) left running by a server that died`)
    return killed
  }

  // Kills the processes that carry a killed command's marker: they left its group with setsid.
  // Kills in one tick (a closing connection ends all its commands) share one scan of /proc.
  #sweep(marker: string): void {
    const scheduled = this.#toSweep.size > 0
    this.#toSweep.add(marker)
    if (scheduled) return
    setImmediate(() => {
      const markers = new Set(this.#toSweep)
      this.#toSweep.clear()
      void processesWithEnv(EXEC_MARKER_ENV, (value) => markers.has(value)).then((pids) => pids.forEach(killNow))
    })
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
    this.#self ??= { pid: process.pid, startTime: processStartTime(process.pid) ?? 0 }
    const record: SupervisorRecord = { server: this.#self, token: this.#token, groups }
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

function isSameProcess(process: ProcessRecord): boolean {
  return processStartTime(process.pid) === process.startTime
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
