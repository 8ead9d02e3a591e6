// codex's answers to requests about threads and turns it cannot serve, in one place
// (observed: test/server/fixtures/codex-0.169.0/conversations/g-bad-input.jsonl).
import { ErrorCode, RpcError } from '../handler-types.js'
import { ThreadStoreError } from './errors.js'

const invalid = (message: string, data?: unknown) => new RpcError(ErrorCode.invalidRequest, message, data)

export const conversationErrors = {
  threadNotLoaded: (threadId: string) => invalid(`thread not loaded: ${threadId}`),
  threadNotFound: (threadId: string) => invalid(`thread not found: ${threadId}`),
  noRollout: (threadId: string) => invalid(`no rollout found for thread id ${threadId}`),
  noRolloutAt: (path: string) => invalid(`no rollout found at ${path}`),
  noArchivedRollout: (threadId: string) => invalid(`no archived rollout found for thread id ${threadId}`),
  archivedSession: (threadId: string) => invalid(`session ${threadId} is archived. Run \`codex unarchive ${threadId}\` to unarchive it first.`),
  activeWriter: (threadId: string) => invalid(`thread ${threadId} already has an active writer`),
  notMaterialized: (threadId: string, method: string) =>
    invalid(`thread ${threadId} is not materialized yet; ${method} is unavailable before first user message`),
  noActiveTurnToSteer: () => invalid('no active turn to steer'),
  noActiveTurnToInterrupt: () => invalid('no active turn to interrupt'),
  expectedTurnMismatch: (expected: string, actual: string) => invalid(`expected active turn id \`${expected}\` but found \`${actual}\``),
  interruptMismatch: (expected: string, actual: string) => invalid(`expected active turn id ${expected} but found ${actual}`),
  turnNotFound: (turnId: string) => invalid(`turn not found: ${turnId}`),
  emptyInput: () => invalid('input must not be empty'),
  invalidCursor: (cursor: string) => invalid(`invalid cursor: ${cursor}`),
  readStateConflict: (readState: unknown) => invalid('read state changed', { reason: 'readStateConflict', readState }),
  noGoal: (threadId: string) => invalid(`cannot update goal for thread ${threadId}: no goal exists`),
  emptyObjective: () => invalid('goal objective must not be empty'),
  badBudget: () => invalid('goal budgets must be positive when provided'),
  unknownSection: (sectionId: string) => invalid(`section ${sectionId} does not exist`),
  itemsListUnsupported: () => new RpcError(ErrorCode.notImplemented, 'thread/items/list is not supported yet'),
  /** review/start with a target field that is empty or blank (k-review.jsonl). */
  emptyReviewField: (field: 'branch' | 'sha' | 'instructions') => invalid(`${field} must not be empty`),
}

/** A history the store cannot read (damaged or unreadable), answered as codex answers it. */
export function unreadableHistory(error: unknown): RpcError | undefined {
  if (error instanceof ThreadStoreError && (error.code === 'threadCorrupted' || error.code === 'threadUnreadable')) {
    return new RpcError(ErrorCode.internal, `failed to read thread: ${error.message}`)
  }
  return undefined
}
