// A shell command the agent runs once the client approved it: `bash -lc COMMAND` in the thread's
// cwd, under the server's ProcessSupervisor (so it ends with the server), its combined output
// streamed and kept, stopped when the turn is interrupted.
import type { RunningCommand } from '../handlers/running-command.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'

/** Output kept on the item; more is streamed but not stored. */
const MAX_KEPT_OUTPUT = 1024 * 1024
/** A command the agent runs may take this long before it is stopped (exit 124), unless the caller says otherwise. */
const TIMEOUT_MS = 10 * 60 * 1000

export interface AgentCommandResult {
  exitCode: number
  output: string
  durationMs: number
}

export async function runAgentCommand(
  processes: ProcessSupervisor, command: string, cwd: string, signal: AbortSignal, onOutput: (delta: string) => void, timeoutMs: number = TIMEOUT_MS,
): Promise<AgentCommandResult> {
  const started = Date.now()
  let running: RunningCommand
  try {
    running = await processes.start({
      argv: ['bash', '-lc', command], processId: undefined, cwd, env: process.env,
      timeoutMs, outputBytesCap: null, streamOutput: true, streamStdin: false,
    })
  } catch (error) {
    const message = `failed to start the command: ${(error as Error).message}\n`
    onOutput(message)
    return { exitCode: 127, output: message, durationMs: Date.now() - started }
  }
  const stop = () => running.kill()
  signal.addEventListener('abort', stop, { once: true })
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
    const exitCode = await running.finished
    return { exitCode, output, durationMs: Date.now() - started }
  } finally {
    signal.removeEventListener('abort', stop)
  }
}
