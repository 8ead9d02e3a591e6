// FileThreadStore.delete: the history file and the index entry go, durably, after the thread's
// pending writes; live, archived and damaged threads alike.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ThreadStoreError } from '../../../server/conversations/errors.js'
import { openStore, summary, tempHome } from './helpers.js'

let home: string
let cleanup: () => void
beforeEach(() => ({ home, cleanup } = tempHome()))
afterEach(() => cleanup())

const codeOf = async (run: () => Promise<unknown>) => run().then(() => 'resolved', (error: ThreadStoreError) => error.code)

describe('FileThreadStore delete', () => {
  it('removes the file and the thread from get, list and read, also after a reopen', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item', n: 0 }])
    await store.create(summary('t2', { createdAtMs: 1_700_000_000_001 }))
    await store.delete('t1')
    expect(existsSync(join(home, 'threads', 't1.jsonl'))).toBe(false)
    expect(store.get('t1')).toBeUndefined()
    expect(store.list({ limit: 10 }).data.map((thread) => thread.summary.id)).toEqual(['t2'])
    expect(await codeOf(() => store.read('t1'))).toBe('threadNotFound')
    expect(await codeOf(() => store.append('t1', [{ type: 'x' }]))).toBe('threadNotFound')
    expect(await codeOf(() => store.delete('t1'))).toBe('threadNotFound')
    expect(await codeOf(() => store.delete('never'))).toBe('threadNotFound')
    await store.close()

    const { store: again } = await openStore(home)
    expect(again.get('t1')).toBeUndefined()
    expect(again.list({ limit: 10 }).data.map((thread) => thread.summary.id)).toEqual(['t2'])
    // The id is free again.
    await again.create(summary('t1'))
    expect((await again.read('t1')).records).toEqual([])
    await again.close()
  })

  it('runs after the appends queued before it, which all succeed', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'))
    const appends = Array.from({ length: 10 }, (_, n) => store.append('t1', [{ type: 'item', n }]))
    const deleted = store.delete('t1')
    await Promise.all([...appends, deleted])
    expect(store.get('t1')).toBeUndefined()
    expect(readdirSync(join(home, 'threads'))).toEqual([])
    await store.close()
  })

  it('deletes an archived thread from the archived folder', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'))
    await store.archive('t1')
    await store.delete('t1')
    expect(existsSync(join(home, 'threads-archived', 't1.jsonl'))).toBe(false)
    expect(store.list({ limit: 10, archived: true }).data).toEqual([])
    await store.close()
  })

  it('deletes a thread whose history is damaged', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item', n: 0 }])
    writeFileSync(join(home, 'threads', 't1.jsonl'), 'not json\n')
    await store.close()
    const { store: again } = await openStore(home)
    expect(await codeOf(() => again.read('t1'))).not.toBe('resolved')
    await again.delete('t1')
    expect(existsSync(join(home, 'threads', 't1.jsonl'))).toBe(false)
    expect(await codeOf(() => again.read('t1'))).toBe('threadNotFound')
    await again.close()
  })
})
