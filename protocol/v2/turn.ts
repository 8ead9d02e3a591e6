// The turn family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const TurnStartParams = v2('TurnStartParams', t.object({
  threadId: t.string(),
  disabledPluginIds: t.option(t.array(t.string())),
  clientUserMessageId: t.option(t.string()),
  input: t.array(t.ref('UserInput')),
  turnTrigger: t.option(t.string()),
  parentTurnId: t.option(t.string()),
  rootTurnId: t.option(t.string()),
  toolOutput: t.option(t.ref('TurnToolOutput')),
  responsesapiClientMetadata: t.experimental('turn/start.responsesapiClientMetadata', t.option(t.map(t.string()))),
  responsesapiClientMetadataPatch: t.experimental('turn/start.responsesapiClientMetadataPatch', t.option(t.map(t.string()))),
  additionalContext: t.experimental('turn/start.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')))),
  environments: t.experimental('turn/start.environments', t.option(t.array(t.ref('TurnEnvironmentParams')))),
  cwd: t.option(t.string()),
  runtimeWorkspaceRoots: t.experimental('turn/start.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandboxPolicy: t.option(t.ref('SandboxPolicy')),
  permissions: t.experimental('turn/start.permissions', t.option(t.string())),
  model: t.option(t.string()),
  serviceTier: t.option(t.string()),
  serviceTierForTurn: t.option(t.string()),
  effort: t.option(t.ref('ReasoningEffort')),
  summary: t.option(t.ref('ReasoningSummary')),
  personality: t.option(t.ref('Personality')),
  outputSchema: t.optional(t.json()),
  collaborationMode: t.experimental('turn/start.collaborationMode', t.option(t.ref('CollaborationMode'))),
  multiAgentMode: t.experimental('turn/start.multiAgentMode', t.option(t.ref('MultiAgentMode'))),
  cyberAccessProgram: t.experimental('turn/start.cyberAccessProgram', t.option(t.ref('CyberAccessProgram'))),
}))

export const TurnStartResponse = v2('TurnStartResponse', t.object({
  turn: t.ref('Turn'),
}))

export const TurnSettingsUpdateParams = v2('TurnSettingsUpdateParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  environments: t.option(t.array(t.ref('TurnEnvironmentParams'))),
  model: t.option(t.string()),
  effort: t.option(t.ref('ReasoningEffort')),
  summary: t.option(t.ref('ReasoningSummary')),
  serviceTier: t.option(t.string()),
}, { closed: true }))

export const TurnSettingsUpdateResponse = v2('TurnSettingsUpdateResponse', t.object({
  status: t.ref('TurnSettingsUpdateStatus'),
}))

export const TurnSteerParams = v2('TurnSteerParams', t.object({
  threadId: t.string(),
  clientUserMessageId: t.option(t.string()),
  input: t.array(t.ref('UserInput')),
  responsesapiClientMetadata: t.experimental('turn/steer.responsesapiClientMetadata', t.option(t.map(t.string()))),
  responsesapiClientMetadataPatch: t.experimental('turn/steer.responsesapiClientMetadataPatch', t.option(t.map(t.string()))),
  additionalContext: t.experimental('turn/steer.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')))),
  expectedTurnId: t.string(),
}))

export const TurnSteerResponse = v2('TurnSteerResponse', t.object({
  turnId: t.string(),
}))

export const TurnInterruptParams = v2('TurnInterruptParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
}))

export const TurnInterruptResponse = v2('TurnInterruptResponse', t.object({}))

export const ErrorNotification = v2('ErrorNotification', t.object({
  error: t.ref('TurnError'),
  willRetry: t.boolean(),
  threadId: t.string(),
  turnId: t.string(),
}))

export const TurnStartedNotification = v2('TurnStartedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}))

export const TurnCompletedNotification = v2('TurnCompletedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}))

export const TurnDiffUpdatedNotification = v2('TurnDiffUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  diff: t.string(),
}))

export const TurnPlanUpdatedNotification = v2('TurnPlanUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  explanation: t.option(t.string()),
  plan: t.array(t.ref('TurnPlanStep')),
}))

export const TurnModerationMetadataNotification = v2('TurnModerationMetadataNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  metadata: t.json(),
}))

export const AdditionalContextEntry = v2('AdditionalContextEntry', t.object({
  value: t.string(),
  kind: t.ref('AdditionalContextKind'),
  name: t.option(t.string()),
}))

export const AdditionalContextKind = v2('AdditionalContextKind', t.enum(['untrusted', 'application']))

export const Turn = v2('Turn', t.object({
  id: t.string(),
  rootTurnId: t.option(t.string()),
  items: t.array(t.ref('ThreadItem')),
  itemsView: t.optional(t.ref('TurnItemsView', { default: "full" })),
  status: t.ref('TurnStatus'),
  error: t.option(t.ref('TurnError')),
  startedAt: t.option(t.int('int64')),
  completedAt: t.option(t.int('int64')),
  durationMs: t.option(t.int('int64')),
}))

export const TurnEnvironmentParams = v2('TurnEnvironmentParams', t.object({
  environmentId: t.string(),
  cwd: t.ref('LegacyAppPathString'),
  runtimeWorkspaceRoots: t.option(t.array(t.ref('LegacyAppPathString'))),
}))

export const TurnError = v2('TurnError', t.object({
  message: t.string(),
  codexErrorInfo: t.option(t.ref('CodexErrorInfo')),
  additionalDetails: t.option(t.string(), { default: null }),
  misalignment: t.option(t.ref('MisalignmentErrorDetails'), { default: null }),
}))

export const TurnItemsView = v2('TurnItemsView', t.oneOf([
  t.literal('notLoaded'),
  t.literal('summary'),
  t.literal('full'),
]))

export const TurnPlanStep = v2('TurnPlanStep', t.object({
  step: t.string(),
  status: t.ref('TurnPlanStepStatus'),
}))

export const TurnPlanStepStatus = v2('TurnPlanStepStatus', t.enum(['pending', 'inProgress', 'completed']))

export const TurnSettingsUpdateStatus = v2('TurnSettingsUpdateStatus', t.oneOf([
  t.literal('applied'),
  t.literal('targetUnavailable'),
]))

export const TurnStatus = v2('TurnStatus', t.enum(['completed', 'interrupted', 'failed', 'inProgress']))

export const TurnToolOutput = v2('TurnToolOutput', t.object({
  name: t.string(),
  namespace: t.option(t.string()),
  output: t.ref('FunctionCallOutputBody'),
  retain: t.optional(t.boolean()),
}))
