// The approvals family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const CommandExecutionRequestApprovalParams = root('CommandExecutionRequestApprovalParams', t.object({
  kind: t.optional(t.ref('CommandExecutionApprovalKind', { default: "command" })),
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  startedAtMs: t.int('int64'),
  approvalId: t.option(t.string()),
  environmentId: t.option(t.string(), { default: null }),
  reason: t.option(t.string()),
  networkApprovalContext: t.option(t.ref('NetworkApprovalContext')),
  command: t.option(t.string()),
  cwd: t.option(t.ref('LegacyAppPathString')),
  commandActions: t.option(t.array(t.ref('CommandAction'))),
  additionalPermissions: t.experimental('item/commandExecution/requestApproval.additionalPermissions', t.option(t.ref('AdditionalPermissionProfile'))),
  proposedExecpolicyAmendment: t.option(t.array(t.string())),
  proposedNetworkPolicyAmendments: t.option(t.array(t.ref('NetworkPolicyAmendment'))),
  availableDecisions: t.experimental('item/commandExecution/requestApproval.availableDecisions', t.option(t.array(t.ref('CommandExecutionApprovalDecision')))),
}))

export const CommandExecutionRequestApprovalResponse = root('CommandExecutionRequestApprovalResponse', t.object({
  decision: t.ref('CommandExecutionApprovalDecision'),
}))

export const FileChangeRequestApprovalParams = root('FileChangeRequestApprovalParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  startedAtMs: t.int('int64'),
  reason: t.option(t.string()),
  grantRoot: t.option(t.string()),
}))

export const FileChangeRequestApprovalResponse = root('FileChangeRequestApprovalResponse', t.object({
  decision: t.ref('FileChangeApprovalDecision'),
}))

export const ToolRequestUserInputParams = root('ToolRequestUserInputParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  questions: t.array(t.ref('ToolRequestUserInputQuestion')),
  isBlocking: t.boolean(),
  autoResolutionMs: t.option(t.uint('uint64'), { default: null }),
}))

export const ToolRequestUserInputResponse = root('ToolRequestUserInputResponse', t.object({
  answers: t.map(t.ref('ToolRequestUserInputAnswer')),
}))

export const McpServerElicitationRequestParams = root('McpServerElicitationRequestParams', t.tagged('mode', {
  'openai/userVerification': t.experimental('mcpServer/elicitation/request.openai/userVerification', t.object({
    _meta: t.optional(t.json()),
    challenge: t.string(),
    description: t.string(),
    title: t.string(),
  })),
  form: {
    _meta: t.optional(t.json()),
    message: t.string(),
    requestedSchema: t.ref('McpElicitationSchema'),
  },
  'openai/form': {
    _meta: t.optional(t.json()),
    message: t.string(),
    requestedSchema: t.json(),
  },
  openaiForm: {
    _meta: t.optional(t.json()),
    message: t.string(),
    requestedSchema: t.json(),
  },
  url: {
    _meta: t.optional(t.json()),
    elicitationId: t.string(),
    message: t.string(),
    url: t.string(),
  },
}, { shared: {
  serverName: t.string(),
  threadId: t.string(),
  turnId: t.option(t.string()),
} }))

export const McpServerElicitationRequestResponse = root('McpServerElicitationRequestResponse', t.object({
  action: t.ref('McpServerElicitationAction'),
  content: t.optional(t.json()),
  _meta: t.optional(t.json()),
}))

export const PermissionsRequestApprovalParams = root('PermissionsRequestApprovalParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  itemId: t.string(),
  environmentId: t.option(t.string(), { default: null }),
  startedAtMs: t.int('int64'),
  cwd: t.ref('LegacyAppPathString'),
  reason: t.option(t.string()),
  permissions: t.ref('RequestPermissionProfile'),
}))

export const PermissionsRequestApprovalResponse = root('PermissionsRequestApprovalResponse', t.object({
  permissions: t.ref('GrantedPermissionProfile'),
  scope: t.optional(t.ref('PermissionGrantScope', { default: "turn" })),
  strictAutoReview: t.option(t.boolean()),
}))

export const DynamicToolCallParams = root('DynamicToolCallParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
  callId: t.string(),
  namespace: t.option(t.string()),
  tool: t.string(),
  arguments: t.json(),
}))

export const DynamicToolCallResponse = root('DynamicToolCallResponse', t.object({
  contentItems: t.array(t.ref('DynamicToolCallOutputContentItem')),
  success: t.boolean(),
}))

export const StrictReviewRequiredNotification = v2('StrictReviewRequiredNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  startedAtMs: t.int('int64'),
}))

export const ServerRequestResolvedNotification = v2('ServerRequestResolvedNotification', t.object({
  threadId: t.string(),
  requestId: t.ref('RequestId'),
}))

export const AdditionalPermissionProfile = root('AdditionalPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions')),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions')),
}))

export const CommandExecutionApprovalDecision = root('CommandExecutionApprovalDecision', t.oneOf([
  t.literal('accept'),
  t.literal('acceptForSession'),
  t.object({
    acceptWithExecpolicyAmendment: t.object({
      execpolicy_amendment: t.array(t.string()),
    }),
  }, { closed: true }),
  t.object({
    applyNetworkPolicyAmendment: t.object({
      network_policy_amendment: t.ref('NetworkPolicyAmendment'),
    }),
  }, { closed: true }),
  t.literal('decline'),
  t.literal('cancel'),
]))

export const CommandExecutionApprovalKind = root('CommandExecutionApprovalKind', t.oneOf([
  t.enum(['command', 'writeStdin']),
  t.literal('humanCommand'),
]))

export const FileChangeApprovalDecision = root('FileChangeApprovalDecision', t.oneOf([
  t.literal('accept'),
  t.literal('acceptForSession'),
  t.literal('decline'),
  t.literal('cancel'),
]))

export const GrantedPermissionProfile = root('GrantedPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions')),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions')),
}))

export const McpElicitationArrayType = root('McpElicitationArrayType', t.literal('array'))

export const McpElicitationBooleanSchema = root('McpElicitationBooleanSchema', t.object({
  type: t.ref('McpElicitationBooleanType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  default: t.option(t.boolean()),
}, { closed: true }))

export const McpElicitationBooleanType = root('McpElicitationBooleanType', t.literal('boolean'))

export const McpElicitationConstOption = root('McpElicitationConstOption', t.object({
  const: t.string(),
  title: t.string(),
}, { closed: true }))

export const McpElicitationEnumSchema = root('McpElicitationEnumSchema', t.anyOf([
  t.ref('McpElicitationSingleSelectEnumSchema'),
  t.ref('McpElicitationMultiSelectEnumSchema'),
  t.ref('McpElicitationLegacyTitledEnumSchema'),
]))

export const McpElicitationLegacyTitledEnumSchema = root('McpElicitationLegacyTitledEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  enum: t.array(t.string()),
  enumNames: t.option(t.array(t.string())),
  default: t.option(t.string()),
}, { closed: true }))

export const McpElicitationMultiSelectEnumSchema = root('McpElicitationMultiSelectEnumSchema', t.anyOf([
  t.ref('McpElicitationUntitledMultiSelectEnumSchema'),
  t.ref('McpElicitationTitledMultiSelectEnumSchema'),
]))

export const McpElicitationNumberSchema = root('McpElicitationNumberSchema', t.object({
  type: t.ref('McpElicitationNumberType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minimum: t.option(t.number('double')),
  maximum: t.option(t.number('double')),
  default: t.option(t.number('double')),
}, { closed: true }))

export const McpElicitationNumberType = root('McpElicitationNumberType', t.enum(['number', 'integer']))

export const McpElicitationObjectType = root('McpElicitationObjectType', t.literal('object'))

export const McpElicitationPrimitiveSchema = root('McpElicitationPrimitiveSchema', t.anyOf([
  t.ref('McpElicitationEnumSchema'),
  t.ref('McpElicitationStringSchema'),
  t.ref('McpElicitationNumberSchema'),
  t.ref('McpElicitationBooleanSchema'),
]))

export const McpElicitationSchema = root('McpElicitationSchema', t.object({
  $schema: t.option(t.string()),
  type: t.ref('McpElicitationObjectType'),
  properties: t.map(t.ref('McpElicitationPrimitiveSchema')),
  required: t.option(t.array(t.string())),
}, { closed: true }))

export const McpElicitationSingleSelectEnumSchema = root('McpElicitationSingleSelectEnumSchema', t.anyOf([
  t.ref('McpElicitationUntitledSingleSelectEnumSchema'),
  t.ref('McpElicitationTitledSingleSelectEnumSchema'),
]))

export const McpElicitationStringFormat = root('McpElicitationStringFormat', t.enum(['email', 'uri', 'date', 'date-time']))

export const McpElicitationStringSchema = root('McpElicitationStringSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minLength: t.option(t.uint('uint32')),
  maxLength: t.option(t.uint('uint32')),
  format: t.option(t.ref('McpElicitationStringFormat')),
  default: t.option(t.string()),
}, { closed: true }))

export const McpElicitationStringType = root('McpElicitationStringType', t.literal('string'))

export const McpElicitationTitledEnumItems = root('McpElicitationTitledEnumItems', t.object({
  anyOf: t.array(t.ref('McpElicitationConstOption')),
}, { closed: true }))

export const McpElicitationTitledMultiSelectEnumSchema = root('McpElicitationTitledMultiSelectEnumSchema', t.object({
  type: t.ref('McpElicitationArrayType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minItems: t.option(t.uint('uint64')),
  maxItems: t.option(t.uint('uint64')),
  items: t.ref('McpElicitationTitledEnumItems'),
  default: t.option(t.array(t.string())),
}, { closed: true }))

export const McpElicitationTitledSingleSelectEnumSchema = root('McpElicitationTitledSingleSelectEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  oneOf: t.array(t.ref('McpElicitationConstOption')),
  default: t.option(t.string()),
}, { closed: true }))

export const McpElicitationUntitledEnumItems = root('McpElicitationUntitledEnumItems', t.object({
  type: t.ref('McpElicitationStringType'),
  enum: t.array(t.string()),
}, { closed: true }))

export const McpElicitationUntitledMultiSelectEnumSchema = root('McpElicitationUntitledMultiSelectEnumSchema', t.object({
  type: t.ref('McpElicitationArrayType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  minItems: t.option(t.uint('uint64')),
  maxItems: t.option(t.uint('uint64')),
  items: t.ref('McpElicitationUntitledEnumItems'),
  default: t.option(t.array(t.string())),
}, { closed: true }))

export const McpElicitationUntitledSingleSelectEnumSchema = root('McpElicitationUntitledSingleSelectEnumSchema', t.object({
  type: t.ref('McpElicitationStringType'),
  title: t.option(t.string()),
  description: t.option(t.string()),
  enum: t.array(t.string()),
  default: t.option(t.string()),
}, { closed: true }))

export const McpServerElicitationAction = root('McpServerElicitationAction', t.enum(['accept', 'decline', 'cancel']))

export const NetworkApprovalContext = root('NetworkApprovalContext', t.object({
  host: t.string(),
  protocol: t.ref('NetworkApprovalProtocol'),
}))

export const PermissionGrantScope = root('PermissionGrantScope', t.enum(['turn', 'session']))

export const ToolRequestUserInputAnswer = root('ToolRequestUserInputAnswer', t.object({
  answers: t.array(t.string()),
}))

export const ToolRequestUserInputOption = root('ToolRequestUserInputOption', t.object({
  label: t.string(),
  description: t.string(),
}))

export const ToolRequestUserInputQuestion = root('ToolRequestUserInputQuestion', t.object({
  id: t.string(),
  header: t.string(),
  question: t.string(),
  isOther: t.optional(t.boolean({ default: false })),
  isSecret: t.optional(t.boolean({ default: false })),
  options: t.option(t.array(t.ref('ToolRequestUserInputOption'))),
}))

export const GuardianRiskLevel = v2('GuardianRiskLevel', t.enum(['low', 'medium', 'high', 'critical']))

export const GuardianUserAuthorization = v2('GuardianUserAuthorization', t.enum(['unknown', 'low', 'medium', 'high']))
