// The process family: experimental methods to run a program directly on the server host (no Codex
// sandbox), feed its stdin, resize its terminal, kill it, and receive its output and exit status.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ProcessSpawnParams = v2('ProcessSpawnParams', t.object({
  command: t.describe('Program and its arguments (argv); must not be empty.', t.array(t.string())),
  processHandle: t.describe('Name the client gives this process for later requests and notifications; must be unique among the connection\'s running processes and may be reused once the process has exited.', t.string()),
  cwd: t.describe('Absolute working directory of the process.', t.ref('AbsolutePathBuf')),
  tty: t.optional(t.describe('Run the process in a pseudo-terminal; this also turns on `streamStdin` and `streamStdoutStderr`.', t.boolean())),
  streamStdin: t.optional(t.describe('Accept stdin data through `process/writeStdin`.', t.boolean())),
  streamStdoutStderr: t.optional(t.describe('Send output as `process/outputDelta` notifications as it arrives; streamed output is left out of `process/exited`.', t.boolean())),
  outputBytesCap: t.option(t.uint('uint'), { description: 'Maximum bytes kept per output stream; the server default when absent, no limit when null.' }),
  timeoutMs: t.option(t.int('int64'), { description: 'Time limit in milliseconds; the server default when absent, no limit when null.' }),
  env: t.option(t.map(t.nullable(t.string())), { description: 'Environment variables to set on top of the server\'s environment; a null value removes an inherited variable.' }),
  size: t.option(t.ref('ProcessTerminalSize'), { description: 'Initial terminal size; only allowed with `tty`.' }),
}), 'Parameters of `process/spawn`, which starts a program on the server host outside any Codex sandbox.')

export const ProcessSpawnResponse = v2('ProcessSpawnResponse', t.object({}), 'Result of `process/spawn`, sent once the process is running; its output and exit arrive as notifications.')

export const ProcessWriteStdinParams = v2('ProcessWriteStdinParams', t.object({
  processHandle: t.describe('Handle given in `process/spawn`.', t.string()),
  deltaBase64: t.option(t.string(), { description: 'Bytes to write to stdin, base64-encoded.' }),
  closeStdin: t.optional(t.describe('Close stdin after writing (default false).', t.boolean())),
}), 'Parameters of `process/writeStdin`: write to a spawned process\'s stdin, close it, or both.')

export const ProcessWriteStdinResponse = v2('ProcessWriteStdinResponse', t.object({}), 'Result of `process/writeStdin`; empty on success.')

export const ProcessKillParams = v2('ProcessKillParams', t.object({
  processHandle: t.describe('Handle given in `process/spawn`.', t.string()),
}), 'Parameters of `process/kill`, which terminates a spawned process.')

export const ProcessKillResponse = v2('ProcessKillResponse', t.object({}), 'Result of `process/kill`; empty on success.')

export const ProcessResizePtyParams = v2('ProcessResizePtyParams', t.object({
  processHandle: t.describe('Handle given in `process/spawn`.', t.string()),
  size: t.describe('New terminal size.', t.ref('ProcessTerminalSize')),
}), 'Parameters of `process/resizePty`, which resizes the terminal of a process spawned with `tty`.')

export const ProcessResizePtyResponse = v2('ProcessResizePtyResponse', t.object({}), 'Result of `process/resizePty`; empty on success.')

export const ProcessOutputDeltaNotification = v2('ProcessOutputDeltaNotification', t.object({
  processHandle: t.describe('Handle given in `process/spawn`.', t.string()),
  stream: t.describe('Stream the bytes came from.', t.ref('ProcessOutputStream')),
  deltaBase64: t.describe('The output bytes, base64-encoded.', t.string()),
  capReached: t.describe('True on the last chunk of a stream that was cut off at `outputBytesCap`.', t.boolean()),
}), 'A chunk of output from a process spawned with `streamStdoutStderr` (or `tty`).')

export const ProcessExitedNotification = v2('ProcessExitedNotification', t.object({
  processHandle: t.describe('Handle given in `process/spawn`.', t.string()),
  exitCode: t.describe('Exit code of the process.', t.int('int32')),
  outputDrainTimedOut: t.option(t.boolean(), { description: 'True when reading the remaining output after exit ran out of time before reaching end of stream or the byte cap; absent from older servers.' }),
  stdout: t.describe('Collected stdout; empty when stdout was streamed.', t.string()),
  stdoutCapReached: t.describe('Whether stdout was cut off at `outputBytesCap`.', t.boolean()),
  stderr: t.describe('Collected stderr; empty when stderr was streamed.', t.string()),
  stderrCapReached: t.describe('Whether stderr was cut off at `outputBytesCap`.', t.boolean()),
}), 'Sent once when a spawned process has exited; the last notification for its handle.')

export const ProcessOutputStream = v2('ProcessOutputStream', t.oneOf([
  t.literal('stdout'),
  t.literal('stderr'),
]), 'Which output stream a chunk belongs to.')

export const ProcessTerminalSize = v2('ProcessTerminalSize', t.object({
  rows: t.describe('Height in character cells.', t.uint('uint16')),
  cols: t.describe('Width in character cells.', t.uint('uint16')),
}), 'Size of a pseudo-terminal, in character cells.')
