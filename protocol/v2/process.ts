// The process family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ProcessSpawnParams = v2('ProcessSpawnParams', t.object({
  command: t.array(t.string()),
  processHandle: t.string(),
  cwd: t.ref('AbsolutePathBuf'),
  tty: t.optional(t.boolean()),
  streamStdin: t.optional(t.boolean()),
  streamStdoutStderr: t.optional(t.boolean()),
  outputBytesCap: t.option(t.uint('uint')),
  timeoutMs: t.option(t.int('int64')),
  env: t.option(t.map(t.nullable(t.string()))),
  size: t.option(t.ref('ProcessTerminalSize')),
}))

export const ProcessSpawnResponse = v2('ProcessSpawnResponse', t.object({}))

export const ProcessWriteStdinParams = v2('ProcessWriteStdinParams', t.object({
  processHandle: t.string(),
  deltaBase64: t.option(t.string()),
  closeStdin: t.optional(t.boolean()),
}))

export const ProcessWriteStdinResponse = v2('ProcessWriteStdinResponse', t.object({}))

export const ProcessKillParams = v2('ProcessKillParams', t.object({
  processHandle: t.string(),
}))

export const ProcessKillResponse = v2('ProcessKillResponse', t.object({}))

export const ProcessResizePtyParams = v2('ProcessResizePtyParams', t.object({
  processHandle: t.string(),
  size: t.ref('ProcessTerminalSize'),
}))

export const ProcessResizePtyResponse = v2('ProcessResizePtyResponse', t.object({}))

export const ProcessOutputDeltaNotification = v2('ProcessOutputDeltaNotification', t.object({
  processHandle: t.string(),
  stream: t.ref('ProcessOutputStream'),
  deltaBase64: t.string(),
  capReached: t.boolean(),
}))

export const ProcessExitedNotification = v2('ProcessExitedNotification', t.object({
  processHandle: t.string(),
  exitCode: t.int('int32'),
  outputDrainTimedOut: t.option(t.boolean()),
  stdout: t.string(),
  stdoutCapReached: t.boolean(),
  stderr: t.string(),
  stderrCapReached: t.boolean(),
}))

export const ProcessOutputStream = v2('ProcessOutputStream', t.oneOf([
  t.literal('stdout'),
  t.literal('stderr'),
]))

export const ProcessTerminalSize = v2('ProcessTerminalSize', t.object({
  rows: t.uint('uint16'),
  cols: t.uint('uint16'),
}))
