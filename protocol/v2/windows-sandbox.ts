// The windows-sandbox family: checking whether the Windows command sandbox is set up, running its
// one-time setup, and warnings about folders the sandbox cannot protect.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const WindowsSandboxSetupStartParams = v2('WindowsSandboxSetupStartParams', t.object({
  mode: t.describe('Which kind of sandbox to set up.', t.ref('WindowsSandboxSetupMode')),
  cwd: t.option(t.ref('AbsolutePathBuf'), { description: 'Directory whose configuration the setup uses; the server\'s default when absent.' }),
}), 'Parameters of `windowsSandbox/setupStart`, which starts the Windows sandbox setup in the background.')

export const WindowsSandboxSetupStartResponse = v2('WindowsSandboxSetupStartResponse', t.object({
  started: t.describe('Whether the setup was started; the outcome arrives later as `windowsSandbox/setupCompleted`.', t.boolean()),
}), 'Result of `windowsSandbox/setupStart`.')

export const WindowsWorldWritableWarningNotification = v2('WindowsWorldWritableWarningNotification', t.object({
  samplePaths: t.describe('Some of the world-writable folders that were found.', t.array(t.string())),
  extraCount: t.describe('How many more such folders were found beyond `samplePaths`.', t.uint('uint')),
  failedScan: t.describe('True when the scan for such folders could not finish, so the list may be incomplete.', t.boolean()),
}), 'Warns that folders writable by every user exist on Windows, which the sandbox cannot protect from writes.')

export const WindowsSandboxSetupCompletedNotification = v2('WindowsSandboxSetupCompletedNotification', t.object({
  mode: t.describe('Kind of sandbox that was being set up.', t.ref('WindowsSandboxSetupMode')),
  success: t.describe('Whether the setup succeeded.', t.boolean()),
  error: t.option(t.string(), { description: 'Why the setup failed; null on success.' }),
}), 'Reports the outcome of a setup started with `windowsSandbox/setupStart`.')

export const WindowsSandboxReadiness = v2('WindowsSandboxReadiness', t.enum(['ready', 'notConfigured', 'updateRequired']), 'Whether the Windows sandbox can be used: `ready`, `notConfigured` (setup has not run) or `updateRequired` (setup must run again).')

export const WindowsSandboxReadinessResponse = v2('WindowsSandboxReadinessResponse', t.object({
  status: t.describe('Current state of the sandbox setup.', t.ref('WindowsSandboxReadiness')),
}), 'Result of `windowsSandbox/readiness`.')

export const WindowsSandboxSetupMode = v2('WindowsSandboxSetupMode', t.enum(['elevated', 'unelevated']), 'Kind of Windows sandbox: `elevated` needs administrator rights to set up and isolates more strongly; `unelevated` needs no administrator rights.')
