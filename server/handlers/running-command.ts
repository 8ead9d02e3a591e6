// One child process started for command/exec: its own process group (so that terminating it
// ends everything it started), an optional timeout, stdin writes, and its exit code the way a
// shell reports it (128 + signal number; 124 after a timeout).
import { spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:os'
import type { Readable } from 'node:stream'
import { TIMEOUT_EXIT_CODE, type ExecPlan } from './exec-plan.js'

// setTimeout fires at once for delays above this; longer timeouts are as good as none.
const LONGEST_TIMER_MS = 2 ** 31 - 1
// After the process exits, output still in flight is awaited this long (a background child
// may hold the pipes open forever).
export const OUTPUT_GRACE_MS = 2_000

export class RunningCommand {
  readonly stdout: Readable
  readonly stderr: Readable
  /** Resolves with the exit code once the process has exited and its output has ended. */
  readonly finished: Promise<number>
  #stdinClosed = false
  #timedOut = false
  #drainTimedOut = false

  private constructor(private readonly child: ChildProcess, plan: ExecPlan, private readonly killTree: (group: number) => void) {
    this.stdout = child.stdout!
    this.stderr = child.stderr!
    const expire = () => {
      this.#timedOut = true
      this.kill()
    }
    // A zero timeout leaves no time to run: it expires now instead of racing the process's exit.
    if (plan.timeoutMs === 0) expire()
    const timer = plan.timeoutMs === null || plan.timeoutMs === 0 ? undefined : setTimeout(expire, Math.min(plan.timeoutMs, LONGEST_TIMER_MS))
    this.finished = new Promise<number>((resolve) => {
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        const exitCode = this.#timedOut ? TIMEOUT_EXIT_CODE : code ?? 128 + signalNumber(signal)
        void outputEnded([this.stdout, this.stderr], OUTPUT_GRACE_MS).then((cut) => {
          this.#drainTimedOut = cut
          resolve(exitCode)
        })
      })
    })
    // Writes to a process that has closed its stdin fail with EPIPE; the write call reports it.
    child.stdin?.on('error', () => undefined)
  }

  /**
   * Starts the process; rejects with the operating-system error when it cannot start. `killTree`
   * ends it and whatever it started (by default its process group, see ProcessSupervisor).
   */
  static start(plan: ExecPlan, killTree: (group: number) => void = killGroup): Promise<RunningCommand> {
    return new Promise((resolve, reject) => {
      const child = spawn(plan.argv[0], plan.argv.slice(1), {
        cwd: plan.cwd,
        env: plan.env,
        stdio: [plan.streamStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        detached: true, // its own process group
      })
      child.once('error', reject)
      child.once('spawn', () => {
        child.off('error', reject)
        resolve(new RunningCommand(child, plan, killTree))
      })
    })
  }

  get acceptsInput(): boolean {
    return this.child.stdin !== null
  }

  /** Output still open after the process exited had to be cut off (known once `finished` resolved). */
  get outputDrainTimedOut(): boolean {
    return this.#drainTimedOut
  }

  get stdinClosed(): boolean {
    return this.#stdinClosed
  }

  /** Writes bytes to stdin, resolving once they are handed to the operating system. */
  write(bytes: Buffer): Promise<void> {
    const stdin = this.child.stdin
    if (stdin === null || bytes.length === 0) return Promise.resolve()
    return new Promise((resolve, reject) => stdin.write(bytes, (error) => (error ? reject(error) : resolve())))
  }

  closeStdin(): void {
    this.#stdinClosed = true
    this.child.stdin?.end()
  }

  /** Process id, which is also its process group's id. */
  get pid(): number {
    return this.child.pid!
  }

  /** Kills the process and everything it started, at once. */
  kill(): void {
    if (this.child.pid !== undefined) this.killTree(this.child.pid)
  }
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL')
  } catch {
    // The group is already gone.
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? 0 : (constants.signals as Record<string, number>)[signal] ?? 0
}

// Waits for both output streams to end. One still open `graceMs` after the exit is held by a
// background process and is closed, unless it is paused because the client reads slowly:
// that output is finite and still wanted. Resolves with whether a stream was cut off so.
function outputEnded(streams: Readable[], graceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const open = () => streams.filter((stream) => !stream.readableEnded && !stream.destroyed)
    let timer: NodeJS.Timeout | undefined
    let cut = false
    const check = () => {
      if (open().length > 0) return
      clearTimeout(timer)
      resolve(cut)
    }
    const expire = () => {
      for (const stream of open()) {
        if (stream.isPaused()) continue
        stream.destroy()
        cut = true
      }
      timer = setTimeout(expire, graceMs)
      check()
    }
    for (const stream of streams) {
      stream.once('end', check)
      stream.once('close', check)
    }
    timer = setTimeout(expire, graceMs)
    check()
  })
}
