// A thread's timeline (thread/timeline/list): its turns starting and ending and its items, in the
// order they were recorded, each at its position in the history file. Pages go backwards from the
// newest entry, each page in recorded order. Observed on codex 0.169.0:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
//
// codex 0.169.0 sends these entries with camelCase fields (`turnId`, `startedAt`, …) although its
// JSON Schema names them in snake_case; the wire is what clients meet, so that is what we send.
import type { ThreadItem, TurnError, TurnStatus } from '../../generated/experimental/index.js'
import { threadFamilyErrors } from './thread-family-errors.js'
import { replayThread, type ThreadRecord } from './thread-records.js'

export type TimelineEntry =
  | { type: 'turnStarted'; position: number; turnId: string; startedAt: number | null }
  | { type: 'item'; position: number; turnId: string; item: ThreadItem }
  | {
    type: 'turnCompleted'; position: number; turnId: string; status: TurnStatus; error: TurnError | null
    startedAt: number | null; completedAt: number | null; durationMs: number | null
  }

interface TimelineCursor {
  threadId: string
  position: number
  /** 0: a turn's start, 1: an item, 2: a turn's end. */
  kind: 0 | 1 | 2
  id: string
}

/** Entries per page when the client names no limit. */
const DEFAULT_LIMIT = 100

/** The timeline of a history: entries of turns a revert removed are left out. */
export function timelineOf(records: readonly ThreadRecord[]): TimelineEntry[] {
  const kept = new Set(replayThread(records).turns.map((turn) => turn.id))
  const started = new Map<string, number>()
  const entries: TimelineEntry[] = []
  records.forEach((record, position) => {
    if (record.type === 'turnStarted' && kept.has(record.turnId)) {
      started.set(record.turnId, record.startedAt)
      entries.push({ type: 'turnStarted', position, turnId: record.turnId, startedAt: record.startedAt })
    } else if (record.type === 'item' && kept.has(record.turnId)) {
      entries.push({ type: 'item', position, turnId: record.turnId, item: record.item })
    } else if (record.type === 'turnEnded' && kept.has(record.turnId)) {
      entries.push({
        type: 'turnCompleted', position, turnId: record.turnId, status: record.status, error: record.error,
        startedAt: started.get(record.turnId) ?? null, completedAt: record.completedAt, durationMs: record.durationMs,
      })
    }
  })
  return entries
}

/** The page of `entries` that ends just before the cursor (or at the newest entry). */
export function timelinePage(threadId: string, entries: readonly TimelineEntry[], cursorText: string | null, limit: number | null): { data: TimelineEntry[]; nextCursor: string | null; activeRealtimeSessionAtPageStart: null } {
  const end = cursorText === null ? entries.length : entries.findIndex((entry) => entry.position >= decodeCursor(cursorText, threadId).position)
  const stop = end < 0 ? entries.length : end
  const start = Math.max(0, stop - Math.max(1, limit ?? DEFAULT_LIMIT))
  const data = entries.slice(start, stop)
  const first = data[0]
  return { data, nextCursor: start > 0 && first ? encodeCursor(threadId, first) : null, activeRealtimeSessionAtPageStart: null }
}

function encodeCursor(threadId: string, entry: TimelineEntry): string {
  const cursor: TimelineCursor = entry.type === 'item'
    ? { threadId, position: entry.position, kind: 1, id: entry.item.id }
    : { threadId, position: entry.position, kind: entry.type === 'turnStarted' ? 0 : 2, id: entry.turnId }
  return JSON.stringify(cursor)
}

function decodeCursor(text: string, threadId: string): TimelineCursor {
  let value: Partial<TimelineCursor> | undefined
  try {
    value = JSON.parse(text) as Partial<TimelineCursor>
  } catch {
    throw threadFamilyErrors.invalidTimelineCursor()
  }
  if (typeof value !== 'object' || value === null || value.threadId !== threadId || !Number.isInteger(value.position)) throw threadFamilyErrors.invalidTimelineCursor()
  return value as TimelineCursor
}
