// The common family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const AbsolutePathBuf = v2('AbsolutePathBuf', t.string())

export const AgentMessageDelivery = v2('AgentMessageDelivery', t.literal('async'))

export const AgentMessageDisplay = v2('AgentMessageDisplay', t.object({
  action: t.string(),
  blockType: t.option(t.string()),
  cyberTrustedAccess: t.option(t.boolean()),
  checkTrustedContacts: t.option(t.boolean()),
}))

export const AgentMessageInputContent = v2('AgentMessageInputContent', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  encrypted_content: {
    encrypted_content: t.string(),
  },
}))

export const AgentMessageModeration = v2('AgentMessageModeration', t.object({
  moderated: t.boolean(),
  display: t.option(t.ref('AgentMessageDisplay')),
}))

export const AskForApproval = v2('AskForApproval', t.oneOf([
  t.enum(['untrusted', 'on-request', 'never']),
  t.experimental('askForApproval.granular', t.object({
    granular: t.object({
      mcp_elicitations: t.boolean(),
      request_permissions: t.optional(t.boolean({ default: false })),
      rules: t.boolean(),
      sandbox_approval: t.boolean(),
      skill_approval: t.optional(t.boolean({ default: false })),
    }),
  }, { closed: true })),
]))

export const AsyncUserInputQuestion = v2('AsyncUserInputQuestion', t.object({
  title: t.string(),
  options: t.option(t.array(t.string())),
}, { closed: true }))

export const ByteRange = v2('ByteRange', t.object({
  start: t.uint('uint'),
  end: t.uint('uint'),
}))

export const CodexErrorInfo = v2('CodexErrorInfo', t.anyOf([
  t.enum(['contextWindowExceeded', 'sessionBudgetExceeded', 'usageLimitExceeded', 'rateLimitExceeded', 'flexUnavailable', 'serverOverloaded', 'modelNotFound', 'policyCapacityUnavailable', 'cyberPolicy', 'misalignmentPolicyViolation', 'tooManyDenials', 'internalServerError', 'unauthorized', 'badRequest', 'threadRollbackFailed', 'sandboxError', 'other']),
  t.literal('inferenceHookDenied'),
  t.object({
    httpConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseStreamConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseStreamDisconnected: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseTooManyFailedAttempts: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    activeTurnNotSteerable: t.object({
      turnKind: t.ref('NonSteerableTurnKind'),
    }),
  }, { closed: true }),
  t.typeUnion(['string', 'object']),
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

export const CyberAccessProgram = v2('CyberAccessProgram', t.enum(['standard', 'daybreakBlue', 'daybreakRed']))

export const FileUpdateChange = v2('FileUpdateChange', t.object({
  path: t.string(),
  kind: t.ref('PatchChangeKind'),
  diff: t.string(),
}))

export const FunctionCallOutputBody = v2('FunctionCallOutputBody', t.anyOf([
  t.string(),
  t.array(t.ref('FunctionCallOutputContentItem')),
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

export const ImageDetail = v2('ImageDetail', t.enum(['auto', 'low', 'high', 'original']))

export const InternalChatMessageMetadataPassthrough = v2('InternalChatMessageMetadataPassthrough', t.object({
  turn_id: t.option(t.string()),
}))

export const LegacyAppPathString = v2('LegacyAppPathString', t.string())

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

export const MessagePhase = v2('MessagePhase', t.oneOf([
  t.literal('commentary'),
  t.literal('partial_answer'),
  t.literal('final_answer'),
]))

export const MisalignmentErrorDetails = v2('MisalignmentErrorDetails', t.object({
  errorType: t.option(t.string()),
  detailedExplanation: t.option(t.string()),
  steer: t.option(t.ref('MisalignmentSteer')),
  reviewTarget: t.option(t.string()),
}))

export const MisalignmentSteer = v2('MisalignmentSteer', t.object({
  message: t.string(),
}))

export const ModeKind = v2('ModeKind', t.enum(['plan', 'default']))

export const MultiAgentMode = v2('MultiAgentMode', t.oneOf([
  t.enum(['explicitRequestOnly', 'proactive']),
  t.object({
    custom: t.string(),
  }, { closed: true }),
]))

export const NonSteerableTurnKind = v2('NonSteerableTurnKind', t.enum(['review', 'compact']))

export const Personality = v2('Personality', t.enum(['none', 'friendly', 'pragmatic']))

export const RequestPermissionProfile = v2('RequestPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions')),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions')),
}, { closed: true }))

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

export const Settings = v2('Settings', t.object({
  model: t.string(),
  reasoning_effort: t.option(t.ref('ReasoningEffort')),
  developer_instructions: t.option(t.string()),
}))

export const SortDirection = v2('SortDirection', t.enum(['asc', 'desc']))

export const SubAgentActivityKind = v2('SubAgentActivityKind', t.enum(['started', 'interacted', 'interrupted', 'completed']))

export const TextElement = v2('TextElement', t.object({
  byteRange: t.ref('ByteRange'),
  placeholder: t.option(t.string()),
}))

export const TokenUsageBreakdown = v2('TokenUsageBreakdown', t.object({
  totalTokens: t.int('int64'),
  inputTokens: t.int('int64'),
  cachedInputTokens: t.int('int64'),
  cacheWriteInputTokens: t.optional(t.int('int64', { default: 0 })),
  outputTokens: t.int('int64'),
  reasoningOutputTokens: t.int('int64'),
}))

export const UserInput = v2('UserInput', t.tagged('type', {
  text: {
    text: t.string(),
    text_elements: t.optional(t.array(t.ref('TextElement'), { default: [] })),
  },
  image: t.object({
    detail: t.option(t.ref('ImageDetail'), { default: null }),
  }, { anyOf: [t.object({
      url: t.string(),
    }), t.object({
      fileId: t.string(),
    })] }),
  localImage: {
    detail: t.option(t.ref('ImageDetail'), { default: null }),
    path: t.string(),
  },
  audio: t.object({}, { anyOf: [t.object({
      url: t.string(),
    }), t.object({
      fileId: t.string(),
    })] }),
  localAudio: {
    path: t.string(),
  },
  skill: {
    name: t.string(),
    path: t.string(),
  },
  mention: {
    name: t.string(),
    path: t.string(),
  },
}))
