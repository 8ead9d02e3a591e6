// The command-exec family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const CommandExecParams = v2('CommandExecParams', t.object({
  command: t.array(t.string()),
  processId: t.option(t.string()),
  tty: t.optional(t.boolean()),
  streamStdin: t.optional(t.boolean()),
  streamStdoutStderr: t.optional(t.boolean()),
  outputBytesCap: t.option(t.uint('uint')),
  disableOutputCap: t.optional(t.boolean()),
  disableTimeout: t.optional(t.boolean()),
  timeoutMs: t.option(t.int('int64')),
  cwd: t.option(t.string()),
  env: t.option(t.map(t.nullable(t.string()))),
  size: t.option(t.ref('CommandExecTerminalSize')),
  sandboxPolicy: t.option(t.ref('SandboxPolicy')),
  permissionProfile: t.experimental('command/exec.permissionProfile', t.option(t.string())),
}))

export const CommandExecResponse = v2('CommandExecResponse', t.object({
  exitCode: t.int('int32'),
  stdout: t.string(),
  stderr: t.string(),
}))

export const CommandExecWriteParams = v2('CommandExecWriteParams', t.object({
  processId: t.string(),
  deltaBase64: t.option(t.string()),
  closeStdin: t.optional(t.boolean()),
}))

export const CommandExecWriteResponse = v2('CommandExecWriteResponse', t.object({}))

export const CommandExecTerminateParams = v2('CommandExecTerminateParams', t.object({
  processId: t.string(),
}))

export const CommandExecTerminateResponse = v2('CommandExecTerminateResponse', t.object({}))

export const CommandExecResizeParams = v2('CommandExecResizeParams', t.object({
  processId: t.string(),
  size: t.ref('CommandExecTerminalSize'),
}))

export const CommandExecResizeResponse = v2('CommandExecResizeResponse', t.object({}))

export const CommandExecOutputDeltaNotification = v2('CommandExecOutputDeltaNotification', t.object({
  processId: t.string(),
  stream: t.ref('CommandExecOutputStream'),
  deltaBase64: t.string(),
  capReached: t.boolean(),
}))

export const CommandAction = v2('CommandAction', t.tagged('type', {
  read: {
    command: t.string(),
    name: t.string(),
    path: t.ref('LegacyAppPathString'),
  },
  listFiles: {
    command: t.string(),
    path: t.option(t.string()),
  },
  search: {
    command: t.string(),
    query: t.option(t.string()),
    path: t.option(t.string()),
  },
  unknown: {
    command: t.string(),
  },
}))

export const CommandExecOutputStream = v2('CommandExecOutputStream', t.oneOf([
  t.literal('stdout'),
  t.literal('stderr'),
]))

export const CommandExecTerminalSize = v2('CommandExecTerminalSize', t.object({
  rows: t.uint('uint16'),
  cols: t.uint('uint16'),
}))

export const CommandExecutionSource = v2('CommandExecutionSource', t.enum(['agent', 'userShell', 'unifiedExecStartup', 'unifiedExecInteraction']))

export const CommandExecutionStatus = v2('CommandExecutionStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']))
