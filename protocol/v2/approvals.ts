// Requests the server makes of the client during a turn: approve a command, a file change or extra
// permissions, answer questions, fill an MCP elicitation form, or run a client-provided tool.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const CommandExecutionRequestApprovalParams = root('CommandExecutionRequestApprovalParams', t.object({
  kind: t.optional(t.describe('What needs approval; older servers leave it out, meaning `command`.', t.ref('CommandExecutionApprovalKind', { default: "command" }))),
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.describe('The command item this approval belongs to.', t.string()),
  startedAtMs: t.describe('When the approval was requested, Unix epoch milliseconds.', t.int('int64')),
  approvalId: t.option(t.string(), { description: 'Distinct id of this prompt when one command item can raise several (sub-commands, stdin writes); null for ordinary command approvals.' }),
  environmentId: t.option(t.string(), { default: null, description: 'Environment the command would run in.' }),
  reason: t.option(t.string(), { description: 'Why approval is needed (e.g. network access), if given.' }),
  networkApprovalContext: t.option(t.ref('NetworkApprovalContext'), { description: 'Set when the prompt is about a network connection.' }),
  command: t.option(t.string(), { description: 'The command line.' }),
  cwd: t.option(t.ref('LegacyAppPathString'), { description: 'Working directory of the command.' }),
  commandActions: t.option(t.array(t.ref('CommandAction')), { description: 'Best-effort breakdown of what the command does, for display.' }),
  additionalPermissions: t.experimental('item/commandExecution/requestApproval.additionalPermissions', t.option(t.ref('AdditionalPermissionProfile'), { description: 'Extra access the command asks for beyond the sandbox.' })),
  proposedExecpolicyAmendment: t.option(t.array(t.string()), { description: 'Command prefix the user could allow from now on, so similar commands stop prompting.' }),
  proposedNetworkPolicyAmendments: t.option(t.array(t.ref('NetworkPolicyAmendment')), { description: 'Host rules the user could add for future connections.' }),
  availableDecisions: t.experimental('item/commandExecution/requestApproval.availableDecisions', t.option(t.array(t.ref('CommandExecutionApprovalDecision')), { description: 'The decisions to offer, in display order.' })),
}), 'Asks the client to approve a command the agent wants to run (or input it wants to send to a running one).')

export const CommandExecutionRequestApprovalResponse = root('CommandExecutionRequestApprovalResponse', t.object({
  decision: t.ref('CommandExecutionApprovalDecision'),
}), 'The client\'s decision on a command approval.')

export const FileChangeRequestApprovalParams = root('FileChangeRequestApprovalParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.describe('The file change item to approve.', t.string()),
  startedAtMs: t.describe('When the approval was requested, Unix epoch milliseconds.', t.int('int64')),
  reason: t.option(t.string(), { description: 'Why approval is needed (e.g. writes outside the workspace), if given.' }),
  grantRoot: t.option(t.string(), { description: 'Unstable: a directory the agent asks to write under for the rest of the session.' }),
}), 'Asks the client to approve the file changes of a file change item.')

export const FileChangeRequestApprovalResponse = root('FileChangeRequestApprovalResponse', t.object({
  decision: t.ref('FileChangeApprovalDecision'),
}), 'The client\'s decision on a file change approval.')

export const ToolRequestUserInputParams = root('ToolRequestUserInputParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  questions: t.array(t.ref('ToolRequestUserInputQuestion')),
  isBlocking: t.describe('Whether the turn waits for the answer.', t.boolean()),
  autoResolutionMs: t.option(t.uint('uint64'), { default: null, description: 'Deprecated; use `isBlocking`.' }),
}), 'Asks the user one or more questions on the agent\'s behalf.')

export const ToolRequestUserInputResponse = root('ToolRequestUserInputResponse', t.object({
  answers: t.describe('Answers keyed by question id.', t.map(t.ref('ToolRequestUserInputAnswer'))),
}), 'The user\'s answers.')

export const McpServerElicitationRequestParams = root('McpServerElicitationRequestParams', t.tagged('mode', {
  'openai/userVerification': t.experimental('mcpServer/elicitation/request.openai/userVerification', t.object({
    _meta: t.optional(t.describe('MCP `_meta` of the request, passed through.', t.json())),
    challenge: t.describe('Challenge to pass to the user verification flow.', t.string()),
    description: t.string(),
    title: t.string(),
  })),
  form: {
    _meta: t.optional(t.describe('MCP `_meta` of the request, passed through.', t.json())),
    message: t.describe('Text to show the user.', t.string()),
    requestedSchema: t.describe('The form to fill in.', t.ref('McpElicitationSchema')),
  },
  'openai/form': {
    _meta: t.optional(t.describe('MCP `_meta` of the request, passed through.', t.json())),
    message: t.describe('Text to show the user.', t.string()),
    requestedSchema: t.describe('Form schema of the `openai/form` extension, passed through as is.', t.json()),
  },
  openaiForm: {
    _meta: t.optional(t.describe('MCP `_meta` of the request, passed through.', t.json())),
    message: t.describe('Text to show the user.', t.string()),
    requestedSchema: t.describe('Form schema of the `openai/form` extension, passed through as is.', t.json()),
  },
  url: {
    _meta: t.optional(t.describe('MCP `_meta` of the request, passed through.', t.json())),
    elicitationId: t.describe('Id of the elicitation, used by the MCP server to match its completion.', t.string()),
    message: t.describe('Text to show the user.', t.string()),
    url: t.describe('URL the user should open.', t.string()),
  },
}, { shared: {
  serverName: t.describe('Name of the MCP server asking.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Environment whose registration of the server is asking, when known.' })),
  threadId: t.string(),
  turnId: t.option(t.string(), { description: 'Turn that was running when the request arrived, if the server could tell.' }),
} }), 'Passes on an MCP server\'s request for user input: a form to fill, a URL to open, or (experimental) a user verification.')

export const McpServerElicitationRequestResponse = root('McpServerElicitationRequestResponse', t.object({
  action: t.ref('McpServerElicitationAction'),
  content: t.optional(t.describe('The user\'s input when accepted; leave out on decline or cancel.', t.json())),
  _meta: t.optional(t.describe('Client metadata for the MCP server, if any.', t.json())),
}), 'The user\'s reply to an MCP elicitation.')

export const PermissionsRequestApprovalParams = root('PermissionsRequestApprovalParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  environmentId: t.option(t.string(), { default: null, description: 'Environment the permissions would apply in.' }),
  startedAtMs: t.describe('When the approval was requested, Unix epoch milliseconds.', t.int('int64')),
  cwd: t.describe('Working directory relative paths are resolved against.', t.ref('LegacyAppPathString')),
  reason: t.option(t.string(), { description: 'Why the agent asks, if it said.' }),
  permissions: t.describe('The extra access asked for.', t.ref('RequestPermissionProfile')),
}), 'Asks the client to grant the agent extra filesystem or network access.')

export const PermissionsRequestApprovalResponse = root('PermissionsRequestApprovalResponse', t.object({
  permissions: t.describe('The access granted; may be less than asked, or nothing.', t.ref('GrantedPermissionProfile')),
  scope: t.optional(t.describe('How long the grant lasts.', t.ref('PermissionGrantScope', { default: "turn" }))),
  strictAutoReview: t.option(t.boolean(), { description: 'Have every later command of this turn reviewed before it runs.' }),
}), 'The access the user granted and for how long.')

export const DynamicToolCallParams = root('DynamicToolCallParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  callId: t.describe('Id of the tool call.', t.string()),
  namespace: t.option(t.string(), { description: 'Namespace the tool was registered under, if any.' }),
  tool: t.describe('Name of the tool to run.', t.string()),
  arguments: t.describe('Arguments the model passed.', t.json()),
}), 'Asks the client to run one of the tools it registered for the thread.')

export const DynamicToolCallResponse = root('DynamicToolCallResponse', t.object({
  contentItems: t.describe('What the tool returned, for the model.', t.array(t.ref('DynamicToolCallOutputContentItem'))),
  success: t.describe('False when the tool failed.', t.boolean()),
}), 'The result of a client-run tool call.')

export const StrictReviewRequiredNotification = v2('StrictReviewRequiredNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.describe('When strict review began, Unix epoch milliseconds.', t.int('int64')),
}), 'Sent when the rest of a turn switches to strict review: every command is reviewed before it runs.')

export const ServerRequestResolvedNotification = v2('ServerRequestResolvedNotification', t.object({
  threadId: t.string(),
  requestId: t.describe('JSON-RPC id of the server request that no longer needs an answer.', t.ref('RequestId')),
}), 'Sent when a pending server request (such as an approval) no longer needs an answer, because it was answered elsewhere or its turn ended.')

export const AdditionalPermissionProfile = root('AdditionalPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions'), { description: 'Extra network access; null for none.' }),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions'), { description: 'Extra filesystem access; null for none.' }),
}), 'Extra access a single command asks for on top of the sandbox.')

export const CommandExecutionApprovalDecision = root('CommandExecutionApprovalDecision', t.oneOf([
  t.literal('accept'),
  t.literal('acceptForSession'),
  t.object({
    acceptWithExecpolicyAmendment: t.object({
      execpolicy_amendment: t.describe('Command prefix to allow from now on.', t.array(t.string())),
    }),
  }, { closed: true }),
  t.object({
    applyNetworkPolicyAmendment: t.object({
      network_policy_amendment: t.describe('Host rule to add.', t.ref('NetworkPolicyAmendment')),
    }),
  }, { closed: true }),
  t.literal('decline'),
  t.literal('cancel'),
]), 'How the user answered a command approval: allow once, allow for the session, allow and add an exec policy or network rule, decline, or cancel the turn.')

export const CommandExecutionApprovalKind = root('CommandExecutionApprovalKind', t.oneOf([
  t.enum(['command', 'writeStdin']),
  t.literal('humanCommand'),
]), 'What a command approval is about: running a command, writing to a running terminal, or a command only a person may approve.')

export const FileChangeApprovalDecision = root('FileChangeApprovalDecision', t.oneOf([
  t.literal('accept'),
  t.literal('acceptForSession'),
  t.literal('decline'),
  t.literal('cancel'),
]), 'How the user answered a file change approval: allow once, allow for the session, decline, or cancel the turn.')

export const GrantedPermissionProfile = root('GrantedPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions'), { description: 'Network access granted; null for none.' }),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions'), { description: 'Filesystem access granted; null for none.' }),
}), 'Extra access the user granted.')

export const McpElicitationArrayType = root('McpElicitationArrayType', t.literal('array'), 'The `type` value of an array field.')

export const McpElicitationBooleanSchema = root('McpElicitationBooleanSchema', t.object({
  type: t.ref('McpElicitationBooleanType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  default: t.option(t.boolean()),
}, { closed: true }), 'A yes/no field of an MCP elicitation form.')

export const McpElicitationBooleanType = root('McpElicitationBooleanType', t.literal('boolean'), 'The `type` value of a boolean field.')

export const McpElicitationConstOption = root('McpElicitationConstOption', t.object({
  const: t.describe('The value sent back.', t.string()),
  title: t.describe('What the user sees.', t.string()),
}, { closed: true }), 'One choice of a titled enum field: value and label.')

export const McpElicitationEnumSchema = root('McpElicitationEnumSchema', t.anyOf([
  t.ref('McpElicitationSingleSelectEnumSchema'),
  t.ref('McpElicitationMultiSelectEnumSchema'),
  t.ref('McpElicitationLegacyTitledEnumSchema'),
]), 'A choice field of an MCP elicitation form: single or multiple selection.')

export const McpElicitationLegacyTitledEnumSchema = root('McpElicitationLegacyTitledEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  enum: t.array(t.string()),
  enumNames: t.option(t.array(t.string()), { description: 'Display names, one per `enum` value.' }),
  default: t.option(t.string()),
}, { closed: true }), 'A single-choice field in the older form with separate `enumNames`.')

export const McpElicitationMultiSelectEnumSchema = root('McpElicitationMultiSelectEnumSchema', t.anyOf([
  t.ref('McpElicitationUntitledMultiSelectEnumSchema'),
  t.ref('McpElicitationTitledMultiSelectEnumSchema'),
]), 'A multiple-choice field, with or without labels.')

export const McpElicitationNumberSchema = root('McpElicitationNumberSchema', t.object({
  type: t.ref('McpElicitationNumberType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minimum: t.option(t.number('double')),
  maximum: t.option(t.number('double')),
  default: t.option(t.number('double')),
}, { closed: true }), 'A number field of an MCP elicitation form.')

export const McpElicitationNumberType = root('McpElicitationNumberType', t.enum(['number', 'integer']), 'The `type` value of a number field.')

export const McpElicitationObjectType = root('McpElicitationObjectType', t.literal('object'), 'The `type` value of the form itself.')

export const McpElicitationPrimitiveSchema = root('McpElicitationPrimitiveSchema', t.anyOf([
  t.ref('McpElicitationEnumSchema'),
  t.ref('McpElicitationStringSchema'),
  t.ref('McpElicitationNumberSchema'),
  t.ref('McpElicitationBooleanSchema'),
]), 'One field of an MCP elicitation form: choice, text, number or boolean.')

export const McpElicitationSchema = root('McpElicitationSchema', t.object({
  $schema: t.option(t.string(), { description: 'JSON Schema dialect URI, if given.' }),
  type: t.ref('McpElicitationObjectType'),
  properties: t.describe('The form fields, keyed by name.', t.map(t.ref('McpElicitationPrimitiveSchema'))),
  required: t.option(t.array(t.string()), { description: 'Names of the fields that must be filled in.' }),
}, { closed: true }), 'The form an MCP server asks the user to fill in (the `requestedSchema` of MCP elicitation).')

export const McpElicitationSingleSelectEnumSchema = root('McpElicitationSingleSelectEnumSchema', t.anyOf([
  t.ref('McpElicitationUntitledSingleSelectEnumSchema'),
  t.ref('McpElicitationTitledSingleSelectEnumSchema'),
]), 'A single-choice field, with or without labels.')

export const McpElicitationStringFormat = root('McpElicitationStringFormat', t.enum(['email', 'uri', 'date', 'date-time']), 'Format a text field must have.')

export const McpElicitationStringSchema = root('McpElicitationStringSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minLength: t.option(t.uint('uint32')),
  maxLength: t.option(t.uint('uint32')),
  format: t.option(t.ref('McpElicitationStringFormat')),
  default: t.option(t.string()),
}, { closed: true }), 'A text field of an MCP elicitation form.')

export const McpElicitationStringType = root('McpElicitationStringType', t.literal('string'), 'The `type` value of a text field.')

export const McpElicitationTitledEnumItems = root('McpElicitationTitledEnumItems', t.object({
  anyOf: t.array(t.ref('McpElicitationConstOption')),
}, { closed: true }), 'The labelled choices of a multiple-choice field.')

export const McpElicitationTitledMultiSelectEnumSchema = root('McpElicitationTitledMultiSelectEnumSchema', t.object({
  type: t.ref('McpElicitationArrayType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minItems: t.option(t.uint('uint64')),
  maxItems: t.option(t.uint('uint64')),
  items: t.ref('McpElicitationTitledEnumItems'),
  default: t.option(t.array(t.string())),
}, { closed: true }), 'A multiple-choice field with labelled choices.')

export const McpElicitationTitledSingleSelectEnumSchema = root('McpElicitationTitledSingleSelectEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  oneOf: t.array(t.ref('McpElicitationConstOption')),
  default: t.option(t.string()),
}, { closed: true }), 'A single-choice field with labelled choices.')

export const McpElicitationUntitledEnumItems = root('McpElicitationUntitledEnumItems', t.object({
  type: t.ref('McpElicitationStringType'),
  enum: t.array(t.string()),
}, { closed: true }), 'The plain choices of a multiple-choice field.')

export const McpElicitationUntitledMultiSelectEnumSchema = root('McpElicitationUntitledMultiSelectEnumSchema', t.object({
  type: t.ref('McpElicitationArrayType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minItems: t.option(t.uint('uint64')),
  maxItems: t.option(t.uint('uint64')),
  items: t.ref('McpElicitationUntitledEnumItems'),
  default: t.option(t.array(t.string())),
}, { closed: true }), 'A multiple-choice field with plain values.')

export const McpElicitationUntitledSingleSelectEnumSchema = root('McpElicitationUntitledSingleSelectEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  enum: t.array(t.string()),
  default: t.option(t.string()),
}, { closed: true }), 'A single-choice field with plain values.')

export const McpServerElicitationAction = root('McpServerElicitationAction', t.enum(['accept', 'decline', 'cancel']), 'How the user answered an elicitation: submitted, declined, or dismissed.')

export const NetworkApprovalContext = root('NetworkApprovalContext', t.object({
  host: t.describe('Host the command wants to reach.', t.string()),
  protocol: t.ref('NetworkApprovalProtocol'),
}), 'The network connection an approval prompt is about.')

export const PermissionGrantScope = root('PermissionGrantScope', t.enum(['turn', 'session']), 'How long granted permissions last: the current turn or the whole session.')

export const ToolRequestUserInputAnswer = root('ToolRequestUserInputAnswer', t.object({
  answers: t.describe('The chosen option labels and/or free text.', t.array(t.string())),
}), 'The answer to one question.')

export const ToolRequestUserInputOption = root('ToolRequestUserInputOption', t.object({
  label: t.describe('Short text of the option, also what is sent back.', t.string()),
  description: t.describe('Longer explanation of the option.', t.string()),
}), 'One option offered for a question.')

export const ToolRequestUserInputQuestion = root('ToolRequestUserInputQuestion', t.object({
  id: t.describe('Key of the answer in the response.', t.string()),
  header: t.describe('Short heading for the question.', t.string()),
  question: t.describe('The question text.', t.string()),
  isOther: t.optional(t.describe('Offer a free-text answer besides the options.', t.boolean({ default: false }))),
  isSecret: t.optional(t.describe('The answer is sensitive: hide it while typed and do not log it.', t.boolean({ default: false }))),
  options: t.option(t.array(t.ref('ToolRequestUserInputOption')), { description: 'Options to choose from; null for a free-text question.' }),
}), 'One question put to the user.')

export const GuardianRiskLevel = v2('GuardianRiskLevel', t.enum(['low', 'medium', 'high', 'critical']), 'Risk an automatic approval review assigned to an action; unstable.')

export const GuardianUserAuthorization = v2('GuardianUserAuthorization', t.enum(['unknown', 'low', 'medium', 'high']), 'How clearly the user authorised an action, as judged by an automatic approval review; unstable.')
