// command/exec and its follow-ups: real child processes, addressed by client-chosen ids that
// are private to the connection, all killed when the connection closes.
import { defineHandlers, ErrorCode, RpcError, type HandlerContext } from '../handler-types.js'
import { captureOutput, streamOutput, type OutputStream } from './command-output.js'
import { planExec, type ExecPlan } from './exec-plan.js'
import { decodeStdinWrite, writeStdin } from './stdin-write.js'
import { startForClient } from '../process/start-for-client.js'
import { PerConnection } from './per-connection.js'
import type { RunningCommand } from './running-command.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import type { HandlerFamily } from './family.js'

interface Entry {
  /** Undefined while the process is being started. */
  command: RunningCommand | undefined
}

/**
 * command/exec and its follow-ups; owns the running commands of every connection of one server,
 * started through the server's ProcessSupervisor (which ties them to the server's life).
 */
export class CommandExecFamily implements HandlerFamily {
  readonly name = 'command/exec'

  constructor(private readonly processes: ProcessSupervisor) {}

  // Keyed by the client's process id; buffered commands without one get a private symbol key.
  readonly #commands = new PerConnection<Map<string | symbol, Entry>>(
    () => new Map(),
    (commands) => {
      for (const entry of commands.values()) entry.command?.kill()
    },
  )

  readonly handlers = defineHandlers({
    'command/exec': async (params, context) => {
      const plan = planExec(params)
      const commands = this.#commandsOf(context)
      const key = plan.processId ?? Symbol('buffered command')
      if (plan.processId !== undefined && commands.has(plan.processId)) {
        throw new RpcError(ErrorCode.invalidRequest, `duplicate active command/exec process id: ${JSON.stringify(plan.processId)}`)
      }
      const entry: Entry = { command: undefined }
      commands.set(key, entry)
      try {
        // Confined when the client names a confining policy; without one, it runs as the server does.
        entry.command = await startForClient(this.processes, plan, params.sandboxPolicy, 'command')
        // The connection may have closed while the process was starting.
        if (context.connection.closed.aborted || context.signal.aborted) entry.command.kill()
        const stop = () => entry.command?.kill()
        context.signal.addEventListener('abort', stop, { once: true })
        // Follow-ups (write, terminate) share this request's serialization key: let them in.
        context.releaseScope()
        return await collectResult(entry.command, plan, context).finally(() => {
          context.signal.removeEventListener('abort', stop)
        })
      } finally {
        commands.delete(key)
      }
    },

    'command/exec/write': async (params, context) => {
      const bytes = decodeStdinWrite('command/exec/write', params)
      await writeStdin(this.#activeCommand(context, params.processId), bytes, params.closeStdin === true, 'command/exec')
      return {}
    },

    'command/exec/terminate': ({ processId }, context) => {
      this.#activeCommand(context, processId).kill()
      return {}
    },

    'command/exec/resize': ({ processId }, context) => {
      this.#activeCommand(context, processId)
      // tty commands are refused at start, so no running command has a PTY to resize.
      throw new RpcError(ErrorCode.invalidRequest, 'failed to resize PTY: process is not attached to a PTY')
    },
  })

  connectionClosed(connectionId: number): void {
    this.#commands.release(connectionId)
  }

  /** Commands a server on this home left running when it died end before new ones start. */
  async start(): Promise<void> {
    this.processes.reapStragglers()
  }

  /** The stdio client's input ended: its commands end at once (their answers are still written). */
  clientInputEnded(): void {
    this.processes.killAll()
  }

  close(): void {
    this.#commands.releaseAll()
    this.processes.close()
  }

  /** Number of commands a connection has running (for tests and diagnostics). */
  runningCommandCount(connectionId: number): number {
    return this.#commands.peek(connectionId)?.size ?? 0
  }

  #commandsOf(context: HandlerContext): Map<string | symbol, Entry> {
    const commands = this.#commands.of(context.connection)
    if (commands === undefined) throw new RpcError(ErrorCode.invalidRequest, 'connection closed')
    return commands
  }

  #activeCommand(context: HandlerContext, processId: string): RunningCommand {
    const command = this.#commands.peek(context.connection.id)?.get(processId)?.command
    if (command === undefined) {
      throw new RpcError(ErrorCode.invalidRequest, `no active command/exec for process id ${JSON.stringify(processId)}`)
    }
    return command
  }
}

async function collectResult(command: RunningCommand, plan: ExecPlan, context: HandlerContext) {
  if (plan.streamOutput) {
    const processId = plan.processId!
    const send = (stream: OutputStream, bytes: Buffer, capReached: boolean) =>
      context.notify('command/exec/outputDelta', { processId, stream, deltaBase64: bytes.toString('base64'), capReached })
    const streamed = streamOutput({ cap: plan.outputBytesCap, context, send }, command.stdout, command.stderr)
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
