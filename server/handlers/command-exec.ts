// command/exec and its follow-ups: real child processes, addressed by client-chosen ids that
// are private to the connection, all killed when the connection closes.
import { defineHandlers, ErrorCode, RpcError, type HandlerContext } from '../handler-types.js'
import { Base64Error, decodeBase64Strict } from './base64.js'
import { captureOutput, streamOutput } from './command-output.js'
import { planExec, type ExecPlan } from './exec-plan.js'
import { osErrorMessage, isSystemError } from './os-error.js'
import { PerConnection } from './per-connection.js'
import type { RunningCommand } from './running-command.js'
import { ProcessSupervisor } from '../process/process-supervisor.js'
import type { Logger } from '../log.js'

interface Entry {
  /** Undefined while the process is being started. */
  command: RunningCommand | undefined
}

// One supervisor per home folder until command/exec state belongs to a per-server object.
const supervisors = new Map<string, ProcessSupervisor>()

/** The supervisor of the commands run for servers on `home`. */
export function processSupervisorFor(home: string, log?: Logger): ProcessSupervisor {
  let supervisor = supervisors.get(home)
  if (supervisor === undefined) supervisors.set(home, (supervisor = new ProcessSupervisor(home, log)))
  return supervisor
}

// Keyed by the client's process id; buffered commands without one get a private symbol key.
const commandsByConnection = new PerConnection<Map<string | symbol, Entry>>(
  () => new Map(),
  (commands) => {
    for (const entry of commands.values()) entry.command?.kill()
  },
)

export const commandExecHandlers = defineHandlers({
  'command/exec': async (params, context) => {
    const plan = planExec(params)
    const commands = commandsOf(context)
    const key = plan.processId ?? Symbol('buffered command')
    if (plan.processId !== undefined && commands.has(plan.processId)) {
      throw new RpcError(ErrorCode.invalidRequest, `duplicate active command/exec process id: ${JSON.stringify(plan.processId)}`)
    }
    const entry: Entry = { command: undefined }
    commands.set(key, entry)
    try {
      entry.command = await processSupervisorFor(context.home).start(plan).catch((error: unknown) => {
        const reason = isSystemError(error) ? osErrorMessage(error) : String((error as Error)?.message ?? error)
        throw new RpcError(ErrorCode.internal, `failed to spawn command: ${reason}`)
      })
      // The connection may have closed while the process was starting.
      if (context.connection.closed.aborted || context.signal.aborted) entry.command.kill()
      const stop = () => entry.command?.kill()
      context.signal.addEventListener('abort', stop, { once: true })
      // Follow-ups (write, terminate) share this request's serialization key: let them in.
      context.releaseScope?.()
      return await collectResult(entry.command, plan, context).finally(() => {
        context.signal.removeEventListener('abort', stop)
      })
    } finally {
      commands.delete(key)
    }
  },

  'command/exec/write': async ({ processId, deltaBase64, closeStdin }, context) => {
    const bytes = deltaBase64 == null ? undefined : decodeDelta(deltaBase64)
    if (bytes === undefined && closeStdin !== true) {
      throw new RpcError(ErrorCode.invalidParams, 'command/exec/write requires deltaBase64 or closeStdin')
    }
    const command = activeCommand(context, processId)
    if (!command.acceptsInput) throw new RpcError(ErrorCode.invalidRequest, 'stdin streaming is not enabled for this command/exec')
    if (bytes !== undefined && bytes.length > 0) {
      if (command.stdinClosed) throw new RpcError(ErrorCode.invalidRequest, 'stdin is already closed')
      await command.write(bytes).catch((error: unknown) => {
        throw new RpcError(ErrorCode.internal, `failed to write stdin: ${isSystemError(error) ? osErrorMessage(error) : String(error)}`)
      })
    }
    if (closeStdin === true) command.closeStdin()
    return {}
  },

  'command/exec/terminate': ({ processId }, context) => {
    activeCommand(context, processId).kill()
    return {}
  },

  'command/exec/resize': ({ processId }, context) => {
    activeCommand(context, processId)
    // tty commands are refused at start, so no running command has a PTY to resize.
    throw new RpcError(ErrorCode.invalidRequest, 'failed to resize PTY: process is not attached to a PTY')
  },
})

async function collectResult(command: RunningCommand, plan: ExecPlan, context: HandlerContext) {
  if (plan.streamOutput) {
    const streamed = streamOutput({ processId: plan.processId!, cap: plan.outputBytesCap, context }, command.stdout, command.stderr)
    const [exitCode] = await Promise.all([command.finished, streamed])
    return { exitCode, stdout: '', stderr: '' }
  }
  const [exitCode, stdout, stderr] = await Promise.all([
    command.finished,
    captureOutput(command.stdout, plan.outputBytesCap),
    captureOutput(command.stderr, plan.outputBytesCap),
  ])
  return { exitCode, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') }
}

function commandsOf(context: HandlerContext): Map<string | symbol, Entry> {
  const commands = commandsByConnection.of(context.connection)
  if (commands === undefined) throw new RpcError(ErrorCode.invalidRequest, 'connection closed')
  return commands
}

function activeCommand(context: HandlerContext, processId: string): RunningCommand {
  const command = commandsByConnection.peek(context.connection.id)?.get(processId)?.command
  if (command === undefined) {
    throw new RpcError(ErrorCode.invalidRequest, `no active command/exec for process id ${JSON.stringify(processId)}`)
  }
  return command
}

function decodeDelta(deltaBase64: string): Buffer {
  try {
    return decodeBase64Strict(deltaBase64)
  } catch (error) {
    if (error instanceof Base64Error) throw new RpcError(ErrorCode.invalidParams, `invalid deltaBase64: ${error.message}`)
    throw error
  }
}

/** Number of commands a connection has running (for tests and diagnostics). */
export function runningCommandCount(connectionId: number): number {
  return commandsByConnection.peek(connectionId)?.size ?? 0
}
