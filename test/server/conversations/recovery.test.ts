import { spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ThreadStoreError } from '../../../server/conversations/errors.js'
import { FileThreadStore } from '../../../server/conversations/file-thread-store.js'
import { processStartTime } from '../../../server/conversations/home-lock.js'
import { openStore, summary, tempHome } from './helpers.js'

let home: string
let cleanup: () => void
beforeEach(() => ({ home, cleanup } = tempHome()))
afterEach(() => cleanup())

const errorOf = (run: () => Promise<unknown>) => run().then(() => undefined, (error: ThreadStoreError) => error)

describe('home folder lock', () => {
  it('refuses a second open of the same home with one clear line, and allows it after close', async () => {
    const first = await FileThreadStore.open(home)
    const refused = await errorOf(() => FileThreadStore.open(home))
    expect(refused?.code).toBe('storeLocked')
    expect(refused?.message).toBe(`the home folder is in use by another server (pid ${process.pid}); lock file ${join(home, 'threads.lock')}`)
    expect(refused?.message).not.toContain('\n')
    await first.close()
    const second = await FileThreadStore.open(home)
    await second.close()
  })

  it('refuses while another live process holds the lock', async () => {
    // Our parent (the test runner's) is alive: its lock must be respected.
    const pid = process.ppid
    writeFileSync(join(home, 'threads.lock'), JSON.stringify({ pid, startTime: processStartTime(pid) }))
    expect((await errorOf(() => FileThreadStore.open(home)))?.code).toBe('storeLocked')
  })

  it('takes over the lock of a dead process, and of a reused pid', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0'])
    writeFileSync(join(home, 'threads.lock'), JSON.stringify({ pid: dead.pid, startTime: '1' }))
    const store = await FileThreadStore.open(home)
    expect(JSON.parse(readFileSync(join(home, 'threads.lock'), 'utf8'))).toMatchObject({ pid: process.pid })
    await store.close()
    // A live pid whose start time differs is another process that got the same pid later.
    writeFileSync(join(home, 'threads.lock'), JSON.stringify({ pid: process.ppid, startTime: '1' }))
    const again = await FileThreadStore.open(home)
    await again.close()
    // A torn lock file (crash while it was written) is stale too.
    writeFileSync(join(home, 'threads.lock'), '{"pid":')
    await (await FileThreadStore.open(home)).close()
  })
})

describe('damaged histories', () => {
  it('cuts off a torn last line at start, keeping every complete line before it', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item', n: 1 }, { type: 'item', n: 2 }])
    await store.close()
    const file = join(home, 'threads', 't1.jsonl')
    const complete = readFileSync(file)
    appendFileSync(file, '{"type":"item","n":3,"text":"half writ')
    const { store: again, warnings } = await openStore(home)
    expect(warnings.join('\n')).toMatch(/t1\.jsonl ends with \d+ bytes of an unfinished write; cutting them off/)
    expect(readFileSync(file)).toEqual(complete)
    expect((await again.read('t1')).records).toEqual([{ type: 'item', n: 1 }, { type: 'item', n: 2 }])
    // Appends continue cleanly after the cut.
    await again.append('t1', [{ type: 'item', n: 3 }])
    expect((await again.read('t1')).records).toHaveLength(3)
    await again.close()
  })

  it('removes a history holding only an unfinished create', async () => {
    const { store } = await openStore(home)
    await store.close()
    writeFileSync(join(home, 'threads', 'half.jsonl'), '{"type":"threadStore.summ')
    writeFileSync(join(home, 'threads', 'empty.jsonl'), '')
    const { store: again } = await openStore(home)
    expect(again.get('half')).toBeUndefined()
    expect((await errorOf(() => again.read('empty')))?.code).toBe('threadNotFound')
    await again.close()
  })

  it('reports a corrupted middle line with a typed error and never rewrites the file', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item', n: 1 }, { type: 'item', n: 2 }, { type: 'item', n: 3 }])
    await store.create(summary('t2'))
    await store.close()
    const file = join(home, 'threads', 't1.jsonl')
    const lines = readFileSync(file, 'utf8').split('\n')
    lines[2] = '{"type":"item","n":2,,}'
    writeFileSync(file, lines.join('\n'))
    const damaged = readFileSync(file)
    const mtime = statSync(file).mtimeMs

    const { store: again } = await openStore(home)
    for (const run of [() => again.read('t1'), () => again.append('t1', [{ type: 'item' }]), () => again.archive('t1')]) {
      const error = await errorOf(run)
      expect(error?.code).toBe('threadCorrupted')
      expect(error?.message).toBe(`the history of thread t1 (${file}) is corrupted at line 3: not valid JSON`)
      expect(error?.details).toMatchObject({ threadId: 't1', path: file, line: 3 })
    }
    expect(again.get('t1')).toBeUndefined()
    expect(again.list({ limit: 10 }).data.map((t) => t.summary.id)).toEqual(['t2'])
    await again.close()
    expect(readFileSync(file)).toEqual(damaged)
    expect(statSync(file).mtimeMs).toBe(mtime)
  })

  it('reports a damaged line found by read() on a file the index trusted', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'), [{ type: 'item', n: 1 }, { type: 'item', n: 2 }])
    const file = join(home, 'threads', 't1.jsonl')
    // Same length, so only read() can notice.
    const text = readFileSync(file, 'utf8').replace('"n":1', '"n"!1')
    writeFileSync(file, text)
    expect((await errorOf(() => store.read('t1')))?.message).toMatch(/is corrupted at line 2: not valid JSON$/)
    // Found damaged, the thread is never written to again.
    expect((await errorOf(() => store.append('t1', [{ type: 'item' }])))?.code).toBe('threadCorrupted')
    expect(store.get('t1')).toBeUndefined()
    expect(readFileSync(file, 'utf8')).toBe(text)
    await store.close()
  })

  it('refuses an append it could not write with a typed error, and acknowledges nothing of it', async () => {
    const { store } = await openStore(home)
    await store.create(summary('t1'))
    const file = join(home, 'threads', 't1.jsonl')
    const saved = readFileSync(file)
    rmSync(file)
    const error = await errorOf(() => store.append('t1', [{ type: 'item' }], { name: 'lost' }))
    expect(error?.code).toBe('writeFailed')
    expect(error?.message).toMatch(/^could not write the history of thread t1 \(.*t1\.jsonl\): ENOENT/)
    expect(store.get('t1')?.summary.name).toBeUndefined()
    writeFileSync(file, saved)
    await store.append('t1', [{ type: 'item' }], { preview: 'kept' })
    const history = await store.read('t1')
    expect(history.summary.preview).toBe('kept')
    expect(history.summary).not.toHaveProperty('name')
    expect(history.records).toHaveLength(1)
    await store.close()
  })

  it('reports an unreadable history with a typed error', async () => {
    const { store } = await openStore(home)
    await store.close()
    // A folder where a history should be: readable by no one, root included.
    mkdirSync(join(home, 'threads', 't1.jsonl'))
    const { store: again, warnings } = await openStore(home)
    expect(warnings.join('\n')).toMatch(/cannot read the history of thread t1 .*EISDIR/)
    const error = await errorOf(() => again.read('t1'))
    expect(error?.code).toBe('threadUnreadable')
    expect(error?.message).toMatch(/^cannot read the history of thread t1 \(.*t1\.jsonl\): EISDIR/)
    expect(again.get('t1')).toBeUndefined()
    await again.close()
  })
})
