// A shell command the agent runs once the client approved it: `bash -lc COMMAND` in the thread's
// cwd, under the server's ProcessSupervisor (so it ends with the server), its combined output
// streamed and kept, stopped when the turn is interrupted. Under a confining sandbox policy it
// runs inside the server's Sandbox, or is refused when confinement cannot be had here; an
// escalated command (the agent asked to leave the sandbox and the user agreed) runs unconfined,
// and a confined command that looks denied by the sandbox may be run again unconfined when the
// caller's `retryUnconfined` says the user agreed, as codex does.
import type { SandboxPolicy } from '../../generated/experimental/index.js'
import type { ExecPlan } from '../handlers/exec-plan.js'
import type { RunningCommand } from '../handlers/running-command.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import { looksLikeSandboxDenial, SANDBOX_RETRY_REASON } from '../sandbox/escalation.js'
import { SandboxUnavailableError } from '../sandbox/sandbox.js'

/** Output kept on the item; more is streamed but not stored. */
const MAX_KEPT_OUTPUT = 1024 * 1024
/** A command the agent runs may take this long before it is stopped (exit 124), unless the caller says otherwise. */
const TIMEOUT_MS = 10 * 60 * 1000
/** Exit code of a command that never ran because it could not be confined (codex's for an execution error). */
export const REFUSED_EXIT_CODE = -1

export interface AgentCommandOptions {
  /** The thread's sandbox policy. Absent: the command runs unconfined (a user's own shell command). */
  sandbox?: SandboxPolicy
  /** The agent asked to run outside the sandbox (`require_escalated`) and the user approved: run unconfined. */
  escalated?: boolean
  /**
   * Asked, with codex's approval reason, when a confined command failed the way a sandbox denial
   * looks (or could not be confined at all); resolving true runs it again unconfined. Callers
   * pass it only where codex asks (see `asksToRetryUnconfined`).
   */
  retryUnconfined?: (reason: string) => Promise<boolean>
}

export interface AgentCommandResult {
  exitCode: number
  output: string
  durationMs: number
  /** The last run was confined by the sandbox. */
  confined: boolean
  /** The last run was refused or looks denied by the sandbox. */
  sandboxDenied: boolean
  /** The command was run a second time, unconfined, after a denial. */
  retriedUnconfined: boolean
}

export async function runAgentCommand(
  processes: ProcessSupervisor, command: string, cwd: string, signal: AbortSignal, onOutput: (delta: string) => void,
  timeoutMs: number = TIMEOUT_MS, options: AgentCommandOptions = {},
): Promise<AgentCommandResult> {
  const started = Date.now()
  const plan: ExecPlan = {
    argv: ['bash', '-lc', command], processId: undefined, cwd, env: process.env,
    timeoutMs, outputBytesCap: null, streamOutput: true, streamStdin: false,
  }
  const policy = options.escalated === true ? undefined : options.sandbox
  const confined = policy !== undefined && processes.sandbox.confines(policy)
  let confinedPlan: ExecPlan | string
  try {
    confinedPlan = policy === undefined ? plan : await processes.sandbox.confine(plan, policy)
  } catch (error) {
    if (!(error instanceof SandboxUnavailableError)) throw error
    confinedPlan = `${error.message}\n`
  }
  const first = typeof confinedPlan === 'string'
    ? refused(confinedPlan, onOutput)
    : await runOnce(processes, confinedPlan, signal, onOutput)
  const denied = confined && (typeof confinedPlan === 'string' || looksLikeSandboxDenial(first.exitCode, first.output))
  const result = { ...first, durationMs: Date.now() - started, confined, sandboxDenied: denied, retriedUnconfined: false }
  if (!denied || options.retryUnconfined === undefined || signal.aborted) return result
  if (!(await options.retryUnconfined(SANDBOX_RETRY_REASON)) || signal.aborted) return result
  const second = await runOnce(processes, plan, signal, onOutput)
  return { ...second, durationMs: Date.now() - started, confined: false, sandboxDenied: false, retriedUnconfined: true }
}

function refused(message: string, onOutput: (delta: string) => void): { exitCode: number; output: string } {
  onOutput(message)
  return { exitCode: REFUSED_EXIT_CODE, output: message }
}

async function runOnce(processes: ProcessSupervisor, plan: ExecPlan, signal: AbortSignal, onOutput: (delta: string) => void): Promise<{ exitCode: number; output: string }> {
  let running: RunningCommand
  try {
    running = await processes.start(plan)
  } catch (error) {
    const message = `failed to start the command: ${(error as Error).message}\n`
    onOutput(message)
    return { exitCode: 127, output: message }
  }
  const stop = () => running.kill()
  signal.addEventListener('abort', stop, { once: true })
  if (signal.aborted) stop()
  let output = ''
  // Decoded as text by the streams, so a character split between two chunks stays whole.
  running.stdout.setEncoding('utf8')
  running.stderr.setEncoding('utf8')
  const collect = (text: string) => {
    if (output.length < MAX_KEPT_OUTPUT) output += text.slice(0, MAX_KEPT_OUTPUT - output.length)
    onOutput(text)
  }
  running.stdout.on('data', collect)
  running.stderr.on('data', collect)
  try {
    return { exitCode: await running.finished, output }
  } finally {
    signal.removeEventListener('abort', stop)
  }
}
