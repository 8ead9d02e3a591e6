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

export const ThreadUnsubscribeParams = v2('ThreadUnsubscribeParams', t.object({
  threadId: t.string(),
}))

export const ThreadUnsubscribeResponse = v2('ThreadUnsubscribeResponse', t.object({
  status: t.ref('ThreadUnsubscribeStatus'),
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

export const ThreadStartedNotification = v2('ThreadStartedNotification', t.object({
  thread: t.ref('Thread'),
}))

export const ThreadStatusChangedNotification = v2('ThreadStatusChangedNotification', t.object({
  threadId: t.string(),
  status: t.ref('ThreadStatus'),
}))

export const ThreadTokenUsageUpdatedNotification = v2('ThreadTokenUsageUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  tokenUsage: t.ref('ThreadTokenUsage'),
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

export const TurnEnvironmentParams = v2('TurnEnvironmentParams', t.object({
  environmentId: t.string(),
  cwd: t.ref('LegacyAppPathString'),
  runtimeWorkspaceRoots: t.option(t.array(t.ref('LegacyAppPathString'))),
}))

export const ThreadHistoryMode = v2('ThreadHistoryMode', t.enum(['legacy', 'paginated']))

export const SelectedCapabilityRoot = v2('SelectedCapabilityRoot', t.object({
  id: t.string(),
  location: t.ref('CapabilityRootLocation'),
}))

export const ThreadStartSource = v2('ThreadStartSource', t.enum(['startup', 'clear']))

export const ThreadSource = v2('ThreadSource', t.string())

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

export const ResponseItem = v2('ResponseItem', t.tagged('type', {
  additional_tools: {
    id: t.option(t.string()),
    role: t.string(),
    tools: t.array(t.json()),
  },
  message: {
    encrypted_content: t.option(t.string()),
    status: t.option(t.string()),
    id: t.option(t.string()),
    role: t.string(),
    content: t.array(t.ref('ContentItem')),
    phase: t.option(t.ref('MessagePhase')),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  agent_message: {
    id: t.option(t.string()),
    author: t.string(),
    recipient: t.string(),
    content: t.array(t.ref('AgentMessageInputContent')),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  reasoning: {
    id: t.option(t.string()),
    summary: t.array(t.ref('ReasoningItemReasoningSummary')),
    content: t.option(t.array(t.ref('ReasoningItemContent')), { default: null }),
    encrypted_content: t.option(t.string()),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  local_shell_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    call_id: t.option(t.string()),
    status: t.ref('LocalShellStatus'),
    action: t.ref('LocalShellAction'),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  function_call: {
    encrypted_content: t.option(t.string()),
    status: t.option(t.string()),
    id: t.option(t.string()),
    name: t.string(),
    namespace: t.option(t.string()),
    arguments: t.string(),
    encrypted_function_args: t.option(t.array(t.string())),
    call_id: t.string(),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  tool_search_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    call_id: t.option(t.string()),
    status: t.option(t.string()),
    execution: t.string(),
    arguments: t.json(),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  function_call_output: {
    id: t.option(t.string()),
    call_id: t.option(t.string()),
    name: t.option(t.string()),
    namespace: t.option(t.string()),
    output: t.ref('FunctionCallOutputBody'),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  custom_tool_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    status: t.option(t.string()),
    call_id: t.string(),
    name: t.string(),
    namespace: t.option(t.string()),
    input: t.string(),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  custom_tool_call_output: {
    id: t.option(t.string()),
    call_id: t.string(),
    name: t.option(t.string()),
    output: t.ref('FunctionCallOutputBody'),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  tool_search_output: {
    id: t.option(t.string()),
    call_id: t.option(t.string()),
    status: t.string(),
    execution: t.string(),
    tools: t.array(t.json()),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  web_search_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    status: t.option(t.string()),
    action: t.option(t.ref('ResponsesApiWebSearchAction')),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  image_generation_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    status: t.string(),
    revised_prompt: t.option(t.string()),
    result: t.string(),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  compaction: {
    id: t.option(t.string()),
    encrypted_content: t.string(),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  configuration_update: {
    reasoning: t.ref('ConfigurationReasoning'),
  },
  compaction_trigger: {},
  context_compaction: {
    id: t.option(t.string()),
    encrypted_content: t.option(t.string()),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  other: {},
}))

export const ThreadResumeInitialTurnsPageParams = v2('ThreadResumeInitialTurnsPageParams', t.object({
  limit: t.option(t.uint('uint32')),
  sortDirection: t.option(t.ref('SortDirection')),
  itemsView: t.option(t.ref('TurnItemsView')),
}))

export const TurnsPage = v2('TurnsPage', t.object({
  data: t.array(t.ref('Turn')),
  nextCursor: t.option(t.string()),
  backwardsCursor: t.option(t.string()),
}))

export const ThreadUnsubscribeStatus = v2('ThreadUnsubscribeStatus', t.enum(['notLoaded', 'notSubscribed', 'unsubscribed']))

export const ThreadListCwdFilter = v2('ThreadListCwdFilter', t.anyOf([
  t.string(),
  t.array(t.string()),
]))

export const ThreadSortKey = v2('ThreadSortKey', t.enum(['created_at', 'updated_at', 'recency_at', 'section_position']))

export const ThreadSourceKind = v2('ThreadSourceKind', t.enum(['cli', 'vscode', 'exec', 'appServer', 'subAgent', 'subAgentReview', 'subAgentCompact', 'subAgentThreadSpawn', 'subAgentOther', 'unknown']))

export const ThreadReadState = v2('ThreadReadState', t.object({
  firstUnread: t.option(t.ref('ThreadUnreadPosition')),
  revision: t.string(),
}))

export const ThreadStatus = v2('ThreadStatus', t.tagged('type', {
  notLoaded: {},
  idle: {},
  systemError: {},
  active: {
    activeFlags: t.array(t.ref('ThreadActiveFlag')),
  },
}))

export const ThreadTokenUsage = v2('ThreadTokenUsage', t.object({
  total: t.ref('TokenUsageBreakdown'),
  last: t.ref('TokenUsageBreakdown'),
  modelContextWindow: t.option(t.int('int64')),
}))

export const DynamicToolNamespaceTool = v2('DynamicToolNamespaceTool', t.tagged('type', {
  function: {
    deferLoading: t.optional(t.boolean()),
    description: t.string(),
    inputSchema: t.json(),
    name: t.string(),
  },
}))

export const CapabilityRootLocation = v2('CapabilityRootLocation', t.tagged('type', {
  environment: {
    environmentId: t.string(),
    path: t.string(),
  },
}))

export const ThreadEnvironment = v2('ThreadEnvironment', t.object({
  environmentId: t.string(),
  cwd: t.ref('LegacyAppPathString'),
  runtimeWorkspaceRoots: t.array(t.ref('LegacyAppPathString')),
}))

export const ThreadExtra = v2('ThreadExtra', t.object({}))

export const GitInfo = v2('GitInfo', t.object({
  sha: t.option(t.string()),
  branch: t.option(t.string()),
  originUrl: t.option(t.string()),
}))

export const ThreadSection = v2('ThreadSection', t.object({
  id: t.string(),
  name: t.string(),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { default: null }),
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

export const ContentItem = v2('ContentItem', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  input_image: t.object({
    detail: t.option(t.ref('ImageDetail')),
  }, { anyOf: [t.object({
      image_url: t.string(),
    }), t.object({
      file_id: t.string(),
    })] }),
  input_audio: t.object({}, { anyOf: [t.object({
      audio_url: t.string(),
    }), t.object({
      file_id: t.string(),
    })] }),
  output_text: {
    text: t.string(),
    annotations: t.option(t.array(t.json())),
    logprobs: t.option(t.array(t.json())),
  },
}))

export const InternalChatMessageMetadataPassthrough = v2('InternalChatMessageMetadataPassthrough', t.object({
  turn_id: t.option(t.string()),
}))

export const MessagePhase = v2('MessagePhase', t.oneOf([
  t.literal('commentary'),
  t.literal('partial_answer'),
  t.literal('final_answer'),
]))

export const AgentMessageInputContent = v2('AgentMessageInputContent', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  encrypted_content: {
    encrypted_content: t.string(),
  },
}))

export const ReasoningItemContent = v2('ReasoningItemContent', t.tagged('type', {
  reasoning_text: {
    text: t.string(),
  },
  text: {
    text: t.string(),
  },
}))

export const ReasoningItemReasoningSummary = v2('ReasoningItemReasoningSummary', t.tagged('type', {
  summary_text: {
    text: t.string(),
  },
}))

export const LocalShellAction = v2('LocalShellAction', t.tagged('type', {
  exec: {
    command: t.array(t.string()),
    env: t.option(t.map(t.string())),
    timeout_ms: t.option(t.uint('uint64')),
    user: t.option(t.string()),
    working_directory: t.option(t.string()),
  },
}))

export const LocalShellStatus = v2('LocalShellStatus', t.enum(['completed', 'in_progress', 'incomplete']))

export const FunctionCallOutputBody = v2('FunctionCallOutputBody', t.anyOf([
  t.string(),
  t.array(t.ref('FunctionCallOutputContentItem')),
]))

export const ResponsesApiWebSearchAction = v2('ResponsesApiWebSearchAction', t.tagged('type', {
  search: {
    queries: t.option(t.array(t.string())),
    query: t.option(t.string()),
  },
  open_page: {
    url: t.option(t.string()),
  },
  find_in_page: {
    pattern: t.option(t.string()),
    url: t.option(t.string()),
  },
  other: {},
}))

export const TurnItemsView = v2('TurnItemsView', t.oneOf([
  t.literal('notLoaded'),
  t.literal('summary'),
  t.literal('full'),
]))

export const ThreadUnreadPosition = v2('ThreadUnreadPosition', t.tagged('type', {
  threadStart: {},
  turn: {
    turnId: t.string(),
  },
}))

export const ThreadActiveFlag = v2('ThreadActiveFlag', t.enum(['waitingOnApproval', 'waitingOnUserInput']))

export const TokenUsageBreakdown = v2('TokenUsageBreakdown', t.object({
  totalTokens: t.int('int64'),
  inputTokens: t.int('int64'),
  cachedInputTokens: t.int('int64'),
  cacheWriteInputTokens: t.optional(t.int('int64', { default: 0 })),
  outputTokens: t.int('int64'),
  reasoningOutputTokens: t.int('int64'),
}))

export const ThreadSectionAppearance = v2('ThreadSectionAppearance', t.object({
  icon: t.option(t.string()),
  color: t.option(t.string()),
}))

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

export const FunctionCallOutputContentItem = v2('FunctionCallOutputContentItem', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  input_image: t.object({
    detail: t.option(t.ref('ImageDetail')),
  }, { anyOf: [t.object({
      image_url: t.string(),
    }), t.object({
      file_id: t.string(),
    })] }),
  input_audio: t.object({}, { anyOf: [t.object({
      audio_url: t.string(),
    }), t.object({
      file_id: t.string(),
    })] }),
  encrypted_content: {
    encrypted_content: t.string(),
  },
}))

export const AgentPath = v2('AgentPath', t.string())
