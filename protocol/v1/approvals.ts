// The legacy v1 approval flow: the server asks the client to approve a patch or a command of a
// conversation, and the client answers with a review decision.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const ApplyPatchApprovalParams = root('ApplyPatchApprovalParams', t.object({
  conversationId: t.ref('ThreadId'),
  callId: t.describe('Id of the patch tool call; the same id appears on the events that report the patch being applied.', t.string()),
  fileChanges: t.describe('The proposed changes, keyed by file path.', t.map(t.ref('FileChange'))),
  reason: t.option(t.string(), { description: 'Why the agent wants this, e.g. it needs write access outside the workspace.' }),
  grantRoot: t.option(t.string(), { description: 'A directory the agent asks to write under for the rest of the session; null when it asks for this patch only.' }),
}), 'Legacy (v1) request asking the client to approve a patch the agent wants to apply.')

export const ApplyPatchApprovalResponse = root('ApplyPatchApprovalResponse', t.object({
  decision: t.ref('ReviewDecision'),
}), 'The client\'s answer to a legacy patch approval request.')

export const ExecCommandApprovalParams = root('ExecCommandApprovalParams', t.object({
  conversationId: t.ref('ThreadId'),
  callId: t.describe('Id of the command tool call; the same id appears on the events that report the command running.', t.string()),
  approvalId: t.option(t.string(), { description: 'Id of this particular approval prompt, when it has one separate from `callId`.' }),
  command: t.describe('The command as argv.', t.array(t.string())),
  cwd: t.describe('Working directory the command would run in.', t.string()),
  reason: t.option(t.string(), { description: 'Why the agent wants to run it, if it said.' }),
  parsedCmd: t.describe('Best-effort breakdown of what the command does, for display.', t.array(t.ref('ParsedCommand'))),
}), 'Legacy (v1) request asking the client to approve a command the agent wants to run.')

export const ExecCommandApprovalResponse = root('ExecCommandApprovalResponse', t.object({
  decision: t.ref('ReviewDecision'),
}), 'The client\'s answer to a legacy command approval request.')

export const FileChange = root('FileChange', t.tagged('type', {
  add: {
    content: t.describe('Full content of the new file.', t.string()),
  },
  delete: {
    content: t.describe('Content of the file being removed.', t.string()),
  },
  update: {
    unified_diff: t.describe('The edit as a unified diff.', t.string()),
    move_path: t.option(t.string(), { description: 'New path when the file is also renamed; null otherwise.' }),
  },
}), 'One file\'s part of a patch: created, deleted, or edited (and possibly moved).')

export const ParsedCommand = root('ParsedCommand', t.tagged('type', {
  read: {
    cmd: t.describe('The command text this part came from.', t.string()),
    name: t.describe('Short name of the file being read.', t.string()),
    path: t.describe('Path of the file being read; usually absolute, otherwise relative to the command\'s cwd.', t.string()),
  },
  list_files: {
    cmd: t.describe('The command text this part came from.', t.string()),
    path: t.option(t.string(), { description: 'Directory being listed, if known.' }),
  },
  search: {
    cmd: t.describe('The command text this part came from.', t.string()),
    query: t.option(t.string(), { description: 'What is searched for, if known.' }),
    path: t.option(t.string(), { description: 'Where the search runs, if known.' }),
  },
  unknown: {
    cmd: t.describe('The command text this part came from.', t.string()),
  },
}), 'A best-effort reading of what a shell command does (read a file, list files, search), used to summarise it; `unknown` when it could not be classified.')

export const ReviewDecision = root('ReviewDecision', t.oneOf([
  t.literal('approved'),
  t.object({
    approved_execpolicy_amendment: t.object({
      proposed_execpolicy_amendment: t.describe('Command prefix to allow from now on without asking.', t.array(t.string())),
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
      rejection: t.describe('Explanation passed back to the agent.', t.string()),
    }),
  }, { closed: true }),
  t.literal('timed_out'),
  t.literal('abort'),
]), 'How the user answered a legacy approval request: approve once, approve for the session, approve and add a policy rule, deny (with a reason for the agent), time out, or abort the turn.')
