import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ThreadStoreError } from '../../../server/conversations/errors.js'
import type { FileThreadStore } from '../../../server/conversations/file-thread-store.js'
import type { ThreadListQuery, ThreadStoreSortKey } from '../../../server/conversations/thread-store.js'
import { openStore, summary, tempHome } from './helpers.js'

let store: FileThreadStore
let cleanup: () => void
const SAME_MS = 1_700_000_000_000

beforeAll(async () => {
  const temp = tempHome()
  cleanup = temp.cleanup
  store = (await openStore(temp.home)).store
  // 50 threads created in one millisecond (the tie-breaker case), updated at other times.
  await Promise.all(
    Array.from({ length: 50 }, (_, n) =>
      store.create(
        summary(`same-${String(n).padStart(2, '0')}`, {
          createdAtMs: SAME_MS,
          updatedAtMs: SAME_MS + (n % 7),
          recencyAtMs: n % 2 === 0 ? SAME_MS + 100 - n : null,
          cwd: n % 3 === 0 ? '/work/a' : '/work/b/',
          sourceKind: n % 5 === 0 ? 'cli' : 'vscode',
          modelProvider: n % 4 === 0 ? 'ollama' : 'openai',
          preview: n === 7 ? 'Fix the FLAKY test' : `thread ${n}`,
          name: n === 8 ? 'About flaky builds' : null,
        }),
      ),
    ),
  )
  await store.create(summary('older', { createdAtMs: SAME_MS - 10, updatedAtMs: SAME_MS - 10 }))
  await store.create(summary('newer', { createdAtMs: SAME_MS + 10, updatedAtMs: SAME_MS + 10 }))
  await store.create(summary('gone', { createdAtMs: SAME_MS + 20 }))
  await store.archive('gone')
})
afterAll(async () => {
  await store.close()
  cleanup()
})

const ids = (query: ThreadListQuery) => store.list(query).data.map((thread) => thread.summary.id)

/** Every id from paging through with `limit`, checking that each page continues the last. */
function pageThrough(query: Omit<ThreadListQuery, 'limit' | 'cursor'>, limit: number): string[] {
  const seen: string[] = []
  let cursor: string | null = null
  for (;;) {
    const page = store.list({ ...query, limit, cursor })
    seen.push(...page.data.map((thread) => thread.summary.id))
    if (!page.nextCursor) return seen
    expect(page.data).toHaveLength(limit)
    cursor = page.nextCursor
  }
}

describe('FileThreadStore.list', () => {
  it('sorts by creation time, newest first by default, ties broken by id', () => {
    const all = ids({ limit: 100 })
    expect(all).toHaveLength(52)
    expect(all[0]).toBe('newer')
    expect(all.at(-1)).toBe('older')
    expect(all.slice(1, 51)).toEqual(Array.from({ length: 50 }, (_, n) => `same-${String(49 - n).padStart(2, '0')}`))
    expect(ids({ limit: 100, sortDirection: 'asc' })).toEqual([...all].reverse())
  })

  it.each(['created_at', 'updated_at', 'recency_at'] as ThreadStoreSortKey[])('returns every thread exactly once across pages by %s, both directions', (sortKey) => {
    for (const sortDirection of ['asc', 'desc'] as const) {
      const whole = ids({ limit: 100, sortKey, sortDirection })
      for (const limit of [1, 3, 7, 50]) expect(pageThrough({ sortKey, sortDirection }, limit)).toEqual(whole)
    }
  })

  it('orders by update and recency time (recency falls back to the update time)', () => {
    const updated = store.list({ limit: 100, sortKey: 'updated_at', sortDirection: 'asc' }).data.map((t) => t.summary.updatedAtMs)
    expect(updated).toEqual([...updated].sort((a, b) => a - b))
    const recency = store.list({ limit: 100, sortKey: 'recency_at' }).data.map((t) => t.summary.recencyAtMs ?? t.summary.updatedAtMs)
    expect(recency).toEqual([...recency].sort((a, b) => b - a))
  })

  it('pages back from a backwards cursor with the opposite direction', () => {
    const whole = ids({ limit: 100, sortKey: 'updated_at' })
    const first = store.list({ limit: 10, sortKey: 'updated_at' })
    const second = store.list({ limit: 10, sortKey: 'updated_at', cursor: first.nextCursor })
    expect(second.data.map((t) => t.summary.id)).toEqual(whole.slice(10, 20))
    const back = store.list({ limit: 10, sortKey: 'updated_at', sortDirection: 'asc', cursor: second.backwardsCursor })
    expect(back.data.map((t) => t.summary.id)).toEqual(whole.slice(0, 10).reverse())
    // Walking backwards from the end covers everything once too.
    const last = store.list({ limit: 100, sortKey: 'updated_at', sortDirection: 'asc' })
    expect(last.nextCursor).toBeNull()
    expect(store.list({ limit: 5, sortKey: 'updated_at', cursor: last.backwardsCursor }).data).toEqual([])
    expect(store.list({ limit: 100, archived: true, cwd: '/nowhere' })).toEqual({ data: [], nextCursor: null, backwardsCursor: null })
  })

  it('filters by archived, normalized cwd, source kind, provider, search term, excluded ids and a custom predicate', () => {
    expect(ids({ limit: 100, archived: true })).toEqual(['gone'])
    expect(ids({ limit: 100, cwd: '/work/a/' })).toHaveLength(17)
    expect(ids({ limit: 100, cwd: '/work/./b' })).toHaveLength(33)
    expect(ids({ limit: 100, cwd: ['/work/a', '/work//b'] })).toHaveLength(50)
    expect(ids({ limit: 100, sourceKinds: ['cli'] })).toHaveLength(10)
    expect(ids({ limit: 100, sourceKinds: [] })).toHaveLength(52)
    expect(ids({ limit: 100, modelProviders: ['ollama'] })).toHaveLength(13)
    expect(ids({ limit: 100, searchTerm: 'flaky' })).toEqual(['same-08', 'same-07'])
    expect(ids({ limit: 100, searchTerm: 'flaky', excludedThreadIds: ['same-08'] })).toEqual(['same-07'])
    expect(ids({ limit: 100, where: (s) => s.id.endsWith('9') })).toEqual(['same-49', 'same-39', 'same-29', 'same-19', 'same-09'])
    expect(pageThrough({ modelProviders: ['ollama'], cwd: '/work/a' }, 2)).toEqual(ids({ limit: 100, modelProviders: ['ollama'], cwd: '/work/a' }))
  })

  it('keeps the orders current when summaries change', async () => {
    await store.updateSummary('older', { updatedAtMs: SAME_MS + 1000 })
    expect(ids({ limit: 1, sortKey: 'updated_at' })).toEqual(['older'])
    expect(ids({ limit: 1, sortKey: 'recency_at' })).toEqual(['older'])
    expect(ids({ limit: 1, sortKey: 'created_at', sortDirection: 'asc' })).toEqual(['older'])
  })

  it('refuses cursors it never issued, or issued for another sort key, and bad limits', () => {
    const codeOf = (query: ThreadListQuery) => {
      try {
        store.list(query)
        return 'listed'
      } catch (error) {
        return `${(error as ThreadStoreError).code}: ${(error as Error).message}`
      }
    }
    expect(codeOf({ limit: 5, cursor: 'garbage' })).toMatch(/^invalidCursor: invalid cursor "garbage"/)
    const cursor = store.list({ limit: 5 }).nextCursor!
    expect(codeOf({ limit: 5, cursor: cursor.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).toMatch(/^invalidCursor/)
    expect(codeOf({ limit: 5, cursor, sortKey: 'updated_at' })).toMatch(/^invalidCursor: .*issued for sort key created_at/)
    expect(codeOf({ limit: 0 })).toMatch(/^invalidQuery/)
  })
})
