// Steps that act on the machine: a shell command (run for real in the thread's cwd, or with canned
// output) and file changes (applied for real), each after the approval the step asks for. Item
// order as codex: item/started, the approval request, output deltas, item/completed, then usage.
import { runAgentCommand } from '../agent-command.js'
import { splitIntoDeltas } from '../agent/offline-agent.js'
import { approvalRequest, commandItem } from '../command-item.js'
import { newId } from '../clock.js'
import { approve, type ApprovalMode } from './approvals.js'
import { applyChanges, itemChanges, legacyChanges, planChanges } from './file-changes.js'
import type { StepOf } from './scenario-format.js'
import { INTERRUPTED, type StepContext, type StepOutcome } from './step-context.js'

/** What the agent says after a command it ran. */
export function commandReport(command: string, exitCode: number | null): string {
  return exitCode === null ? `\`${command}\` did not finish.` : `\`${command}\` exited with code ${exitCode}.`
}

/**
 * Runs a command step. With `report` (the `[[run: …]]` directive) the agent then says how it went,
 * or that it did not run the command.
 */
export async function runCommand(context: StepContext, step: StepOf<'command'>, delayMs: number, report: boolean): Promise<StepOutcome> {
  const { thread, turn } = context
  const { command } = step
  const item = commandItem(command, thread.meta.cwd)
  const mode: ApprovalMode = step.approval ?? 'ask'
  if (mode !== 'none') thread.setStatus({ type: 'active', activeFlags: ['waitingOnApproval'] })
  context.started(item)
  const decision = await approve(context, mode, {
    method: 'item/commandExecution/requestApproval', params: () => approvalRequest(thread.id, turn.id, item, command),
  }, {
    method: 'execCommandApproval',
    params: () => ({
      conversationId: thread.id, callId: item.id, approvalId: null, command: ['/bin/bash', '-lc', command], cwd: item.cwd,
      reason: 'The reference agent wants to run this command.', parsedCmd: [{ type: 'unknown', cmd: command }],
    }),
  })
  if (decision === 'interrupted') return INTERRUPTED
  if (decision !== 'accept') {
    await context.complete({ ...item, status: decision === 'failed' ? 'failed' : 'declined', completedAtMs: Date.now() })
    await context.reportUsage(command)
    if (decision === 'cancel') return INTERRUPTED
    const why = decision === 'failed' ? 'The approval request failed, so I' : 'I'
    return report ? context.respond(splitIntoDeltas(`${why} did not run \`${command}\`.`, 2), delayMs) : undefined
  }
  const onOutput = (delta: string) => thread.emit('item/commandExecution/outputDelta', { threadId: thread.id, turnId: turn.id, itemId: item.id, delta })
  let result: { exitCode: number; output: string; durationMs: number }
  if (step.output === undefined) {
    result = await runAgentCommand(context.processes, command, thread.meta.cwd, context.interruptSignal, onOutput, undefined, { sandbox: thread.settings.sandbox })
  } else {
    if (step.output !== '') onOutput(step.output)
    result = { exitCode: step.exitCode ?? 0, output: step.output, durationMs: 0 }
  }
  await context.complete({
    ...item, status: result.exitCode === 0 ? 'completed' : 'failed', aggregatedOutput: result.output,
    exitCode: result.exitCode, durationMs: result.durationMs, completedAtMs: Date.now(),
  })
  await context.reportUsage(command)
  if (context.interruptSignal.aborted) return INTERRUPTED
  return report ? context.respond(splitIntoDeltas(commandReport(command, result.exitCode), 2), delayMs) : undefined
}

/** Changes files: the item with its diffs, the approval, the changes applied, the turn's diff. */
export async function changeFiles(context: StepContext, step: StepOf<'fileChange'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const planned = await planChanges(step.changes, thread.meta.cwd)
  const item = { type: 'fileChange' as const, id: `call_${newId()}`, changes: itemChanges(planned), status: 'inProgress' as const, startedAtMs: Date.now(), completedAtMs: null }
  const mode: ApprovalMode = step.approval ?? 'ask'
  if (mode !== 'none') thread.setStatus({ type: 'active', activeFlags: ['waitingOnApproval'] })
  context.started(item)
  const reason = step.reason ?? null
  const decision = await approve(context, mode, {
    method: 'item/fileChange/requestApproval',
    params: () => ({ threadId: thread.id, turnId: turn.id, itemId: item.id, startedAtMs: Date.now(), reason, grantRoot: null }),
  }, {
    method: 'applyPatchApproval',
    params: () => ({ conversationId: thread.id, callId: item.id, fileChanges: legacyChanges(planned), reason, grantRoot: null }),
  })
  if (decision === 'interrupted') return INTERRUPTED
  if (decision !== 'accept') {
    await context.complete({ ...item, status: decision === 'failed' ? 'failed' : 'declined', completedAtMs: Date.now() })
    await context.reportUsage('declined')
    return decision === 'cancel' ? INTERRUPTED : undefined
  }
  const problem = await applyChanges(planned, context.diff)
  if (problem !== undefined) context.log.warn(`thread ${thread.id}: a scenario's file change failed: ${problem}`)
  await context.complete({ ...item, status: problem === undefined ? 'completed' : 'failed', completedAtMs: Date.now() })
  thread.emit('turn/diff/updated', { threadId: thread.id, turnId: turn.id, diff: await context.diff.text() })
  await context.reportUsage(JSON.stringify(item.changes))
  return undefined
}
