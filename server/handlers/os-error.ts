// Operating-system failures answered the way codex answers them: -32603 with the C library's
// message and the error number, e.g. `No such file or directory (os error 2)`.
import { constants } from 'node:os'
import { ErrorCode, RpcError } from '../handler-types.js'

// libuv's messages are lower-case and sometimes worded differently from the C library's
// (`file already exists` vs `File exists`), so the common ones are spelled out.
const MESSAGES: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EMLINK: 'Too many links',
  EPIPE: 'Broken pipe',
  ENAMETOOLONG: 'File name too long',
  ENOSYS: 'Function not implemented',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENOTSUP: 'Operation not supported',
  EOPNOTSUPP: 'Operation not supported',
  EDQUOT: 'Disk quota exceeded',
}

interface SystemError {
  code: string
  errno?: number
  message: string
}

export function isSystemError(error: unknown): error is SystemError {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)
}

/** `No such file or directory (os error 2)` for a Node system error. */
export function osErrorMessage(error: SystemError): string {
  const errnoNumbers = constants.errno as Record<string, number | undefined>
  const number = errnoNumbers[error.code] ?? (typeof error.errno === 'number' ? Math.abs(error.errno) : undefined)
  const text = MESSAGES[error.code] ?? capitalise(libuvMessage(error))
  return number === undefined ? text : `${text} (os error ${number})`
}

/** The RpcError for any failure of an operating-system call; other errors pass through unchanged. */
export function toRpcError(error: unknown, prefix = ''): unknown {
  if (error instanceof RpcError || !isSystemError(error)) return error
  return new RpcError(ErrorCode.internal, prefix + osErrorMessage(error))
}

/** Runs `work`, answering operating-system failures as codex does. */
export async function withOsErrors<T>(work: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toRpcError(error, prefix)
  }
}

// Node's messages look like `ENOENT: no such file or directory, open '/x'`.
function libuvMessage(error: SystemError): string {
  const match = /^[A-Z0-9]+: ([^,]+)/.exec(error.message)
  return match?.[1] ?? error.code
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
