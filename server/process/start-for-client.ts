// Starting a process a client asked for (command/exec, process/spawn): confined when the client
// named a confining sandbox policy, and every failure to start (confinement unavailable, program
// missing, bad cwd) answered as codex answers it: -32603 `failed to spawn <what>: <reason>`.
import type { SandboxPolicy } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import type { ExecPlan } from '../handlers/exec-plan.js'
import { isSystemError, osErrorMessage } from '../handlers/os-error.js'
import type { RunningCommand } from '../handlers/running-command.js'
import type { ProcessSupervisor } from './process-supervisor.js'

export async function startForClient(processes: ProcessSupervisor, plan: ExecPlan, policy: SandboxPolicy | null | undefined, what: 'command' | 'process'): Promise<RunningCommand> {
  try {
    return await processes.start(policy == null ? plan : await processes.sandbox.confine(plan, policy))
  } catch (error) {
    const reason = isSystemError(error) ? osErrorMessage(error) : String((error as Error)?.message ?? error)
    throw new RpcError(ErrorCode.internal, `failed to spawn ${what}: ${reason}`)
  }
}
