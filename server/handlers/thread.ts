// thread/* requests that create, load, show and list threads. The conversation engine
// (server/conversations/) keeps the threads; these handlers translate requests into it, with the
// answers and notifications codex 0.169.0 gives (test/server/fixtures/codex-0.169.0/conversations/).
import { basename, resolve } from 'node:path'
import type { ThreadForkResponse, ThreadStartResponse, Turn } from '../../generated/experimental/index.js'
import { defineHandlers, type HandlerContext } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { LoadedThread, notLoadedThread } from '../conversations/loaded-thread.js'
import { instructionSources, newThread } from '../conversations/new-thread.js'
import { checkThreadId } from '../conversations/thread-id.js'
import { historyCursors } from '../conversations/thread-history.js'
import { threadPage } from '../conversations/thread-listing.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { turnRecords } from '../conversations/thread-records.js'
import { applySettings, type ThreadSettings } from '../conversations/thread-settings.js'
import type { FamilyEnvironment } from './family.js'
import { pageByIdAfter } from './paging.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function threadHandlers(manager: ThreadManager, environment: FamilyEnvironment, historyPath: (id: string) => string) {
  /** What thread/start, thread/resume and thread/fork answer besides the thread. */
  const settingsResponse = (thread: LoadedThread) => responseFields(thread.settings, thread.meta.cwd, instructionSources(environment.home, thread.meta.cwd))

  /** The thread for resume and fork: loaded, or loaded now from the store; archived ones are refused. */
  const openForResume = (threadId: string): Promise<LoadedThread> => {
    checkThreadId(threadId, 'session id')
    return manager.open(threadId, conversationErrors.noRollout, conversationErrors.archivedSession)
  }

  return defineHandlers({
    'thread/start': (params, context) => {
      const { meta, settings } = newThread(params, { codexVersion: environment.codexVersion, historyPath, clientName: context.connection.clientName })
      const thread = manager.add(new LoadedThread(meta, settings, [], manager.connections, manager.persistence, { materialized: false }))
      manager.subscribe(thread, context.connection)
      // Every client hears of the new thread, after the requester has its answer.
      context.afterResponse(() => manager.connections.broadcast('thread/started', { thread: thread.toThread(false) }))
      const response: ThreadStartResponse = { thread: thread.toThread(false), ...settingsResponse(thread) }
      return response
    },

    'thread/resume': async (params, context) => {
      // A non-empty `path` names the history file to resume; this server's files are named by id.
      const thread = await openForResume(params.path ? threadIdOfPath(params.path, historyPath) : params.threadId)
      await thread.changeSettings(applySettings(thread.settings, params))
      manager.subscribe(thread, context.connection)
      const includeTurns = params.excludeTurns !== true
      if (includeTurns) warnFullHydration(thread, context, 'use `excludeTurns: true`')
      // Everyone hears the thread's goal: the goal itself, or that it has none.
      const goal = await manager.goals.get(thread.id)
      context.afterResponse(() => goal
        ? manager.connections.broadcast('thread/goal/updated', { threadId: thread.id, turnId: null, goal })
        : manager.connections.broadcast('thread/goal/cleared', { threadId: thread.id }))
      replayTokenUsage(thread, context)
      // What the thread waits for (an approval, a question) is asked of the new subscriber too.
      context.afterResponse(() => manager.requests.subscribed(thread.id, context.connection.id))
      return { thread: thread.toThread(includeTurns), ...settingsResponse(thread), ...historyCursors(thread.id, thread.turns) }
    },

    'thread/fork': async (params, context) => {
      const source = await openForResume(params.threadId)
      const keep = turnsToKeep(source, params.lastTurnId ?? null)
      const { meta, settings } = newThread({ ...params, cwd: params.cwd ?? source.meta.cwd, model: params.model ?? source.settings.model }, {
        codexVersion: environment.codexVersion, historyPath, clientName: context.connection.clientName,
      })
      const fork = new LoadedThread(
        { ...meta, forkedFromId: source.id, preview: source.meta.preview, name: source.meta.name ?? null, historyMode: source.meta.historyMode ?? 'legacy' },
        applySettings(source.settings, { ...params, model: settings.model }),
        keep.map((turn) => ({ ...turn, items: [...turn.items] })),
        manager.connections, manager.persistence, { materialized: false, tokenUsage: source.tokenUsage },
      )
      // Loaded only once its history is written: a fork that failed leaves nothing behind.
      if (keep.length > 0) await fork.record(fork.turns.flatMap((turn) => turnRecords(turn)))
      manager.add(fork)
      manager.subscribe(fork, context.connection)
      const includeTurns = params.excludeTurns !== true
      if (includeTurns) warnFullHydration(fork, context, 'use `excludeTurns: true`')
      context.afterResponse(() => manager.connections.broadcast('thread/started', { thread: fork.toThread(false) }))
      replayTokenUsage(fork, context)
      const response: ThreadForkResponse = { thread: fork.toThread(includeTurns), ...settingsResponse(fork) }
      return response
    },

    'thread/read': async ({ threadId, includeTurns }, context) => {
      checkThreadId(threadId)
      const loaded = manager.loaded.get(threadId)
      if (loaded) {
        if (includeTurns === true) warnFullHydration(loaded, context, 'omit `includeTurns` or set it to `false`')
        return { thread: loaded.toThread(includeTurns === true), readState: loaded.readState }
      }
      const stored = await manager.readStored(threadId)
      if (!stored) throw conversationErrors.threadNotLoaded(threadId)
      return { thread: notLoadedThread(stored.meta, includeTurns === true ? stored.turns : []), readState: null }
    },

    'thread/list': async (params) => threadPage(await manager.store(), params, (id) => manager.loaded.get(id)),

    'thread/loaded/list': ({ cursor, limit }) => {
      const ids = [...manager.loaded.keys()].sort()
      return pageByIdAfter(ids, cursor, limit, (id) => UUID.test(id))
    },

    'thread/unsubscribe': ({ threadId }, context) => {
      checkThreadId(threadId)
      return { status: manager.unsubscribe(threadId, context.connection.id) }
    },
  })
}

/** The thread whose history file is `path` (as `thread.path` reports it); codex's error otherwise. */
function threadIdOfPath(path: string, historyPath: (id: string) => string): string {
  const id = basename(path, '.jsonl')
  if (historyPath(id) !== resolve(path)) throw conversationErrors.noRolloutAt(path)
  return id
}

/** The settings fields shared by the responses of thread/start, thread/resume and thread/fork. */
function responseFields(settings: ThreadSettings, cwd: string, sources: string[]) {
  return {
    model: settings.model,
    modelProvider: settings.modelProvider,
    serviceTier: settings.serviceTier,
    disabledPluginIds: [],
    cwd,
    runtimeWorkspaceRoots: [cwd],
    instructionSources: sources,
    approvalPolicy: settings.approvalPolicy,
    approvalsReviewer: settings.approvalsReviewer,
    sandbox: settings.sandbox,
    activePermissionProfile: null,
    reasoningEffort: settings.reasoningEffort,
    multiAgentMode: 'explicitRequestOnly' as const,
  }
}

/** The finished turns of `source` up to and including `lastTurnId` (all of them when null). */
function turnsToKeep(source: LoadedThread, lastTurnId: string | null): Turn[] {
  const finished = source.turns.filter((turn) => turn.status !== 'inProgress')
  if (lastTurnId === null) return finished
  const index = finished.findIndex((turn) => turn.id === lastTurnId)
  if (index === -1) throw conversationErrors.turnNotFound(lastTurnId)
  return finished.slice(0, index + 1)
}

/** codex warns a client that loads the whole history of a paginated thread at once. */
function warnFullHydration(thread: LoadedThread, context: HandlerContext, instead: string): void {
  if (thread.meta.historyMode !== 'paginated') return
  context.notify('deprecationNotice', {
    summary: `Full-history hydration is deprecated for paginated threads; ${instead}, then page with \`thread/turns/list\` and \`thread/items/list\`.`,
    details: null,
  })
}

/**
 * After a resume or fork, the requester alone hears the thread's stored token usage, attributed
 * to its latest turn that is not running; it is not written to the history again.
 */
function replayTokenUsage(thread: LoadedThread, context: HandlerContext): void {
  const usage = thread.tokenUsage
  if (!usage) return
  const latest = thread.turns.findLast((turn) => turn.status !== 'inProgress')
  if (!latest) return
  context.afterResponse(() => context.notify('thread/tokenUsage/updated', { threadId: thread.id, turnId: latest.id, tokenUsage: usage.usage }))
}
