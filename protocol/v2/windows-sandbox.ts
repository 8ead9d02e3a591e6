// The windows-sandbox family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const WindowsSandboxSetupStartParams = v2('WindowsSandboxSetupStartParams', t.object({
  mode: t.ref('WindowsSandboxSetupMode'),
  cwd: t.option(t.ref('AbsolutePathBuf')),
}))

export const WindowsSandboxSetupStartResponse = v2('WindowsSandboxSetupStartResponse', t.object({
  started: t.boolean(),
}))

export const WindowsWorldWritableWarningNotification = v2('WindowsWorldWritableWarningNotification', t.object({
  samplePaths: t.array(t.string()),
  extraCount: t.uint('uint'),
  failedScan: t.boolean(),
}))

export const WindowsSandboxSetupCompletedNotification = v2('WindowsSandboxSetupCompletedNotification', t.object({
  mode: t.ref('WindowsSandboxSetupMode'),
  success: t.boolean(),
  error: t.option(t.string()),
}))

export const WindowsSandboxReadiness = v2('WindowsSandboxReadiness', t.enum(['ready', 'notConfigured', 'updateRequired']))

export const WindowsSandboxReadinessResponse = v2('WindowsSandboxReadinessResponse', t.object({
  status: t.ref('WindowsSandboxReadiness'),
}))

export const WindowsSandboxSetupMode = v2('WindowsSandboxSetupMode', t.enum(['elevated', 'unelevated']))
