// Maps whatever a handler throws to a JSON-RPC error the way codex reports it: RpcErrors as they are,
// operating-system errors as -32603 with Rust's wording (`No such file or directory (os error 2)`),
// everything else as -32603 with its message.
import { constants } from 'node:os'
import { ErrorCode, RpcError } from '../handler-types.js'

export interface WireError {
  code: number
  message: string
  data?: unknown
}

export function toWireError(error: unknown): WireError {
  if (error instanceof RpcError) return { code: error.code, message: error.message, ...(error.data !== undefined ? { data: error.data } : {}) }
  const os = osErrorMessage(error)
  if (os) return { code: ErrorCode.internal, message: os }
  return { code: ErrorCode.internal, message: error instanceof Error ? error.message : String(error) }
}

/** `<strerror> (os error <n>)` for a Node system error, or undefined for anything else. */
export function osErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as NodeJS.ErrnoException).code
  if (typeof code !== 'string') return undefined
  const errno = (constants.errno as Record<string, number>)[code] ?? Math.abs(Number((error as NodeJS.ErrnoException).errno))
  if (!Number.isInteger(errno) || errno <= 0) return undefined
  const text = STRERROR[code]
  return text ? `${text} (os error ${errno})` : undefined
}

/** The C library's description of each errno, which Rust prints for I/O errors (glibc wording). */
const STRERROR: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EFAULT: 'Bad address',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system',
  EMLINK: 'Too many links',
  EPIPE: 'Broken pipe',
  ERANGE: 'Numerical result out of range',
  EDEADLK: 'Resource deadlock avoided',
  ENAMETOOLONG: 'File name too long',
  ENOSYS: 'Function not implemented',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  ENOTSUP: 'Operation not supported',
  EOPNOTSUPP: 'Operation not supported',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENETUNREACH: 'Network is unreachable',
  ECONNABORTED: 'Software caused connection abort',
  ECONNRESET: 'Connection reset by peer',
  ENOTCONN: 'Transport endpoint is not connected',
  ETIMEDOUT: 'Connection timed out',
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  EALREADY: 'Operation already in progress',
  EINPROGRESS: 'Operation now in progress',
  ECANCELED: 'Operation canceled',
  EDQUOT: 'Disk quota exceeded',
  EOVERFLOW: 'Value too large for defined data type',
  EILSEQ: 'Invalid or incomplete multibyte or wide character',
}
