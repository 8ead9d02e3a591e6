// Operating-system failures answered the way codex answers them: -32603 with the C library's
// message and the error number, e.g. `No such file or directory (os error 2)`. The wording comes
// from the core's error mapping, so handlers and core say the same thing.
import { osErrorMessage as coreOsErrorMessage } from '../core/error-mapping.js'
import { ErrorCode, RpcError } from '../handler-types.js'

interface SystemError extends Error {
  code: string
}

export function isSystemError(error: unknown): error is SystemError {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)
}

/** `No such file or directory (os error 2)` for a Node system error. */
export function osErrorMessage(error: SystemError): string {
  // Node's own text (`ENOENT: no such file or directory, open '/x'`) for codes the core does not know.
  return coreOsErrorMessage(error) ?? error.message
}

/** codex's answer (-32600) for a path with a NUL byte, which no system call can take. */
export const NUL_IN_PATH = 'file name contained an unexpected NUL byte'

/** Node refuses such a path itself, before any system call, with a TypeError naming the whole path. */
function isNulInPath(error: unknown): boolean {
  return error instanceof TypeError && (error as TypeError & { code?: unknown }).code === 'ERR_INVALID_ARG_VALUE' && /without null bytes/.test(error.message)
}

/** Runs `work`, answering operating-system failures with -32603 and the OS message. */
export async function withOsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isNulInPath(error)) throw new RpcError(ErrorCode.invalidRequest, NUL_IN_PATH)
    if (error instanceof RpcError || !isSystemError(error)) throw error
    throw new RpcError(ErrorCode.internal, osErrorMessage(error))
  }
}
