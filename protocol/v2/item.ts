// The item family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ItemStartedNotification = v2('ItemStartedNotification', t.object({
  item: t.ref('ThreadItem'),
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.int('int64'),
}))

export const ItemGuardianApprovalReviewStartedNotification = v2('ItemGuardianApprovalReviewStartedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.int('int64'),
  reviewId: t.string(),
  targetItemId: t.option(t.string()),
  review: t.ref('GuardianApprovalReview'),
  action: t.ref('GuardianApprovalReviewAction'),
}))

export const ItemGuardianApprovalReviewCompletedNotification = v2('ItemGuardianApprovalReviewCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.int('int64'),
  completedAtMs: t.int('int64'),
  reviewId: t.string(),
  targetItemId: t.option(t.string()),
  decisionSource: t.ref('AutoReviewDecisionSource'),
  review: t.ref('GuardianApprovalReview'),
  action: t.ref('GuardianApprovalReviewAction'),
}))

export const ItemCompletedNotification = v2('ItemCompletedNotification', t.object({
  item: t.ref('ThreadItem'),
  threadId: t.string(),
  turnId: t.string(),
  contentTokenCount: t.option(t.uint('uint64'), { default: null }),
  completedAtMs: t.int('int64'),
}))

export const AgentMessageDeltaNotification = v2('AgentMessageDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
}))

export const PlanDeltaNotification = v2('PlanDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
}))

export const CommandExecutionOutputDeltaNotification = v2('CommandExecutionOutputDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
}))

export const TerminalInteractionNotification = v2('TerminalInteractionNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  processId: t.string(),
  stdin: t.string(),
}))

export const FileChangeOutputDeltaNotification = v2('FileChangeOutputDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
}))

export const FileChangePatchUpdatedNotification = v2('FileChangePatchUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  changes: t.array(t.ref('FileUpdateChange')),
}))

export const McpToolCallProgressNotification = v2('McpToolCallProgressNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  message: t.string(),
}))

export const ReasoningSummaryTextDeltaNotification = v2('ReasoningSummaryTextDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
  summaryIndex: t.int('int64'),
}))

export const ReasoningSummaryPartAddedNotification = v2('ReasoningSummaryPartAddedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  summaryIndex: t.int('int64'),
}))

export const ReasoningTextDeltaNotification = v2('ReasoningTextDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.string(),
  contentIndex: t.int('int64'),
}))

export const AutoReviewDecisionSource = v2('AutoReviewDecisionSource', t.literal('agent'))

export const CollabAgentState = v2('CollabAgentState', t.object({
  status: t.ref('CollabAgentStatus'),
  message: t.option(t.string()),
}))

export const CollabAgentStatus = v2('CollabAgentStatus', t.enum(['pendingInit', 'running', 'interrupted', 'completed', 'errored', 'shutdown', 'notFound']))

export const CollabAgentTool = v2('CollabAgentTool', t.enum(['spawnAgent', 'sendInput', 'resumeAgent', 'wait', 'closeAgent', 'sendMessage', 'followupTask', 'interruptAgent', 'listAgents']))

export const CollabAgentToolCallStatus = v2('CollabAgentToolCallStatus', t.enum(['inProgress', 'completed', 'failed', 'interrupted']))

export const CollaborationMode = v2('CollaborationMode', t.object({
  mode: t.ref('ModeKind'),
  settings: t.ref('Settings'),
}))

export const DynamicToolCallOutputContentItem = v2('DynamicToolCallOutputContentItem', t.tagged('type', {
  inputText: {
    text: t.string(),
  },
  inputImage: {
    imageUrl: t.string(),
  },
  inputAudio: {
    audioUrl: t.string(),
  },
}))

export const DynamicToolCallStatus = v2('DynamicToolCallStatus', t.enum(['inProgress', 'completed', 'failed']))

export const GuardianApprovalReview = v2('GuardianApprovalReview', t.object({
  status: t.ref('GuardianApprovalReviewStatus'),
  riskLevel: t.option(t.ref('GuardianRiskLevel')),
  userAuthorization: t.option(t.ref('GuardianUserAuthorization')),
  rationale: t.option(t.string()),
}))

export const GuardianApprovalReviewAction = v2('GuardianApprovalReviewAction', t.tagged('type', {
  command: {
    source: t.ref('GuardianCommandSource'),
    command: t.string(),
    cwd: t.ref('LegacyAppPathString'),
  },
  execve: {
    source: t.ref('GuardianCommandSource'),
    program: t.string(),
    argv: t.array(t.string()),
    cwd: t.ref('AbsolutePathBuf'),
  },
  writeStdin: {
    approvalId: t.string(),
    processId: t.string(),
    stdin: t.string(),
    cwd: t.ref('LegacyAppPathString'),
  },
  applyPatch: {
    cwd: t.ref('LegacyAppPathString'),
    files: t.array(t.ref('LegacyAppPathString')),
  },
  networkAccess: {
    target: t.string(),
    host: t.string(),
    protocol: t.ref('NetworkApprovalProtocol'),
    port: t.uint('uint16'),
  },
  mcpToolCall: {
    server: t.string(),
    toolName: t.string(),
    connectorId: t.option(t.string()),
    connectorName: t.option(t.string()),
    toolTitle: t.option(t.string()),
  },
  requestPermissions: {
    reason: t.option(t.string()),
    permissions: t.ref('RequestPermissionProfile'),
  },
}))

export const GuardianApprovalReviewStatus = v2('GuardianApprovalReviewStatus', t.enum(['inProgress', 'approved', 'denied', 'timedOut', 'aborted']))

export const GuardianCommandSource = v2('GuardianCommandSource', t.enum(['shell', 'unifiedExec']))

export const ImageGenerationFailure = v2('ImageGenerationFailure', t.tagged('type', {
  usageLimitExceeded: {
    limitId: t.string(),
    resetsAt: t.option(t.int('int64')),
  },
}))

export const ImageGenerationInputImage = v2('ImageGenerationInputImage', t.object({
  path: t.ref('AbsolutePathBuf'),
  sha256: t.string(),
}))

export const PatchApplyStatus = v2('PatchApplyStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']))

export const PatchChangeKind = v2('PatchChangeKind', t.tagged('type', {
  add: {},
  delete: {},
  update: {
    move_path: t.option(t.string()),
  },
}))

export const RawResponseCompletedNotification = v2('RawResponseCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  responseId: t.string(),
  usage: t.option(t.ref('TokenUsageBreakdown')),
  usageMetadata: t.option(t.ref('ResponseUsageMetadata')),
}))

export const RawResponseItemCompletedNotification = v2('RawResponseItemCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  item: t.ref('ResponseItem'),
}))

export const ResponseUsageMetadata = v2('ResponseUsageMetadata', t.object({
  amount: t.option(t.string()),
  metadata: t.optional(t.json()),
}))

export const WebSearchAction = v2('WebSearchAction', t.tagged('type', {
  search: {
    query: t.option(t.string()),
    queries: t.option(t.array(t.string())),
  },
  openPage: {
    url: t.option(t.string()),
  },
  findInPage: {
    url: t.option(t.string()),
    pattern: t.option(t.string()),
  },
  other: {},
}))
