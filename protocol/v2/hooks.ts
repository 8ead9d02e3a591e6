// The hooks family: user- and admin-configured handlers (commands, MCP tools, prompts, agents) that
// run at points of the agent's work — listing them and reporting each run.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const HooksListParams = v2('HooksListParams', t.object({
  cwds: t.optional(t.describe('Working directories to list hooks for when no thread is given; the session\'s working directory when empty.', t.array(t.string()))),
  threadId: t.option(t.string(), { description: 'Loaded thread whose hooks to list, including those its environments add; leave `cwds` out when using this.' }),
}), 'Parameters of `hooks/list`.')

export const HooksListResponse = v2('HooksListResponse', t.object({
  data: t.describe('One entry per working directory (or for the thread).', t.array(t.ref('HooksListEntry'))),
}), 'Result of `hooks/list`.')

export const HookStartedNotification = v2('HookStartedNotification', t.object({
  threadId: t.describe('Thread the hook runs for.', t.string()),
  turnId: t.option(t.string(), { description: 'Turn the hook runs in; null for hooks that run outside a turn.' }),
  run: t.describe('The run, in its initial state.', t.ref('HookRunSummary')),
}), 'Sent when a hook starts running.')

export const HookCompletedNotification = v2('HookCompletedNotification', t.object({
  threadId: t.describe('Thread the hook ran for.', t.string()),
  turnId: t.option(t.string(), { description: 'Turn the hook ran in; null for hooks that run outside a turn.' }),
  run: t.describe('The run in its final state, with its output.', t.ref('HookRunSummary')),
}), 'Sent when a hook run has finished, whatever the outcome.')

export const HookErrorInfo = v2('HookErrorInfo', t.object({
  path: t.describe('File whose hook configuration could not be loaded.', t.string()),
  message: t.describe('What was wrong.', t.string()),
}), 'A hook configuration that failed to load.')

export const HookEventName = v2('HookEventName', t.enum(['preModelRequest', 'postModelRequest', 'preToolUse', 'permissionRequest', 'postToolUse', 'preCompact', 'postCompact', 'sessionStart', 'sessionEnd', 'userPromptSubmit', 'subagentStart', 'subagentStop', 'stop', 'interrupt']), 'The moment a hook is attached to: around model requests, tool use and permission requests, history compaction, session start and end, prompt submission, subagents, the agent stopping, or an interruption.')

export const HookExecutionMode = v2('HookExecutionMode', t.enum(['sync', 'async']), 'Whether the agent waits for a hook (`sync`) or lets it run in the background (`async`).')

export const HookHandlerType = v2('HookHandlerType', t.enum(['command', 'mcpTool', 'prompt', 'agent']), 'What a hook runs: a shell command, a tool of an MCP server, a model prompt, or an agent.')

export const HookMetadata = v2('HookMetadata', t.tagged('handlerType', {
  command: {
    async: t.optional(t.describe('Run the command in the background without waiting for it (default false).', t.boolean({ default: false }))),
    command: t.describe('Shell command to run.', t.string()),
  },
  mcpTool: {
    server: t.describe('Name of the MCP server.', t.string()),
    tool: t.describe('Name of the tool on that server.', t.string()),
  },
  prompt: {},
  agent: {},
}, { shared: {
  additionalContextLimit: t.option(t.uint('uint'), { description: 'Token budget for context the hook adds: longer text is saved to a file and the model sees a shortened preview with its path. 2,500 when null; 0 turns this off.' }),
  currentHash: t.describe('Hash of the hook\'s current definition, used to notice changes after it was trusted.', t.string()),
  displayOrder: t.describe('Position for sorting hooks in a list.', t.int('int64')),
  enabled: t.describe('Whether the hook is on.', t.boolean()),
  environmentId: t.option(t.string(), { description: 'Execution environment whose requirements added the hook; null otherwise.' }),
  eventName: t.describe('Event the hook runs on.', t.ref('HookEventName')),
  isManaged: t.describe('Whether the hook comes from managed (administrator) configuration.', t.boolean()),
  key: t.describe('Stable identifier of the hook.', t.string()),
  matcher: t.option(t.string(), { description: 'Filter on what triggers the hook (such as tool names): exact names separated by `|`, or a regular expression; null, empty or `*` matches everything.' }),
  pluginId: t.option(t.string(), { description: 'Plugin that provides the hook; null when not from a plugin.' }),
  source: t.describe('Configuration layer the hook was defined in.', t.ref('HookSource')),
  sourcePath: t.describe('File the hook was defined in.', t.ref('AbsolutePathBuf')),
  statusMessage: t.option(t.string(), { description: 'Text to show while the hook runs.' }),
  timeoutSec: t.describe('Time limit for one run, in seconds.', t.uint('uint64')),
  trustStatus: t.describe('Whether the user has approved the hook.', t.ref('HookTrustStatus')),
} }), 'A configured hook. The fields in `handlerType`\'s arm say what it runs; the rest apply to every kind.')

export const HookOutputEntry = v2('HookOutputEntry', t.object({
  kind: t.describe('What kind of output this is.', t.ref('HookOutputEntryKind')),
  text: t.describe('The output text.', t.string()),
}), 'One piece of output from a hook run.')

export const HookOutputEntryKind = v2('HookOutputEntryKind', t.enum(['warning', 'stop', 'feedback', 'context', 'error']), 'Kind of hook output: a warning, a reason for stopping, feedback for the model, context added to the prompt, or an error.')

export const HookPromptFragment = v2('HookPromptFragment', t.object({
  text: t.describe('Text the hook contributed.', t.string()),
  hookRunId: t.describe('Id of the hook run that produced it.', t.string()),
}), 'Text that a hook run added to the conversation.')

export const HookRunStatus = v2('HookRunStatus', t.enum(['running', 'completed', 'failed', 'blocked', 'stopped']), 'State of a hook run: `running`, `completed`, `failed`, `blocked` (the hook refused the action it was checking) or `stopped` (the hook stopped the agent).')

export const HookRunSummary = v2('HookRunSummary', t.object({
  id: t.describe('Id of this run.', t.string()),
  eventName: t.describe('Event that triggered the run.', t.ref('HookEventName')),
  handlerType: t.describe('What the hook runs.', t.ref('HookHandlerType')),
  executionMode: t.describe('Whether the agent waits for the run.', t.ref('HookExecutionMode')),
  scope: t.describe('Whether the run belongs to the thread or to a turn.', t.ref('HookScope')),
  sourcePath: t.describe('File the hook was defined in.', t.ref('LegacyAppPathString')),
  source: t.optional(t.describe('Configuration layer the hook was defined in; `unknown` when absent.', t.ref('HookSource', { default: "unknown" }))),
  displayOrder: t.describe('Position for sorting runs in a list.', t.int('int64')),
  status: t.describe('Current state of the run.', t.ref('HookRunStatus')),
  statusMessage: t.option(t.string(), { description: 'Text to show while the hook runs.' }),
  startedAt: t.describe('Start time in Unix epoch seconds.', t.int('int64')),
  completedAt: t.option(t.int('int64'), { description: 'End time in Unix epoch seconds; null while running.' }),
  durationMs: t.option(t.int('int64'), { description: 'How long the run took, in milliseconds; null while running.' }),
  entries: t.describe('Output the hook produced so far.', t.array(t.ref('HookOutputEntry'))),
}), 'One run of a hook and its outcome.')

export const HookScope = v2('HookScope', t.enum(['thread', 'turn']), 'Whether a hook run belongs to the thread as a whole or to a single turn.')

export const HookSource = v2('HookSource', t.enum(['system', 'user', 'project', 'mdm', 'sessionFlags', 'plugin', 'cloudRequirements', 'cloudManagedConfig', 'legacyManagedConfigFile', 'legacyManagedConfigMdm', 'unknown']), 'Configuration layer a hook comes from: system, user or project config, device management (MDM), session flags, a plugin, cloud requirements or cloud-managed config, the older managed-config file or MDM setting, or unknown.')

export const HookTrustStatus = v2('HookTrustStatus', t.enum(['managed', 'untrusted', 'trusted', 'modified']), 'Whether a hook may run: `managed` (set by an administrator), `untrusted` (not yet approved), `trusted` (approved) or `modified` (changed since it was approved).')

export const HooksListEntry = v2('HooksListEntry', t.object({
  cwd: t.describe('Working directory the hooks were resolved for.', t.string()),
  hooks: t.describe('Hooks that apply there.', t.array(t.ref('HookMetadata'))),
  warnings: t.describe('Problems that did not stop hooks from loading.', t.array(t.string())),
  errors: t.describe('Hook configurations that failed to load.', t.array(t.ref('HookErrorInfo'))),
}), 'The hooks found for one working directory.')
