// Approval of a command or a file change: the v2 request (item/commandExecution/requestApproval,
// item/fileChange/requestApproval), the legacy v1 one (execCommandApproval, applyPatchApproval,
// answered with a ReviewDecision), or none, reduced to what the agent does next.
import type { ReviewDecision, ServerRequestMap, ServerRequestMethod } from '../../../generated/experimental/index.js'
import type { Answer, StepContext } from './step-context.js'

export type Decision = 'accept' | 'decline' | 'cancel' | 'failed' | 'interrupted'
export type ApprovalMode = 'ask' | 'none' | 'legacy'

type ApprovalMethod = 'item/commandExecution/requestApproval' | 'item/fileChange/requestApproval' | 'execCommandApproval' | 'applyPatchApproval'

export interface ApprovalRequest<M extends ApprovalMethod> {
  method: M
  params: () => ServerRequestMap[M]['params']
}

/** Asks as `mode` says (v2 request or legacy request); `none` accepts without asking. */
export async function approve(
  context: StepContext, mode: ApprovalMode,
  current: ApprovalRequest<'item/commandExecution/requestApproval' | 'item/fileChange/requestApproval'>,
  legacy: ApprovalRequest<'execCommandApproval' | 'applyPatchApproval'>,
): Promise<Decision> {
  if (mode === 'none') return 'accept'
  const request = mode === 'legacy' ? legacy : current
  const answer = await context.ask(request.method, request.params() as never, 'waitingOnApproval')
  context.thread.setStatus({ type: 'active', activeFlags: [] })
  return decisionOf(answer as Answer<ServerRequestMethod>, context, request.method)
}

function decisionOf(answer: Answer<ServerRequestMethod>, context: StepContext, method: string): Decision {
  switch (answer.kind) {
    case 'interrupted':
      return 'interrupted'
    case 'failed':
      // The client answered with an error or an answer of the wrong shape: as codex does, nothing
      // is done, the item fails, and the agent is told and carries on (the turn is not ended).
      context.log.warn(`thread ${context.thread.id}: ${method} failed: ${answer.message}`)
      return 'failed'
    case 'answered': {
      const decision = (answer.result as { decision: unknown }).decision
      return typeof decision === 'object' && decision !== null && 'denied' in decision ? 'decline' : legacyOrCurrent(decision as ReviewDecision | string)
    }
  }
}

/** Both vocabularies: v2 `accept…`/`decline`/`cancel`, v1 `approved…`/`denied`/`abort`/`timed_out`. */
function legacyOrCurrent(decision: ReviewDecision | string): Decision {
  if (decision === 'decline' || decision === 'timed_out') return 'decline'
  if (decision === 'cancel' || decision === 'abort') return 'cancel'
  return 'accept'
}
