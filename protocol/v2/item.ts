// Thread item lifecycle and streaming: notifications as items start, stream deltas and complete,
// the automatic approval review (guardian) events, and the small types those items use.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ItemStartedNotification = v2('ItemStartedNotification', t.object({
  item: t.describe('The item as it stands when it starts.', t.ref('ThreadItem')),
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.describe('When the item started, Unix epoch milliseconds.', t.int('int64')),
}), 'Sent when an item of a turn starts (a message, command, file change, tool call and so on).')

export const ItemGuardianApprovalReviewStartedNotification = v2('ItemGuardianApprovalReviewStartedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.describe('When the review started, Unix epoch milliseconds.', t.int('int64')),
  reviewId: t.describe('Id of this review; the started and completed notifications share it.', t.string()),
  targetItemId: t.option(t.string(), { description: 'Item or tool call under review; null when there is none (e.g. network access reviews).' }),
  review: t.ref('GuardianApprovalReview'),
  action: t.describe('What is being reviewed.', t.ref('GuardianApprovalReviewAction')),
}), 'Sent when the automatic reviewer starts judging an action that needs approval; unstable, the shape is expected to change.')

export const ItemGuardianApprovalReviewCompletedNotification = v2('ItemGuardianApprovalReviewCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.describe('When the review started, Unix epoch milliseconds.', t.int('int64')),
  completedAtMs: t.describe('When the review ended, Unix epoch milliseconds.', t.int('int64')),
  reviewId: t.describe('Id of this review; the started and completed notifications share it.', t.string()),
  targetItemId: t.option(t.string(), { description: 'Item or tool call under review; null when there is none (e.g. network access reviews).' }),
  decisionSource: t.describe('What produced the decision.', t.ref('AutoReviewDecisionSource')),
  review: t.describe('The outcome of the review.', t.ref('GuardianApprovalReview')),
  action: t.describe('What was reviewed.', t.ref('GuardianApprovalReviewAction')),
}), 'Sent when the automatic reviewer has decided on an action; unstable, the shape is expected to change.')

export const ItemCompletedNotification = v2('ItemCompletedNotification', t.object({
  item: t.describe('The finished item; this is its final state.', t.ref('ThreadItem')),
  threadId: t.string(),
  turnId: t.string(),
  contentTokenCount: t.option(t.uint('uint64'), { default: null, description: 'Tokens of a finished assistant message, when known; not stored with the item.' }),
  completedAtMs: t.describe('When the item finished, Unix epoch milliseconds.', t.int('int64')),
}), 'Sent when an item of a turn finishes, with its final state.')

export const AgentMessageDeltaNotification = v2('AgentMessageDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Text to append to the message.', t.string()),
}), 'Streams text of an assistant message as it is generated.')

export const PlanDeltaNotification = v2('PlanDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Text to append to the plan being written.', t.string()),
}), 'Streams text of a plan item as it is written; the joined deltas need not equal the finished plan.')

export const CommandExecutionOutputDeltaNotification = v2('CommandExecutionOutputDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Next chunk of the command\'s combined stdout and stderr.', t.string()),
}), 'Streams output of a running command item.')

export const TerminalInteractionNotification = v2('TerminalInteractionNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  processId: t.describe('Id of the terminal session written to.', t.string()),
  stdin: t.describe('What was written to its stdin.', t.string()),
}), 'Sent when the agent writes to the stdin of a running terminal session.')

export const FileChangeOutputDeltaNotification = v2('FileChangeOutputDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Next chunk of the patch tool\'s text output.', t.string()),
}), 'Deprecated: text output of the patch tool; the server no longer sends it.')

export const FileChangePatchUpdatedNotification = v2('FileChangePatchUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  changes: t.describe('The full list of file changes as it now stands.', t.array(t.ref('FileUpdateChange'))),
}), 'Sent when the proposed changes of a file change item are updated while it streams.')

export const McpToolCallProgressNotification = v2('McpToolCallProgressNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  message: t.describe('Progress message reported by the MCP server.', t.string()),
}), 'Progress report of a running MCP tool call.')

export const ReasoningSummaryTextDeltaNotification = v2('ReasoningSummaryTextDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Text to append to the summary part.', t.string()),
  summaryIndex: t.describe('Index of the summary part the text belongs to.', t.int('int64')),
}), 'Streams text of the reasoning summary.')

export const ReasoningSummaryPartAddedNotification = v2('ReasoningSummaryPartAddedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  summaryIndex: t.describe('Index of the new summary part.', t.int('int64')),
}), 'Sent when a new part of the reasoning summary begins.')

export const ReasoningTextDeltaNotification = v2('ReasoningTextDeltaNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  delta: t.describe('Text to append to the reasoning content part.', t.string()),
  contentIndex: t.describe('Index of the content part the text belongs to.', t.int('int64')),
}), 'Streams raw reasoning text, where the model exposes it.')

export const AutoReviewDecisionSource = v2('AutoReviewDecisionSource', t.literal('agent'), 'What produced an automatic approval decision; unstable.')

export const CollabAgentState = v2('CollabAgentState', t.object({
  status: t.ref('CollabAgentStatus'),
  message: t.option(t.string(), { description: 'Latest message from the agent (such as its final answer or error), if any.' }),
}), 'Last known state of a sub-agent.')

export const CollabAgentStatus = v2('CollabAgentStatus', t.enum(['pendingInit', 'running', 'interrupted', 'completed', 'errored', 'shutdown', 'notFound']), 'Lifecycle state of a sub-agent.')

export const CollabAgentTool = v2('CollabAgentTool', t.enum(['spawnAgent', 'sendInput', 'resumeAgent', 'wait', 'closeAgent', 'sendMessage', 'followupTask', 'interruptAgent', 'listAgents']), 'The sub-agent tools the agent can call: spawn, message, wait for, resume, interrupt, close or list agents.')

export const CollabAgentToolCallStatus = v2('CollabAgentToolCallStatus', t.enum(['inProgress', 'completed', 'failed', 'interrupted']), 'State of a sub-agent tool call.')

export const CollaborationMode = v2('CollaborationMode', t.object({
  mode: t.ref('ModeKind'),
  settings: t.describe('Model settings of the mode; null `developer_instructions` uses the mode\'s built-in instructions.', t.ref('Settings')),
}), 'A collaboration mode and the model settings it uses.')

export const DynamicToolCallOutputContentItem = v2('DynamicToolCallOutputContentItem', t.tagged('type', {
  inputText: {
    text: t.string(),
  },
  inputImage: {
    imageUrl: t.describe('Image URL or `data:` URL.', t.string()),
  },
  inputAudio: {
    audioUrl: t.describe('Audio URL or `data:` URL.', t.string()),
  },
}), 'A content part returned by a client-provided (dynamic) tool: text, image or audio.')

export const DynamicToolCallStatus = v2('DynamicToolCallStatus', t.enum(['inProgress', 'completed', 'failed']), 'State of a call to a client-provided tool.')

export const GuardianApprovalReview = v2('GuardianApprovalReview', t.object({
  status: t.ref('GuardianApprovalReviewStatus'),
  riskLevel: t.option(t.ref('GuardianRiskLevel'), { description: 'Risk the reviewer assigned, once it has decided.' }),
  userAuthorization: t.option(t.ref('GuardianUserAuthorization'), { description: 'How far the user\'s instructions cover the action, once decided.' }),
  rationale: t.option(t.string(), { description: 'The reviewer\'s explanation, once decided.' }),
}), 'State and outcome of an automatic approval review; unstable.')

export const GuardianApprovalReviewAction = v2('GuardianApprovalReviewAction', t.tagged('type', {
  command: {
    source: t.describe('Which shell tool wants to run it.', t.ref('GuardianCommandSource')),
    command: t.describe('The command line.', t.string()),
    cwd: t.ref('LegacyAppPathString'),
  },
  execve: {
    source: t.describe('Which shell tool wants to run it.', t.ref('GuardianCommandSource')),
    program: t.describe('Program to execute.', t.string()),
    argv: t.describe('Its full argument vector.', t.array(t.string())),
    cwd: t.ref('AbsolutePathBuf'),
  },
  writeStdin: {
    approvalId: t.describe('Id of this approval, separate from the command item.', t.string()),
    processId: t.describe('Terminal session to write to.', t.string()),
    stdin: t.describe('Text to write.', t.string()),
    cwd: t.ref('LegacyAppPathString'),
  },
  applyPatch: {
    cwd: t.ref('LegacyAppPathString'),
    files: t.describe('Files the patch touches.', t.array(t.ref('LegacyAppPathString'))),
  },
  networkAccess: {
    target: t.describe('The address as requested (e.g. a URL).', t.string()),
    host: t.string(),
    protocol: t.ref('NetworkApprovalProtocol'),
    port: t.uint('uint16'),
  },
  mcpToolCall: {
    server: t.describe('MCP server name.', t.string()),
    toolName: t.string(),
    connectorId: t.option(t.string(), { description: 'App connector behind the server, if any.' }),
    connectorName: t.option(t.string(), { description: 'Display name of that connector.' }),
    toolTitle: t.option(t.string(), { description: 'Display title of the tool.' }),
  },
  requestPermissions: {
    reason: t.option(t.string(), { description: 'Why the agent asks, if it said.' }),
    permissions: t.describe('The extra access asked for.', t.ref('RequestPermissionProfile')),
  },
}), 'The action an automatic approval review judges: a command, an exec call, writing to a terminal, a patch, network access, an MCP tool call, or a permission request.')

export const GuardianApprovalReviewStatus = v2('GuardianApprovalReviewStatus', t.enum(['inProgress', 'approved', 'denied', 'timedOut', 'aborted']), 'Lifecycle of an automatic approval review; unstable.')

export const GuardianCommandSource = v2('GuardianCommandSource', t.enum(['shell', 'unifiedExec']), 'Which shell tool a reviewed command comes from.')

export const ImageGenerationFailure = v2('ImageGenerationFailure', t.tagged('type', {
  usageLimitExceeded: {
    limitId: t.describe('Id of the usage limit that was hit.', t.string()),
    resetsAt: t.option(t.int('int64'), { description: 'When the limit resets, Unix epoch seconds, if known.' }),
  },
}), 'Why image generation failed.')

export const ImageGenerationInputImage = v2('ImageGenerationInputImage', t.object({
  path: t.ref('AbsolutePathBuf'),
  sha256: t.describe('SHA-256 of the bytes read, lowercase hex.', t.string()),
}), 'A local image file that was read as input for image generation.')

export const PatchApplyStatus = v2('PatchApplyStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']), 'State of a file change item: in progress, applied, failed, or declined by the user.')

export const PatchChangeKind = v2('PatchChangeKind', t.tagged('type', {
  add: {},
  delete: {},
  update: {
    move_path: t.option(t.string(), { description: 'New path when the file is also renamed; null otherwise.' }),
  },
}), 'How a patch changes a file: add, delete, or update (possibly with a move).')

export const RawResponseCompletedNotification = v2('RawResponseCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  responseId: t.describe('Id of the model response.', t.string()),
  usage: t.option(t.ref('TokenUsageBreakdown'), { description: 'Token usage the provider reported, if any.' }),
  usageMetadata: t.option(t.ref('ResponseUsageMetadata'), { description: 'Further usage detail, if any.' }),
}), 'Internal: exact usage of one model API response. Only in codex\'s TypeScript output; clients should not rely on it.')

export const RawResponseItemCompletedNotification = v2('RawResponseItemCompletedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  item: t.describe('The item exactly as the model API returned it.', t.ref('ResponseItem')),
}), 'Internal: a raw model API item as it completed. Only in codex\'s TypeScript output; clients should not rely on it.')

export const ResponseUsageMetadata = v2('ResponseUsageMetadata', t.object({
  amount: t.option(t.string(), { description: 'Usage amount as reported (a decimal string), if any.' }),
  metadata: t.optional(t.describe('Other usage metadata, as reported.', t.json())),
}), 'Usage details the provider reported for one response.')

export const WebSearchAction = v2('WebSearchAction', t.tagged('type', {
  search: {
    query: t.option(t.string(), { description: 'The query searched for.' }),
    queries: t.option(t.array(t.string()), { description: 'All queries, when several were run.' }),
  },
  openPage: {
    url: t.option(t.string(), { description: 'Page opened.' }),
  },
  findInPage: {
    url: t.option(t.string(), { description: 'Page searched.' }),
    pattern: t.option(t.string(), { description: 'Text looked for.' }),
  },
  other: {},
}), 'What a web search item did: search, open a page, or find text in a page.')
