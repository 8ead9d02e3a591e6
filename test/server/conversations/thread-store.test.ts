import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ThreadStoreError } from '../../../server/conversations/errors.js'
import { FileThreadStore } from '../../../server/conversations/file-thread-store.js'
import { openStore, summary, tempHome } from './helpers.js'

let home: string
let cleanup: () => void
beforeEach(() => ({ home, cleanup } = tempHome()))
afterEach(() => cleanup())

describe('FileThreadStore create, append, read', () => {
  it('stores a thread and its records in order, and keeps them across a reopen', async () => {
    const { store } = await openStore(home)
    const created = await store.create(summary('t1'), [{ type: 'turnStarted', turnId: 'a' }])
    expect(created.archived).toBe(false)
    expect(created.path).toBe(join(home, 'threads', 't1.jsonl'))
    // Appends not awaited one by one still land in call order.
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.append('t1', [{ type: 'item', n }])))
    await store.append('t1', [], { updatedAtMs: 1_700_000_000_500, name: 'Renamed' })
    expect(store.get('t1')?.summary).toMatchObject({ name: 'Renamed', updatedAtMs: 1_700_000_000_500 })

    const history = await store.read('t1')
    expect(history.records).toEqual([{ type: 'turnStarted', turnId: 'a' }, ...Array.from({ length: 20 }, (_, n) => ({ type: 'item', n }))])
    expect(history.summary.name).toBe('Renamed')
    await store.close()

    const { store: again } = await openStore(home)
    expect((await again.read('t1')).records).toHaveLength(21)
    expect(again.get('t1')?.summary.name).toBe('Renamed')
    await again.close()
  })

  it('lets appends queue behind a create that is not durable yet', async () => {
    const { store } = await openStore(home)
    const created = store.create(summary('t1'))
    const appended = store.append('t1', [{ type: 'item', n: 1 }], { preview: 'changed' })
    expect(store.get('t1')).toBeUndefined()
    await Promise.all([created, appended])
    expect((await store.read('t1')).records).toEqual([{ type: 'item', n: 1 }])
    expect(store.get('t1')?.summary.preview).toBe('changed')
    await store.close()
  })

  it('refuses bad ids, summaries, records and unknown or duplicate threads with typed errors', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'))
    const codeOf = async (run: () => Promise<unknown>) => run().then(() => 'resolved', (error: ThreadStoreError) => error.code)
    expect(await codeOf(() => store.create(summary('../escape')))).toBe('invalidThreadId')
    expect(await codeOf(() => store.create(summary('t2', { cwd: 3 as unknown as string })))).toBe('invalidSummary')
    expect(await codeOf(() => store.create(summary('t1')))).toBe('threadExists')
    expect(await codeOf(() => store.append('nope', [{ type: 'x' }]))).toBe('threadNotFound')
    expect(await codeOf(() => store.append('t1', [{ type: 'threadStore.summary' }]))).toBe('invalidRecord')
    expect(await codeOf(() => store.append('t1', [{ notype: 1 } as never]))).toBe('invalidRecord')
    expect(await codeOf(() => store.read('nope'))).toBe('threadNotFound')
    expect(await codeOf(() => store.append('t1', [], { id: 'other' }))).toBe('invalidSummary')
    await store.close()
    expect(() => store.get('t1')).not.toThrow()
    expect(await codeOf(() => store.append('t1', [{ type: 'x' }]))).toBe('storeClosed')
  })
})

describe('FileThreadStore archive and unarchive', () => {
  it('moves the history between the folders and lists it on the right side', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item' }])
    await store.create(summary('t2'))
    const archived = await store.archive('t1')
    expect(archived.archived).toBe(true)
    expect(existsSync(join(home, 'threads-archived', 't1.jsonl'))).toBe(true)
    expect(existsSync(join(home, 'threads', 't1.jsonl'))).toBe(false)
    expect(store.list({ limit: 10 }).data.map((t) => t.summary.id)).toEqual(['t2'])
    expect(store.list({ limit: 10, archived: true }).data.map((t) => t.summary.id)).toEqual(['t1'])
    await store.append('t1', [{ type: 'item' }])
    expect((await store.read('t1')).records).toHaveLength(2)
    await store.close()

    const { store: again } = await openStore(home)
    expect(again.get('t1')?.archived).toBe(true)
    await again.unarchive('t1')
    expect(existsSync(join(home, 'threads', 't1.jsonl'))).toBe(true)
    expect(again.list({ limit: 10 }).data.map((t) => t.summary.id).sort()).toEqual(['t1', 't2'])
    expect((await again.read('t1')).records).toHaveLength(2)
    await again.close()
  })
})

describe('FileThreadStore interleaved operations', () => {
  it('keeps one thread\'s appends, moves and reads in call order while other threads go on', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'))
    await store.create(summary('t2'))
    const calls: Promise<unknown>[] = []
    for (let n = 0; n < 30; n++) {
      calls.push(store.append('t1', [{ type: 'item', n }]), store.append('t2', [{ type: 'item', n }]))
      if (n === 10) calls.push(store.archive('t1'))
      if (n === 20) calls.push(store.unarchive('t1'))
      if (n === 15) calls.push(store.read('t1').then((history) => expect(history.records).toHaveLength(16)))
    }
    await Promise.all(calls)
    expect((await store.read('t1')).records.map((record) => record.n)).toEqual(Array.from({ length: 30 }, (_, n) => n))
    expect((await store.read('t2')).records).toHaveLength(30)
    expect(store.get('t1')?.archived).toBe(false)
    await store.close()
  })
})

describe('FileThreadStore index file', () => {
  it('rebuilds the index from the histories after the index file is deleted or damaged', async () => {
    const { store } = await openStore(home)
    for (let n = 0; n < 5; n++) await store.create(summary(`t${n}`, { createdAtMs: n }), [{ type: 'item', n }])
    await store.archive('t3')
    await store.append('t1', [], { name: 'one' })
    await store.close()
    const before = readFileSync(join(home, 'threads-index.json'), 'utf8')

    rmSync(join(home, 'threads-index.json'))
    const reopened = await openStore(home)
    expect(reopened.store.openReport).toMatchObject({ threads: 5, rescanned: 5 })
    expect(reopened.store.get('t3')?.archived).toBe(true)
    expect(reopened.store.get('t1')?.summary.name).toBe('one')
    await reopened.store.close()
    expect(JSON.parse(readFileSync(join(home, 'threads-index.json'), 'utf8'))).toEqual(JSON.parse(before))

    const unchanged = await openStore(home)
    expect(unchanged.store.openReport).toMatchObject({ threads: 5, rescanned: 0 })
    await unchanged.store.close()
  })

  it('rescans a history changed behind the index and picks up new files', async () => {
    const first = await openStore(home)
    await first.store.create(summary('t1'))
    await first.store.close()
    // Another copy of the data (say, restored from a backup) adds a thread and changes one.
    const second = await openStore(join(home, 'other'))
    await second.store.create(summary('t1', { name: 'restored' }), [{ type: 'item' }])
    await second.store.create(summary('t9'))
    await second.store.close()
    for (const id of ['t1', 't9']) {
      const copy = readFileSync(join(home, 'other', 'threads', `${id}.jsonl`))
      await import('node:fs').then((fs) => fs.writeFileSync(join(home, 'threads', `${id}.jsonl`), copy))
    }
    const { store } = await openStore(home)
    expect(store.openReport.rescanned).toBe(2)
    expect(store.get('t1')?.summary.name).toBe('restored')
    expect(store.get('t9')).toBeDefined()
    await store.close()
  })

  it('removes temporary files an interrupted run left', async () => {
    const { store } = await openStore(home)
    await store.close()
    const leftover = join(home, 'threads-index.json.tmp-123-456')
    const leftoverHistory = join(home, 'threads', 'x.jsonl.tmp-1')
    await import('node:fs').then((fs) => {
      fs.writeFileSync(leftover, '{')
      fs.writeFileSync(leftoverHistory, '{')
    })
    const again = await FileThreadStore.open(home)
    expect(existsSync(leftover)).toBe(false)
    expect(existsSync(leftoverHistory)).toBe(false)
    await again.close()
  })
})
