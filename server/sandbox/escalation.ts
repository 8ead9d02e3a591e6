// codex's rules for running a command outside the sandbox: the agent may ask for it up front
// (`sandbox_permissions: require_escalated` with a justification), which only an approval policy
// that lets it ask allows; and a confined command that failed the way a sandbox denial looks may
// be run again unconfined once the user approves, under the policies that ask about sandbox
// failures (`untrusted`, or a granular policy with `sandbox_approval`).
import { randomUUID } from 'node:crypto'
import type { AskForApproval, CommandExecutionRequestApprovalParams } from '../../generated/experimental/index.js'

/** The approval reason codex gives when it offers to run a denied command again unconfined. */
export const SANDBOX_RETRY_REASON = 'command failed; retry without sandbox?'

// Words in the output that usually mean the sandbox, not the command, was the cause.
const DENIAL_WORDS = ['operation not permitted', 'permission denied', 'read-only file system', 'seccomp', 'sandbox', 'landlock', 'failed to write file']
/** 128 + SIGSYS: killed by a seccomp filter. */
const SECCOMP_KILL_EXIT_CODE = 128 + 31

/** Whether a confined command's failure looks like the sandbox denied it. */
export function looksLikeSandboxDenial(exitCode: number, output: string): boolean {
  if (exitCode === 0) return false
  const text = output.toLowerCase()
  if (DENIAL_WORDS.some((word) => text.includes(word))) return true
  return exitCode === SECCOMP_KILL_EXIT_CODE
}

/** Whether the user is asked before a denied command runs again without the sandbox. */
export function asksToRetryUnconfined(policy: AskForApproval): boolean {
  if (typeof policy === 'object') return policy.granular.sandbox_approval
  return policy === 'untrusted'
}

/**
 * Why a request to run outside the sandbox is refused under this approval policy (codex's answer
 * to the model), or undefined when the agent may ask for it.
 */
export function escalationRefusal(policy: AskForApproval): string | undefined {
  if (policy === 'on-request') return undefined
  if (typeof policy === 'object' && policy.granular.sandbox_approval) return undefined
  const name = typeof policy === 'object' ? 'Granular' : policy === 'never' ? 'Never' : 'UnlessTrusted'
  return `approval policy is ${name}; reject command — you cannot ask for escalated permissions if the approval policy is ${name}`
}

/** The approval request for a command the agent asked to run outside the sandbox: its justification is the reason. */
export function escalationApproval(request: CommandExecutionRequestApprovalParams, justification: string): CommandExecutionRequestApprovalParams {
  return { ...request, reason: justification }
}

/**
 * The second approval request of a command the sandbox denied, asking to run it unconfined: a
 * prompt of its own (a fresh approvalId, so an answer to the first prompt cannot settle it).
 */
export function sandboxRetryApproval(request: CommandExecutionRequestApprovalParams): CommandExecutionRequestApprovalParams {
  return { ...request, approvalId: randomUUID(), reason: SANDBOX_RETRY_REASON, startedAtMs: Date.now() }
}
