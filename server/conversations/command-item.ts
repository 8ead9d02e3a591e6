// A command the agent wants to run, as codex shows it: the item (`/bin/bash -lc '…'`) and the
// approval request that asks the client about it.
import type { CommandExecutionRequestApprovalParams, ThreadItem } from '../../generated/experimental/index.js'
import { newId } from './clock.js'

export type CommandItem = ThreadItem & { type: 'commandExecution' }

export function commandItem(command: string, cwd: string): CommandItem {
  return {
    type: 'commandExecution', id: `call_${newId()}`, pluginId: null, scriptPath: null, command: `/bin/bash -lc ${shellQuote(command)}`,
    cwd, processId: null, source: 'agent', status: 'inProgress', commandActions: [{ type: 'unknown', command }],
    aggregatedOutput: null, exitCode: null, durationMs: null, startedAtMs: Date.now(), completedAtMs: null,
  }
}

export function approvalRequest(threadId: string, turnId: string, item: CommandItem, command: string): CommandExecutionRequestApprovalParams {
  // The rule codex proposes to remember: the command's first word.
  const prefix = command.trim().split(/\s+/, 1)
  return {
    kind: 'command', threadId, turnId, itemId: item.id, startedAtMs: Date.now(), environmentId: 'local',
    reason: 'The reference agent wants to run this command.', command: item.command, cwd: item.cwd,
    commandActions: item.commandActions, proposedExecpolicyAmendment: prefix,
    availableDecisions: ['accept', { acceptWithExecpolicyAmendment: { execpolicy_amendment: prefix } }, 'cancel'],
  }
}

/** Single-quotes a word for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}
