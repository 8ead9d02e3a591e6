// Building blocks shared across v2 families: paths, user input, raw model response items, error codes,
// approval policies, token usage and other small value types.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const AbsolutePathBuf = v2('AbsolutePathBuf', t.string(), {
  description: 'An absolute, normalised file path on the server\'s machine (not necessarily existing or canonical).',
  absolutePath: true,
})

export const AgentMessageDelivery = v2('AgentMessageDelivery', t.literal('async'), 'How an agent message reaches the user; `async` is the only mode so far.')

export const AgentMessageDisplay = v2('AgentMessageDisplay', t.typeChangedFrom('0.171.0', t.object({
  action: t.describe('What to do with the message when showing history; leave actions you do not know to the client that produced them.', t.string()),
  blockType: t.option(t.string(), { description: 'Kind of block that was applied, if any.' }),
  cyberTrustedAccess: t.option(t.boolean(), { description: 'Whether trusted cyber access applied to the message, if known.' }),
  checkTrustedContacts: t.option(t.boolean(), { description: 'Whether the user should be pointed to their trusted contacts, if known.' }),
}, { description: 'An instruction for presenting a moderated agent message when history is shown again.' }), t.tagged('mode', {
  show: {
    version: t.describe('Format version of this instruction.', t.intLiteral(1, 'uint8')),
    annotation: t.optional(t.nullable(t.ref('AnswerAnnotation'), { description: 'A note to show with the message, if any.' })),
    trustedContacts: t.describe('Whether to point the user to their trusted contacts.', t.ref('TrustedContacts')),
  },
  hide: {
    version: t.describe('Format version of this instruction.', t.intLiteral(1, 'uint8')),
    replacement: t.describe('What to show instead of the message.', t.ref('AnswerReplacement')),
  },
  block: {
    version: t.describe('Format version of this instruction.', t.intLiteral(1, 'uint8')),
    reason: t.describe('Why the message is blocked.', t.ref('BlockReason')),
  },
})), 'An instruction for presenting a moderated agent message when history is shown again: show it (perhaps with a note), hide it behind a replacement, or block it.')

export const AnswerAnnotation = v2('AnswerAnnotation', t.tagged('kind', {
  wellbeingHelpline: {
    subject: t.describe('Whether the helpline note concerns the answer or the prompt.', t.ref('HelplineSubject')),
  },
}), { added: '0.171.0', description: 'A note shown alongside a moderated answer.' })

export const AnswerReplacement = v2('AnswerReplacement', t.tagged('kind', {
  wellbeingPromptHelpline: {},
}), { added: '0.171.0', description: 'What is shown in place of a hidden answer.' })

export const BlockReason = v2('BlockReason', t.tagged('kind', {
  protection: {
    protectionType: t.describe('Which protection blocked the message; matches the moderation record of the live answer.', t.string()),
  },
  cyber: {
    trustedAccess: t.optional(t.nullable(t.boolean(), { description: 'Whether trusted cyber access applied, if known.' })),
  },
}), { added: '0.171.0', description: 'Why an answer was blocked.' })

export const HelplineSubject = v2('HelplineSubject', t.enum(['answer', 'prompt']), { added: '0.171.0', description: 'What a helpline note is about.' })

export const TrustedContacts = v2('TrustedContacts', t.enum(['check', 'skip']), { added: '0.171.0', description: 'Whether a client should point the user to their trusted contacts.' })

export const AgentMessageInputContent = v2('AgentMessageInputContent', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  encrypted_content: {
    encrypted_content: t.describe('Opaque encrypted payload, only readable by the model provider.', t.string()),
  },
}), 'Content of a message between agents: plain text or an encrypted payload.')

export const AgentMessageModeration = v2('AgentMessageModeration', t.object({
  moderated: t.describe('Whether moderation changed or blocked the message.', t.boolean()),
  display: t.option(t.ref('AgentMessageDisplay'), { description: 'How to present the message when history is shown again; null for no special handling.' }),
}), 'Whether moderation affected an agent message and how to present it.')

export const AskForApproval = v2('AskForApproval', t.oneOf([
  t.enum(['untrusted', 'on-request', 'never']),
  t.experimental('askForApproval.granular', t.object({
    granular: t.object({
      mcp_elicitations: t.describe('Ask the user about MCP elicitation requests.', t.boolean()),
      request_permissions: t.optional(t.describe('Ask the user when the agent requests extra permissions.', t.boolean({ default: false }))),
      rules: t.describe('Ask the user when an exec policy rule calls for a prompt.', t.boolean()),
      sandbox_approval: t.describe('Ask the user before running outside the sandbox.', t.boolean()),
      skill_approval: t.optional(t.describe('Ask the user before a skill runs its scripts.', t.boolean({ default: false }))),
    }),
  }, { closed: true })),
]), 'When the agent must ask the user before acting: for untrusted commands, when it asks itself, never, or (experimental) per category.')

export const AsyncUserInputQuestion = v2('AsyncUserInputQuestion', t.object({
  title: t.describe('The question.', t.string()),
  options: t.option(t.array(t.string()), { description: 'Suggested answers; null for a free-form answer.' }),
}, { closed: true }), 'A question carried by an agent message for the user to answer later, with optional suggested answers.')

export const ByteRange = v2('ByteRange', t.object({
  start: t.describe('Offset of the first byte, inclusive.', t.uint('uint')),
  end: t.describe('Offset just past the last byte (exclusive).', t.uint('uint')),
}), 'A range of UTF-8 byte offsets into a string.')

export const CodexErrorInfo = v2('CodexErrorInfo', t.anyOf([
  t.enum(['contextWindowExceeded', 'sessionBudgetExceeded', 'usageLimitExceeded', 'rateLimitExceeded', 'flexUnavailable', 'serverOverloaded', 'modelNotFound', 'policyCapacityUnavailable', 'cyberPolicy', 'bioPolicy', 'misalignmentPolicyViolation', 'tooManyDenials', 'internalServerError', 'unauthorized', 'badRequest', 'threadRollbackFailed', 'sandboxError', 'other'], { versions: { bioPolicy: { added: '0.171.0' } } }),
  t.literal('inferenceHookDenied'),
  t.object({
    httpConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16'), { description: 'HTTP status from upstream, when there was one.' }),
    }),
  }, { closed: true }),
  t.object({
    responseStreamConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16'), { description: 'HTTP status from upstream, when there was one.' }),
    }),
  }, { closed: true }),
  t.object({
    responseStreamDisconnected: t.object({
      httpStatusCode: t.option(t.uint('uint16'), { description: 'HTTP status from upstream, when there was one.' }),
    }),
  }, { closed: true }),
  t.object({
    responseTooManyFailedAttempts: t.object({
      httpStatusCode: t.option(t.uint('uint16'), { description: 'HTTP status from upstream, when there was one.' }),
    }),
  }, { closed: true }),
  t.object({
    activeTurnNotSteerable: t.object({
      turnKind: t.describe('Kind of turn that is running.', t.ref('NonSteerableTurnKind')),
    }),
  }, { closed: true }),
  t.typeUnion(['string', 'object']),
]), 'Machine-readable cause of a failed turn or request, so clients can react without parsing messages; some arms carry the upstream HTTP status. Unknown values may appear.')

export const ContentItem = v2('ContentItem', t.tagged('type', {
  input_text: {
    text: t.string(),
  },
  input_image: t.object({
    detail: t.option(t.ref('ImageDetail')),
  }, { anyOf: [t.object({
      image_url: t.describe('Image URL or `data:` URL.', t.string()),
    }), t.object({
      file_id: t.describe('Id of a file uploaded to the provider.', t.string()),
    })] }),
  input_audio: t.object({}, { anyOf: [t.object({
      audio_url: t.describe('Audio URL or `data:` URL.', t.string()),
    }), t.object({
      file_id: t.describe('Id of a file uploaded to the provider.', t.string()),
    })] }),
  output_text: {
    text: t.string(),
    annotations: t.option(t.array(t.json()), { description: 'Annotations (such as citations) as the provider returned them.' }),
    logprobs: t.option(t.array(t.json()), { description: 'Token log probabilities as the provider returned them.' }),
  },
}), 'A content part of a raw model message: input text, image or audio, or output text.')

export const CyberAccessProgram = v2('CyberAccessProgram', t.enum(['standard', 'daybreakBlue', 'daybreakRed']), 'Which cyber-security treatment is requested for an OpenAI model turn; the server still decides what is allowed.')

export const FileUpdateChange = v2('FileUpdateChange', t.object({
  path: t.describe('Path of the file.', t.string()),
  kind: t.ref('PatchChangeKind'),
  diff: t.describe('The change as a diff (the whole content for added or deleted files).', t.string()),
}), 'One file\'s change within a patch.')

export const FunctionCallOutputBody = v2('FunctionCallOutputBody', t.anyOf([
  t.string(),
  t.array(t.ref('FunctionCallOutputContentItem')),
]), 'What a tool call returned: plain text or a list of content parts.')

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
    encrypted_content: t.describe('Opaque encrypted payload, only readable by the model provider.', t.string()),
  },
}), 'A content part a tool call can return: text, image, audio or an encrypted payload.')

export const ImageDetail = v2('ImageDetail', t.enum(['auto', 'low', 'high', 'original']), 'Resolution at which the model looks at an image.')

export const InternalChatMessageMetadataPassthrough = v2('InternalChatMessageMetadataPassthrough', t.object({
  turn_id: t.option(t.string(), { description: 'Turn the item belongs to, if known.' }),
}), 'Provider metadata carried along with raw response items; clients should pass it through unchanged.')

export const LegacyAppPathString = v2('LegacyAppPathString', t.string(), 'A path as text, kept exactly as it was written on the wire; it may be relative and is not checked.')

export const LocalShellAction = v2('LocalShellAction', t.tagged('type', {
  exec: {
    command: t.describe('The command as argv.', t.array(t.string())),
    env: t.option(t.map(t.string()), { description: 'Environment variables to set.' }),
    timeout_ms: t.option(t.uint('uint64'), { description: 'Time limit in milliseconds.' }),
    user: t.option(t.string(), { description: 'User to run as.' }),
    working_directory: t.option(t.string(), { description: 'Directory to run in.' }),
  },
}), 'What a local shell call asks to run.')

export const LocalShellStatus = v2('LocalShellStatus', t.enum(['completed', 'in_progress', 'incomplete']), 'State of a local shell call.')

export const MessagePhase = v2('MessagePhase', t.oneOf([
  t.literal('commentary'),
  t.literal('partial_answer'),
  t.literal('final_answer'),
]), 'Whether assistant text is commentary, part of an answer, or the final answer; absent when the provider does not say.')

export const MisalignmentErrorDetails = v2('MisalignmentErrorDetails', t.object({
  errorType: t.option(t.string(), { description: 'Category of the violation; new categories can appear, so accept any string.' }),
  detailedExplanation: t.option(t.string(), { description: 'Explanation to show the user; offer to continue only when it is present.' }),
  steer: t.option(t.ref('MisalignmentSteer'), { description: 'What to send as the next user input if the user chooses to continue.' }),
  reviewTarget: t.option(t.string(), { description: 'Opaque id of what was blocked, issued by the server.' }),
}), 'Details of a turn stopped for a misalignment policy violation, and how the user may continue.')

export const MisalignmentSteer = v2('MisalignmentSteer', t.object({
  message: t.describe('Text to submit as the user\'s next input.', t.string()),
}), 'Input to submit if the user chooses to continue after a misalignment block.')

export const ModeKind = v2('ModeKind', t.enum(['plan', 'default']), 'Collaboration mode: `plan` to plan before acting, or `default`.')

export const MultiAgentMode = v2('MultiAgentMode', t.oneOf([
  t.enum(['explicitRequestOnly', 'proactive']),
  t.object({
    custom: t.describe('The configured mode hint that defines the policy.', t.string()),
  }, { closed: true }),
]), 'When the agent delegates to sub-agents: only when asked, on its own initiative, or as a custom configured hint says.')

export const NonSteerableTurnKind = v2('NonSteerableTurnKind', t.enum(['review', 'compact']), 'Kinds of turn that cannot take extra input while running.')

export const Personality = v2('Personality', t.enum(['none', 'friendly', 'pragmatic']), 'Response style; deprecated: `friendly` and `pragmatic` no longer change anything.')

export const RequestPermissionProfile = v2('RequestPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions'), { description: 'Extra network access; null for none.' }),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions'), { description: 'Extra filesystem access; null for none.' }),
}, { closed: true }), 'Extra network and filesystem access asked for on top of the sandbox.')

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
    name: t.describe('Name of the function called.', t.string()),
    namespace: t.option(t.string(), { description: 'Namespace of the function (e.g. an MCP server), if any.' }),
    arguments: t.describe('Arguments as a JSON-encoded string.', t.string()),
    encrypted_function_args: t.option(t.array(t.string()), { description: 'Arguments in encrypted form, when the provider encrypts them.' }),
    call_id: t.describe('Id that links the call to its output.', t.string()),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  tool_search_call: {
    encrypted_content: t.option(t.string()),
    id: t.option(t.string()),
    call_id: t.option(t.string()),
    status: t.option(t.string()),
    execution: t.describe('Where the search runs (e.g. on the server or the client).', t.string()),
    arguments: t.describe('Search arguments as the model produced them.', t.json()),
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
    call_id: t.describe('Id that links the call to its output.', t.string()),
    name: t.describe('Name of the tool called.', t.string()),
    namespace: t.option(t.string(), { description: 'Namespace of the tool, if any.' }),
    input: t.describe('Free-form input the model wrote for the tool.', t.string()),
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
    revised_prompt: t.option(t.string(), { description: 'The prompt as the image model rewrote it, if it did.' }),
    result: t.describe('The generated image, base64-encoded.', t.string()),
    internal_chat_message_metadata_passthrough: t.option(t.ref('InternalChatMessageMetadataPassthrough')),
  },
  compaction: {
    id: t.option(t.string()),
    encrypted_content: t.describe('Opaque compacted history, only readable by the model provider.', t.string()),
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
}), 'A raw item of the model conversation as the Responses API represents it (messages, reasoning, tool calls and their outputs, compaction markers); `other` stands for types this version does not know.')

export const ResponsesApiWebSearchAction = v2('ResponsesApiWebSearchAction', t.tagged('type', {
  search: {
    queries: t.option(t.array(t.string()), { description: 'All queries, when the model ran several.' }),
    query: t.option(t.string(), { description: 'The query searched for.' }),
  },
  open_page: {
    url: t.option(t.string(), { description: 'Page opened.' }),
  },
  find_in_page: {
    pattern: t.option(t.string(), { description: 'Text looked for.' }),
    url: t.option(t.string(), { description: 'Page searched.' }),
  },
  other: {},
}), 'What a web search call did: search, open a page, or find text in a page.')

export const Settings = v2('Settings', t.object({
  model: t.describe('Model the mode uses.', t.string()),
  reasoning_effort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort; null uses the model\'s default.' }),
  developer_instructions: t.option(t.string(), { description: 'Extra developer instructions the mode adds; null for none.' }),
}), 'Model settings a collaboration mode applies.')

export const SortDirection = v2('SortDirection', t.enum(['asc', 'desc']), 'Sort order: ascending or descending.')

export const SubAgentActivityKind = v2('SubAgentActivityKind', t.enum(['started', 'interacted', 'interrupted', 'completed']), 'What happened to a sub-agent: started, interacted with, interrupted or completed.')

export const TextElement = v2('TextElement', t.object({
  byteRange: t.describe('Where the element sits in the text, in UTF-8 bytes.', t.ref('ByteRange')),
  placeholder: t.option(t.string(), { description: 'Text a UI shows in place of the element, if any.' }),
}), 'A span of user text that a UI renders specially, such as a mention or a pasted block.')

export const TokenUsageBreakdown = v2('TokenUsageBreakdown', t.object({
  totalTokens: t.describe('Input plus output tokens.', t.int('int64')),
  inputTokens: t.describe('Input tokens, including cached ones.', t.int('int64')),
  cachedInputTokens: t.describe('Input tokens served from the prompt cache.', t.int('int64')),
  cacheWriteInputTokens: t.optional(t.describe('Input tokens written to the prompt cache.', t.int('int64', { default: 0 }))),
  outputTokens: t.describe('Output tokens, including reasoning tokens.', t.int('int64')),
  reasoningOutputTokens: t.describe('Output tokens spent on reasoning.', t.int('int64')),
}), 'Token counts of a turn or thread, broken down by kind.')

export const UserInput = v2('UserInput', t.tagged('type', {
  text: {
    text: t.string(),
    text_elements: t.optional(t.describe('Spans of `text` that a UI renders specially (such as pasted blocks or mentions).', t.array(t.ref('TextElement'), { default: [] }))),
  },
  image: t.object({
    detail: t.option(t.ref('ImageDetail'), { default: null, description: 'Resolution the model should look at the image in; null for the default.' }),
  }, { anyOf: [t.object({
      url: t.describe('Image URL or `data:` URL.', t.string()),
    }), t.object({
      fileId: t.describe('Id of a file already uploaded to the provider.', t.string()),
    })] }),
  localImage: {
    detail: t.option(t.ref('ImageDetail'), { default: null, description: 'Resolution the model should look at the image in; null for the default.' }),
    path: t.describe('Path of an image file on the server\'s machine.', t.string()),
  },
  audio: t.object({}, { anyOf: [t.object({
      url: t.describe('Audio URL or `data:` URL.', t.string()),
    }), t.object({
      fileId: t.describe('Id of a file already uploaded to the provider.', t.string()),
    })] }),
  localAudio: {
    path: t.describe('Path of an audio file on the server\'s machine.', t.string()),
  },
  skill: {
    name: t.describe('Skill name.', t.string()),
    path: t.describe('Path of the skill\'s definition file.', t.string()),
  },
  mention: {
    name: t.describe('Name shown for the mention.', t.string()),
    path: t.describe('What is mentioned: a file path or a resource URI such as an app or plugin.', t.string()),
  },
}), 'One piece of user input: text, an image or audio (by URL, file id or local path), a skill to use, or a mention.')
