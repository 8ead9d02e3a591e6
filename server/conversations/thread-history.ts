// Paging through a thread's history, as thread/turns/list and thread/items/list do. Cursors have
// the shape codex gives them (a JSON text naming the thread, a position, whether the anchor at that
// position is included, and the scope), so a cursor of another thread or scope is refused.
import type { SortDirection, ThreadItem, ThreadItemEntry, Turn, TurnItemsView } from '../../generated/experimental/index.js'
import { conversationErrors } from './conversation-errors.js'

type Scope = 'turns' | 'itemsByCreatedAtOrdinal'

interface Cursor {
  requestedThreadId: string
  /** 1-based position of the turn or item. */
  rolloutOrdinal: number
  includeAnchor: boolean
  scope: { kind: Scope }
}

/** Pages when the client names no limit. */
const DEFAULT_LIMIT = 25

export interface Page<T> {
  data: T[]
  nextCursor: string | null
  backwardsCursor: string | null
}

export function turnsPage(threadId: string, turns: readonly Turn[], params: { cursor?: string | null; limit?: number | null; sortDirection?: SortDirection | null; itemsView?: TurnItemsView | null }): Page<Turn> {
  const view = params.itemsView ?? 'summary'
  const page = pageOf(threadId, 'turns', turns.length, params.cursor ?? null, params.limit ?? null, params.sortDirection ?? 'desc')
  return { ...page, data: page.positions.map((position) => withItems(turns[position - 1]!, view)) }
}

export function itemsPage(threadId: string, turns: readonly Turn[], params: { turnId?: string | null; cursor?: unknown; limit?: number | null; sortDirection?: SortDirection | null }): Page<ThreadItemEntry> {
  const entries = turns
    .filter((turn) => params.turnId == null || turn.id === params.turnId)
    .flatMap((turn) => turn.items.map((item) => entryOf(turn.id, item)))
  const cursor = typeof params.cursor === 'string' ? params.cursor : null
  const page = pageOf(threadId, 'itemsByCreatedAtOrdinal', entries.length, cursor, params.limit ?? null, params.sortDirection ?? 'asc')
  return { ...page, data: page.positions.map((position) => entries[position - 1]!) }
}

/** The cursors thread/resume returns to page back from the newest turn and item. */
export function historyCursors(threadId: string, turns: readonly Turn[]): { turnsBackwardsCursor: string | null; itemsBackwardsCursor: string | null } {
  const items = turns.reduce((count, turn) => count + turn.items.length, 0)
  return {
    turnsBackwardsCursor: turns.length === 0 ? null : encode({ requestedThreadId: threadId, rolloutOrdinal: turns.length, includeAnchor: true, scope: { kind: 'turns' } }),
    itemsBackwardsCursor: items === 0 ? null : encode({ requestedThreadId: threadId, rolloutOrdinal: items, includeAnchor: true, scope: { kind: 'itemsByCreatedAtOrdinal' } }),
  }
}

/** A thread/turns/list cursor that starts at the turn at `position` (1-based), that turn included. */
export function turnCursorAt(threadId: string, position: number): string {
  return encode({ requestedThreadId: threadId, rolloutOrdinal: position, includeAnchor: true, scope: { kind: 'turns' } })
}

/** A turn's items as much as `view` asks for: none, the user's messages and the last answer, or all. */
export function withItems(turn: Turn, view: TurnItemsView): Turn {
  if (view === 'full') return { ...turn, items: [...turn.items], itemsView: 'full' }
  if (view === 'notLoaded') return { ...turn, items: [], itemsView: 'notLoaded' }
  return { ...turn, items: summaryItems(turn.items), itemsView: 'summary' }
}

function summaryItems(items: readonly ThreadItem[]): ThreadItem[] {
  const lastAnswer = items.findLast((item) => item.type === 'agentMessage')
  return items.filter((item) => item.type === 'userMessage' || item === lastAnswer)
}

export function entryOf(turnId: string, item: ThreadItem): ThreadItemEntry {
  const times = item as { startedAtMs?: number | null; completedAtMs?: number | null }
  return { turnId, item, startedAtMs: times.startedAtMs ?? null, completedAtMs: times.completedAtMs ?? null }
}

/** Positions (1-based) of one page, and the cursors around it. */
function pageOf(threadId: string, scope: Scope, total: number, cursorText: string | null, limit: number | null, direction: SortDirection) {
  const size = Math.max(1, limit ?? DEFAULT_LIMIT)
  const step = direction === 'asc' ? 1 : -1
  let start = direction === 'asc' ? 1 : total
  if (cursorText !== null) {
    const cursor = decode(cursorText, threadId, scope)
    start = cursor.includeAnchor ? cursor.rolloutOrdinal : cursor.rolloutOrdinal + step
  }
  const positions: number[] = []
  for (let position = start; position >= 1 && position <= total && positions.length < size; position += step) positions.push(position)
  const last = positions.at(-1)
  const first = positions[0]
  const more = last !== undefined && last + step >= 1 && last + step <= total
  return {
    positions,
    nextCursor: more ? encode({ requestedThreadId: threadId, rolloutOrdinal: last, includeAnchor: false, scope: { kind: scope } }) : null,
    backwardsCursor: first === undefined ? null : encode({ requestedThreadId: threadId, rolloutOrdinal: first, includeAnchor: true, scope: { kind: scope } }),
  }
}

function encode(cursor: Cursor): string {
  return JSON.stringify(cursor)
}

function decode(text: string, threadId: string, scope: Scope): Cursor {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw conversationErrors.invalidCursor(text)
  }
  const cursor = value as Partial<Cursor>
  const valid = typeof value === 'object' && value !== null && cursor.requestedThreadId === threadId &&
    Number.isInteger(cursor.rolloutOrdinal) && (cursor.rolloutOrdinal ?? 0) >= 0 &&
    typeof cursor.includeAnchor === 'boolean' && cursor.scope?.kind === scope
  if (!valid) throw conversationErrors.invalidCursor(text)
  return cursor as Cursor
}
