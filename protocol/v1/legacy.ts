// Legacy v1 requests that codex still lists in its TypeScript output but no longer in its JSON
// Schema: conversation summaries, the git diff against the remote, and the auth status probe.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const GitSha = root('GitSha', t.string(), 'A git commit hash in hex.')

export const ConversationGitInfo = root('ConversationGitInfo', t.object({
  sha: t.option(t.string(), { description: 'Commit checked out when the conversation was recorded.' }),
  branch: t.option(t.string(), { description: 'Branch checked out, if any.' }),
  origin_url: t.option(t.string(), { description: 'URL of the `origin` remote, if any.' }),
}), 'Where the working tree of a conversation stood in git.')

export const ConversationSummary = root('ConversationSummary', t.object({
  conversationId: t.ref('ThreadId'),
  path: t.describe('Path of the conversation\'s rollout file.', t.string()),
  preview: t.describe('Start of the first user message, for listing.', t.string()),
  timestamp: t.option(t.string(), { description: 'When the conversation was created (RFC 3339), if known.' }),
  updatedAt: t.option(t.string(), { description: 'When the conversation last changed (RFC 3339), if known.' }),
  modelProvider: t.describe('Id of the model provider the conversation used.', t.string()),
  cwd: t.describe('Working directory of the conversation.', t.string()),
  cliVersion: t.describe('Version of codex that recorded the conversation.', t.string()),
  source: t.describe('Which kind of client or process started the conversation.', t.ref('SessionSource')),
  gitInfo: t.option(t.ref('ConversationGitInfo'), { description: 'Git state of the working directory; null outside a repository.' }),
}), 'A stored conversation as the v1 API described it.')

export const GetConversationSummaryParams = root('GetConversationSummaryParams', t.anyOf([
  t.object({ rolloutPath: t.string() }),
  t.object({ conversationId: t.ref('ThreadId') }),
]), 'Names the conversation by its rollout file or by its id.')

export const GetConversationSummaryResponse = root('GetConversationSummaryResponse', t.object({
  summary: t.ref('ConversationSummary'),
}), 'The summary of the requested conversation.')

export const GitDiffToRemoteParams = root('GitDiffToRemoteParams', t.object({
  cwd: t.describe('A directory inside the git repository to diff.', t.string()),
}), 'Asks for the diff of a working tree against its remote.')

export const GitDiffToRemoteResponse = root('GitDiffToRemoteResponse', t.object({
  sha: t.ref('GitSha'),
  diff: t.describe('Unified diff from that commit to the working tree.', t.string()),
}), 'The remote commit the diff is taken against, and the diff itself.')

export const GetAuthStatusParams = root('GetAuthStatusParams', t.object({
  includeToken: t.option(t.boolean(), { description: 'Return the current access token too; default false.' }),
  refreshToken: t.option(t.boolean(), { description: 'Refresh the token first if it can be; default false.' }),
}), 'Asks how the server is authenticated.')

export const GetAuthStatusResponse = root('GetAuthStatusResponse', t.object({
  authMethod: t.option(t.ref('AuthMode'), { description: 'How the server is logged in; null when it is not.' }),
  authToken: t.option(t.string(), { description: 'The access token; only when `includeToken` was set and there is one.' }),
  requiresOpenaiAuth: t.option(t.boolean(), { description: 'Whether the configured model provider needs an OpenAI login.' }),
}), 'How the server is authenticated, and optionally its token.')
