// Legacy v1 requests that codex still lists in its TypeScript output but no longer in its JSON
// Schema: conversation summaries, the git diff against the remote, and the auth status probe.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const GitSha = root('GitSha', t.string(), 'A git commit hash in hex.')

export const ConversationGitInfo = root('ConversationGitInfo', t.object({
  sha: t.option(t.string()),
  branch: t.option(t.string()),
  origin_url: t.option(t.string()),
}), 'Where the working tree of a conversation stood in git.')

export const ConversationSummary = root('ConversationSummary', t.object({
  conversationId: t.ref('ThreadId'),
  path: t.string(),
  preview: t.string(),
  timestamp: t.option(t.string()),
  updatedAt: t.option(t.string()),
  modelProvider: t.string(),
  cwd: t.string(),
  cliVersion: t.string(),
  source: t.ref('SessionSource'),
  gitInfo: t.option(t.ref('ConversationGitInfo')),
}), 'A stored conversation as the v1 API described it.')

export const GetConversationSummaryParams = root('GetConversationSummaryParams', t.anyOf([
  t.object({ rolloutPath: t.string() }),
  t.object({ conversationId: t.ref('ThreadId') }),
]), 'Names the conversation by its rollout file or by its id.')

export const GetConversationSummaryResponse = root('GetConversationSummaryResponse', t.object({
  summary: t.ref('ConversationSummary'),
}))

export const GitDiffToRemoteParams = root('GitDiffToRemoteParams', t.object({
  cwd: t.string(),
}))

export const GitDiffToRemoteResponse = root('GitDiffToRemoteResponse', t.object({
  sha: t.ref('GitSha'),
  diff: t.string(),
}), 'The remote commit the diff is taken against, and the diff itself.')

export const GetAuthStatusParams = root('GetAuthStatusParams', t.object({
  includeToken: t.option(t.boolean()),
  refreshToken: t.option(t.boolean()),
}))

export const GetAuthStatusResponse = root('GetAuthStatusResponse', t.object({
  authMethod: t.option(t.ref('AuthMode')),
  authToken: t.option(t.string()),
  requiresOpenaiAuth: t.option(t.boolean()),
}))
