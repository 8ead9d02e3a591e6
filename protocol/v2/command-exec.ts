// The command-exec family: running a single command in the server's sandbox outside any thread
// (with optional streaming, stdin and a pseudo-terminal), plus the command types that thread items
// use to describe the agent's shell commands.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const CommandExecParams = v2('CommandExecParams', t.object({
  command: t.describe('Program and its arguments (argv); must not be empty.', t.array(t.string())),
  processId: t.option(t.string(), { description: 'Name the client gives this run, unique among the connection\'s running commands; needed for `tty`, streaming and the follow-up write/resize/terminate requests. Without it the run can only be awaited.' }),
  tty: t.optional(t.describe('Run in a pseudo-terminal; this also turns on `streamStdin` and `streamStdoutStderr`.', t.boolean())),
  streamStdin: t.optional(t.describe('Accept stdin data through `command/exec/write`; needs `processId`.', t.boolean())),
  streamStdoutStderr: t.optional(t.describe('Send output as `command/exec/outputDelta` notifications as it arrives (and leave it out of the response); needs `processId`.', t.boolean())),
  outputBytesCap: t.option(t.uint('uint'), { description: 'Maximum bytes kept per output stream; the server default when absent. Not allowed together with `disableOutputCap`.' }),
  disableOutputCap: t.optional(t.describe('Keep all output, without a byte limit. Not allowed together with `outputBytesCap`.', t.boolean())),
  disableTimeout: t.optional(t.describe('Let the command run with no time limit. Not allowed together with `timeoutMs`.', t.boolean())),
  timeoutMs: t.option(t.int('int64'), { description: 'Time limit in milliseconds; the server default when absent. Not allowed together with `disableTimeout`.' }),
  cwd: t.option(t.string(), { description: 'Working directory; the server\'s own when absent.' }),
  env: t.option(t.map(t.nullable(t.string())), { description: 'Environment variables to set on top of the environment the server computes; a null value removes an inherited variable.' }),
  size: t.option(t.ref('CommandExecTerminalSize'), { description: 'Initial terminal size; only allowed with `tty`.' }),
  sandboxPolicy: t.option(t.ref('SandboxPolicy'), { description: 'Sandbox to run in (same shape as for turns); the user\'s configured sandbox when absent. Not allowed together with `permissionProfile`.' }),
  permissionProfile: t.experimental('command/exec.permissionProfile', t.option(t.string(), { description: 'Id of a permissions profile to run under; the user\'s configured permissions when absent. Not allowed together with `sandboxPolicy`.' })),
}), 'Parameters of `command/exec`, which runs one command in the server\'s sandbox without a thread. The response comes when the command exits, after all of its output notifications.')

export const CommandExecResponse = v2('CommandExecResponse', t.object({
  exitCode: t.describe('Exit code of the command.', t.int('int32')),
  stdout: t.describe('Collected stdout; empty when stdout was streamed.', t.string()),
  stderr: t.describe('Collected stderr; empty when stderr was streamed.', t.string()),
}), 'Result of `command/exec`, sent once the command has exited.')

export const CommandExecWriteParams = v2('CommandExecWriteParams', t.object({
  processId: t.describe('The `processId` given in `command/exec`.', t.string()),
  deltaBase64: t.option(t.string(), { description: 'Bytes to write to stdin, base64-encoded.' }),
  closeStdin: t.optional(t.describe('Close stdin after writing (default false).', t.boolean())),
}), 'Parameters of `command/exec/write`: write to a running command\'s stdin, close it, or both.')

export const CommandExecWriteResponse = v2('CommandExecWriteResponse', t.object({}), 'Result of `command/exec/write`; empty on success.')

export const CommandExecTerminateParams = v2('CommandExecTerminateParams', t.object({
  processId: t.describe('The `processId` given in `command/exec`.', t.string()),
}), 'Parameters of `command/exec/terminate`, which stops a running command.')

export const CommandExecTerminateResponse = v2('CommandExecTerminateResponse', t.object({}), 'Result of `command/exec/terminate`; empty on success.')

export const CommandExecResizeParams = v2('CommandExecResizeParams', t.object({
  processId: t.describe('The `processId` given in `command/exec`.', t.string()),
  size: t.describe('New terminal size.', t.ref('CommandExecTerminalSize')),
}), 'Parameters of `command/exec/resize`, which resizes the terminal of a command run with `tty`.')

export const CommandExecResizeResponse = v2('CommandExecResizeResponse', t.object({}), 'Result of `command/exec/resize`; empty on success.')

export const CommandExecOutputDeltaNotification = v2('CommandExecOutputDeltaNotification', t.object({
  processId: t.describe('The `processId` given in `command/exec`.', t.string()),
  stream: t.describe('Stream the bytes came from.', t.ref('CommandExecOutputStream')),
  deltaBase64: t.describe('The output bytes, base64-encoded.', t.string()),
  capReached: t.describe('True on the last chunk of a stream that was cut off at `outputBytesCap`.', t.boolean()),
}), 'A chunk of output from a streaming `command/exec`, sent only to the connection that started it (the command is killed if that connection closes).')

export const CommandAction = v2('CommandAction', t.tagged('type', {
  read: {
    command: t.describe('The command text this action was parsed from.', t.string()),
    name: t.describe('Name of the file being read, for display.', t.string()),
    path: t.describe('Path of the file being read.', t.ref('LegacyAppPathString')),
  },
  listFiles: {
    command: t.describe('The command text this action was parsed from.', t.string()),
    path: t.option(t.string(), { description: 'Directory being listed; null when not known.' }),
  },
  search: {
    command: t.describe('The command text this action was parsed from.', t.string()),
    query: t.option(t.string(), { description: 'What is being searched for; null when not known.' }),
    path: t.option(t.string(), { description: 'Where the search runs; null when not known.' }),
  },
  unknown: {
    command: t.describe('The command text, which could not be classified.', t.string()),
  },
}), 'What a shell command does, as parsed for display: reads a file, lists files, searches, or something else.')

export const CommandExecOutputStream = v2('CommandExecOutputStream', t.oneOf([
  t.literal('stdout'),
  t.literal('stderr'),
]), 'Which output stream a chunk belongs to.')

export const CommandExecTerminalSize = v2('CommandExecTerminalSize', t.object({
  rows: t.describe('Height in character cells.', t.uint('uint16')),
  cols: t.describe('Width in character cells.', t.uint('uint16')),
}), 'Size of a pseudo-terminal, in character cells.')

export const CommandExecutionSource = v2('CommandExecutionSource', t.enum(['agent', 'userShell', 'unifiedExecStartup', 'unifiedExecInteraction']), 'Who started a command: the agent, the user through the shell shortcut, or the start of / later input to an interactive (unified exec) session.')

export const CommandExecutionStatus = v2('CommandExecutionStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']), 'State of a command execution item; `declined` means the user refused to approve it.')
