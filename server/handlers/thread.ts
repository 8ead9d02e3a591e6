// thread/* requests that create, load, show and manage threads. The conversation engine
// (server/conversations/) keeps the threads; these handlers translate requests into it.
import type { Thread, ThreadForkResponse, ThreadStartResponse } from '../../generated/experimental/index.js'
import { defineHandlers, type HandlerContext } from '../handler-types.js'
import { conversationErrors } from '../conversations/conversation-errors.js'
import { instructionSources, newThread } from '../conversations/new-thread.js'
import { LoadedThread } from '../conversations/loaded-thread.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { applySettings, type ThreadSettings } from '../conversations/thread-settings.js'
import { threadPage } from '../conversations/thread-listing.js'
import { historyCursors } from '../conversations/thread-history.js'
import { turnRecords } from '../conversations/thread-records.js'
import type { Turn } from '../../generated/experimental/index.js'
import { nowSeconds } from '../conversations/clock.js'
import type { FamilyEnvironment } from './family.js'
import { pageByIdAfter } from './paging.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function threadHandlers(manager: ThreadManager, environment: FamilyEnvironment, historyPath: (id: string) => string) {
  /** What thread/start, thread/resume and thread/fork answer besides the thread. */
  const settingsResponse = (thread: LoadedThread) => responseFields(thread.settings, thread.meta.cwd, instructionSources(environment.home, thread.meta.cwd))

  /** A loaded thread, or the stored one loaded now; undefined when it is neither. */
  const loadedOrStored = async (threadId: string): Promise<LoadedThread | undefined> => {
    const loaded = manager.loaded.get(threadId)
    if (loaded) return loaded
    const stored = await manager.readStored(threadId)
    return stored ? manager.fromReplay(stored) : undefined
  }

  return defineHandlers({
    'thread/start': (params, context) => {
      const { meta, settings } = newThread(params, { codexVersion: environment.codexVersion, historyPath, clientName: context.connection.clientName })
      const thread = manager.add(new LoadedThread(meta, settings, [], manager.connections, manager.persistence, { materialized: false }))
      manager.subscribe(thread, context.connection.id)
      // Every client hears of the new thread, after the requester has its answer.
      context.afterResponse(() => manager.connections.broadcast('thread/started', { thread: thread.toThread(false) }))
      const response: ThreadStartResponse = { thread: thread.toThread(false), ...settingsResponse(thread) }
      return response
    },

    'thread/resume': async (params, context) => {
      const thread = await loadedOrStored(params.threadId)
      if (!thread) throw conversationErrors.noRollout(params.threadId)
      await thread.changeSettings(applySettings(thread.settings, params))
      manager.subscribe(thread, context.connection.id)
      replayTokenUsage(thread, context)
      return {
        thread: thread.toThread(params.excludeTurns !== true),
        ...settingsResponse(thread),
        ...historyCursors(thread.id, thread.turns),
      }
    },

    'thread/fork': async (params, context) => {
      const source = await loadedOrStored(params.threadId)
      if (!source) throw conversationErrors.noRollout(params.threadId)
      const { meta, settings } = newThread({ ...params, cwd: params.cwd ?? source.meta.cwd, model: params.model ?? source.settings.model }, {
        codexVersion: environment.codexVersion, historyPath, clientName: context.connection.clientName,
      })
      const keep = turnsToKeep(source, params.lastTurnId ?? null)
      const fork = manager.add(new LoadedThread(
        { ...meta, forkedFromId: source.id, preview: source.meta.preview, name: source.meta.name ?? null },
        applySettings(source.settings, { ...params, model: settings.model }),
        keep.map((turn) => ({ ...turn, items: [...turn.items] })),
        manager.connections, manager.persistence, { materialized: false, tokenUsage: source.tokenUsage },
      ))
      if (keep.length > 0) await fork.record(fork.turns.flatMap((turn) => turnRecords(turn)))
      manager.subscribe(fork, context.connection.id)
      context.afterResponse(() => manager.connections.broadcast('thread/started', { thread: fork.toThread(false) }))
      replayTokenUsage(fork, context)
      const response: ThreadForkResponse = { thread: fork.toThread(params.excludeTurns !== true), ...settingsResponse(fork) }
      return response
    },

    'thread/read': async ({ threadId, includeTurns }) => {
      const loaded = manager.loaded.get(threadId)
      if (loaded) return { thread: loaded.toThread(includeTurns === true), readState: loaded.readState }
      const stored = await manager.readStored(threadId)
      if (!stored) throw conversationErrors.threadNotLoaded(threadId)
      const thread: Thread = { ...stored.meta, status: { type: 'notLoaded' }, turns: includeTurns === true ? stored.turns : [] }
      return { thread, readState: null }
    },

    'thread/list': async (params) => threadPage(await manager.store(), params, (id) => manager.loaded.get(id)),

    'thread/loaded/list': ({ cursor, limit }) => {
      const ids = [...manager.loaded.keys()].sort()
      return pageByIdAfter(ids, cursor, limit, (id) => UUID.test(id))
    },

    'thread/unsubscribe': ({ threadId }, context) => ({ status: manager.unsubscribe(threadId, context.connection.id) }),

    'thread/name/set': async ({ threadId, name }) => {
      const thread = await loadedOrStored(threadId)
      if (!thread) throw conversationErrors.threadNotFound(threadId)
      await thread.changeMeta({ name, updatedAt: nowSeconds() })
      manager.connections.broadcast('thread/name/updated', { threadId, threadName: name })
      return {}
    },

    'thread/archive': async ({ threadId }, context) => {
      const store = await manager.store()
      if (!store.summary(threadId)) throw conversationErrors.noRollout(threadId)
      const loaded = manager.loaded.get(threadId)
      if (loaded) manager.unload(loaded)
      await store.archive(threadId)
      context.afterResponse(() => manager.connections.broadcast('thread/archived', { threadId }))
      return {}
    },

    'thread/unarchive': async ({ threadId }, context) => {
      const store = await manager.store()
      if (!store.summary(threadId)) throw conversationErrors.noRollout(threadId)
      await store.unarchive(threadId)
      const stored = await manager.readStored(threadId)
      context.afterResponse(() => manager.connections.broadcast('thread/unarchived', { threadId }))
      return { thread: { ...stored!.meta, status: { type: 'notLoaded' }, turns: [] } }
    },
  })
}

/** The finished turns of `source` up to and including `lastTurnId` (all of them when null). */
function turnsToKeep(source: LoadedThread, lastTurnId: string | null): Turn[] {
  const finished = source.turns.filter((turn) => turn.status !== 'inProgress')
  if (lastTurnId === null) return finished
  const index = finished.findIndex((turn) => turn.id === lastTurnId)
  if (index === -1) throw conversationErrors.turnNotFound(lastTurnId, source.id)
  return finished.slice(0, index + 1)
}

/** The settings fields shared by the responses of thread/start, thread/resume and thread/fork. */
function responseFields(settings: ThreadSettings, cwd: string, sources: string[]) {
  return {
    model: settings.model,
    modelProvider: settings.modelProvider,
    serviceTier: settings.serviceTier,
    cwd,
    runtimeWorkspaceRoots: [cwd],
    instructionSources: sources,
    approvalPolicy: settings.approvalPolicy,
    approvalsReviewer: settings.approvalsReviewer,
    sandbox: settings.sandbox,
    activePermissionProfile: null,
    reasoningEffort: settings.reasoningEffort,
  }
}

/**
 * After a resume or fork, the requester alone hears the thread's stored token usage, attributed
 * to its latest turn that is not running; it is not written to the history again.
 */
function replayTokenUsage(thread: LoadedThread, context: HandlerContext): void {
  const usage = thread.tokenUsage
  if (!usage) return
  const latest = [...thread.turns].reverse().find((turn) => turn.status !== 'inProgress')
  if (!latest) return
  context.afterResponse(() => context.notify('thread/tokenUsage/updated', { threadId: thread.id, turnId: latest.id, tokenUsage: usage.usage }))
}
