// What a thread's history file holds, one record a line, and how the thread is rebuilt from it.
// Only finished facts are written: a turn's start, each completed item, its end, token usage,
// and changes to the thread's settings, name, metadata, goal, attachments, queue or memory mode,
// and cuts of its history (a revert). A turn whose end was never written (the server died during
// it) reads back as interrupted.
import type { QueuedSubmission, Thread, ThreadAttachment, ThreadGoal, ThreadItem, ThreadMemoryMode, ThreadTokenUsage, Turn, TurnError, TurnStatus } from '../../generated/experimental/index.js'
import type { ThreadSettings } from './thread-settings.js'

/** The thread as created: everything but its runtime status and turns. */
export type ThreadMeta = Omit<Thread, 'status' | 'turns'>

export type ThreadRecord =
  | { type: 'thread'; thread: ThreadMeta; settings: ThreadSettings }
  | { type: 'turnStarted'; turnId: string; rootTurnId: string | null; startedAt: number }
  | { type: 'item'; turnId: string; item: ThreadItem }
  | { type: 'turnEnded'; turnId: string; status: Exclude<TurnStatus, 'inProgress'>; error: TurnError | null; completedAt: number; durationMs: number }
  | { type: 'tokenUsage'; turnId: string; usage: ThreadTokenUsage }
  | { type: 'metaChanged'; changes: Partial<ThreadMeta> }
  | { type: 'settingsChanged'; settings: ThreadSettings }
  /** Raw model items a client injected: part of what the model sees, not of the thread's items. */
  | { type: 'modelItems'; items: unknown[] }
  /** A client attached a record to the thread (thread/attachment/add). */
  | { type: 'attachmentAdded'; attachment: ThreadAttachment }
  | { type: 'attachmentRemoved'; attachmentId: string }
  /** The thread's goal as it now stands; null once cleared. */
  | { type: 'goalChanged'; goal: ThreadGoal | null }
  /** The history was cut back: this turn and every later one are gone. */
  | { type: 'reverted'; beforeTurnId: string }
  /** The thread's queue of submissions as it now stands, in run order. */
  | { type: 'queueChanged'; queue: QueuedSubmission[] }
  /** Whether the thread uses memory (thread/memoryMode/set). */
  | { type: 'memoryModeChanged'; mode: ThreadMemoryMode }

/** A thread rebuilt from its records. */
export interface ReplayedThread {
  meta: ThreadMeta
  settings: ThreadSettings
  turns: Turn[]
  /** Usage after the last record that reported any, with the turn it belongs to. */
  tokenUsage: { turnId: string; usage: ThreadTokenUsage } | undefined
  /** The attachments held now, in the order they were added. */
  attachments: ThreadAttachment[]
  goal: ThreadGoal | null
  queue: QueuedSubmission[]
  memoryMode: ThreadMemoryMode
}

export class HistoryError extends Error {}

export function replayThread(records: readonly ThreadRecord[]): ReplayedThread {
  const first = records[0]
  if (first?.type !== 'thread') throw new HistoryError('the history does not start with the thread record')
  let meta: ThreadMeta = { ...first.thread }
  let settings = first.settings
  const turns: Turn[] = []
  const byId = new Map<string, Turn>()
  let tokenUsage: ReplayedThread['tokenUsage']
  let attachments: ThreadAttachment[] = []
  let goal: ThreadGoal | null = null
  let queue: QueuedSubmission[] = []
  let memoryMode: ThreadMemoryMode = 'enabled'
  for (const record of records.slice(1)) {
    switch (record.type) {
      case 'thread':
        throw new HistoryError('a second thread record')
      case 'turnStarted': {
        const turn: Turn = {
          id: record.turnId, rootTurnId: record.rootTurnId, items: [], itemsView: 'full', status: 'interrupted',
          error: null, startedAt: record.startedAt, completedAt: null, durationMs: null,
        }
        turns.push(turn)
        byId.set(turn.id, turn)
        break
      }
      case 'item':
        turnOf(byId, record.turnId).items.push(record.item)
        break
      case 'turnEnded': {
        const turn = turnOf(byId, record.turnId)
        Object.assign(turn, { status: record.status, error: record.error, completedAt: record.completedAt, durationMs: record.durationMs })
        break
      }
      case 'tokenUsage':
        tokenUsage = { turnId: record.turnId, usage: record.usage }
        break
      case 'metaChanged':
        meta = { ...meta, ...record.changes }
        break
      case 'settingsChanged':
        settings = record.settings
        break
      case 'modelItems':
        break
      case 'attachmentAdded':
        attachments.push(record.attachment)
        break
      case 'attachmentRemoved':
        attachments = attachments.filter((attachment) => attachment.id !== record.attachmentId)
        break
      case 'goalChanged':
        goal = record.goal
        break
      case 'reverted': {
        const cut = turns.findIndex((turn) => turn.id === record.beforeTurnId)
        if (cut < 0) throw new HistoryError(`a revert to before turn ${record.beforeTurnId}, which is not in the history`)
        for (const turn of turns.splice(cut)) byId.delete(turn.id)
        break
      }
      case 'queueChanged':
        queue = record.queue
        break
      case 'memoryModeChanged':
        memoryMode = record.mode
        break
    }
  }
  return { meta, settings, turns, tokenUsage, attachments, goal, queue, memoryMode }
}

function turnOf(turns: Map<string, Turn>, id: string): Turn {
  const turn = turns.get(id)
  if (!turn) throw new HistoryError(`a record of turn ${id}, which never started`)
  return turn
}

/** The records that write a finished turn into another thread's history (a fork). */
export function turnRecords(turn: Turn): ThreadRecord[] {
  return [
    { type: 'turnStarted', turnId: turn.id, rootTurnId: turn.rootTurnId ?? null, startedAt: turn.startedAt ?? 0 },
    ...turn.items.map((item): ThreadRecord => ({ type: 'item', turnId: turn.id, item })),
    {
      type: 'turnEnded', turnId: turn.id, status: turn.status === 'inProgress' ? 'interrupted' : turn.status,
      error: turn.error ?? null, completedAt: turn.completedAt ?? 0, durationMs: turn.durationMs ?? 0,
    },
  ]
}
