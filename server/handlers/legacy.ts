// The v1 requests codex still answers: getConversationSummary (a stored thread, by id or by the
// path of its history file), gitDiffToRemote (a working tree against its remote, computed with
// the real git) and getAuthStatus (this server needs no sign-in).
import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ConversationSummary } from '../../generated/experimental/index.js'
import type { ThreadMeta } from '../conversations/thread-records.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { HandlerFamily } from './family.js'
import { gitDiffToRemote } from './git-diff.js'

export function legacyFamily(threads: ThreadManager): HandlerFamily {
  return {
    name: 'v1/legacy',
    handlers: defineHandlers({
      getConversationSummary: async (params) => {
        if ('conversationId' in params) {
          const meta = await threadMeta(threads, params.conversationId)
          if (meta === undefined) throw invalidRequest(`no rollout found for conversation id ${params.conversationId}`)
          return { summary: summaryOf(meta) }
        }
        const path = resolve(params.rolloutPath)
        if (!(await exists(path))) throw invalidRequest(`failed to resolve rollout path \`${params.rolloutPath}\`: file does not exist`)
        const meta = await threadAt(threads, path)
        if (meta === undefined) throw invalidRequest(`failed to load rollout \`${params.rolloutPath}\`: not a thread history of this server`)
        return { summary: summaryOf(meta) }
      },

      gitDiffToRemote: async ({ cwd }) => {
        const diff = await gitDiffToRemote(cwd)
        // Rust's Debug form of a path: quoted, with JSON-like escapes.
        if (diff === undefined) throw invalidRequest(`failed to compute git diff to remote for cwd: ${JSON.stringify(cwd)}`)
        return diff
      },

      // The reference provider serves its models without an OpenAI login, and no token exists.
      getAuthStatus: () => ({ authMethod: null, authToken: null, requiresOpenaiAuth: false }),
    }),
  }
}

async function threadMeta(threads: ThreadManager, threadId: string): Promise<ThreadMeta | undefined> {
  const loaded = threads.loaded.get(threadId)
  if (loaded !== undefined) return loaded.meta
  return (await threads.store()).summary(threadId)?.meta
}

/** The thread whose history file is `path`: history files are named after their thread's id. */
async function threadAt(threads: ThreadManager, path: string): Promise<ThreadMeta | undefined> {
  const name = /([^/\\]+)\.jsonl$/.exec(path)?.[1]
  return name === undefined ? undefined : threadMeta(threads, name)
}

function summaryOf(meta: ThreadMeta): ConversationSummary {
  return {
    conversationId: meta.id,
    path: meta.path ?? '',
    preview: meta.preview,
    timestamp: new Date(meta.createdAt * 1000).toISOString(),
    updatedAt: new Date(meta.updatedAt * 1000).toISOString(),
    modelProvider: meta.modelProvider,
    cwd: meta.cwd,
    cliVersion: meta.cliVersion,
    source: meta.source,
    gitInfo: meta.gitInfo == null ? null : { sha: meta.gitInfo.sha ?? null, branch: meta.gitInfo.branch ?? null, origin_url: meta.gitInfo.originUrl ?? null },
  }
}

function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false)
}

function invalidRequest(message: string): RpcError {
  return new RpcError(ErrorCode.invalidRequest, message)
}
