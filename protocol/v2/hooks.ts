// The hooks family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const HooksListParams = v2('HooksListParams', t.object({
  cwds: t.optional(t.array(t.string())),
  threadId: t.option(t.string()),
}))

export const HooksListResponse = v2('HooksListResponse', t.object({
  data: t.array(t.ref('HooksListEntry')),
}))

export const HookStartedNotification = v2('HookStartedNotification', t.object({
  threadId: t.string(),
  turnId: t.option(t.string()),
  run: t.ref('HookRunSummary'),
}))

export const HookCompletedNotification = v2('HookCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.option(t.string()),
  run: t.ref('HookRunSummary'),
}))

export const HookErrorInfo = v2('HookErrorInfo', t.object({
  path: t.string(),
  message: t.string(),
}))

export const HookEventName = v2('HookEventName', t.enum(['preModelRequest', 'postModelRequest', 'preToolUse', 'permissionRequest', 'postToolUse', 'preCompact', 'postCompact', 'sessionStart', 'sessionEnd', 'userPromptSubmit', 'subagentStart', 'subagentStop', 'stop', 'interrupt']))

export const HookExecutionMode = v2('HookExecutionMode', t.enum(['sync', 'async']))

export const HookHandlerType = v2('HookHandlerType', t.enum(['command', 'mcpTool', 'prompt', 'agent']))

export const HookMetadata = v2('HookMetadata', t.tagged('handlerType', {
  command: {
    async: t.optional(t.boolean({ default: false })),
    command: t.string(),
  },
  mcpTool: {
    server: t.string(),
    tool: t.string(),
  },
  prompt: {},
  agent: {},
}, { shared: {
  additionalContextLimit: t.option(t.uint('uint')),
  currentHash: t.string(),
  displayOrder: t.int('int64'),
  enabled: t.boolean(),
  environmentId: t.option(t.string()),
  eventName: t.ref('HookEventName'),
  isManaged: t.boolean(),
  key: t.string(),
  matcher: t.option(t.string()),
  pluginId: t.option(t.string()),
  source: t.ref('HookSource'),
  sourcePath: t.ref('AbsolutePathBuf'),
  statusMessage: t.option(t.string()),
  timeoutSec: t.uint('uint64'),
  trustStatus: t.ref('HookTrustStatus'),
} }))

export const HookOutputEntry = v2('HookOutputEntry', t.object({
  kind: t.ref('HookOutputEntryKind'),
  text: t.string(),
}))

export const HookOutputEntryKind = v2('HookOutputEntryKind', t.enum(['warning', 'stop', 'feedback', 'context', 'error']))

export const HookPromptFragment = v2('HookPromptFragment', t.object({
  text: t.string(),
  hookRunId: t.string(),
}))

export const HookRunStatus = v2('HookRunStatus', t.enum(['running', 'completed', 'failed', 'blocked', 'stopped']))

export const HookRunSummary = v2('HookRunSummary', t.object({
  id: t.string(),
  eventName: t.ref('HookEventName'),
  handlerType: t.ref('HookHandlerType'),
  executionMode: t.ref('HookExecutionMode'),
  scope: t.ref('HookScope'),
  sourcePath: t.ref('LegacyAppPathString'),
  source: t.optional(t.ref('HookSource', { default: "unknown" })),
  displayOrder: t.int('int64'),
  status: t.ref('HookRunStatus'),
  statusMessage: t.option(t.string()),
  startedAt: t.int('int64'),
  completedAt: t.option(t.int('int64')),
  durationMs: t.option(t.int('int64')),
  entries: t.array(t.ref('HookOutputEntry')),
}))

export const HookScope = v2('HookScope', t.enum(['thread', 'turn']))

export const HookSource = v2('HookSource', t.enum(['system', 'user', 'project', 'mdm', 'sessionFlags', 'plugin', 'cloudRequirements', 'cloudManagedConfig', 'legacyManagedConfigFile', 'legacyManagedConfigMdm', 'unknown']))

export const HookTrustStatus = v2('HookTrustStatus', t.enum(['managed', 'untrusted', 'trusted', 'modified']))

export const HooksListEntry = v2('HooksListEntry', t.object({
  cwd: t.string(),
  hooks: t.array(t.ref('HookMetadata')),
  warnings: t.array(t.string()),
  errors: t.array(t.ref('HookErrorInfo')),
}))
