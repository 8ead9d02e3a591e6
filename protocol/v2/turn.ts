// Turns: starting, steering, adjusting and interrupting a turn of a thread, the Turn object itself,
// and the notifications a running turn sends (start, completion, diff, plan, errors).
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const TurnStartParams = v2('TurnStartParams', t.object({
  threadId: t.string(),
  disabledPluginIds: t.option(t.array(t.string()), { description: 'Replaces the thread\'s list of disabled plugins; null keeps it, [] enables all.' }),
  clientUserMessageId: t.option(t.string(), { description: 'Client-chosen id of the user message, echoed on its item so the client can match it.' }),
  input: t.describe('What the user sends.', t.array(t.ref('UserInput'))),
  turnTrigger: t.option(t.string(), { description: 'Free-form label of what started the turn, for attribution.' }),
  parentTurnId: t.option(t.string(), { description: 'Turn this one works on behalf of (e.g. delegated work in another thread); null for work the user started.' }),
  rootTurnId: t.option(t.string(), { description: 'First turn of the chain of work; pass the parent\'s `rootTurnId`. Null makes this turn its own root.' }),
  toolOutput: t.option(t.ref('TurnToolOutput'), { description: 'Output of a client-side tool to give the model along with the input.' }),
  responsesapiClientMetadata: t.experimental('turn/start.responsesapiClientMetadata', t.option(t.map(t.string()), { description: 'Replaces the client-supplied entries of the turn metadata sent to the model API; {} clears them. Reserved keys cannot be set.' })),
  responsesapiClientMetadataPatch: t.experimental('turn/start.responsesapiClientMetadataPatch', t.option(t.map(t.string()), { description: 'Entries merged into the turn metadata, applied after `responsesapiClientMetadata`.' })),
  additionalContext: t.experimental('turn/start.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')), { description: 'Extra context for the model, keyed by a client-chosen source id.' })),
  environments: t.experimental('turn/start.environments', t.option(t.array(t.ref('TurnEnvironmentParams')), { description: 'Environments for this turn and the ones after it; null keeps the thread\'s, [] gives no environment access, otherwise the first is current.' })),
  cwd: t.option(t.string(), { description: 'Working directory for this turn and the ones after it.' }),
  runtimeWorkspaceRoots: t.experimental('turn/start.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Replaces the thread\'s workspace roots for this turn and the ones after it (absolute paths).' })),
  approvalPolicy: t.option(t.ref('AskForApproval'), { description: 'Approval policy for this turn and the ones after it.' }),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who reviews approval requests for this turn and the ones after it.' }),
  sandboxPolicy: t.option(t.ref('SandboxPolicy'), { description: 'Sandbox policy for this turn and the ones after it.' }),
  permissions: t.experimental('turn/start.permissions', t.option(t.string(), { description: 'Id of a permission profile for this turn and the ones after it; not together with `sandboxPolicy`.' })),
  model: t.option(t.string(), { description: 'Model for this turn and the ones after it.' }),
  serviceTier: t.option(t.string(), { description: 'Service tier for this turn and the ones after it.' }),
  serviceTierForTurn: t.option(t.string(), { description: 'Service tier for this new turn only (`default` for standard); null inherits the thread\'s.' }),
  effort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort for this turn and the ones after it.' }),
  summary: t.option(t.ref('ReasoningSummary'), { description: 'Reasoning summary setting for this turn and the ones after it.' }),
  personality: t.option(t.ref('Personality'), { description: 'Deprecated; no longer changes the style.' }),
  outputSchema: t.optional(t.describe('JSON Schema the final assistant message of this turn must follow.', t.json())),
  collaborationMode: t.experimental('turn/start.collaborationMode', t.option(t.ref('CollaborationMode'), { description: 'Collaboration mode preset; wins over `model`, `effort` and developer instructions.' })),
  multiAgentMode: t.experimental('turn/start.multiAgentMode', t.option(t.ref('MultiAgentMode'), { description: 'Deprecated and ignored.' })),
  cyberAccessProgram: t.experimental('turn/start.cyberAccessProgram', t.option(t.ref('CyberAccessProgram'), { description: 'Cyber access program to request for this turn; null keeps the automatic choice. Requesting it does not grant it.' })),
}), 'Starts a turn of a thread with user input; settings given here also apply to later turns unless said otherwise.')

export const TurnStartResponse = v2('TurnStartResponse', t.object({
  turn: t.describe('The new turn, usually still in progress and without items.', t.ref('Turn')),
}), 'The turn that was started; its progress arrives as notifications.')

export const TurnSettingsUpdateParams = v2('TurnSettingsUpdateParams', t.object({
  threadId: t.string(),
  turnId: t.describe('The running turn to change.', t.string()),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'New reviewer for the rest of this turn; approvals already pending keep theirs.' }),
  environments: t.option(t.array(t.ref('TurnEnvironmentParams')), { description: 'Environments for the remaining steps of this turn; null keeps them, [] clears them.' }),
  model: t.option(t.string(), { description: 'New model; null keeps it.' }),
  effort: t.option(t.ref('ReasoningEffort'), { description: 'New reasoning effort; null keeps it.' }),
  summary: t.option(t.ref('ReasoningSummary'), { description: 'New reasoning summary setting; null keeps it.' }),
  serviceTier: t.option(t.string(), { description: 'New service tier; absent keeps it, null clears it.' }),
}, { closed: true }), 'Changes settings of a running turn only (not later turns); fields the turn cannot change are rejected.')

export const TurnSettingsUpdateResponse = v2('TurnSettingsUpdateResponse', t.object({
  status: t.describe('Whether the change took effect.', t.ref('TurnSettingsUpdateStatus')),
}), 'Whether the running turn took the new settings.')

export const TurnSteerParams = v2('TurnSteerParams', t.object({
  threadId: t.string(),
  clientUserMessageId: t.option(t.string(), { description: 'Client-chosen id of the user message, echoed on its item.' }),
  input: t.describe('The extra user input.', t.array(t.ref('UserInput'))),
  responsesapiClientMetadata: t.experimental('turn/steer.responsesapiClientMetadata', t.option(t.map(t.string()), { description: 'Replaces the client-supplied entries of the turn metadata sent to the model API; {} clears them.' })),
  responsesapiClientMetadataPatch: t.experimental('turn/steer.responsesapiClientMetadataPatch', t.option(t.map(t.string()), { description: 'Entries merged into the turn metadata, applied after `responsesapiClientMetadata`.' })),
  additionalContext: t.experimental('turn/steer.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')), { description: 'Extra context for the model, keyed by a client-chosen source id.' })),
  expectedTurnId: t.describe('Id of the turn the client believes is running; the request fails if another (or none) is.', t.string()),
}), 'Adds user input to the turn that is running, without starting a new one.')

export const TurnSteerResponse = v2('TurnSteerResponse', t.object({
  turnId: t.describe('The turn that received the input.', t.string()),
}), 'The turn that took the input.')

export const TurnInterruptParams = v2('TurnInterruptParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
}), 'Asks a running turn to stop; it then completes with status `interrupted`.')

export const TurnInterruptResponse = v2('TurnInterruptResponse', t.object({}), 'Empty: the interrupt was requested.')

export const ErrorNotification = v2('ErrorNotification', t.object({
  error: t.ref('TurnError'),
  willRetry: t.describe('True when the server retries on its own, so the turn goes on.', t.boolean()),
  threadId: t.string(),
  turnId: t.string(),
}), 'Sent when a turn hits an error, whether or not the server retries.')

export const TurnStartedNotification = v2('TurnStartedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}), 'Sent when a turn begins.')

export const TurnCompletedNotification = v2('TurnCompletedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}), 'Sent when a turn ends, whatever its outcome; `turn.status` says which.')

export const TurnDiffUpdatedNotification = v2('TurnDiffUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  diff: t.describe('Unified diff of all file changes of the turn so far.', t.string()),
}), 'Sent when the combined diff of a turn\'s file changes changes.')

export const TurnPlanUpdatedNotification = v2('TurnPlanUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  explanation: t.option(t.string(), { description: 'Why the plan changed, if the agent said.' }),
  plan: t.describe('The whole plan as it now stands.', t.array(t.ref('TurnPlanStep'))),
}), 'Sent when the agent updates its step-by-step plan for the turn.')

export const TurnModerationMetadataNotification = v2('TurnModerationMetadataNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  metadata: t.describe('Moderation metadata as the model provider returned it.', t.json()),
}), 'Carries moderation metadata the model provider attached to a turn.')

export const AdditionalContextEntry = v2('AdditionalContextEntry', t.object({
  value: t.describe('The context text.', t.string()),
  kind: t.ref('AdditionalContextKind'),
  name: t.option(t.string(), { description: 'Label for untrusted context, shown with it to the model.' }),
}), 'A piece of extra context a client gives the model with a turn.')

export const AdditionalContextKind = v2('AdditionalContextKind', t.enum(['untrusted', 'application']), 'Whether extra context comes from an untrusted source (shown to the model as such) or from the application itself.')

export const Turn = v2('Turn', t.object({
  id: t.describe('Turn id (a UUIDv7 when codex made it).', t.string()),
  rootTurnId: t.option(t.string(), { description: 'First turn of the chain of work that led to this one; pass it as `rootTurnId` when starting work on its behalf. Null in older history.' }),
  items: t.describe('Items of the turn, as far as `itemsView` says they are loaded.', t.array(t.ref('ThreadItem'))),
  itemsView: t.optional(t.describe('How much of `items` is included.', t.ref('TurnItemsView', { default: "full" }))),
  status: t.ref('TurnStatus'),
  error: t.option(t.ref('TurnError'), { description: 'Why the turn failed or was interrupted; null otherwise.' }),
  startedAt: t.option(t.int('int64'), { description: 'Start time, Unix epoch seconds.' }),
  completedAt: t.option(t.int('int64'), { description: 'End time, Unix epoch seconds; null while running.' }),
  durationMs: t.option(t.int('int64'), { description: 'Run time in milliseconds, when known.' }),
}), 'One round of a thread: user input, everything the agent did in response, and how it ended.')

export const TurnEnvironmentParams = v2('TurnEnvironmentParams', t.object({
  environmentId: t.describe('Id of a registered environment.', t.string()),
  cwd: t.describe('Working directory inside the environment, in its own path syntax.', t.ref('LegacyAppPathString')),
  runtimeWorkspaceRoots: t.option(t.array(t.ref('LegacyAppPathString')), { description: 'Workspace roots inside the environment; null means just `cwd`.' }),
}), 'Selects an environment for a turn and where in it to work.')

export const TurnError = v2('TurnError', t.object({
  message: t.describe('Text to show the user.', t.string()),
  codexErrorInfo: t.option(t.ref('CodexErrorInfo'), { description: 'Machine-readable cause, when known.' }),
  additionalDetails: t.option(t.string(), { default: null, description: 'More detail, such as the upstream error body.' }),
  misalignment: t.option(t.ref('MisalignmentErrorDetails'), { default: null, description: 'Set when the turn was stopped for a misalignment policy violation.' }),
}), 'Why a turn failed or was interrupted.')

export const TurnItemsView = v2('TurnItemsView', t.oneOf([
  t.literal('notLoaded'),
  t.literal('summary'),
  t.literal('full'),
]), 'How much of a turn\'s items a payload includes: none loaded, a summary, or all of them.')

export const TurnPlanStep = v2('TurnPlanStep', t.object({
  step: t.describe('What the step is, in a sentence.', t.string()),
  status: t.ref('TurnPlanStepStatus'),
}), 'One step of the agent\'s plan.')

export const TurnPlanStepStatus = v2('TurnPlanStepStatus', t.enum(['pending', 'inProgress', 'completed']), 'Progress of a plan step.')

export const TurnSettingsUpdateStatus = v2('TurnSettingsUpdateStatus', t.oneOf([
  t.literal('applied'),
  t.literal('targetUnavailable'),
]), 'Whether new settings reached the running turn, or the turn was no longer there to take them.')

export const TurnStatus = v2('TurnStatus', t.enum(['completed', 'interrupted', 'failed', 'inProgress']), 'State of a turn.')

export const TurnToolOutput = v2('TurnToolOutput', t.object({
  name: t.describe('Name of the tool that produced the output.', t.string()),
  namespace: t.option(t.string(), { description: 'Namespace of the tool, if any.' }),
  output: t.ref('FunctionCallOutputBody'),
  retain: t.optional(t.describe('Keep the output in the thread\'s model history for later turns.', t.boolean())),
}), 'The output of a client-side tool call, sent with a new turn.')
