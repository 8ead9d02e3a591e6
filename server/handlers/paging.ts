// The two paging styles codex uses for lists: an offset cursor (model/list) and an id cursor
// (thread/loaded/list). A limit below 1 still returns one item, as codex does.
import { ErrorCode, RpcError } from '../handler-types.js'

export interface Page<T> {
  data: T[]
  nextCursor: string | null
}

/** Pages by position: the cursor is the index of the first item of the page. */
export function pageByOffset<T>(items: readonly T[], cursor: string | null | undefined, limit: number | null | undefined, noun: string): Page<T> {
  let start = 0
  if (cursor != null) {
    if (!/^\d+$/.test(cursor)) throw new RpcError(ErrorCode.invalidRequest, `invalid cursor: ${cursor}`)
    start = Number(cursor)
    if (start > items.length) throw new RpcError(ErrorCode.invalidRequest, `cursor ${cursor} exceeds total ${noun} ${items.length}`)
  }
  const end = limit == null ? items.length : Math.min(items.length, start + Math.max(1, limit))
  return { data: items.slice(start, end), nextCursor: end < items.length ? String(end) : null }
}

/** Pages sorted ids: the cursor is the last id of the previous page. */
export function pageByIdAfter(sortedIds: readonly string[], cursor: string | null | undefined, limit: number | null | undefined, isValidId: (id: string) => boolean): Page<string> {
  if (sortedIds.length === 0) return { data: [], nextCursor: null }
  if (cursor != null && !isValidId(cursor)) throw new RpcError(ErrorCode.invalidRequest, `invalid cursor: ${cursor}`)
  const rest = cursor == null ? sortedIds : sortedIds.filter((id) => id > cursor)
  const data = limit == null ? [...rest] : rest.slice(0, Math.max(1, limit))
  return { data, nextCursor: data.length < rest.length ? data[data.length - 1]! : null }
}
