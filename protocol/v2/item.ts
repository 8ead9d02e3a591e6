// The item family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ItemStartedNotification = v2('ItemStartedNotification', t.object({
  item: t.ref('ThreadItem'),
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.int('int64'),
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

export const HookPromptFragment = v2('HookPromptFragment', t.object({
  text: t.string(),
  hookRunId: t.string(),
}))

export const AgentMessageDelivery = v2('AgentMessageDelivery', t.literal('async'))

export const MemoryCitation = v2('MemoryCitation', t.object({
  entries: t.array(t.ref('MemoryCitationEntry')),
  threadIds: t.array(t.string()),
}))

export const AgentMessageModeration = v2('AgentMessageModeration', t.object({
  moderated: t.boolean(),
  display: t.option(t.ref('AgentMessageDisplay')),
}))

export const AsyncUserInputQuestion = v2('AsyncUserInputQuestion', t.object({
  title: t.string(),
  options: t.option(t.array(t.string())),
}, { closed: true }))

export const CommandExecutionSource = v2('CommandExecutionSource', t.enum(['agent', 'userShell', 'unifiedExecStartup', 'unifiedExecInteraction']))

export const CommandExecutionStatus = v2('CommandExecutionStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']))

export const FileUpdateChange = v2('FileUpdateChange', t.object({
  path: t.string(),
  kind: t.ref('PatchChangeKind'),
  diff: t.string(),
}))

export const PatchApplyStatus = v2('PatchApplyStatus', t.enum(['inProgress', 'completed', 'failed', 'declined']))

export const McpToolCallAppContext = v2('McpToolCallAppContext', t.object({
  connectorId: t.string(),
  linkId: t.option(t.string()),
  resourceUri: t.option(t.string()),
  appName: t.option(t.string()),
  actionName: t.option(t.string()),
}))

export const McpToolCallError = v2('McpToolCallError', t.object({
  message: t.string(),
}))

export const McpAppUi = v2('McpAppUi', t.object({
  resourceUri: t.string(),
  preferredModelDisplayMode: t.ref('McpAppDisplayMode'),
}))

export const McpToolCallResult = v2('McpToolCallResult', t.object({
  content: t.array(t.json()),
  structuredContent: t.optional(t.json()),
  _meta: t.optional(t.json()),
}))

export const McpToolCallStatus = v2('McpToolCallStatus', t.enum(['inProgress', 'completed', 'failed']))

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

export const CollabAgentState = v2('CollabAgentState', t.object({
  status: t.ref('CollabAgentStatus'),
  message: t.option(t.string()),
}))

export const CollabAgentToolCallStatus = v2('CollabAgentToolCallStatus', t.enum(['inProgress', 'completed', 'failed', 'interrupted']))

export const CollabAgentTool = v2('CollabAgentTool', t.enum(['spawnAgent', 'sendInput', 'resumeAgent', 'wait', 'closeAgent', 'sendMessage', 'followupTask', 'interruptAgent', 'listAgents']))

export const SubAgentActivityKind = v2('SubAgentActivityKind', t.enum(['started', 'interacted', 'interrupted', 'completed']))

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

export const MemoryCitationEntry = v2('MemoryCitationEntry', t.object({
  path: t.string(),
  lineStart: t.uint('uint32'),
  lineEnd: t.uint('uint32'),
  note: t.string(),
}))

export const AgentMessageDisplay = v2('AgentMessageDisplay', t.object({
  action: t.string(),
  blockType: t.option(t.string()),
  cyberTrustedAccess: t.option(t.boolean()),
  checkTrustedContacts: t.option(t.boolean()),
}))

export const PatchChangeKind = v2('PatchChangeKind', t.tagged('type', {
  add: {},
  delete: {},
  update: {
    move_path: t.option(t.string()),
  },
}))

export const McpAppDisplayMode = v2('McpAppDisplayMode', t.enum(['inline', 'fullscreen']))

export const CollabAgentStatus = v2('CollabAgentStatus', t.enum(['pendingInit', 'running', 'interrupted', 'completed', 'errored', 'shutdown', 'notFound']))
