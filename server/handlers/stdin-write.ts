// A client's write to the stdin of a process it started (command/exec/write, process/writeStdin):
// the same checks in codex's order for both, worded with the method's own names.
import { ErrorCode, RpcError } from '../handler-types.js'
import { Base64Error, decodeBase64Strict } from './base64.js'
import { isSystemError, osErrorMessage } from './os-error.js'
import type { RunningCommand } from './running-command.js'

export interface StdinWrite {
  deltaBase64?: string | null
  closeStdin?: boolean
}

/** Checks the request itself: the bytes to write (if any); throws codex's errors. */
export function decodeStdinWrite(method: string, write: StdinWrite): Buffer | undefined {
  const bytes = write.deltaBase64 == null ? undefined : decodeDelta(write.deltaBase64)
  if (bytes === undefined && write.closeStdin !== true) {
    throw new RpcError(ErrorCode.invalidParams, `${method} requires deltaBase64 or closeStdin`)
  }
  return bytes
}

/** Writes to the command's stdin and closes it if asked; `what` names the command in errors. */
export async function writeStdin(command: RunningCommand, bytes: Buffer | undefined, closeStdin: boolean, what: string): Promise<void> {
  if (!command.acceptsInput) throw new RpcError(ErrorCode.invalidRequest, `stdin streaming is not enabled for this ${what}`)
  if (bytes !== undefined && bytes.length > 0) {
    if (command.stdinClosed) throw new RpcError(ErrorCode.invalidRequest, 'stdin is already closed')
    await command.write(bytes).catch((error: unknown) => {
      throw new RpcError(ErrorCode.internal, `failed to write stdin: ${isSystemError(error) ? osErrorMessage(error) : String(error)}`)
    })
  }
  if (closeStdin) command.closeStdin()
}

function decodeDelta(deltaBase64: string): Buffer {
  try {
    return decodeBase64Strict(deltaBase64)
  } catch (error) {
    if (error instanceof Base64Error) throw new RpcError(ErrorCode.invalidParams, `invalid deltaBase64: ${error.message}`)
    throw error
  }
}
