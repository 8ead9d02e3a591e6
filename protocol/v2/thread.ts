// The thread family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadStartParams = v2('ThreadStartParams', t.object({
  model: t.option(t.string()),
  modelProvider: t.option(t.string()),
  allowProviderModelFallback: t.experimental('thread/start.allowProviderModelFallback', t.optional(t.boolean())),
  serviceTier: t.option(t.string()),
  cwd: t.option(t.string()),
  runtimeWorkspaceRoots: t.experimental('thread/start.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandbox: t.option(t.ref('SandboxMode')),
  permissions: t.experimental('thread/start.permissions', t.option(t.string())),
  config: t.option(t.map(true)),
  serviceName: t.option(t.string()),
  baseInstructions: t.option(t.string()),
  developerInstructions: t.option(t.string()),
  personality: t.option(t.ref('Personality')),
  multiAgentMode: t.experimental('thread/start.multiAgentMode', t.option(t.ref('MultiAgentMode'))),
  ephemeral: t.option(t.boolean()),
  historyMode: t.experimental('thread/start.historyMode', t.option(t.ref('ThreadHistoryMode'))),
  sessionStartSource: t.option(t.ref('ThreadStartSource')),
  threadSource: t.option(t.ref('ThreadSource')),
  projectId: t.experimental('thread/start.projectId', t.option(t.string())),
  daybreakEnabled: t.experimental('thread/start.daybreakEnabled', t.option(t.boolean())),
  environments: t.experimental('thread/start.environments', t.option(t.array(t.ref('TurnEnvironmentParams')))),
  dynamicTools: t.experimental('thread/start.dynamicTools', t.option(t.array(t.ref('DynamicToolSpec')), { default: null })),
  selectedCapabilityRoots: t.experimental('thread/start.selectedCapabilityRoots', t.option(t.array(t.ref('SelectedCapabilityRoot')))),
  mockExperimentalField: t.experimental('thread/start.mockExperimentalField', t.option(t.string())),
  experimentalRawEvents: t.experimental('thread/start.experimentalRawEvents', t.optional(t.boolean())),
}))

export const ThreadStartResponse = v2('ThreadStartResponse', t.object({
  thread: t.ref('Thread'),
  model: t.string(),
  modelProvider: t.string(),
  serviceTier: t.option(t.string()),
  disabledPluginIds: t.optional(t.array(t.string(), { default: [] })),
  cwd: t.ref('AbsolutePathBuf'),
  runtimeWorkspaceRoots: t.experimental('thread/start.runtimeWorkspaceRoots', t.optional(t.array(t.ref('AbsolutePathBuf'), { default: [] }))),
  instructionSources: t.optional(t.array(t.ref('LegacyAppPathString'), { default: [] })),
  approvalPolicy: t.ref('AskForApproval'),
  approvalsReviewer: t.ref('ApprovalsReviewer'),
  sandbox: t.ref('SandboxPolicy'),
  activePermissionProfile: t.experimental('thread/start.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null })),
  reasoningEffort: t.option(t.ref('ReasoningEffort')),
  multiAgentMode: t.experimental('thread/start.multiAgentMode', t.optional(t.ref('MultiAgentMode', { default: "explicitRequestOnly" }))),
}))

export const ThreadResumeParams = v2('ThreadResumeParams', t.object({
  threadId: t.string(),
  history: t.experimental('thread/resume.history', t.option(t.array(t.ref('ResponseItem')))),
  path: t.experimental('thread/resume.path', t.option(t.string(), { default: null })),
  model: t.option(t.string()),
  modelProvider: t.option(t.string()),
  serviceTier: t.option(t.string()),
  cwd: t.option(t.string()),
  runtimeWorkspaceRoots: t.experimental('thread/resume.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandbox: t.option(t.ref('SandboxMode')),
  permissions: t.experimental('thread/resume.permissions', t.option(t.string())),
  config: t.option(t.map(true)),
  baseInstructions: t.option(t.string()),
  developerInstructions: t.option(t.string()),
  personality: t.option(t.ref('Personality')),
  excludeTurns: t.optional(t.boolean()),
  initialTurnsPage: t.experimental('thread/resume.initialTurnsPage', t.option(t.ref('ThreadResumeInitialTurnsPageParams'))),
}))

export const ThreadResumeResponse = v2('ThreadResumeResponse', t.object({
  thread: t.ref('Thread'),
  model: t.string(),
  modelProvider: t.string(),
  serviceTier: t.option(t.string()),
  disabledPluginIds: t.optional(t.array(t.string(), { default: [] })),
  cwd: t.ref('AbsolutePathBuf'),
  runtimeWorkspaceRoots: t.experimental('thread/resume.runtimeWorkspaceRoots', t.optional(t.array(t.ref('AbsolutePathBuf'), { default: [] }))),
  instructionSources: t.optional(t.array(t.ref('LegacyAppPathString'), { default: [] })),
  approvalPolicy: t.ref('AskForApproval'),
  approvalsReviewer: t.ref('ApprovalsReviewer'),
  sandbox: t.ref('SandboxPolicy'),
  activePermissionProfile: t.experimental('thread/resume.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null })),
  reasoningEffort: t.option(t.ref('ReasoningEffort')),
  collaborationMode: t.option(t.ref('CollaborationMode')),
  multiAgentMode: t.experimental('thread/resume.multiAgentMode', t.optional(t.ref('MultiAgentMode', { default: "explicitRequestOnly" }))),
  initialTurnsPage: t.experimental('thread/resume.initialTurnsPage', t.option(t.ref('TurnsPage'), { default: null })),
  turnsBackwardsCursor: t.option(t.string(), { default: null }),
  itemsBackwardsCursor: t.option(t.string(), { default: null }),
}))

export const ThreadForkParams = v2('ThreadForkParams', t.object({
  threadId: t.string(),
  experimentalPredictionMode: t.experimental('thread/fork.experimentalPredictionMode', t.optional(t.boolean())),
  experimentalDisablePredictionMcp: t.experimental('thread/fork.experimentalDisablePredictionMcp', t.optional(t.boolean())),
  lastTurnId: t.option(t.string()),
  beforeTurnId: t.experimental('thread/fork.beforeTurnId', t.option(t.string())),
  path: t.experimental('thread/fork.path', t.option(t.string(), { default: null })),
  model: t.option(t.string()),
  modelProvider: t.option(t.string()),
  serviceTier: t.option(t.string()),
  cwd: t.option(t.string()),
  runtimeWorkspaceRoots: t.experimental('thread/fork.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandbox: t.option(t.ref('SandboxMode')),
  permissions: t.experimental('thread/fork.permissions', t.option(t.string())),
  config: t.option(t.map(true)),
  baseInstructions: t.option(t.string()),
  developerInstructions: t.option(t.string()),
  ephemeral: t.optional(t.boolean()),
  attachToSource: t.experimental('thread/fork.attachToSource', t.optional(t.boolean())),
  threadSource: t.option(t.ref('ThreadSource')),
  excludeTurns: t.optional(t.boolean()),
  deferGoalContinuation: t.experimental('thread/fork.deferGoalContinuation', t.optional(t.boolean())),
}))

export const ThreadForkResponse = v2('ThreadForkResponse', t.object({
  thread: t.ref('Thread'),
  model: t.string(),
  modelProvider: t.string(),
  serviceTier: t.option(t.string()),
  disabledPluginIds: t.optional(t.array(t.string(), { default: [] })),
  cwd: t.ref('AbsolutePathBuf'),
  runtimeWorkspaceRoots: t.experimental('thread/fork.runtimeWorkspaceRoots', t.optional(t.array(t.ref('AbsolutePathBuf'), { default: [] }))),
  instructionSources: t.optional(t.array(t.ref('LegacyAppPathString'), { default: [] })),
  approvalPolicy: t.ref('AskForApproval'),
  approvalsReviewer: t.ref('ApprovalsReviewer'),
  sandbox: t.ref('SandboxPolicy'),
  activePermissionProfile: t.experimental('thread/fork.activePermissionProfile', t.option(t.ref('ActivePermissionProfile'), { default: null })),
  reasoningEffort: t.option(t.ref('ReasoningEffort')),
  multiAgentMode: t.experimental('thread/fork.multiAgentMode', t.optional(t.ref('MultiAgentMode', { default: "explicitRequestOnly" }))),
}))

export const ThreadArchiveParams = v2('ThreadArchiveParams', t.object({
  threadId: t.string(),
}))

export const ThreadArchiveResponse = v2('ThreadArchiveResponse', t.object({}))

export const ThreadDeleteParams = v2('ThreadDeleteParams', t.object({
  threadId: t.string(),
}))

export const ThreadDeleteResponse = v2('ThreadDeleteResponse', t.object({}))

export const ThreadUnsubscribeParams = v2('ThreadUnsubscribeParams', t.object({
  threadId: t.string(),
}))

export const ThreadUnsubscribeResponse = v2('ThreadUnsubscribeResponse', t.object({
  status: t.ref('ThreadUnsubscribeStatus'),
}))

export const ThreadIncrementElicitationParams = v2('ThreadIncrementElicitationParams', t.object({
  threadId: t.string(),
}))

export const ThreadIncrementElicitationResponse = v2('ThreadIncrementElicitationResponse', t.object({
  count: t.int('int64'),
  paused: t.boolean(),
}))

export const ThreadDecrementElicitationParams = v2('ThreadDecrementElicitationParams', t.object({
  threadId: t.string(),
}))

export const ThreadDecrementElicitationResponse = v2('ThreadDecrementElicitationResponse', t.object({
  count: t.int('int64'),
  paused: t.boolean(),
}))

export const ThreadSetNameParams = v2('ThreadSetNameParams', t.object({
  threadId: t.string(),
  name: t.string(),
}))

export const ThreadSetNameResponse = v2('ThreadSetNameResponse', t.object({}))

export const ThreadMetadataUpdateParams = v2('ThreadMetadataUpdateParams', t.object({
  threadId: t.string(),
  projectId: t.experimental('thread/metadata/update.projectId', t.option(t.string())),
  gitInfo: t.option(t.ref('ThreadMetadataGitInfoUpdateParams')),
  daybreakEnabled: t.experimental('thread/metadata/update.daybreakEnabled', t.option(t.boolean())),
}))

export const ThreadMetadataUpdateResponse = v2('ThreadMetadataUpdateResponse', t.object({
  thread: t.ref('Thread'),
}))

export const ThreadSettingsUpdateParams = v2('ThreadSettingsUpdateParams', t.object({
  threadId: t.string(),
  disabledPluginIds: t.option(t.array(t.string())),
  cwd: t.option(t.string()),
  environments: t.option(t.array(t.ref('TurnEnvironmentParams'))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandboxPolicy: t.option(t.ref('SandboxPolicy')),
  permissions: t.option(t.string()),
  model: t.option(t.string()),
  serviceTier: t.option(t.string()),
  effort: t.option(t.ref('ReasoningEffort')),
  summary: t.option(t.ref('ReasoningSummary')),
  collaborationMode: t.option(t.ref('CollaborationMode')),
  multiAgentMode: t.option(t.ref('MultiAgentMode')),
  personality: t.option(t.ref('Personality')),
}))

export const ThreadSettingsUpdateResponse = v2('ThreadSettingsUpdateResponse', t.object({}))

export const ThreadUnarchiveParams = v2('ThreadUnarchiveParams', t.object({
  threadId: t.string(),
}))

export const ThreadUnarchiveResponse = v2('ThreadUnarchiveResponse', t.object({
  thread: t.ref('Thread'),
}))

export const ThreadCompactStartParams = v2('ThreadCompactStartParams', t.object({
  threadId: t.string(),
}))

export const ThreadCompactStartResponse = v2('ThreadCompactStartResponse', t.object({}))

export const ThreadShellCommandParams = v2('ThreadShellCommandParams', t.object({
  threadId: t.string(),
  command: t.string(),
  timeoutMs: t.option(t.int('int64')),
}))

export const ThreadShellCommandResponse = v2('ThreadShellCommandResponse', t.object({}))

export const ThreadApproveGuardianDeniedActionParams = v2('ThreadApproveGuardianDeniedActionParams', t.object({
  threadId: t.string(),
  event: t.json(),
}))

export const ThreadApproveGuardianDeniedActionResponse = v2('ThreadApproveGuardianDeniedActionResponse', t.object({}))

export const ThreadRevertParams = v2('ThreadRevertParams', t.object({
  threadId: t.string(),
  beforeTurnId: t.string(),
}))

export const ThreadRevertResponse = v2('ThreadRevertResponse', t.object({
  thread: t.ref('Thread'),
  turnsBackwardsCursor: t.option(t.string()),
  itemsBackwardsCursor: t.option(t.string()),
}))

export const ThreadListParams = v2('ThreadListParams', t.object({
  includeAttachedThreads: t.experimental('thread/list.includeAttachedThreads', t.optional(t.boolean())),
  currentAccountOnly: t.optional(t.boolean()),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  excludedThreadIds: t.option(t.array(t.string())),
  sortKey: t.option(t.ref('ThreadSortKey')),
  sortDirection: t.option(t.ref('SortDirection')),
  modelProviders: t.option(t.array(t.string())),
  sourceKinds: t.option(t.array(t.ref('ThreadSourceKind'))),
  originators: t.option(t.array(t.string())),
  archived: t.option(t.boolean()),
  sectionId: t.option(t.string()),
  projectId: t.experimental('thread/list.projectId', t.option(t.string())),
  cwd: t.option(t.ref('ThreadListCwdFilter')),
  useStateDbOnly: t.optional(t.boolean()),
  searchTerm: t.option(t.string()),
  parentThreadId: t.experimental('thread/list.parentThreadId', t.option(t.string())),
  ancestorThreadId: t.experimental('thread/list.ancestorThreadId', t.option(t.string())),
  attachedToThreadId: t.experimental('thread/list.attachedToThreadId', t.option(t.string())),
}))

export const ThreadListResponse = v2('ThreadListResponse', t.object({
  data: t.array(t.ref('Thread')),
  readStates: t.experimental('thread/list.readStates', t.option(t.map(t.ref('ThreadReadState')))),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))

export const ThreadSearchParams = v2('ThreadSearchParams', t.object({
  includeAttachedThreads: t.optional(t.boolean()),
  currentAccountOnly: t.optional(t.boolean()),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  sortKey: t.option(t.ref('ThreadSearchSortKey')),
  sortDirection: t.option(t.ref('SortDirection')),
  sourceKinds: t.option(t.array(t.ref('ThreadSourceKind'))),
  archived: t.option(t.boolean()),
  searchTerm: t.string(),
}))

export const ThreadSearchResponse = v2('ThreadSearchResponse', t.object({
  data: t.array(t.ref('ThreadSearchResult')),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))

export const ThreadSearchOccurrencesParams = v2('ThreadSearchOccurrencesParams', t.object({
  threadId: t.string(),
  searchTerm: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadSearchOccurrencesResponse = v2('ThreadSearchOccurrencesResponse', t.object({
  data: t.array(t.ref('ThreadSearchOccurrence')),
  nextCursor: t.option(t.string()),
}))

export const ThreadLoadedListParams = v2('ThreadLoadedListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadLoadedListResponse = v2('ThreadLoadedListResponse', t.object({
  data: t.array(t.string()),
  nextCursor: t.option(t.string()),
}))

export const ThreadReadParams = v2('ThreadReadParams', t.object({
  threadId: t.string(),
  includeTurns: t.optional(t.boolean()),
}))

export const ThreadReadResponse = v2('ThreadReadResponse', t.object({
  thread: t.ref('Thread'),
  readState: t.experimental('thread/read.readState', t.option(t.ref('ThreadReadState'))),
}))

export const ThreadTurnsListParams = v2('ThreadTurnsListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  sortDirection: t.option(t.ref('SortDirection')),
  itemsView: t.option(t.ref('TurnItemsView')),
}))

export const ThreadTurnsListResponse = v2('ThreadTurnsListResponse', t.object({
  data: t.array(t.ref('Turn')),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))

export const ThreadItemsListParams = v2('ThreadItemsListParams', t.object({
  threadId: t.string(),
  turnId: t.option(t.string()),
  cursor: t.option(t.ref('ThreadItemsListCursor')),
  limit: t.option(t.uint('uint32')),
  sortDirection: t.option(t.ref('SortDirection')),
  deferOutput: t.option(t.ref('ThreadItemOutputDeferral')),
}))

export const ThreadItemsListResponse = v2('ThreadItemsListResponse', t.object({
  data: t.array(t.ref('ThreadItemEntry')),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))

export const ThreadItemsReadParams = v2('ThreadItemsReadParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemIds: t.array(t.string()),
}))

export const ThreadItemsReadResponse = v2('ThreadItemsReadResponse', t.object({
  data: t.array(t.ref('ThreadItemEntry')),
}))

export const ThreadGuardianReviewParams = v2('ThreadGuardianReviewParams', t.object({
  threadId: t.string(),
}))

export const ThreadGuardianReviewResponse = v2('ThreadGuardianReviewResponse', t.object({
  callId: t.string(),
  assessment: t.option(t.ref('ThreadGuardianAssessment')),
}))

export const ThreadInjectItemsParams = v2('ThreadInjectItemsParams', t.object({
  threadId: t.string(),
  items: t.array(t.json()),
}))

export const ThreadInjectItemsResponse = v2('ThreadInjectItemsResponse', t.object({}))

export const ThreadPrepareApprovedPlanParams = v2('ThreadPrepareApprovedPlanParams', t.object({
  threadId: t.string(),
  markdown: t.string(),
  attachmentPath: t.option(t.string()),
}))

export const ThreadPrepareApprovedPlanResponse = v2('ThreadPrepareApprovedPlanResponse', t.object({
  prompt: t.string(),
}))

export const ThreadTimelineListParams = v2('ThreadTimelineListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadTimelineListResponse = v2('ThreadTimelineListResponse', t.object({
  data: t.array(t.ref('ThreadTimelineEntry')),
  nextCursor: t.option(t.string()),
  activeRealtimeSessionAtPageStart: t.option(t.string()),
}))

export const ThreadStartedNotification = v2('ThreadStartedNotification', t.object({
  thread: t.ref('Thread'),
}))

export const ThreadStatusChangedNotification = v2('ThreadStatusChangedNotification', t.object({
  threadId: t.string(),
  status: t.ref('ThreadStatus'),
}))

export const ThreadArchivedNotification = v2('ThreadArchivedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadDeletedNotification = v2('ThreadDeletedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadUnarchivedNotification = v2('ThreadUnarchivedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadClosedNotification = v2('ThreadClosedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadRevertedNotification = v2('ThreadRevertedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadNameUpdatedNotification = v2('ThreadNameUpdatedNotification', t.object({
  threadId: t.string(),
  threadName: t.option(t.string()),
}))

export const ThreadProjectUpdatedNotification = v2('ThreadProjectUpdatedNotification', t.object({
  threadId: t.string(),
  projectId: t.nullable(t.string()),
}))

export const EnvironmentConnectionNotification = v2('EnvironmentConnectionNotification', t.object({
  threadId: t.string(),
  environmentId: t.string(),
}))

export const ThreadSettingsUpdatedNotification = v2('ThreadSettingsUpdatedNotification', t.object({
  threadId: t.string(),
  threadSettings: t.ref('ThreadSettings'),
}))

export const ThreadTokenUsageUpdatedNotification = v2('ThreadTokenUsageUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  tokenUsage: t.ref('ThreadTokenUsage'),
}))

export const ContextCompactedNotification = v2('ContextCompactedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
}))

export const ActivePermissionProfile = v2('ActivePermissionProfile', t.object({
  id: t.string(),
  extends: t.option(t.string(), { default: null }),
}))

export const AgentPath = v2('AgentPath', t.string())

export const CapabilityRootLocation = v2('CapabilityRootLocation', t.tagged('type', {
  environment: {
    environmentId: t.string(),
    path: t.string(),
  },
}))

export const DynamicToolNamespaceTool = v2('DynamicToolNamespaceTool', t.tagged('type', {
  function: {
    deferLoading: t.optional(t.boolean()),
    description: t.string(),
    inputSchema: t.json(),
    name: t.string(),
  },
}))

export const DynamicToolSpec = v2('DynamicToolSpec', t.tagged('type', {
  function: {
    deferLoading: t.optional(t.boolean()),
    description: t.string(),
    inputSchema: t.json(),
    name: t.string(),
  },
  namespace: {
    description: t.string(),
    name: t.string(),
    tools: t.array(t.ref('DynamicToolNamespaceTool')),
  },
}))

export const GitInfo = v2('GitInfo', t.object({
  sha: t.option(t.string()),
  branch: t.option(t.string()),
  originUrl: t.option(t.string()),
}))

export const GuardianAssessmentOutcome = v2('GuardianAssessmentOutcome', t.enum(['allow', 'deny']))

export const RolloutCompressResponse = v2('RolloutCompressResponse', t.object({}))

export const SelectedCapabilityRoot = v2('SelectedCapabilityRoot', t.object({
  id: t.string(),
  location: t.ref('CapabilityRootLocation'),
}))

export const SessionSource = v2('SessionSource', t.oneOf([
  t.enum(['cli', 'vscode', 'exec', 'appServer', 'unknown']),
  t.object({
    custom: t.string(),
  }, { closed: true }),
  t.object({
    subAgent: t.ref('SubAgentSource'),
  }, { closed: true }),
]))

export const SubAgentSource = v2('SubAgentSource', t.oneOf([
  t.enum(['review', 'compact', 'memory_consolidation']),
  t.object({
    thread_spawn: t.object({
      agent_nickname: t.option(t.string(), { default: null }),
      agent_path: t.option(t.ref('AgentPath'), { default: null }),
      agent_role: t.option(t.string(), { default: null }),
      depth: t.int('int32'),
      parent_thread_id: t.ref('ThreadId'),
    }),
  }, { closed: true }),
  t.object({
    other: t.string(),
  }, { closed: true }),
]))

export const Thread = v2('Thread', t.object({
  id: t.string(),
  environments: t.experimental('thread.environments', t.option(t.array(t.ref('ThreadEnvironment')), { default: null })),
  extra: t.experimental('thread.extra', t.option(t.ref('ThreadExtra'))),
  sessionId: t.string(),
  forkedFromId: t.option(t.string()),
  attachedToThreadId: t.experimental('thread.attachedToThreadId', t.option(t.string())),
  parentThreadId: t.option(t.string()),
  preview: t.string(),
  ephemeral: t.boolean(),
  section: t.option(t.ref('ThreadSection'), { default: null }),
  sectionEnteredAt: t.option(t.int('int64'), { default: null }),
  projectId: t.nullable(t.string()),
  historyMode: t.optional(t.ref('ThreadHistoryMode', { default: "legacy" })),
  modelProvider: t.string(),
  model: t.option(t.string()),
  reasoningEffort: t.option(t.ref('ReasoningEffort')),
  createdAt: t.int('int64'),
  updatedAt: t.int('int64'),
  recencyAt: t.option(t.int('int64')),
  status: t.ref('ThreadStatus'),
  path: t.option(t.string()),
  cwd: t.ref('AbsolutePathBuf'),
  cliVersion: t.string(),
  originator: t.option(t.string()),
  source: t.ref('SessionSource'),
  canAcceptDirectInput: t.experimental('thread.canAcceptDirectInput', t.option(t.boolean())),
  threadSource: t.option(t.ref('ThreadSource')),
  agentNickname: t.option(t.string()),
  agentRole: t.option(t.string()),
  gitInfo: t.option(t.ref('GitInfo')),
  name: t.option(t.string()),
  daybreakEnabled: t.experimental('thread.daybreakEnabled', t.option(t.boolean())),
  turns: t.array(t.ref('Turn')),
}))

export const ThreadActiveFlag = v2('ThreadActiveFlag', t.enum(['waitingOnApproval', 'waitingOnUserInput']))

export const ThreadEnvironment = v2('ThreadEnvironment', t.object({
  environmentId: t.string(),
  cwd: t.ref('LegacyAppPathString'),
  runtimeWorkspaceRoots: t.array(t.ref('LegacyAppPathString')),
}))

export const ThreadExtra = v2('ThreadExtra', t.object({}))

export const ThreadGuardianAssessment = v2('ThreadGuardianAssessment', t.object({
  outcome: t.ref('GuardianAssessmentOutcome'),
  riskLevel: t.ref('GuardianRiskLevel'),
  userAuthorization: t.ref('GuardianUserAuthorization'),
  rationale: t.string(),
}))

export const ThreadHistoryMode = v2('ThreadHistoryMode', t.enum(['legacy', 'paginated']))

export const ThreadId = v2('ThreadId', t.string())

export const ThreadItem = v2('ThreadItem', t.tagged('type', {
  userMessage: {
    clientId: t.option(t.string()),
    content: t.array(t.ref('UserInput')),
    id: t.string(),
  },
  hookPrompt: {
    fragments: t.array(t.ref('HookPromptFragment')),
    id: t.string(),
  },
  agentMessage: {
    delivery: t.option(t.ref('AgentMessageDelivery'), { default: null }),
    id: t.string(),
    memoryCitation: t.option(t.ref('MemoryCitation'), { default: null }),
    moderation: t.option(t.ref('AgentMessageModeration'), { default: null }),
    phase: t.option(t.ref('MessagePhase'), { default: null }),
    questions: t.option(t.array(t.ref('AsyncUserInputQuestion')), { default: null }),
    text: t.string(),
  },
  functionCallOutput: {
    id: t.string(),
    name: t.string(),
    namespace: t.option(t.string()),
    output: t.ref('FunctionCallOutputBody'),
  },
  plan: {
    id: t.string(),
    text: t.string(),
  },
  reasoning: {
    content: t.optional(t.array(t.string(), { default: [] })),
    id: t.string(),
    summary: t.optional(t.array(t.string(), { default: [] })),
  },
  commandExecution: {
    aggregatedOutput: t.option(t.string()),
    command: t.string(),
    commandActions: t.array(t.ref('CommandAction')),
    cwd: t.ref('LegacyAppPathString'),
    durationMs: t.option(t.int('int64')),
    exitCode: t.option(t.int('int32')),
    id: t.string(),
    pluginId: t.option(t.string(), { default: null }),
    processId: t.option(t.string()),
    scriptPath: t.option(t.string(), { default: null }),
    source: t.optional(t.ref('CommandExecutionSource', { default: "agent" })),
    status: t.ref('CommandExecutionStatus'),
  },
  fileChange: {
    changes: t.array(t.ref('FileUpdateChange')),
    id: t.string(),
    status: t.ref('PatchApplyStatus'),
  },
  mcpToolCall: {
    appContext: t.option(t.ref('McpToolCallAppContext')),
    arguments: t.json(),
    durationMs: t.option(t.int('int64')),
    error: t.option(t.ref('McpToolCallError')),
    id: t.string(),
    mcpAppResourceUri: t.option(t.string()),
    mcpAppUi: t.option(t.ref('McpAppUi')),
    pluginId: t.option(t.string()),
    readOnlyHint: t.option(t.boolean()),
    result: t.option(t.ref('McpToolCallResult')),
    server: t.string(),
    status: t.ref('McpToolCallStatus'),
    tool: t.string(),
  },
  dynamicToolCall: {
    arguments: t.json(),
    contentItems: t.option(t.array(t.ref('DynamicToolCallOutputContentItem'))),
    durationMs: t.option(t.int('int64')),
    id: t.string(),
    namespace: t.option(t.string()),
    status: t.ref('DynamicToolCallStatus'),
    success: t.option(t.boolean()),
    tool: t.string(),
  },
  collabAgentToolCall: {
    agentsStates: t.map(t.ref('CollabAgentState')),
    id: t.string(),
    model: t.option(t.string()),
    prompt: t.option(t.string()),
    reasoningEffort: t.option(t.ref('ReasoningEffort')),
    receiverThreadIds: t.array(t.string()),
    senderThreadId: t.string(),
    status: t.ref('CollabAgentToolCallStatus'),
    tool: t.ref('CollabAgentTool'),
  },
  subAgentActivity: {
    agentPath: t.string(),
    agentThreadId: t.string(),
    id: t.string(),
    kind: t.ref('SubAgentActivityKind'),
    model: t.option(t.string()),
    reasoningEffort: t.option(t.ref('ReasoningEffort')),
  },
  webSearch: {
    action: t.option(t.ref('WebSearchAction')),
    id: t.string(),
    query: t.string(),
    results: t.option(t.array(t.json()), { default: null }),
  },
  imageView: {
    id: t.string(),
    path: t.ref('LegacyAppPathString'),
  },
  sleep: {
    durationMs: t.uint('uint64'),
    id: t.string(),
  },
  imageGeneration: t.object({
    failure: t.option(t.ref('ImageGenerationFailure'), { default: null }),
    generationId: t.option(t.string(), { default: null }),
    id: t.string(),
    inputImages: t.optional(t.array(t.ref('ImageGenerationInputImage'))),
    revisedPrompt: t.option(t.string()),
    savedPath: t.option(t.ref('AbsolutePathBuf')),
    status: t.string(),
    transparentBackground: t.option(t.boolean(), { default: null }),
  }, { anyOf: [t.object({
      fileId: t.string(),
    }), t.object({
      result: t.string(),
    })] }),
  enteredReviewMode: {
    id: t.string(),
    review: t.string(),
  },
  exitedReviewMode: {
    id: t.string(),
    review: t.string(),
  },
  contextCompaction: {
    id: t.string(),
  },
}, { shared: {
  completedAtMs: t.option(t.int('int64'), { default: null }),
  startedAtMs: t.option(t.int('int64'), { default: null }),
} }))

export const ThreadItemEntry = v2('ThreadItemEntry', t.object({
  turnId: t.string(),
  item: t.ref('ThreadItem'),
  outputDeferred: t.experimental('threadItemEntry.outputDeferred', t.optional(t.boolean())),
  startedAtMs: t.option(t.int('int64')),
  completedAtMs: t.option(t.int('int64')),
}))

export const ThreadItemOutputDeferral = v2('ThreadItemOutputDeferral', t.object({
  commandExecution: t.experimental('threadItemOutputDeferral.commandExecution', t.optional(t.boolean())),
  mcpToolCall: t.experimental('threadItemOutputDeferral.mcpToolCall', t.optional(t.boolean())),
}))

export const ThreadItemsListAnchor = v2('ThreadItemsListAnchor', t.tagged('type', {
  item: {
    itemId: t.string(),
  },
}))

export const ThreadItemsListCursor = v2('ThreadItemsListCursor', t.anyOf([
  t.string(),
  t.ref('ThreadItemsListAnchor'),
]))

export const ThreadListCwdFilter = v2('ThreadListCwdFilter', t.anyOf([
  t.string(),
  t.array(t.string()),
]))

export const ThreadMetadataGitInfoUpdateParams = v2('ThreadMetadataGitInfoUpdateParams', t.object({
  sha: t.option(t.string()),
  branch: t.option(t.string()),
  originUrl: t.option(t.string()),
}))

export const ThreadReadState = v2('ThreadReadState', t.object({
  firstUnread: t.option(t.ref('ThreadUnreadPosition')),
  revision: t.string(),
}))

export const ThreadRealtimeBemItemPresentation = v2('ThreadRealtimeBemItemPresentation', t.tagged('type', {
  wholeItem: {},
  inlineMarkdown: {},
  inlineVisualization: {
    index: t.uint('uint32'),
  },
}))

export const ThreadRealtimeItem = v2('ThreadRealtimeItem', t.tagged('type', {
  realtimeSessionStarted: {},
  transcriptSegment: {
    role: t.ref('ThreadRealtimeTranscriptRole'),
    text: t.string(),
  },
  bemItemPromoted: {
    item_id: t.string(),
    presentation: t.ref('ThreadRealtimeBemItemPresentation'),
    turn_id: t.string(),
  },
  realtimeSessionClosed: {
    outcome: t.ref('ThreadRealtimeSessionOutcome'),
  },
}, { shared: {
  id: t.string(),
  realtimeSessionId: t.string(),
} }))

export const ThreadRealtimeSessionOutcome = v2('ThreadRealtimeSessionOutcome', t.enum(['ended', 'failed']))

export const ThreadRealtimeTranscriptRole = v2('ThreadRealtimeTranscriptRole', t.enum(['user', 'assistant']))

export const ThreadResumeInitialTurnsPageParams = v2('ThreadResumeInitialTurnsPageParams', t.object({
  limit: t.option(t.uint('uint32')),
  sortDirection: t.option(t.ref('SortDirection')),
  itemsView: t.option(t.ref('TurnItemsView')),
}))

export const ThreadSearchOccurrence = v2('ThreadSearchOccurrence', t.object({
  turnId: t.string(),
  itemId: t.string(),
  snippet: t.string(),
  snippetMatchRange: t.ref('ThreadSearchTextRange'),
  turnCursor: t.string(),
}))

export const ThreadSearchResult = v2('ThreadSearchResult', t.object({
  thread: t.ref('Thread'),
  snippet: t.string(),
}))

export const ThreadSearchSortKey = v2('ThreadSearchSortKey', t.enum(['created_at', 'updated_at', 'recency_at']))

export const ThreadSearchTextRange = v2('ThreadSearchTextRange', t.object({
  start: t.uint('uint32'),
  end: t.uint('uint32'),
}))

export const ThreadSection = v2('ThreadSection', t.object({
  id: t.string(),
  name: t.string(),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { default: null }),
}))

export const ThreadSectionAppearance = v2('ThreadSectionAppearance', t.object({
  icon: t.option(t.string()),
  color: t.option(t.string()),
}))

export const ThreadSettings = v2('ThreadSettings', t.object({
  disabledPluginIds: t.optional(t.array(t.string(), { default: [] })),
  cwd: t.ref('AbsolutePathBuf'),
  environments: t.experimental('thread/settings.environments', t.option(t.array(t.ref('ThreadEnvironment')), { default: null })),
  approvalPolicy: t.ref('AskForApproval'),
  approvalsReviewer: t.ref('ApprovalsReviewer'),
  sandboxPolicy: t.ref('SandboxPolicy'),
  activePermissionProfile: t.option(t.ref('ActivePermissionProfile')),
  model: t.string(),
  modelProvider: t.string(),
  serviceTier: t.option(t.string()),
  effort: t.option(t.ref('ReasoningEffort')),
  summary: t.option(t.ref('ReasoningSummary')),
  collaborationMode: t.ref('CollaborationMode'),
  multiAgentMode: t.experimental('thread/settings.multiAgentMode', t.optional(t.ref('MultiAgentMode', { default: "explicitRequestOnly" }))),
  personality: t.option(t.ref('Personality')),
}))

export const ThreadSortKey = v2('ThreadSortKey', t.enum(['created_at', 'updated_at', 'recency_at', 'section_position']))

export const ThreadSource = v2('ThreadSource', t.string())

export const ThreadSourceKind = v2('ThreadSourceKind', t.enum(['cli', 'vscode', 'exec', 'appServer', 'subAgent', 'subAgentReview', 'subAgentCompact', 'subAgentThreadSpawn', 'subAgentOther', 'unknown']))

export const ThreadStartSource = v2('ThreadStartSource', t.enum(['startup', 'clear']))

export const ThreadStatus = v2('ThreadStatus', t.tagged('type', {
  notLoaded: {},
  idle: {},
  systemError: {},
  active: {
    activeFlags: t.array(t.ref('ThreadActiveFlag')),
  },
}))

export const ThreadTimelineEntry = v2('ThreadTimelineEntry', t.tagged('type', {
  item: {
    position: t.uint('uint64'),
    turnId: t.string(),
    item: t.ref('ThreadItem'),
  },
  realtime: {
    position: t.uint('uint64'),
    item: t.ref('ThreadRealtimeItem'),
  },
  turnStarted: {
    position: t.uint('uint64'),
    started_at: t.option(t.int('int64')),
    turn_id: t.string(),
  },
  turnCompleted: {
    position: t.uint('uint64'),
    status: t.ref('TurnStatus'),
    error: t.option(t.ref('TurnError')),
    completed_at: t.option(t.int('int64')),
    duration_ms: t.option(t.int('int64')),
    started_at: t.option(t.int('int64')),
    turn_id: t.string(),
  },
}))

export const ThreadTokenUsage = v2('ThreadTokenUsage', t.object({
  total: t.ref('TokenUsageBreakdown'),
  last: t.ref('TokenUsageBreakdown'),
  modelContextWindow: t.option(t.int('int64')),
}))

export const ThreadUnreadPosition = v2('ThreadUnreadPosition', t.tagged('type', {
  threadStart: {},
  turn: {
    turnId: t.string(),
  },
}))

export const ThreadUnsubscribeStatus = v2('ThreadUnsubscribeStatus', t.enum(['notLoaded', 'notSubscribed', 'unsubscribed']))

export const TurnsPage = v2('TurnsPage', t.object({
  data: t.array(t.ref('Turn')),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))
