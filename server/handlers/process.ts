// process/spawn and its follow-ups (writeStdin, kill, resizePty): programs a client starts on the
// server host, outside any sandbox as codex runs them, addressed by handles private to the
// connection. The spawn is answered once the program runs; its output (streamed or collected) and
// its exit follow as process/outputDelta and process/exited. All end when the connection closes.
import type { ProcessOutputStream } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError, type HandlerContext } from '../handler-types.js'
import { startForClient } from '../process/start-for-client.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import { captureWithin, streamOutput, type Captured } from './command-output.js'
import { planSpawn, type ExecPlan } from './exec-plan.js'
import type { HandlerFamily } from './family.js'
import { PerConnection } from './per-connection.js'
import type { RunningCommand } from './running-command.js'
import { decodeStdinWrite, writeStdin } from './stdin-write.js'

interface Entry {
  /** Undefined while the program is being started. */
  command: RunningCommand | undefined
}

export class ProcessFamily implements HandlerFamily {
  readonly name = 'process'

  constructor(private readonly processes: ProcessSupervisor) {}

  readonly #running = new PerConnection<Map<string, Entry>>(
    () => new Map(),
    (entries) => {
      for (const entry of entries.values()) entry.command?.kill()
    },
  )

  readonly handlers = defineHandlers({
    'process/spawn': async (params, context) => {
      const plan = planSpawn(params)
      const handle = params.processHandle
      const running = this.#running.of(context.connection)
      if (running === undefined) throw new RpcError(ErrorCode.invalidRequest, 'connection closed')
      if (running.has(handle)) throw new RpcError(ErrorCode.invalidRequest, `duplicate active process handle: ${JSON.stringify(handle)}`)
      const entry: Entry = { command: undefined }
      running.set(handle, entry)
      let command: RunningCommand
      try {
        command = await startForClient(this.processes, plan, undefined, 'process')
      } catch (error) {
        running.delete(handle)
        throw error
      }
      entry.command = command
      // The connection may have closed while the program was starting.
      if (context.connection.closed.aborted) command.kill()
      // Its output and exit follow the answer.
      // The handle is free again before the exit is announced, so the client may reuse it at once.
      const forget = () => {
        if (running.get(handle) === entry) running.delete(handle)
      }
      context.afterResponse(() => void report(command, plan, handle, context, forget))
      return {}
    },

    'process/writeStdin': async (params, context) => {
      const bytes = decodeStdinWrite('process/writeStdin', params)
      await writeStdin(this.#active(context, params.processHandle), bytes, params.closeStdin === true, 'process')
      return {}
    },

    'process/kill': ({ processHandle }, context) => {
      this.#active(context, processHandle).kill()
      return {}
    },

    'process/resizePty': ({ processHandle, size }, context) => {
      if (size.rows === 0 || size.cols === 0) throw new RpcError(ErrorCode.invalidParams, 'process size rows and cols must be greater than 0')
      this.#active(context, processHandle)
      // tty processes are refused at spawn, so no running process has a PTY to resize.
      throw new RpcError(ErrorCode.invalidRequest, 'failed to resize PTY: process is not attached to a PTY')
    },
  })

  connectionClosed(connectionId: number): void {
    this.#running.release(connectionId)
  }

  close(): void {
    this.#running.releaseAll()
  }

  /** Process ids of a connection's running processes (for tests and diagnostics). */
  runningPids(connectionId: number): number[] {
    return [...(this.#running.peek(connectionId)?.values() ?? [])].flatMap((entry) => (entry.command ? [entry.command.pid] : []))
  }

  #active(context: HandlerContext, handle: string): RunningCommand {
    const command = this.#running.peek(context.connection.id)?.get(handle)?.command
    if (command === undefined) throw new RpcError(ErrorCode.invalidRequest, `no active process for process handle ${JSON.stringify(handle)}`)
    return command
  }
}

/** Streams or collects the output, then announces the exit with what was collected. */
async function report(command: RunningCommand, plan: ExecPlan, handle: string, context: HandlerContext, forget: () => void): Promise<void> {
  let stdout: Captured = { bytes: Buffer.alloc(0), capReached: false }
  let stderr: Captured = { bytes: Buffer.alloc(0), capReached: false }
  if (plan.streamOutput) {
    const send = (stream: ProcessOutputStream, bytes: Buffer, capReached: boolean) =>
      context.notify('process/outputDelta', { processHandle: handle, stream, deltaBase64: bytes.toString('base64'), capReached })
    const capped = await streamOutput({ cap: plan.outputBytesCap, context, send }, command.stdout, command.stderr)
    stdout = { ...stdout, capReached: capped.stdout }
    stderr = { ...stderr, capReached: capped.stderr }
  } else {
    ;[stdout, stderr] = await Promise.all([captureWithin(command.stdout, plan.outputBytesCap), captureWithin(command.stderr, plan.outputBytesCap)])
  }
  const exitCode = await command.finished
  forget()
  context.notify('process/exited', {
    processHandle: handle, exitCode, outputDrainTimedOut: command.outputDrainTimedOut,
    stdout: stdout.bytes.toString('utf8'), stdoutCapReached: stdout.capReached,
    stderr: stderr.bytes.toString('utf8'), stderrCapReached: stderr.capReached,
  })
}
