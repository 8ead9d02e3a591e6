// The environment family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const EnvironmentAddParams = v2('EnvironmentAddParams', t.object({
  environmentId: t.string(),
  execServerUrl: t.string(),
  authBearerToken: t.option(t.string()),
  websocketRequestId: t.option(t.string()),
  connectTimeoutMs: t.option(t.uint('uint64')),
  skills: t.option(t.ref('EnvironmentSkillsParams')),
}))

export const EnvironmentAddResponse = v2('EnvironmentAddResponse', t.object({}))

export const EnvironmentInfoParams = v2('EnvironmentInfoParams', t.object({
  environmentId: t.string(),
}))

export const EnvironmentInfoResponse = v2('EnvironmentInfoResponse', t.object({
  shell: t.ref('EnvironmentShellInfo'),
  cwd: t.option(t.ref('PathUri')),
}))

export const EnvironmentStatusParams = v2('EnvironmentStatusParams', t.object({
  environmentId: t.string(),
}))

export const EnvironmentStatusResponse = v2('EnvironmentStatusResponse', t.object({
  status: t.ref('EnvironmentStatusKind'),
  error: t.option(t.string()),
}))

export const EnvironmentShellInfo = v2('EnvironmentShellInfo', t.object({
  name: t.string(),
  path: t.string(),
}))

export const EnvironmentSkillsParams = v2('EnvironmentSkillsParams', t.object({
  required: t.option(t.array(t.string())),
}))

export const EnvironmentStatusKind = v2('EnvironmentStatusKind', t.oneOf([
  t.literal('ready'),
  t.literal('pending'),
  t.literal('disconnected'),
  t.literal('unknown'),
]))

export const PathUri = v2('PathUri', t.string())
