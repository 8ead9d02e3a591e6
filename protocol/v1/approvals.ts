// The approvals family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const ApplyPatchApprovalParams = root('ApplyPatchApprovalParams', t.object({
  conversationId: t.ref('ThreadId'),
  callId: t.string(),
  fileChanges: t.map(t.ref('FileChange')),
  reason: t.option(t.string()),
  grantRoot: t.option(t.string()),
}))

export const ApplyPatchApprovalResponse = root('ApplyPatchApprovalResponse', t.object({
  decision: t.ref('ReviewDecision'),
}))

export const ExecCommandApprovalParams = root('ExecCommandApprovalParams', t.object({
  conversationId: t.ref('ThreadId'),
  callId: t.string(),
  approvalId: t.option(t.string()),
  command: t.array(t.string()),
  cwd: t.string(),
  reason: t.option(t.string()),
  parsedCmd: t.array(t.ref('ParsedCommand')),
}))

export const ExecCommandApprovalResponse = root('ExecCommandApprovalResponse', t.object({
  decision: t.ref('ReviewDecision'),
}))

export const FileChange = root('FileChange', t.tagged('type', {
  add: {
    content: t.string(),
  },
  delete: {
    content: t.string(),
  },
  update: {
    unified_diff: t.string(),
    move_path: t.option(t.string()),
  },
}))

export const ParsedCommand = root('ParsedCommand', t.tagged('type', {
  read: {
    cmd: t.string(),
    name: t.string(),
    path: t.string(),
  },
  list_files: {
    cmd: t.string(),
    path: t.option(t.string()),
  },
  search: {
    cmd: t.string(),
    query: t.option(t.string()),
    path: t.option(t.string()),
  },
  unknown: {
    cmd: t.string(),
  },
}))

export const ReviewDecision = root('ReviewDecision', t.oneOf([
  t.literal('approved'),
  t.object({
    approved_execpolicy_amendment: t.object({
      proposed_execpolicy_amendment: t.array(t.string()),
    }),
  }, { closed: true }),
  t.literal('approved_for_session'),
  t.literal('approved_mcp_policy_amendment'),
  t.object({
    network_policy_amendment: t.object({
      network_policy_amendment: t.ref('NetworkPolicyAmendment'),
    }),
  }, { closed: true }),
  t.object({
    denied: t.object({
      rejection: t.string(),
    }),
  }, { closed: true }),
  t.literal('timed_out'),
  t.literal('abort'),
]))
