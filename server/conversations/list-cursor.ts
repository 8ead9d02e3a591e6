// Opaque list cursors: the sort key, the sort value and the id of a thread (the tie-breaker), with
// a short checksum so that a string this store never issued is refused instead of misread. The
// cursor names a position, not a thread: it stays valid when that thread changes or goes away.
import { createHash } from 'node:crypto'
import { ThreadStoreError } from './errors.js'
import type { ThreadStoreSortKey } from './thread-store.js'

export interface CursorPosition {
  readonly key: ThreadStoreSortKey
  readonly value: number
  readonly id: string
}

const KEYS: readonly ThreadStoreSortKey[] = ['created_at', 'updated_at', 'recency_at']

export function encodeCursor(position: CursorPosition): string {
  const payload = `${position.key}|${position.value}|${position.id}`
  return `${Buffer.from(payload).toString('base64url')}.${checksum(payload)}`
}

export function decodeCursor(cursor: string, expectedKey: ThreadStoreSortKey): CursorPosition {
  const invalid = (why: string) => new ThreadStoreError('invalidCursor', `invalid cursor ${JSON.stringify(cursor)}: ${why}`)
  const [data, sum, extra] = cursor.split('.')
  if (data === undefined || sum === undefined || extra !== undefined) throw invalid('not a cursor this server issued')
  const payload = Buffer.from(data, 'base64url').toString()
  if (checksum(payload) !== sum) throw invalid('not a cursor this server issued')
  const [key, value, ...idParts] = payload.split('|')
  if (!KEYS.includes(key as ThreadStoreSortKey) || !Number.isFinite(Number(value)) || idParts.length === 0) {
    throw invalid('not a cursor this server issued')
  }
  if (key !== expectedKey) throw invalid(`it was issued for sort key ${key}, not ${expectedKey}`)
  return { key: key as ThreadStoreSortKey, value: Number(value), id: idParts.join('|') }
}

function checksum(payload: string): string {
  return createHash('sha256').update(`thread-list-cursor:${payload}`).digest('base64url').slice(0, 10)
}
