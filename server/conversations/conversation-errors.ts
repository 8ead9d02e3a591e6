// codex's answers to requests about threads and turns it cannot serve, in one place.
import { ErrorCode, RpcError } from '../handler-types.js'

const invalid = (message: string) => new RpcError(ErrorCode.invalidRequest, message)

export const conversationErrors = {
  threadNotLoaded: (threadId: string) => invalid(`thread not loaded: ${threadId}`),
  threadNotFound: (threadId: string) => invalid(`thread not found: ${threadId}`),
  noRollout: (threadId: string) => invalid(`no rollout found for thread id ${threadId}`),
  notMaterialized: (threadId: string, method: string) =>
    invalid(`thread ${threadId} is not materialized yet; ${method} is unavailable before first user message`),
  noActiveTurnToSteer: () => invalid('no active turn to steer'),
  noActiveTurnToInterrupt: () => invalid('no active turn to interrupt'),
  expectedTurnMismatch: (expected: string, actual: string) => invalid(`expected active turn id \`${expected}\` but found \`${actual}\``),
  turnNotFound: (turnId: string, threadId: string) => invalid(`turn ${turnId} not found in thread ${threadId}`),
  emptyInput: () => invalid('input must not be empty'),
  invalidCursor: (cursor: string) => invalid(`invalid cursor: ${cursor}`),
  archived: (threadId: string) => invalid(`thread ${threadId} is archived`),
  brokenHistory: (threadId: string, reason: string) => new RpcError(ErrorCode.internal, `failed to load rollout for thread ${threadId}: ${reason}`),
}
