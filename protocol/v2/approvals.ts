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

export const ServerRequestResolvedNotification = v2('ServerRequestResolvedNotification', t.object({
  threadId: t.string(),
  requestId: t.ref('RequestId'),
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

export const CommandAction = v2('CommandAction', t.tagged('type', {
  read: {
    command: t.string(),
    name: t.string(),
    path: t.ref('LegacyAppPathString'),
  },
  listFiles: {
    command: t.string(),
    path: t.option(t.string()),
  },
  search: {
    command: t.string(),
    query: t.option(t.string()),
    path: t.option(t.string()),
  },
  unknown: {
    command: t.string(),
  },
}))

export const CommandExecutionApprovalKind = root('CommandExecutionApprovalKind', t.oneOf([
  t.enum(['command', 'writeStdin']),
  t.literal('humanCommand'),
]))
