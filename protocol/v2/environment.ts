// The environment family: registering remote execution environments (exec servers reached over
// WebSocket) and asking about their shell, working directory and connection status.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const EnvironmentAddParams = v2('EnvironmentAddParams', t.object({
  environmentId: t.describe('Id the client chooses for the environment; later requests refer to it.', t.string()),
  execServerUrl: t.describe('WebSocket URL of the exec server that runs commands for this environment.', t.string()),
  authBearerToken: t.option(t.string(), { description: 'Bearer token sent to the exec server on every connection and reconnection; only allowed over a secure transport or to a loopback address.' }),
  websocketRequestId: t.option(t.string(), { description: 'Value for the `X-Request-ID` header of the WebSocket upgrade, on every connection and reconnection; only allowed over a secure transport or to a loopback address.' }),
  connectTimeoutMs: t.option(t.uint('uint64'), { description: 'Connection timeout in milliseconds; the server default when absent.' }),
  skills: t.option(t.ref('EnvironmentSkillsParams'), { description: 'Skills this environment must provide.' }),
}), 'Parameters of the experimental `environment/add`, which registers a remote execution environment.')

export const EnvironmentAddResponse = v2('EnvironmentAddResponse', t.object({}), 'Result of `environment/add`; empty on success.')

export const EnvironmentInfoParams = v2('EnvironmentInfoParams', t.object({
  environmentId: t.describe('Environment to describe.', t.string()),
}), 'Parameters of the experimental `environment/info`.')

export const EnvironmentInfoResponse = v2('EnvironmentInfoResponse', t.object({
  shell: t.describe('Shell the environment runs commands with.', t.ref('EnvironmentShellInfo')),
  cwd: t.option(t.ref('PathUri'), { description: 'Default working directory of the environment as a `file:` URI; null when it reports none.' }),
}), 'Result of `environment/info`: basic facts about an environment.')

export const EnvironmentStatusParams = v2('EnvironmentStatusParams', t.object({
  environmentId: t.describe('Environment to check.', t.string()),
}), 'Parameters of the experimental `environment/status`.')

export const EnvironmentStatusResponse = v2('EnvironmentStatusResponse', t.object({
  status: t.describe('Connection state as last observed; checking never starts or reconnects the environment.', t.ref('EnvironmentStatusKind')),
  error: t.option(t.string(), { description: 'Explanation for `disconnected` and `unknown`; absent otherwise.' }),
}), 'Result of `environment/status`.')

export const EnvironmentShellInfo = v2('EnvironmentShellInfo', t.object({
  name: t.describe('Shell kind, such as `bash`, `zsh`, `sh`, `powershell` or `cmd`.', t.string()),
  path: t.describe('Executable path or command name of the shell, in the environment\'s own path format.', t.string()),
}), 'The shell an environment runs commands with.')

export const EnvironmentSkillsParams = v2('EnvironmentSkillsParams', t.object({
  required: t.option(t.array(t.string()), { description: 'Exact skill catalog names that must be available from the environment; checked before the model runs.' }),
}), 'Skill requirements of an environment.')

export const EnvironmentStatusKind = v2('EnvironmentStatusKind', t.oneOf([
  t.literal('ready'),
  t.literal('pending'),
  t.literal('disconnected'),
  t.literal('unknown'),
]), 'Connection state of an environment: `ready`, `pending` (still connecting), `disconnected` or `unknown`.')

export const PathUri = v2('PathUri', t.string(), 'A `file:` URI naming a path, possibly on another host or operating system; path segments are separated by `/` everywhere.')
