// Thread attachments: client-defined records kept in a thread's history (added and removed as
// records, so they survive a restart), the pages codex serves of them, and the reverse lookup of
// the threads that hold one. Every answer is read from the stored history, which is the one truth
// for loaded and unloaded threads alike.
import { randomUUID } from 'node:crypto'
import type { ThreadAttachment, ThreadAttachmentOwner, ThreadSourceKind } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import { nowSeconds } from './clock.js'
import { everyThread, type ConversationStore } from './conversation-store.js'
import type { ThreadMeta, ThreadRecord } from './thread-records.js'
import type { ThreadManager } from './thread-manager.js'

/** codex's page size when the client names none. */
const DEFAULT_LIMIT = 50
const ALL_SOURCES: ThreadSourceKind[] = ['cli', 'vscode', 'exec', 'appServer', 'subAgent', 'subAgentReview', 'subAgentCompact', 'subAgentThreadSpawn', 'subAgentOther', 'unknown']

const invalidParams = (message: string) => new RpcError(ErrorCode.invalidParams, message)
export const attachmentErrors = {
  threadNotFound: (threadId: string) => invalidParams(`thread not found: ${threadId}`),
  empty: (field: string) => invalidParams(`${field} must not be empty`),
  invalidCursor: () => invalidParams('invalid pagination cursor'),
}

/** codex refuses blank types and keys, type first. */
export function checkAttachmentKey(attachmentType: string, identityKey: string): void {
  if (attachmentType.trim() === '') throw attachmentErrors.empty('attachmentType')
  if (identityKey.trim() === '') throw attachmentErrors.empty('identityKey')
}

/** A thread that can hold attachments: one with a history (loaded or not, archived or not). */
interface AttachmentHolder {
  attachments: ThreadAttachment[]
  write(records: ThreadRecord[]): Promise<void>
}

/** The thread's attachments and how to record changes; undefined when it has no history yet. */
export async function attachmentHolder(manager: ThreadManager, threadId: string): Promise<AttachmentHolder | undefined> {
  const loaded = manager.loaded.get(threadId)
  if (loaded && !loaded.isMaterialized) return undefined
  const stored = await manager.readStored(threadId)
  if (!stored) return undefined
  const write = loaded
    ? (records: ThreadRecord[]) => loaded.record(records)
    : (records: ThreadRecord[]) => manager.persistence.append(stored.meta, records)
  return { attachments: stored.attachments, write }
}

export function newAttachment(attachmentType: string, identityKey: string, payload: unknown): ThreadAttachment {
  return { id: randomUUID(), attachmentType, identityKey, payload: payload as ThreadAttachment['payload'], createdAt: nowSeconds() }
}

/** One page of a thread's attachments; the cursor names the last one given (`thread|createdAt|id`). */
export function attachmentPage(threadId: string, attachments: ThreadAttachment[], cursor: string | null | undefined, limit: number | null | undefined) {
  let from = 0
  if (cursor != null) {
    const [cursorThread, createdAt, id] = cursor.split('|')
    const index = attachments.findIndex((attachment) => attachment.id === id)
    if (cursorThread !== threadId || index < 0 || String(attachments[index]!.createdAt) !== createdAt) throw attachmentErrors.invalidCursor()
    from = index + 1
  }
  const size = limit ?? DEFAULT_LIMIT
  const data = attachments.slice(from, from + size)
  const last = data.at(-1)
  const more = size > 0 && from + size < attachments.length
  return { data, nextCursor: more && last ? `${threadId}|${last.createdAt}|${last.id}` : null }
}

interface OwnerCursor { attachment_type: string; identity_key: string; archived: boolean | null; thread_id: string }

/** The threads holding an attachment of this type and key, by thread id; the cursor names the last one given. */
export async function ownerPage(
  manager: ThreadManager, query: { attachmentType: string; identityKey: string; archived?: boolean | null; cursor?: string | null; limit?: number | null },
) {
  const archived = query.archived ?? null
  let after: string | undefined
  if (query.cursor != null) {
    const parsed = parseOwnerCursor(query.cursor)
    if (!parsed || parsed.attachment_type !== query.attachmentType || parsed.identity_key !== query.identityKey || parsed.archived !== archived) {
      throw attachmentErrors.invalidCursor()
    }
    after = parsed.thread_id
  }
  const owners: ThreadAttachmentOwner[] = []
  for (const { meta, archived: isArchived } of storedThreads(await manager.store())) {
    if (archived !== null && isArchived !== archived) continue
    if (after !== undefined && meta.id <= after) continue
    const stored = await manager.readStored(meta.id)
    if (stored?.attachments.some((a) => a.attachmentType === query.attachmentType && a.identityKey === query.identityKey)) {
      owners.push({ threadId: meta.id, archived: isArchived })
    }
  }
  owners.sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0))
  const size = query.limit ?? DEFAULT_LIMIT
  const data = owners.slice(0, size)
  const last = data.at(-1)
  const cursor: OwnerCursor | undefined = size > 0 && owners.length > size && last
    ? { attachment_type: query.attachmentType, identity_key: query.identityKey, archived, thread_id: last.threadId }
    : undefined
  return { data, nextCursor: cursor ? JSON.stringify(cursor) : null }
}

function parseOwnerCursor(text: string): OwnerCursor | undefined {
  try {
    const value = JSON.parse(text) as Partial<OwnerCursor> | null
    if (value && typeof value.thread_id === 'string' && typeof value.attachment_type === 'string' && typeof value.identity_key === 'string') {
      return { attachment_type: value.attachment_type, identity_key: value.identity_key, archived: value.archived ?? null, thread_id: value.thread_id }
    }
  } catch {
    // not JSON: not a cursor we issued
  }
  return undefined
}

/** Every stored thread, archived or not, of any source. */
function* storedThreads(store: ConversationStore): Generator<{ meta: ThreadMeta; archived: boolean }> {
  for (const archived of [false, true]) {
    yield* everyThread(store, {
      archived, cwds: undefined, sourceKinds: ALL_SOURCES, modelProviders: undefined, searchTerm: undefined, excludedIds: undefined, sortKey: 'created_at', direction: 'asc',
    })
  }
}
