// Threads: starting, resuming, forking, listing, searching, reading and managing conversations, their
// settings and history (turns, items, timeline), the Thread and ThreadItem shapes, and thread notifications.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadStartParams = v2('ThreadStartParams', t.object({
  model: t.option(t.string(), { description: 'Model to use; null uses the configured default.' }),
  modelProvider: t.option(t.string(), { description: 'Model provider id; null uses the configured default.' }),
  allowProviderModelFallback: t.experimental('thread/start.allowProviderModelFallback', t.optional(t.describe('Let a provider with a fixed model catalog use its default model when the requested one is unavailable.', t.boolean()))),
  serviceTier: t.option(t.string(), { description: 'Service tier; null uses the configured default.' }),
  cwd: t.option(t.string(), { description: 'Working directory; null uses the configured default.' }),
  runtimeWorkspaceRoots: t.experimental('thread/start.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Replaces the thread\'s workspace roots (absolute paths).' })),
  approvalPolicy: t.option(t.ref('AskForApproval'), { description: 'Approval policy; null uses the configured one.' }),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who reviews approval requests; null uses the configured reviewer.' }),
  sandbox: t.option(t.ref('SandboxMode'), { description: 'Sandbox mode; null uses the configured one.' }),
  permissions: t.experimental('thread/start.permissions', t.option(t.string(), { description: 'Id of a permission profile to use; not together with `sandbox`.' })),
  config: t.option(t.map(true), { description: 'Config overrides keyed by dotted config path, as with `-c key=value` on the command line.' }),
  serviceName: t.option(t.string(), { description: 'Name of the service starting the thread, recorded for attribution.' }),
  baseInstructions: t.option(t.string(), { description: 'Replaces the built-in base instructions.' }),
  developerInstructions: t.option(t.string(), { description: 'Developer instructions to add.' }),
  personality: t.option(t.ref('Personality'), { description: 'Deprecated; no longer changes the style.' }),
  multiAgentMode: t.experimental('thread/start.multiAgentMode', t.option(t.ref('MultiAgentMode'), { description: 'Deprecated and ignored.' })),
  ephemeral: t.option(t.boolean(), { description: 'Keep the thread in memory only; nothing is written to disk.' }),
  historyMode: t.experimental('thread/start.historyMode', t.option(t.ref('ThreadHistoryMode'), { description: 'How the new thread stores its history.' })),
  sessionStartSource: t.option(t.ref('ThreadStartSource'), { description: 'Why the session starts: at startup or after the user cleared the previous one.' }),
  threadSource: t.option(t.ref('ThreadSource'), { description: 'Free-form label of where the thread comes from, for analytics.' }),
  projectId: t.experimental('thread/start.projectId', t.option(t.string(), { description: 'Project to assign the thread to; ephemeral threads only report it in live responses.' })),
  daybreakEnabled: t.experimental('thread/start.daybreakEnabled', t.option(t.boolean(), { description: 'Initial Daybreak setting; null leaves it unset. Does not pick or grant a cyber access program; not for ephemeral threads.' })),
  environments: t.experimental('thread/start.environments', t.option(t.array(t.ref('TurnEnvironmentParams')), { description: 'Environments of the thread; null selects the default, [] gives no environment access, otherwise the first is current.' })),
  dynamicTools: t.experimental('thread/start.dynamicTools', t.option(t.array(t.ref('DynamicToolSpec')), { default: null, description: 'Tools the client provides and runs itself; the server calls them with `item/tool/call`.' })),
  selectedCapabilityRoots: t.experimental('thread/start.selectedCapabilityRoots', t.option(t.array(t.ref('SelectedCapabilityRoot')), { description: 'Capability roots the hosting platform selected for this thread.' })),
  mockExperimentalField: t.experimental('thread/start.mockExperimentalField', t.option(t.string(), { description: 'Test-only; exercises the experimental gate.' })),
  experimentalRawEvents: t.experimental('thread/start.experimentalRawEvents', t.optional(t.describe('Also send raw model API items as notifications; for internal use.', t.boolean()))),
}), 'Starts a new thread; omitted settings come from the user\'s config.')

export const ThreadStartResponse = v2('ThreadStartResponse', t.object({
  thread: t.describe('The thread.', t.ref('Thread')),
  model: t.describe('Model the thread uses.', t.string()),
  modelProvider: t.describe('Model provider the thread uses.', t.string()),
  serviceTier: t.option(t.string(), { description: 'Service tier in use, if any.' }),
  disabledPluginIds: t.optional(t.describe('Plugins disabled for this thread (saved, but not yet enforced).', t.array(t.string(), { default: [] }))),
  cwd: t.describe('Working directory of the thread.', t.ref('AbsolutePathBuf')),
  runtimeWorkspaceRoots: t.experimental('thread/start.runtimeWorkspaceRoots', t.optional(t.describe('Workspace roots of the thread.', t.array(t.ref('AbsolutePathBuf'), { default: [] })))),
  instructionSources: t.optional(t.describe('Instruction files loaded for the thread, as paths in the environment\'s own syntax.', t.array(t.ref('LegacyAppPathString'), { default: [] }))),
  approvalPolicy: t.describe('Approval policy in effect.', t.ref('AskForApproval')),
  approvalsReviewer: t.describe('Who reviews approval requests.', t.ref('ApprovalsReviewer')),
  sandbox: t.describe('Sandbox policy in effect; kept for compatibility, `activePermissionProfile` says where it comes from.', t.ref('SandboxPolicy')),
  activePermissionProfile: t.experimental('thread/start.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null, description: 'Permission profile the current permissions come from, when known.' })),
  reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort in effect; null for the model\'s default.' }),
  multiAgentMode: t.experimental('thread/start.multiAgentMode', t.optional(t.describe('Deprecated; always `explicitRequestOnly`.', t.ref('MultiAgentMode', { default: "explicitRequestOnly" })))),
}), 'The new thread and the settings it runs with.')

export const ThreadResumeParams = v2('ThreadResumeParams', t.object({
  threadId: t.describe('Thread to resume. For a thread that is not running, `history` or a non-empty `path` takes precedence.', t.string()),
  history: t.experimental('thread/resume.history', t.option(t.array(t.ref('ResponseItem')), { description: 'Unstable, internal: resume with these items instead of the stored history.' })),
  path: t.experimental('thread/resume.path', t.option(t.string(), { default: null, description: 'Unstable: rollout file to resume from; for a running thread it must match its file. An empty string counts as absent.' })),
  model: t.option(t.string(), { description: 'Model to use; null uses the configured default.' }),
  modelProvider: t.option(t.string(), { description: 'Model provider id; null uses the configured default.' }),
  serviceTier: t.option(t.string(), { description: 'Service tier; null uses the configured default.' }),
  cwd: t.option(t.string(), { description: 'Working directory; null uses the configured default.' }),
  runtimeWorkspaceRoots: t.experimental('thread/resume.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Replaces the thread\'s workspace roots (absolute paths).' })),
  approvalPolicy: t.option(t.ref('AskForApproval'), { description: 'Approval policy; null uses the configured one.' }),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who reviews approval requests; null uses the configured reviewer.' }),
  sandbox: t.option(t.ref('SandboxMode'), { description: 'Sandbox mode; null uses the configured one.' }),
  permissions: t.experimental('thread/resume.permissions', t.option(t.string(), { description: 'Id of a permission profile to use; not together with `sandbox`.' })),
  config: t.option(t.map(true), { description: 'Config overrides keyed by dotted config path, as with `-c key=value` on the command line.' }),
  baseInstructions: t.option(t.string(), { description: 'Replaces the built-in base instructions.' }),
  developerInstructions: t.option(t.string(), { description: 'Developer instructions to add.' }),
  personality: t.option(t.ref('Personality'), { description: 'Deprecated; no longer changes the style.' }),
  excludeTurns: t.optional(t.describe('Leave `thread.turns` empty and page history with `thread/turns/list` and `thread/items/list` instead (recommended for paginated threads).', t.boolean())),
  initialTurnsPage: t.experimental('thread/resume.initialTurnsPage', t.option(t.ref('ThreadResumeInitialTurnsPageParams'), { description: 'Include a first page of turns in the response, saving a `thread/turns/list` call.' })),
}), 'Loads a stored thread (by id, by rollout path, or from given history) and subscribes this connection to it; joins the thread if it is already running. Prefer the id.')

export const ThreadResumeResponse = v2('ThreadResumeResponse', t.object({
  thread: t.describe('The thread.', t.ref('Thread')),
  model: t.describe('Model the thread uses.', t.string()),
  modelProvider: t.describe('Model provider the thread uses.', t.string()),
  serviceTier: t.option(t.string(), { description: 'Service tier in use, if any.' }),
  disabledPluginIds: t.optional(t.describe('Plugins disabled for this thread (saved, but not yet enforced).', t.array(t.string(), { default: [] }))),
  cwd: t.describe('Working directory of the thread.', t.ref('AbsolutePathBuf')),
  runtimeWorkspaceRoots: t.experimental('thread/resume.runtimeWorkspaceRoots', t.optional(t.describe('Workspace roots of the thread.', t.array(t.ref('AbsolutePathBuf'), { default: [] })))),
  instructionSources: t.optional(t.describe('Instruction files loaded for the thread, as paths in the environment\'s own syntax.', t.array(t.ref('LegacyAppPathString'), { default: [] }))),
  approvalPolicy: t.describe('Approval policy in effect.', t.ref('AskForApproval')),
  approvalsReviewer: t.describe('Who reviews approval requests.', t.ref('ApprovalsReviewer')),
  sandbox: t.describe('Sandbox policy in effect; kept for compatibility, `activePermissionProfile` says where it comes from.', t.ref('SandboxPolicy')),
  activePermissionProfile: t.experimental('thread/resume.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null, description: 'Permission profile the current permissions come from, when known.' })),
  reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort in effect; null for the model\'s default.' }),
  collaborationMode: t.option(t.ref('CollaborationMode'), { description: 'Collaboration mode in effect; absent from older servers.' }),
  multiAgentMode: t.experimental('thread/resume.multiAgentMode', t.optional(t.describe('Deprecated; always `explicitRequestOnly`.', t.ref('MultiAgentMode', { default: "explicitRequestOnly" })))),
  initialTurnsPage: t.experimental('thread/resume.initialTurnsPage', t.option(t.ref('TurnsPage'), { default: null, description: 'The page asked for with `initialTurnsPage`.' })),
  turnsBackwardsCursor: t.option(t.string(), { default: null, description: 'Pass as `cursor` to `thread/turns/list` with `sortDirection` `desc` to load turns from the newest back (that turn included).' }),
  itemsBackwardsCursor: t.option(t.string(), { default: null, description: 'Pass as `cursor` to `thread/items/list` with `sortDirection` `desc` to load items from the newest back (that item included).' }),
}), 'The resumed thread and the settings it runs with.')

export const ThreadForkParams = v2('ThreadForkParams', t.object({
  threadId: t.describe('Thread to fork; ignored when a non-empty `path` is given.', t.string()),
  experimentalPredictionMode: t.experimental('thread/fork.experimentalPredictionMode', t.optional(t.describe('Fork for prediction: reuse the loaded source\'s config, tools, environments and history to make the most of the prompt cache. Needs a loaded, stored source and `ephemeral: true`; not with `path`, `lastTurnId` or `beforeTurnId`.', t.boolean()))),
  experimentalDisablePredictionMcp: t.experimental('thread/fork.experimentalDisablePredictionMcp', t.optional(t.describe('In prediction mode, leave MCP tools out.', t.boolean()))),
  lastTurnId: t.option(t.string(), { description: 'Keep turns up to and including this one (which must have finished) and drop the rest.' }),
  beforeTurnId: t.experimental('thread/fork.beforeTurnId', t.option(t.string(), { description: 'Keep only the turns before this one; not with `lastTurnId`.' })),
  path: t.experimental('thread/fork.path', t.option(t.string(), { default: null, description: 'Unstable: rollout file to fork from instead of `threadId`. An empty string counts as absent.' })),
  model: t.option(t.string(), { description: 'Model to use; null uses the configured default.' }),
  modelProvider: t.option(t.string(), { description: 'Model provider id; null uses the configured default.' }),
  serviceTier: t.option(t.string(), { description: 'Service tier; null uses the configured default.' }),
  cwd: t.option(t.string(), { description: 'Working directory; null uses the configured default.' }),
  runtimeWorkspaceRoots: t.experimental('thread/fork.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Replaces the thread\'s workspace roots (absolute paths).' })),
  approvalPolicy: t.option(t.ref('AskForApproval'), { description: 'Approval policy; null uses the configured one.' }),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who reviews approval requests; null uses the configured reviewer.' }),
  sandbox: t.option(t.ref('SandboxMode'), { description: 'Sandbox mode; null uses the configured one.' }),
  permissions: t.experimental('thread/fork.permissions', t.option(t.string(), { description: 'Id of a permission profile to use; not together with `sandbox`.' })),
  config: t.option(t.map(true), { description: 'Config overrides keyed by dotted config path, as with `-c key=value` on the command line.' }),
  baseInstructions: t.option(t.string(), { description: 'Replaces the built-in base instructions.' }),
  developerInstructions: t.option(t.string(), { description: 'Developer instructions to add.' }),
  ephemeral: t.optional(t.describe('Keep the fork in memory only.', t.boolean())),
  attachToSource: t.experimental('thread/fork.attachToSource', t.optional(t.describe('Store the fork as an attached thread of its source, hidden from ordinary lists (the source then cannot be deleted). Needs a paginated, locally stored source; not with `ephemeral` or `deferGoalContinuation`.', t.boolean()))),
  threadSource: t.option(t.ref('ThreadSource'), { description: 'Free-form label of where the fork comes from, for analytics.' }),
  excludeTurns: t.optional(t.describe('Leave `thread.turns` empty and page history with `thread/turns/list` and `thread/items/list` instead.', t.boolean())),
  deferGoalContinuation: t.experimental('thread/fork.deferGoalContinuation', t.optional(t.describe('Carry over the source\'s goal without starting automatic work on it; that resumes after the next explicit turn.', t.boolean()))),
}), 'Copies a thread (by id or rollout path), optionally only up to a turn, into a new thread.')

export const ThreadForkResponse = v2('ThreadForkResponse', t.object({
  thread: t.describe('The thread.', t.ref('Thread')),
  model: t.describe('Model the thread uses.', t.string()),
  modelProvider: t.describe('Model provider the thread uses.', t.string()),
  serviceTier: t.option(t.string(), { description: 'Service tier in use, if any.' }),
  disabledPluginIds: t.optional(t.describe('Plugins disabled for this thread (saved, but not yet enforced).', t.array(t.string(), { default: [] }))),
  cwd: t.describe('Working directory of the thread.', t.ref('AbsolutePathBuf')),
  runtimeWorkspaceRoots: t.experimental('thread/fork.runtimeWorkspaceRoots', t.optional(t.describe('Workspace roots of the thread.', t.array(t.ref('AbsolutePathBuf'), { default: [] })))),
  instructionSources: t.optional(t.describe('Instruction files loaded for the thread, as paths in the environment\'s own syntax.', t.array(t.ref('LegacyAppPathString'), { default: [] }))),
  approvalPolicy: t.describe('Approval policy in effect.', t.ref('AskForApproval')),
  approvalsReviewer: t.describe('Who reviews approval requests.', t.ref('ApprovalsReviewer')),
  sandbox: t.describe('Sandbox policy in effect; kept for compatibility, `activePermissionProfile` says where it comes from.', t.ref('SandboxPolicy')),
  activePermissionProfile: t.experimental('thread/fork.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null, description: 'Permission profile the current permissions come from, when known.' })),
  reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort in effect; null for the model\'s default.' }),
  multiAgentMode: t.experimental('thread/fork.multiAgentMode', t.optional(t.describe('Deprecated; always `explicitRequestOnly`.', t.ref('MultiAgentMode', { default: "explicitRequestOnly" })))),
}), 'The new thread and the settings it runs with.')

export const ThreadArchiveParams = v2('ThreadArchiveParams', t.object({
  threadId: t.string(),
}), 'Moves a thread to the archive.')

export const ThreadArchiveResponse = v2('ThreadArchiveResponse', t.object({}), 'Empty: the thread is archived.')

export const ThreadDeleteParams = v2('ThreadDeleteParams', t.object({
  threadId: t.string(),
}), 'Deletes a thread and its stored history.')

export const ThreadDeleteResponse = v2('ThreadDeleteResponse', t.object({}), 'Empty: the thread is deleted.')

export const ThreadUnsubscribeParams = v2('ThreadUnsubscribeParams', t.object({
  threadId: t.string(),
}), 'Stops this connection receiving a thread\'s events.')

export const ThreadUnsubscribeResponse = v2('ThreadUnsubscribeResponse', t.object({
  status: t.describe('What the request found.', t.ref('ThreadUnsubscribeStatus')),
}), 'What unsubscribing found.')

export const ThreadIncrementElicitationParams = v2('ThreadIncrementElicitationParams', t.object({
  threadId: t.describe('Thread that has a prompt open outside the protocol.', t.string()),
}), 'Tells the server a prompt to the user is open outside the protocol, so turn timeouts pause until it closes.')

export const ThreadIncrementElicitationResponse = v2('ThreadIncrementElicitationResponse', t.object({
  count: t.describe('Prompts open after the change.', t.int('int64')),
  paused: t.describe('Whether timeouts are now paused.', t.boolean()),
}), 'Count of open out-of-band prompts after the change.')

export const ThreadDecrementElicitationParams = v2('ThreadDecrementElicitationParams', t.object({
  threadId: t.describe('Thread whose prompt was closed.', t.string()),
}), 'Tells the server an out-of-band prompt to the user has closed.')

export const ThreadDecrementElicitationResponse = v2('ThreadDecrementElicitationResponse', t.object({
  count: t.describe('Prompts open after the change.', t.int('int64')),
  paused: t.describe('Whether timeouts are still paused.', t.boolean()),
}), 'Count of open out-of-band prompts after the change.')

export const ThreadSetNameParams = v2('ThreadSetNameParams', t.object({
  threadId: t.string(),
  name: t.describe('New title of the thread.', t.string()),
}), 'Sets a thread\'s title.')

export const ThreadSetNameResponse = v2('ThreadSetNameResponse', t.object({}), 'Empty: the title is set.')

export const ThreadMetadataUpdateParams = v2('ThreadMetadataUpdateParams', t.object({
  threadId: t.string(),
  projectId: t.experimental('thread/metadata/update.projectId', t.option(t.string(), { description: 'Absent keeps the project, an empty string clears it, an existing project id assigns it.' })),
  gitInfo: t.option(t.ref('ThreadMetadataGitInfoUpdateParams'), { description: 'Changes to the stored git metadata; null leaves it as it is.' }),
  daybreakEnabled: t.experimental('thread/metadata/update.daybreakEnabled', t.option(t.boolean(), { description: 'Saves the Daybreak setting of this stored thread; null keeps it. Does not pick or grant a cyber access program.' })),
}), 'Changes stored metadata of a thread (project, git info, Daybreak setting).')

export const ThreadMetadataUpdateResponse = v2('ThreadMetadataUpdateResponse', t.object({
  thread: t.describe('The thread after the change.', t.ref('Thread')),
}), 'The thread after the change.')

export const ThreadSettingsUpdateParams = v2('ThreadSettingsUpdateParams', t.object({
  threadId: t.string(),
  disabledPluginIds: t.option(t.array(t.string()), { description: 'Replaces the list of disabled plugins; null keeps it, [] enables all.' }),
  cwd: t.option(t.string(), { description: 'Working directory for later turns.' }),
  environments: t.option(t.array(t.ref('TurnEnvironmentParams')), { description: 'Environments for later turns; null keeps them (unless `cwd` is given, which selects that directory\'s defaults), [] clears them.' }),
  approvalPolicy: t.option(t.ref('AskForApproval'), { description: 'Approval policy for later turns.' }),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who reviews approval requests in later turns.' }),
  sandboxPolicy: t.option(t.ref('SandboxPolicy'), { description: 'Sandbox policy for later turns.' }),
  permissions: t.option(t.string(), { description: 'Id of a permission profile for later turns; not together with `sandboxPolicy`.' }),
  model: t.option(t.string(), { description: 'Model for later turns.' }),
  serviceTier: t.option(t.string(), { description: 'Service tier for later turns; absent keeps it, null clears it.' }),
  effort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort for later turns.' }),
  summary: t.option(t.ref('ReasoningSummary'), { description: 'Reasoning summary setting for later turns.' }),
  collaborationMode: t.option(t.ref('CollaborationMode'), { description: 'Collaboration mode preset for later turns; a null `developer_instructions` uses the mode\'s built-in ones.' }),
  multiAgentMode: t.option(t.ref('MultiAgentMode'), { description: 'Deprecated and ignored.' }),
  personality: t.option(t.ref('Personality'), { description: 'Deprecated; no longer changes the style.' }),
}), 'Changes a thread\'s settings for the turns that follow; a running turn is not affected. Omitted fields keep their value.')

export const ThreadSettingsUpdateResponse = v2('ThreadSettingsUpdateResponse', t.object({}), 'Empty: the settings are changed.')

export const ThreadUnarchiveParams = v2('ThreadUnarchiveParams', t.object({
  threadId: t.string(),
}), 'Brings a thread back from the archive.')

export const ThreadUnarchiveResponse = v2('ThreadUnarchiveResponse', t.object({
  thread: t.describe('The thread, back from the archive.', t.ref('Thread')),
}), 'The restored thread.')

export const ThreadCompactStartParams = v2('ThreadCompactStartParams', t.object({
  threadId: t.string(),
}), 'Starts compacting a thread\'s history (summarising it to free context); progress arrives as notifications.')

export const ThreadCompactStartResponse = v2('ThreadCompactStartResponse', t.object({}), 'Empty: compaction has started.')

export const ThreadShellCommandParams = v2('ThreadShellCommandParams', t.object({
  threadId: t.string(),
  command: t.describe('Command line run by the thread\'s shell, with pipes, redirects and quoting intact. It runs outside the sandbox with full access.', t.string()),
  timeoutMs: t.option(t.int('int64'), { description: 'Time limit in milliseconds; null means one hour, 0 times out at once.' }),
}), 'Runs a shell command the user typed in a thread, outside the sandbox; it shows up as a command item.')

export const ThreadShellCommandResponse = v2('ThreadShellCommandResponse', t.object({}), 'Empty: the command has started; its item reports the rest.')

export const ThreadApproveGuardianDeniedActionParams = v2('ThreadApproveGuardianDeniedActionParams', t.object({
  threadId: t.string(),
  event: t.describe('The automatic reviewer\'s assessment event for the denied action, as the server reported it.', t.json()),
}), 'Lets the user approve an action that the automatic reviewer denied.')

export const ThreadApproveGuardianDeniedActionResponse = v2('ThreadApproveGuardianDeniedActionResponse', t.object({}), 'Empty: the approval was recorded.')

export const ThreadRevertParams = v2('ThreadRevertParams', t.object({
  threadId: t.string(),
  beforeTurnId: t.describe('First turn to drop; it and every later turn are removed.', t.string()),
}), 'Cuts a paginated thread\'s stored history back to before a turn. Files on disk are not touched.')

export const ThreadRevertResponse = v2('ThreadRevertResponse', t.object({
  thread: t.describe('The thread after the change; `turns` is empty, page them with `thread/turns/list`.', t.ref('Thread')),
  turnsBackwardsCursor: t.option(t.string(), { description: 'Pass as `cursor` to `thread/turns/list` with `sortDirection` `desc` to load the remaining turns from the newest back.' }),
  itemsBackwardsCursor: t.option(t.string(), { description: 'Pass as `cursor` to `thread/items/list` with `sortDirection` `desc` to load the remaining items from the newest back.' }),
}), 'The shortened thread and cursors to page its history.')

export const ThreadListParams = v2('ThreadListParams', t.object({
  includeAttachedThreads: t.experimental('thread/list.includeAttachedThreads', t.optional(t.describe('Include attached threads when filtering by title.', t.boolean()))),
  currentAccountOnly: t.optional(t.describe('Only threads visible to the signed-in ChatGPT account; default false.', t.boolean())),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  includedThreadIds: t.added('0.171.0', t.option(t.array(t.string()), { description: 'Only these threads (at most 100; more is an error); null for no restriction, [] matches nothing. Exclusions still apply. Send the same list with every page.' })),
  excludedThreadIds: t.option(t.array(t.string()), { description: 'Threads to leave out, applied before the page limit; at most 100 (more is an error). Send the same list with every page.' }),
  sortKey: t.option(t.ref('ThreadSortKey'), { description: 'Sort order; default `created_at`.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Default descending (newest first).' }),
  modelProviders: t.option(t.array(t.string()), { description: 'Only threads recorded with one of these providers; [] means all providers.' }),
  sourceKinds: t.option(t.array(t.ref('ThreadSourceKind')), { description: 'Only threads from these sources; null or [] means the interactive sources.' }),
  originators: t.option(t.array(t.string()), { description: 'Only threads with one of these originators. Hosted backends only: the local server rejects a non-empty list.' }),
  archived: t.option(t.boolean(), { description: 'true: only archived threads; false or null: only threads that are not archived.' }),
  sectionId: t.option(t.string(), { description: 'Absent: any section; null: threads in no section; an id: threads in that section.' }),
  projectId: t.experimental('thread/list.projectId', t.option(t.string(), { description: 'Absent: any project; null: threads in no project; an id: threads in that project.' })),
  cwd: t.option(t.ref('ThreadListCwdFilter'), { description: 'Only threads whose working directory is exactly this path, or one of these paths.' }),
  useStateDbOnly: t.optional(t.describe('Answer from the state database alone, without scanning rollout files to repair metadata.', t.boolean())),
  searchTerm: t.option(t.string(), { description: 'Only threads whose title contains this text.' }),
  parentThreadId: t.experimental('thread/list.parentThreadId', t.option(t.string(), { description: 'Only sub-agent threads spawned directly by this thread; not with `ancestorThreadId`.' })),
  ancestorThreadId: t.experimental('thread/list.ancestorThreadId', t.option(t.string(), { description: 'Only threads spawned from this thread at any depth (not the thread itself); not with `parentThreadId`.' })),
  attachedToThreadId: t.experimental('thread/list.attachedToThreadId', t.option(t.string(), { description: 'Only threads attached to this thread (attached threads are otherwise hidden); not with the parent or ancestor filters.' })),
}), 'Lists stored threads, filtered and sorted, one page at a time.')

export const ThreadListResponse = v2('ThreadListResponse', t.object({
  data: t.array(t.ref('Thread')),
  readStates: t.experimental('thread/list.readStates', t.option(t.map(t.ref('ThreadReadState')), { description: 'Read states of the threads on this page that have one, keyed by thread id; null when read state is not available.' })),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  backwardsCursor: t.option(t.string(), { description: 'Cursor for paging the other way from the start of this page (use it with the opposite `sortDirection`); null on an empty page.' }),
}), 'One page of threads.')

export const ThreadSearchParams = v2('ThreadSearchParams', t.object({
  includeAttachedThreads: t.optional(t.describe('Include attached threads in the results.', t.boolean())),
  currentAccountOnly: t.optional(t.describe('Only threads visible to the signed-in ChatGPT account; default false.', t.boolean())),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  sortKey: t.option(t.ref('ThreadSearchSortKey'), { description: 'Sort order; default `created_at`.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Default descending (newest first).' }),
  sourceKinds: t.option(t.array(t.ref('ThreadSourceKind')), { description: 'Only threads from these sources; null or [] means the interactive sources.' }),
  archived: t.option(t.boolean(), { description: 'true: only archived threads; false or null: only threads that are not archived.' }),
  searchTerm: t.describe('Text to search for.', t.string()),
}), 'Searches stored threads by text, one page at a time.')

export const ThreadSearchResponse = v2('ThreadSearchResponse', t.object({
  data: t.array(t.ref('ThreadSearchResult')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  backwardsCursor: t.option(t.string(), { description: 'Cursor for paging the other way from the start of this page (use it with the opposite `sortDirection`); null on an empty page.' }),
}), 'One page of matching threads.')

export const ThreadSearchOccurrencesParams = v2('ThreadSearchOccurrencesParams', t.object({
  threadId: t.string(),
  searchTerm: t.describe('Literal text to find, ignoring case, in user messages and assistant answers.', t.string()),
  cursor: t.option(t.string(), { description: 'Cursor from a previous call with the same thread and term; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return.' }),
}), 'Finds where text occurs in the visible messages of one paginated thread.')

export const ThreadSearchOccurrencesResponse = v2('ThreadSearchOccurrencesResponse', t.object({
  data: t.describe('Matches in message order.', t.array(t.ref('ThreadSearchOccurrence'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of matches.')

export const ThreadSearchCancelParams = v2('ThreadSearchCancelParams', t.object({
  requestId: t.describe('Id of the search request to stop, sent earlier on this connection.', t.ref('RequestId')),
}), { added: '0.171.0', description: 'Stops a running search: `thread/search/cancel` stops a `thread/search`, `thread/search/stream/cancel` a `thread/search/stream`. Cancelling twice, or a search that already finished, is harmless; a stopped search ends with an error, unless it finished first.' })

export const ThreadSearchCancelResponse = v2('ThreadSearchCancelResponse', t.object({}), { added: '0.171.0', description: 'The cancellation was received; the search itself answers separately.' })

export const ThreadSearchPartialNotification = v2('ThreadSearchPartialNotification', t.object({
  requestId: t.describe('The `thread/search/stream` request these matches belong to.', t.ref('RequestId')),
  data: t.describe('Some matches found so far, each at most once, in the order found.', t.array(t.ref('ThreadSearchResult'))),
}), { added: '0.171.0', description: 'Early matches of a `thread/search/stream`, on a best-effort basis: batches may be dropped or hold rows the final page leaves out. The request\'s response is the authoritative result and replaces them; nothing follows it.' })

export const ThreadLoadedListParams = v2('ThreadLoadedListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; null returns all.' }),
}), 'Lists the threads loaded in the server\'s memory.')

export const ThreadLoadedListResponse = v2('ThreadLoadedListResponse', t.object({
  data: t.describe('Ids of threads loaded in memory.', t.array(t.string())),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of loaded thread ids.')

export const ThreadReadParams = v2('ThreadReadParams', t.object({
  threadId: t.string(),
  includeTurns: t.optional(t.describe('Include turns and their items. For paginated threads prefer reading metadata only and paging with `thread/turns/list` and `thread/items/list`.', t.boolean())),
}), 'Reads a thread\'s metadata, and optionally its turns, without loading or subscribing to it.')

export const ThreadReadResponse = v2('ThreadReadResponse', t.object({
  thread: t.ref('Thread'),
  readState: t.experimental('thread/read.readState', t.option(t.ref('ThreadReadState'), { description: 'The thread\'s read state; null when not available.' })),
}), 'The thread as stored.')

export const ThreadTurnsListParams = v2('ThreadTurnsListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Default descending (newest first).' }),
  itemsView: t.option(t.ref('TurnItemsView'), { description: 'How much of each turn\'s items to include; default `summary`.' }),
}), 'Lists a thread\'s turns, one page at a time.')

export const ThreadTurnsListResponse = v2('ThreadTurnsListResponse', t.object({
  data: t.array(t.ref('Turn')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  backwardsCursor: t.option(t.string(), { description: 'Cursor for paging the other way from the first turn of this page, which is returned again (to catch changes to it); null on an empty page.' }),
}), 'One page of turns.')

export const ThreadItemsListParams = v2('ThreadItemsListParams', t.object({
  threadId: t.string(),
  turnId: t.option(t.string(), { description: 'Only items of this turn; null for the whole thread.' }),
  cursor: t.option(t.ref('ThreadItemsListCursor'), { description: 'A cursor string from a previous page, or an item anchor (needs `turnId`) to start just after that item (ascending) or just before it (descending).' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Default ascending (oldest first).' }),
  deferOutput: t.option(t.ref('ThreadItemOutputDeferral'), { description: 'Kinds of output to leave out and fetch later with `thread/items/read`; only when listing one turn.' }),
}), 'Lists a thread\'s items, across the thread or within one turn, one page at a time.')

export const ThreadItemsListResponse = v2('ThreadItemsListResponse', t.object({
  data: t.array(t.ref('ThreadItemEntry')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  backwardsCursor: t.option(t.string(), { description: 'Cursor for paging the other way from the start of this page; null on an empty page.' }),
}), 'One page of items.')

export const ThreadItemsReadParams = v2('ThreadItemsReadParams', t.object({
  threadId: t.string(),
  turnId: t.describe('Turn the items belong to.', t.string()),
  itemIds: t.describe('Ids of the items to read, 1 to 100.', t.array(t.string())),
}), 'Reads particular stored items of one turn, in full.')

export const ThreadItemsReadResponse = v2('ThreadItemsReadResponse', t.object({
  data: t.describe('The items, in stored order.', t.array(t.ref('ThreadItemEntry'))),
}), 'The requested items.')

export const ThreadGuardianReviewParams = v2('ThreadGuardianReviewParams', t.object({
  threadId: t.string(),
}), 'Asks the automatic reviewer for a verdict on the thread\'s pending action. Also subscribes this connection to the thread, which stays loaded until it unsubscribes or disconnects.')

export const ThreadGuardianReviewResponse = v2('ThreadGuardianReviewResponse', t.object({
  callId: t.describe('Tool call that was assessed.', t.string()),
  assessment: t.option(t.ref('ThreadGuardianAssessment'), { description: 'The verdict; null when policy or an earlier approval means no review was needed.' }),
}), 'The reviewer\'s verdict.')

export const ThreadInjectItemsParams = v2('ThreadInjectItemsParams', t.object({
  threadId: t.string(),
  items: t.describe('Raw model API items (Responses API format) to append to the history the model sees.', t.array(t.json())),
}), 'Appends raw items to the history the model sees, without running a turn.')

export const ThreadInjectItemsResponse = v2('ThreadInjectItemsResponse', t.object({}), 'Empty: the items were appended.')

export const ThreadPrepareApprovedPlanParams = v2('ThreadPrepareApprovedPlanParams', t.object({
  threadId: t.string(),
  markdown: t.describe('The approved plan, in Markdown.', t.string()),
  attachmentPath: t.option(t.string(), { description: 'Absolute path of a copy of the plan kept by the server, if any.' }),
}), 'Turns an approved plan into the opening turn of a new thread.')

export const ThreadPrepareApprovedPlanResponse = v2('ThreadPrepareApprovedPlanResponse', t.object({
  prompt: t.describe('Prompt for the first turn; when no attachment could be read, the plan has already been put in the thread\'s context.', t.string()),
}), 'The prompt to start the first turn with.')

export const ThreadTimelineListParams = v2('ThreadTimelineListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
}), 'Lists a thread\'s history, ordinary and realtime, in recorded order.')

export const ThreadTimelineListResponse = v2('ThreadTimelineListResponse', t.object({
  data: t.describe('Entries in recorded order.', t.array(t.ref('ThreadTimelineEntry'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  activeRealtimeSessionAtPageStart: t.option(t.string(), { description: 'Realtime session that was open where this page starts, if any.' }),
}), 'One page of the timeline.')

export const ThreadStartedNotification = v2('ThreadStartedNotification', t.object({
  thread: t.ref('Thread'),
}), 'Sent when a new thread starts, including forks and sub-agent threads.')

export const ThreadStatusChangedNotification = v2('ThreadStatusChangedNotification', t.object({
  threadId: t.string(),
  status: t.describe('The new status.', t.ref('ThreadStatus')),
}), 'Sent when a thread\'s runtime status changes.')

export const ThreadArchivedNotification = v2('ThreadArchivedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread is archived.')

export const ThreadDeletedNotification = v2('ThreadDeletedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread is deleted.')

export const ThreadUnarchivedNotification = v2('ThreadUnarchivedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread is brought back from the archive.')

export const ThreadClosedNotification = v2('ThreadClosedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread is unloaded from the server\'s memory.')

export const ThreadRevertedNotification = v2('ThreadRevertedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread\'s history was cut back with `thread/revert`.')

export const ThreadNameUpdatedNotification = v2('ThreadNameUpdatedNotification', t.object({
  threadId: t.string(),
  threadName: t.option(t.string(), { description: 'New title; null when it was cleared.' }),
}), 'Sent when a thread\'s title changes.')

export const ThreadProjectUpdatedNotification = v2('ThreadProjectUpdatedNotification', t.object({
  threadId: t.string(),
  projectId: t.describe('New project; null when the thread left its project.', t.nullable(t.string())),
}), 'Sent when a thread moves to another project or leaves one.')

export const EnvironmentConnectionNotification = v2('EnvironmentConnectionNotification', t.object({
  threadId: t.string(),
  environmentId: t.describe('The environment concerned.', t.string()),
}), 'Sent when an environment of a thread connects or disconnects (the method name says which).')

export const ThreadSettingsUpdatedNotification = v2('ThreadSettingsUpdatedNotification', t.object({
  threadId: t.string(),
  threadSettings: t.describe('The settings now in effect.', t.ref('ThreadSettings')),
}), 'Sent when a thread\'s settings for later turns change.')

export const ThreadTokenUsageUpdatedNotification = v2('ThreadTokenUsageUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.describe('Turn during which usage changed.', t.string()),
  tokenUsage: t.describe('Usage so far.', t.ref('ThreadTokenUsage')),
}), 'Sent when a thread\'s token usage changes during a turn.')

export const ContextCompactedNotification = v2('ContextCompactedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
}), 'Deprecated: compaction is now reported as a `contextCompaction` item.')

export const ActivePermissionProfile = v2('ActivePermissionProfile', t.object({
  id: t.describe('Profile id, such as `:workspace` or a profile defined under `[permissions.<id>]` in config.', t.string()),
  extends: t.option(t.string(), { default: null, description: 'Profile it builds on, if any.' }),
}), 'The permission profile the current permissions come from.')

export const AgentPath = v2('AgentPath', t.string(), 'Identifies a sub-agent by its place in the tree of agents.')

export const CapabilityRootLocation = v2('CapabilityRootLocation', t.tagged('type', {
  environment: {
    environmentId: t.describe('Environment holding the root.', t.string()),
    path: t.describe('Absolute path of the root in that environment.', t.string()),
  },
}), 'Where a selected capability root lives.')

export const DynamicToolNamespaceTool = v2('DynamicToolNamespaceTool', t.tagged('type', {
  function: {
    deferLoading: t.optional(t.describe('Load the tool\'s definition only when the model searches for it.', t.boolean())),
    description: t.describe('What the tool does, for the model.', t.string()),
    inputSchema: t.describe('JSON Schema of the tool\'s arguments.', t.json()),
    name: t.describe('Tool name.', t.string()),
  },
}), 'A tool inside a namespace of client-provided tools.')

export const DynamicToolSpec = v2('DynamicToolSpec', t.tagged('type', {
  function: {
    deferLoading: t.optional(t.describe('Load the tool\'s definition only when the model searches for it.', t.boolean())),
    description: t.describe('What the tool does, for the model.', t.string()),
    inputSchema: t.describe('JSON Schema of the tool\'s arguments.', t.json()),
    name: t.describe('Tool name.', t.string()),
  },
  namespace: {
    description: t.describe('What the tools of the namespace are for, for the model.', t.string()),
    name: t.describe('Namespace name.', t.string()),
    tools: t.describe('The tools in the namespace.', t.array(t.ref('DynamicToolNamespaceTool'))),
  },
}), 'A tool the client provides and runs itself: one function, or a namespace of them.')

export const GitInfo = v2('GitInfo', t.object({
  sha: t.option(t.string(), { description: 'Commit checked out.' }),
  branch: t.option(t.string(), { description: 'Branch checked out.' }),
  originUrl: t.option(t.string(), { description: 'URL of the `origin` remote.' }),
}), 'Git state of a thread\'s working directory when it was created.')

export const GuardianAssessmentOutcome = v2('GuardianAssessmentOutcome', t.enum(['allow', 'deny']), 'Final verdict of the automatic reviewer.')

export const RolloutCompressResponse = v2('RolloutCompressResponse', t.object({}), 'Acknowledges that compression of stored rollouts was triggered (not that it finished; it may also be skipped).')

export const SelectedCapabilityRoot = v2('SelectedCapabilityRoot', t.object({
  id: t.describe('Id given by the platform that selected it.', t.string()),
  location: t.describe('Where the root can be found.', t.ref('CapabilityRootLocation')),
}), 'A root chosen by the hosting platform that can supply capabilities to a thread.')

export const SessionSource = v2('SessionSource', t.oneOf([
  t.enum(['cli', 'vscode', 'exec', 'appServer', 'unknown']),
  t.object({
    custom: t.string(),
  }, { closed: true }),
  t.object({
    subAgent: t.ref('SubAgentSource'),
  }, { closed: true }),
]), 'Which kind of client or process started a thread; `custom` names others and `subAgent` marks threads the agent spawned.')

export const SubAgentSource = v2('SubAgentSource', t.oneOf([
  t.enum(['review', 'compact', 'memory_consolidation']),
  t.object({
    thread_spawn: t.object({
      agent_nickname: t.option(t.string(), { default: null, description: 'Nickname given to the spawned agent.' }),
      agent_path: t.option(t.ref('AgentPath'), { default: null, description: 'Where the agent sits in the agent tree.' }),
      agent_role: t.option(t.string(), { default: null, description: 'Role given to the spawned agent.' }),
      depth: t.describe('How deep below the root thread the agent is.', t.int('int32')),
      parent_thread_id: t.describe('Thread that spawned it.', t.ref('ThreadId')),
    }),
  }, { closed: true }),
  t.object({
    other: t.string(),
  }, { closed: true }),
]), 'Why a sub-agent thread exists: a review, a compaction, memory consolidation, a spawn by another thread, or something else.')

export const Thread = v2('Thread', t.object({
  id: t.describe('Thread id (a UUIDv7 when codex made it).', t.string()),
  environments: t.experimental('thread.environments', t.option(t.array(t.ref('ThreadEnvironment')), { default: null, description: 'Environments of a loaded thread, primary first; [] for none, null when the thread is not loaded or the server does not say. Says nothing about connection state.' })),
  extra: t.experimental('thread.extra', t.option(t.ref('ThreadExtra'), { description: 'Implementation-specific extra data.' })),
  sessionId: t.describe('Id shared by all threads of one session tree (a thread and its sub-agents and forks).', t.string()),
  forkedFromId: t.option(t.string(), { description: 'Thread this one was forked from, if any.' }),
  attachedToThreadId: t.experimental('thread.attachedToThreadId', t.option(t.string(), { description: 'Thread that owns this attached thread, if it is one.' })),
  parentThreadId: t.option(t.string(), { description: 'Thread that spawned this one; set only for sub-agent threads.' }),
  preview: t.describe('Short preview, usually the start of the first user message.', t.string()),
  ephemeral: t.describe('Whether the thread lives in memory only.', t.boolean()),
  section: t.option(t.ref('ThreadSection'), { default: null, description: 'Section the thread is in, if any.' }),
  sectionEnteredAt: t.option(t.int('int64'), { default: null, description: 'When the thread entered its section, Unix epoch seconds.' }),
  projectId: t.describe('Project the thread belongs to, if any.', t.nullable(t.string())),
  historyMode: t.optional(t.describe('How the thread stores its history.', t.ref('ThreadHistoryMode', { default: "legacy" }))),
  modelProvider: t.describe('Model provider id, e.g. `openai`.', t.string()),
  model: t.option(t.string(), { description: 'Current model when loaded, else the last one recorded; null when unknown.' }),
  reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Current reasoning effort when loaded, else the last one recorded; null when unset or unknown.' }),
  createdAt: t.describe('Creation time, Unix epoch seconds.', t.int('int64')),
  updatedAt: t.describe('Last change, Unix epoch seconds.', t.int('int64')),
  recencyAt: t.option(t.int('int64'), { description: 'Time used to order threads by recency, Unix epoch seconds.' }),
  status: t.describe('Runtime status.', t.ref('ThreadStatus')),
  path: t.option(t.string(), { description: 'Unstable: path of the thread\'s rollout file.' }),
  cwd: t.describe('Working directory of the thread.', t.ref('AbsolutePathBuf')),
  cliVersion: t.describe('Codex release that started the thread.', t.string()),
  originator: t.option(t.string(), { description: 'Client that created the thread, as recorded then; null when unknown.' }),
  source: t.describe('Which kind of client or process started the thread.', t.ref('SessionSource')),
  canAcceptDirectInput: t.experimental('thread.canAcceptDirectInput', t.option(t.boolean(), { description: 'Whether the server takes turn input for this loaded thread directly; null when unknown (e.g. not loaded).' })),
  threadSource: t.option(t.ref('ThreadSource'), { description: 'Free-form source label for analytics, if set.' }),
  agentNickname: t.option(t.string(), { description: 'Nickname of a spawned sub-agent.' }),
  agentRole: t.option(t.string(), { description: 'Role of a spawned sub-agent.' }),
  gitInfo: t.option(t.ref('GitInfo'), { description: 'Git state when the thread was created, if in a repository.' }),
  name: t.option(t.string(), { description: 'Title shown to the user, if set.' }),
  daybreakEnabled: t.experimental('thread.daybreakEnabled', t.option(t.boolean(), { description: 'Saved Daybreak setting; null when unset.' })),
  turns: t.describe('Filled only by `thread/resume`, `thread/fork` and `thread/read` with `includeTurns`; empty everywhere else.', t.array(t.ref('Turn'))),
}), 'A conversation with the agent: its identity, where it came from, its settings summary, status and (in some responses) its turns.')

export const ThreadActiveFlag = v2('ThreadActiveFlag', t.enum(['waitingOnApproval', 'waitingOnUserInput']), 'What an active thread is waiting on: an approval or user input.')

export const ThreadEnvironment = v2('ThreadEnvironment', t.object({
  environmentId: t.describe('Id of the environment.', t.string()),
  cwd: t.describe('Working directory in the environment\'s own path syntax.', t.ref('LegacyAppPathString')),
  runtimeWorkspaceRoots: t.describe('Workspace roots in the environment.', t.array(t.ref('LegacyAppPathString'))),
}), 'An environment selected for a loaded thread (whether or not it is connected).')

export const ThreadExtra = v2('ThreadExtra', t.object({}), 'Implementation-specific extra data of a thread; empty in this version.')

export const ThreadGuardianAssessment = v2('ThreadGuardianAssessment', t.object({
  outcome: t.describe('Allow or deny.', t.ref('GuardianAssessmentOutcome')),
  riskLevel: t.describe('Risk of the action.', t.ref('GuardianRiskLevel')),
  userAuthorization: t.describe('How clearly the user authorised it.', t.ref('GuardianUserAuthorization')),
  rationale: t.describe('Why, in the reviewer\'s words.', t.string()),
}), 'The automatic reviewer\'s verdict on an action.')

export const ThreadHistoryMode = v2('ThreadHistoryMode', t.enum(['legacy', 'paginated']), 'How a thread stores its history: `legacy`, or `paginated` (turns and items can be paged).')

export const ThreadId = v2('ThreadId', t.string(), 'Id of a thread (a UUIDv7 when codex made it).')

export const ThreadItem = v2('ThreadItem', t.tagged('type', {
  userMessage: t.object({
    clientId: t.option(t.string(), { description: 'The client\'s id for the message (`clientUserMessageId`), if it gave one.' }),
    content: t.array(t.ref('UserInput')),
    id: t.string(),
  }, { description: 'What the user sent.' }),
  hookPrompt: t.object({
    fragments: t.describe('The pieces of the prompt, by hook.', t.array(t.ref('HookPromptFragment'))),
    id: t.string(),
  }, { description: 'A prompt that hooks added to the conversation.' }),
  agentMessage: t.object({
    delivery: t.option(t.ref('AgentMessageDelivery'), { default: null, description: 'How the message was delivered, if not in the normal way.' }),
    id: t.string(),
    memoryCitation: t.option(t.ref('MemoryCitation'), { default: null, description: 'Memories the message drew on, if any.' }),
    moderation: t.option(t.ref('AgentMessageModeration'), { default: null, description: 'Moderation applied to the message, if any.' }),
    phase: t.option(t.ref('MessagePhase'), { default: null, description: 'Whether this is commentary or (part of) the answer; null when unknown.' }),
    questions: t.option(t.array(t.ref('AsyncUserInputQuestion')), { default: null, description: 'Questions for the user to answer later, if any.' }),
    text: t.string(),
  }, { description: 'Text the assistant wrote.' }),
  functionCallOutput: t.object({
    id: t.string(),
    name: t.describe('Tool that produced the output.', t.string()),
    namespace: t.option(t.string(), { description: 'Namespace of the tool, if any.' }),
    output: t.ref('FunctionCallOutputBody'),
  }, { description: 'Output of a tool call that has no item of its own.' }),
  plan: t.object({
    id: t.string(),
    text: t.describe('The plan, in Markdown.', t.string()),
  }, { description: 'A plan the agent proposed (in plan mode).' }),
  reasoning: t.object({
    content: t.optional(t.describe('Raw reasoning text parts, where the model exposes them.', t.array(t.string(), { default: [] }))),
    id: t.string(),
    summary: t.optional(t.describe('Summary parts of the reasoning.', t.array(t.string(), { default: [] }))),
  }, { description: 'The model\'s reasoning, as summary and, where exposed, raw text.' }),
  commandExecution: t.object({
    aggregatedOutput: t.option(t.string(), { description: 'Combined stdout and stderr so far; null when not captured.' }),
    command: t.describe('The command line.', t.string()),
    commandActions: t.describe('Best-effort breakdown of what the command does (one entry per piped or chained part).', t.array(t.ref('CommandAction'))),
    cwd: t.ref('LegacyAppPathString'),
    durationMs: t.option(t.int('int64'), { description: 'Run time in milliseconds, once finished.' }),
    exitCode: t.option(t.int('int32'), { description: 'Exit code, once finished.' }),
    id: t.string(),
    pluginId: t.option(t.string(), { default: null, description: 'Plugin whose script the command runs, when it is a trusted first-party plugin script.' }),
    processId: t.option(t.string(), { description: 'Id of the terminal session running it, when there is one.' }),
    scriptPath: t.option(t.string(), { default: null, description: 'Path of that plugin script, relative to the plugin.' }),
    source: t.optional(t.describe('Who started the command.', t.ref('CommandExecutionSource', { default: "agent" }))),
    status: t.ref('CommandExecutionStatus'),
  }, { description: 'A shell command the agent (or user) ran.' }),
  fileChange: t.object({
    changes: t.describe('Changes per file.', t.array(t.ref('FileUpdateChange'))),
    id: t.string(),
    status: t.ref('PatchApplyStatus'),
  }, { description: 'Edits the agent made to files.' }),
  mcpToolCall: t.object({
    appContext: t.option(t.ref('McpToolCallAppContext'), { description: 'The app (connector) the tool belongs to, if any.' }),
    arguments: t.describe('Arguments the model passed.', t.json()),
    durationMs: t.option(t.int('int64'), { description: 'Run time in milliseconds, once finished.' }),
    environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Environment whose registration of the server was called, when known.' })),
    error: t.option(t.ref('McpToolCallError'), { description: 'Why the call failed, if it did.' }),
    id: t.string(),
    mcpAppResourceUri: t.option(t.string(), { description: 'Deprecated; use `mcpAppUi.resourceUri`.' }),
    mcpAppUi: t.option(t.ref('McpAppUi'), { description: 'UI the tool presents, as described when it was called; absent in older history.' }),
    pluginId: t.option(t.string(), { description: 'Plugin that provides the server, if any.' }),
    readOnlyHint: t.option(t.boolean(), { description: 'Whether the tool declares itself read-only.' }),
    result: t.option(t.ref('McpToolCallResult'), { description: 'What the tool returned, once finished.' }),
    server: t.describe('MCP server name.', t.string()),
    status: t.ref('McpToolCallStatus'),
    tool: t.describe('Tool name.', t.string()),
  }, { description: 'A call to a tool of an MCP server.' }),
  dynamicToolCall: t.object({
    arguments: t.describe('Arguments the model passed.', t.json()),
    contentItems: t.option(t.array(t.ref('DynamicToolCallOutputContentItem')), { description: 'What the client returned, once finished.' }),
    durationMs: t.option(t.int('int64'), { description: 'Run time in milliseconds, once finished.' }),
    id: t.string(),
    namespace: t.option(t.string(), { description: 'Namespace of the tool, if any.' }),
    status: t.ref('DynamicToolCallStatus'),
    success: t.option(t.boolean(), { description: 'Whether the client reported success, once finished.' }),
    tool: t.describe('Tool name.', t.string()),
  }, { description: 'A call to a tool the client provides.' }),
  collabAgentToolCall: t.object({
    agentsStates: t.describe('Last known state of each target agent, keyed by thread id.', t.map(t.ref('CollabAgentState'))),
    id: t.string(),
    model: t.option(t.string(), { description: 'Model asked for a spawned agent.' }),
    prompt: t.option(t.string(), { description: 'Text sent to the agent, if any.' }),
    reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort asked for a spawned agent.' }),
    receiverThreadIds: t.describe('Threads of the target agents (for a spawn, the new agent).', t.array(t.string())),
    senderThreadId: t.describe('Thread of the calling agent.', t.string()),
    status: t.ref('CollabAgentToolCallStatus'),
    tool: t.describe('Which sub-agent tool was called.', t.ref('CollabAgentTool')),
  }, { description: 'A call to one of the sub-agent tools.' }),
  subAgentActivity: t.object({
    agentPath: t.describe('Where the sub-agent sits in the agent tree.', t.string()),
    agentThreadId: t.describe('Thread of the sub-agent.', t.string()),
    id: t.string(),
    kind: t.ref('SubAgentActivityKind'),
    model: t.option(t.string(), { description: 'Model the sub-agent was created with; absent for other activities and older records.' }),
    reasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort the sub-agent was created with, if known.' }),
  }, { description: 'Something that happened to a sub-agent.' }),
  webSearch: t.object({
    action: t.option(t.ref('WebSearchAction'), { description: 'What the search did, if known.' }),
    id: t.string(),
    query: t.describe('The query.', t.string()),
    results: t.option(t.array(t.json()), { default: null, description: 'Results as the provider returned them, if kept.' }),
  }, { description: 'A web search.' }),
  imageView: t.object({
    id: t.string(),
    path: t.describe('Image file the agent looked at.', t.ref('LegacyAppPathString')),
  }, { description: 'The agent looked at a local image.' }),
  sleep: t.object({
    durationMs: t.describe('How long the agent waited, in milliseconds.', t.uint('uint64')),
    id: t.string(),
  }, { description: 'The agent waited.' }),
  imageGeneration: t.object({
    failure: t.option(t.ref('ImageGenerationFailure'), { default: null, description: 'Why generation failed, if it did.' }),
    generationId: t.option(t.string(), { default: null, description: 'Id of the generation at the provider, if any.' }),
    id: t.string(),
    inputImages: t.optional(t.describe('Local images read as input.', t.array(t.ref('ImageGenerationInputImage')))),
    revisedPrompt: t.option(t.string(), { description: 'The prompt as the image model rewrote it, if it did.' }),
    savedPath: t.option(t.ref('AbsolutePathBuf'), { description: 'Where the image was saved, if it was.' }),
    status: t.describe('Generation status as the provider reports it.', t.string()),
    transparentBackground: t.option(t.boolean(), { default: null, description: 'Whether a transparent background was asked for.' }),
  }, { anyOf: [t.object({
      fileId: t.string(),
    }), t.object({
      result: t.string(),
    })] }),
  enteredReviewMode: t.object({
    id: t.string(),
    review: t.describe('What is being reviewed, for display.', t.string()),
  }, { description: 'A review started.' }),
  exitedReviewMode: t.object({
    id: t.string(),
    review: t.describe('The review\'s result text.', t.string()),
  }, { description: 'A review ended.' }),
  contextCompaction: t.object({
    id: t.string(),
  }, { description: 'The history was compacted to free context.' }),
}, { shared: {
  completedAtMs: t.option(t.int('int64'), { default: null, description: 'When the item finished, Unix epoch milliseconds, if recorded.' }),
  startedAtMs: t.option(t.int('int64'), { default: null, description: 'When the item started, Unix epoch milliseconds, if recorded.' }),
} }), 'One entry of a turn (a message, reasoning, a command, a file change, a tool call and so on); the start and end times sit beside `type`.')

export const ThreadItemEntry = v2('ThreadItemEntry', t.object({
  turnId: t.describe('Turn the item belongs to.', t.string()),
  item: t.ref('ThreadItem'),
  outputDeferred: t.experimental('threadItemEntry.outputDeferred', t.optional(t.describe('The output was left out; read the whole item with `thread/items/read`.', t.boolean()))),
  startedAtMs: t.option(t.int('int64'), { description: 'When the item started, Unix epoch milliseconds, if recorded.' }),
  completedAtMs: t.option(t.int('int64'), { description: 'When the item finished, Unix epoch milliseconds, if recorded.' }),
}), 'A thread item with the turn it belongs to.')

export const ThreadItemOutputDeferral = v2('ThreadItemOutputDeferral', t.object({
  commandExecution: t.experimental('thread/items/list.deferOutput.commandExecution', t.optional(t.describe('Drop the output of commands that succeeded (failed ones keep it).', t.boolean()))),
  mcpToolCall: t.experimental('thread/items/list.deferOutput.mcpToolCall', t.optional(t.describe('Drop the text results of MCP tool calls that succeeded (failed ones keep them).', t.boolean()))),
}), 'Which kinds of output to leave out of an item listing.')

export const ThreadItemsListAnchor = v2('ThreadItemsListAnchor', t.tagged('type', {
  item: {
    itemId: t.describe('The anchor item; it is not itself returned.', t.string()),
  },
}), 'An item to page from; the page starts just after or before it.')

export const ThreadItemsListCursor = v2('ThreadItemsListCursor', t.anyOf([
  t.string(),
  t.ref('ThreadItemsListAnchor'),
]), 'Where an item page starts: a cursor string or an item anchor.')

export const ThreadListCwdFilter = v2('ThreadListCwdFilter', t.anyOf([
  t.string(),
  t.array(t.string()),
]), 'One working directory, or a list of them.')

export const ThreadMetadataGitInfoUpdateParams = v2('ThreadMetadataGitInfoUpdateParams', t.object({
  sha: t.option(t.string(), { description: 'Commit; absent keeps it, null clears it.' }),
  branch: t.option(t.string(), { description: 'Branch; absent keeps it, null clears it.' }),
  originUrl: t.option(t.string(), { description: 'URL of `origin`; absent keeps it, null clears it.' }),
}), 'Changes to a thread\'s stored git metadata.')

export const ThreadReadState = v2('ThreadReadState', t.object({
  firstUnread: t.option(t.ref('ThreadUnreadPosition'), { description: 'Where unread activity starts; null when everything is read.' }),
  revision: t.describe('Opaque revision; pass it as `expectedRevision` when marking the thread read or unread.', t.string()),
}), 'Whether a thread has unread activity and from where, with a revision that guards changes.')

export const ThreadRealtimeBemItemPresentation = v2('ThreadRealtimeBemItemPresentation', t.tagged('type', {
  wholeItem: {},
  inlineMarkdown: {},
  inlineVisualization: {
    index: t.describe('Which visualization of the item is shown.', t.uint('uint32')),
  },
}), 'How an agent item is shown in a realtime (voice) conversation: whole, as inline Markdown, or as an inline visualization.')

export const ThreadRealtimeItem = v2('ThreadRealtimeItem', t.tagged('type', {
  realtimeSessionStarted: {},
  frame: t.added('0.171.0', t.object({
    channels: t.describe('The payloads of the frame.', t.ref('ThreadRealtimeFrameChannels')),
  })),
  transcriptSegment: {
    role: t.describe('Who spoke.', t.ref('ThreadRealtimeTranscriptRole')),
    text: t.describe('What was said.', t.string()),
  },
  bemItemPromoted: {
    item_id: t.describe('The agent item brought into the conversation.', t.string()),
    presentation: t.describe('How it is shown.', t.ref('ThreadRealtimeBemItemPresentation')),
    turn_id: t.describe('Turn of that item.', t.string()),
  },
  realtimeSessionClosed: {
    outcome: t.describe('How the session ended.', t.ref('ThreadRealtimeSessionOutcome')),
  },
  turnInputAccepted: t.added('0.171.0', t.object({
    handoff_id: t.describe('Id of the hand-off from the voice session to the agent.', t.string()),
    input: t.describe('The text handed to the agent.', t.string()),
    input_item_id: t.describe('Item that holds the input.', t.string()),
    mode: t.describe('Whether the input started a turn or steered the running one.', t.ref('ThreadRealtimeHandoffMode')),
    source_event_ids: t.describe('Realtime events the input was made from.', t.array(t.string())),
    turn_id: t.describe('Turn that received the input.', t.string()),
  })),
  sessionEndInputSaved: t.added('0.171.0', t.object({
    input: t.describe('Input still pending when the session ended, kept for later.', t.string()),
    input_item_id: t.describe('Item that holds the input.', t.string()),
    source_event_ids: t.describe('Realtime events the input was made from.', t.array(t.string())),
  })),
}, { shared: {
  id: t.describe('Id of this timeline item.', t.string()),
  realtimeSessionId: t.describe('Realtime session it belongs to.', t.string()),
  observedAtMs: t.added('0.171.0', t.option(t.int('int64'), { description: 'When the event was observed, Unix epoch milliseconds; only for eligible voice calls.' })),
} }), 'A realtime (voice) event in a thread\'s timeline: session start or end, a transcript segment, or an agent item brought into the conversation.')

export const ThreadRealtimeSessionOutcome = v2('ThreadRealtimeSessionOutcome', t.enum(['ended', 'failed']), 'How a realtime session ended.')

export const ThreadRealtimeFrameChannels = v2('ThreadRealtimeFrameChannels', t.object({
  voice_transcript: t.describe('Transcript of what was said in the frame.', t.ref('ThreadRealtimeVoiceTranscript')),
}), { added: '0.171.0', description: 'The payloads of one realtime frame, at most one per channel; they share the frame\'s id and time. The transcript is the only channel so far, and required.' })

export const ThreadRealtimeVoiceTranscript = v2('ThreadRealtimeVoiceTranscript', t.object({
  role: t.describe('Who spoke.', t.ref('ThreadRealtimeTranscriptRole')),
  text: t.describe('What was said.', t.string()),
}), { added: '0.171.0', description: 'A piece of speech in a realtime frame, as text.' })

export const ThreadRealtimeHandoffMode = v2('ThreadRealtimeHandoffMode', t.enum(['start', 'steer']), { added: '0.171.0', description: 'Whether input handed from a voice session to the agent started a new turn or steered the running one.' })

export const ThreadRealtimeTranscriptRole = v2('ThreadRealtimeTranscriptRole', t.enum(['user', 'assistant']), 'Who spoke a transcript segment.')

export const ThreadResumeInitialTurnsPageParams = v2('ThreadResumeInitialTurnsPageParams', t.object({
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Default descending (newest first).' }),
  itemsView: t.option(t.ref('TurnItemsView'), { description: 'How much of each turn\'s items to include; default `summary`.' }),
}), 'The first page of turns to include in a resume response.')

export const ThreadSearchOccurrence = v2('ThreadSearchOccurrence', t.object({
  turnId: t.describe('Turn of the matching message.', t.string()),
  itemId: t.describe('The matching message item.', t.string()),
  snippet: t.describe('Text around the match.', t.string()),
  snippetMatchRange: t.describe('Where the match is in `snippet`.', t.ref('ThreadSearchTextRange')),
  turnCursor: t.describe('Cursor for `thread/turns/list` that starts at this turn (included).', t.string()),
}), 'Where a search term occurs in one message of a thread.')

export const ThreadSearchResult = v2('ThreadSearchResult', t.object({
  thread: t.describe('The matching thread.', t.ref('Thread')),
  snippet: t.describe('Text around the match.', t.string()),
}), 'A thread that matched a search.')

export const ThreadSearchSortKey = v2('ThreadSearchSortKey', t.enum(['created_at', 'updated_at', 'recency_at']), 'Order of search results: by creation, update or recency time.')

export const ThreadSearchTextRange = v2('ThreadSearchTextRange', t.object({
  start: t.describe('First code unit, inclusive.', t.uint('uint32')),
  end: t.describe('End, exclusive.', t.uint('uint32')),
}), 'A range of a string in UTF-16 code units (the unit of JavaScript string indices).')

export const ThreadSection = v2('ThreadSection', t.object({
  id: t.describe('Stable id; unchanged by renames.', t.string()),
  name: t.describe('Name shown to the user.', t.string()),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { default: null, description: 'How the section looks, shared across clients; null for the default.' }),
}), 'A named group of threads (like a sidebar folder), kept by the server.')

export const ThreadSectionAppearance = v2('ThreadSectionAppearance', t.object({
  icon: t.option(t.string(), { description: 'Icon name, if any.' }),
  color: t.option(t.string(), { description: 'Colour, if any.' }),
}), 'How a section looks.')

export const ThreadSettings = v2('ThreadSettings', t.object({
  disabledPluginIds: t.optional(t.describe('Plugins disabled for this thread (saved, but not yet enforced).', t.array(t.string(), { default: [] }))),
  cwd: t.describe('Working directory.', t.ref('AbsolutePathBuf')),
  environments: t.experimental('thread/settings.environments', t.option(t.array(t.ref('ThreadEnvironment')), { default: null, description: 'Environments for the next turns, primary first; [] for none, null when the server does not say.' })),
  approvalPolicy: t.describe('Approval policy.', t.ref('AskForApproval')),
  approvalsReviewer: t.describe('Who reviews approval requests.', t.ref('ApprovalsReviewer')),
  sandboxPolicy: t.describe('Sandbox policy.', t.ref('SandboxPolicy')),
  activePermissionProfile: t.option(t.ref('ActivePermissionProfile'), { description: 'Permission profile the permissions come from, when known.' }),
  model: t.describe('Model.', t.string()),
  modelProvider: t.describe('Model provider id.', t.string()),
  serviceTier: t.option(t.string(), { description: 'Service tier, if any.' }),
  effort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort; null for the model\'s default.' }),
  summary: t.option(t.ref('ReasoningSummary'), { description: 'Reasoning summary setting, if set.' }),
  collaborationMode: t.describe('Collaboration mode.', t.ref('CollaborationMode')),
  multiAgentMode: t.experimental('thread/settings.multiAgentMode', t.optional(t.describe('Deprecated; always `explicitRequestOnly`.', t.ref('MultiAgentMode', { default: "explicitRequestOnly" })))),
  personality: t.option(t.ref('Personality'), { description: 'Deprecated; the saved value, which no longer changes the style.' }),
}), 'The settings a thread applies to its next turns.')

export const ThreadSortKey = v2('ThreadSortKey', t.enum(['created_at', 'updated_at', 'recency_at', 'section_position']), 'Order of thread lists: by creation, update or recency time, or by position in the section.')

export const ThreadSource = v2('ThreadSource', t.string(), 'Free-form label a client gives to where a thread comes from, for analytics.')

export const ThreadSourceKind = v2('ThreadSourceKind', t.enum(['cli', 'vscode', 'exec', 'appServer', 'subAgent', 'subAgentReview', 'subAgentCompact', 'subAgentThreadSpawn', 'subAgentOther', 'unknown']), 'Source categories to filter thread lists by; the `subAgent*` values split sub-agent threads by why they exist.')

export const ThreadStartSource = v2('ThreadStartSource', t.enum(['startup', 'clear']), 'Why a thread starts: at startup, or after the user cleared the previous one.')

export const ThreadStatus = v2('ThreadStatus', t.tagged('type', {
  notLoaded: {},
  idle: {},
  systemError: {},
  active: {
    activeFlags: t.describe('What the thread is waiting on, if anything.', t.array(t.ref('ThreadActiveFlag'))),
  },
}), 'Runtime state of a thread: not loaded, idle, broken (`systemError`), or active and what it waits on.')

export const ThreadTimelineEntry = v2('ThreadTimelineEntry', t.tagged('type', {
  item: {
    position: t.describe('Position in the timeline.', t.uint('uint64')),
    turnId: t.describe('Turn of the item.', t.string()),
    item: t.ref('ThreadItem'),
  },
  realtime: {
    position: t.describe('Position in the timeline.', t.uint('uint64')),
    item: t.ref('ThreadRealtimeItem'),
  },
  turnStarted: {
    position: t.describe('Position in the timeline.', t.uint('uint64')),
    started_at: t.option(t.int('int64'), { description: 'Start time, Unix epoch seconds.' }),
    turn_id: t.string(),
  },
  turnCompleted: {
    position: t.describe('Position in the timeline.', t.uint('uint64')),
    status: t.ref('TurnStatus'),
    error: t.option(t.ref('TurnError'), { description: 'Why the turn failed or was interrupted, if it did.' }),
    completed_at: t.option(t.int('int64'), { description: 'End time, Unix epoch seconds.' }),
    duration_ms: t.option(t.int('int64'), { description: 'Run time in milliseconds.' }),
    started_at: t.option(t.int('int64'), { description: 'Start time, Unix epoch seconds.' }),
    turn_id: t.string(),
  },
}), 'One entry of a thread\'s timeline: an item, a realtime event, or a turn starting or ending.')

export const ThreadTokenUsage = v2('ThreadTokenUsage', t.object({
  total: t.describe('Usage summed over the whole thread.', t.ref('TokenUsageBreakdown')),
  last: t.describe('Usage of the most recent model response.', t.ref('TokenUsageBreakdown')),
  modelContextWindow: t.option(t.int('int64'), { description: 'Size of the model\'s context window in tokens, when known.' }),
}), 'Token usage of a thread.')

export const ThreadUnreadPosition = v2('ThreadUnreadPosition', t.tagged('type', {
  threadStart: {},
  turn: {
    turnId: t.describe('First unread turn.', t.string()),
  },
}), 'Where unread activity starts: at the beginning of the thread or at a given turn.')

export const ThreadUnsubscribeStatus = v2('ThreadUnsubscribeStatus', t.enum(['notLoaded', 'notSubscribed', 'unsubscribed']), 'Result of unsubscribing: the thread was not loaded, this connection was not subscribed, or it is now unsubscribed.')

export const TurnsPage = v2('TurnsPage', t.object({
  data: t.array(t.ref('Turn')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
  backwardsCursor: t.option(t.string(), { description: 'Cursor for paging the other way from the start of this page (use it with the opposite `sortDirection`); null on an empty page.' }),
}), 'A page of turns, as `thread/turns/list` returns it.')
