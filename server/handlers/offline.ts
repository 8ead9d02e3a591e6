// Answers of requests that need a network service or a sign-in this server does not have: the
// exact error codex 0.169.0 gives when it is offline and signed out (observed by
// bench/probe/ecosystem.js, test/server/fixtures/codex-0.169.0/methods/).
import { ErrorCode, RpcError } from '../handler-types.js'

/** A handler that always fails as codex fails offline (by default with -32600 and no data). */
export function failsOffline(message: string, code: number = ErrorCode.invalidRequest, data?: unknown): () => never {
  return () => {
    throw new RpcError(code, message, data)
  }
}
