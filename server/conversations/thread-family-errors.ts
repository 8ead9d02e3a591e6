// codex's answers to bad requests of the smaller thread families (queue, sections, settings,
// search, timeline, samples, memory, terminals), beside conversation-errors.ts which holds those of
// threads and turns (observed: test/server/fixtures/codex-0.169.0/conversations/j-*.jsonl).
import { ErrorCode, RpcError } from '../handler-types.js'

const invalid = (message: string) => new RpcError(ErrorCode.invalidRequest, message)
const badParams = (message: string) => new RpcError(ErrorCode.invalidParams, message)

export const threadFamilyErrors = {
  /** codex's answer for a thread it keeps no paginated history of (unknown, or no turn yet). */
  notSupportedYet: (method: string) => new RpcError(ErrorCode.notImplemented, `${method} is not supported yet`),
  notImplementedYet: (method: string) => new RpcError(ErrorCode.notImplemented, `${method} is not implemented yet`),
  threadArchived: (threadId: string) => invalid(`thread ${threadId} is archived`),
  invalidTimelineCursor: () => invalid('invalid thread timeline cursor'),
  elicitationAtZero: () => invalid('out-of-band elicitation count is already zero'),
  permissionsWithSandbox: () => invalid('`permissions` cannot be combined with `sandboxPolicy`'),
  noPermissionsTable: () => invalid('failed to load configuration: default_permissions requires a `[permissions]` table'),
  stepModelSwitching: () => invalid('turn settings updates require the step_model_switching feature'),
  fallbackModel: () => invalid('the destination model has only fallback metadata'),
  emptySearchTerm: (method: string) => invalid(`${method} requires a non-empty searchTerm`),
  itemIdsCount: () => invalid('itemIds must contain 1 to 100 IDs'),
  guardianNoCompletedCall: () => invalid('expected a completed plaintext exec_command, apply_patch, request_permissions, or MCP call with a nonempty call ID'),
  guardianNoFinalCall: () => invalid('expected a final plaintext exec_command, apply_patch, request_permissions, or MCP call'),
  attachmentNotAbsolute: () => badParams('`attachmentPath` must be absolute on the app server'),
  emptyPlan: () => invalid('The approved plan is empty.'),
  sampleNotLatest: () => invalid('sample source turn must be the latest finished turn'),
  sampleNeedsLoaded: () => invalid('thread/sample requires a loaded source'),
  badTerminalId: (problem: string) => invalid(`invalid background terminal process id: ${problem}`),
  consolidatedRange: () => badParams('minConsolidatedThreads must be between 1 and 4096'),
  submissionNotFound: (id: string) => invalid(`queued submission not found: ${id}`),
  onlyUserInput: () => invalid('only user input can be added to the user-message queue'),
  reorderMismatch: () => invalid('queue reorder must include every queued submission exactly once'),
  queueEmpty: () => invalid('queue is empty'),
  turnBusy: () => invalid('thread already has an active or pending turn'),
  badQueueCursor: (problem: string) => invalid(`invalid queue pagination cursor: ${problem}`),
  queueThreadUnknown: (threadId: string) =>
    new RpcError(ErrorCode.internal, `failed to read thread: invalid thread-store request: no rollout found for thread id ${threadId}`),
  emptySectionName: () => badParams('section name must not be empty'),
  sectionNotFound: (sectionId: string) => badParams(`thread section not found: ${sectionId}`),
  beforeThreadNotInSection: (threadId: string, sectionId: string) => invalid(`before thread ${threadId} is not in section ${sectionId}`),
}

/** Why `text` is not an unsigned integer, worded as Rust's integer parser words it; undefined when it is one. */
export function unsignedIntegerProblem(text: string, max = 2 ** 32 - 1): string | undefined {
  if (text === '') return 'cannot parse integer from empty string'
  if (!/^\+?\d+$/.test(text) || text === '+') return 'invalid digit found in string'
  return Number(text) > max ? 'number too large to fit in target type' : undefined
}
