// threadSection/* and thread/section/move against the reference server, as codex 0.169.0 answers
// them (test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl): the first
// "Pinned" section, paging, renames and deletes seen on the threads, ordering within a section,
// bad input, and everything surviving a restart.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, callError, harnessPerTest, runTurn, startThread } from './conversation-harness.js'

const start = harnessPerTest()

describe('thread sections', () => {
  it('starts with Pinned, creates, pages, renames and deletes sections', async () => {
    const harness = await start()
    const client = await harness.connect()
    const { data: [pinned] } = await call(client, 'threadSection/list', {})
    expect(pinned).toEqual({ id: expect.any(String), name: 'Pinned', appearance: null })
    const work = (await call(client, 'threadSection/create', { name: 'Work' })).section
    const home = (await call(client, 'threadSection/create', { name: 'Home', appearance: { icon: 'house', color: 'blue' } })).section
    expect(work).toEqual({ id: expect.any(String), name: 'Work', appearance: null })
    expect(home).toMatchObject({ name: 'Home', appearance: { icon: 'house', color: 'blue' } })
    // Names need not be unique, but must say something.
    expect((await call(client, 'threadSection/create', { name: 'Work' })).section.id).not.toBe(work.id)
    for (const name of ['', '   ']) expect(await callError(client, 'threadSection/create', { name })).toEqual({ code: -32602, message: 'section name must not be empty' })

    expect((await call(client, 'threadSection/list', {})).data.map((s: { name: string }) => s.name)).toEqual(['Pinned', 'Work', 'Home', 'Work'])
    expect(await call(client, 'threadSection/list', { limit: 1 })).toEqual({ data: [pinned], nextCursor: pinned.id })
    expect(await call(client, 'threadSection/list', { limit: 1, cursor: pinned.id })).toEqual({ data: [work], nextCursor: work.id })
    expect(await call(client, 'threadSection/list', { cursor: 'bogus' })).toEqual({ data: [], nextCursor: null })

    expect((await call(client, 'threadSection/update', { sectionId: work.id, name: 'Work 2' })).section).toEqual({ ...work, name: 'Work 2' })
    expect((await call(client, 'threadSection/update', { sectionId: home.id, name: 'Home' })).section.appearance).toEqual({ icon: 'house', color: 'blue' })
    expect((await call(client, 'threadSection/update', { sectionId: home.id, name: 'Home', appearance: null })).section.appearance).toBeNull()
    expect(await callError(client, 'threadSection/update', { sectionId: 'no-such', name: 'x' })).toEqual({ code: -32602, message: 'thread section not found: no-such' })
    expect(await callError(client, 'threadSection/update', { sectionId: work.id, name: '' })).toEqual({ code: -32602, message: 'section name must not be empty' })

    expect(await call(client, 'threadSection/delete', { sectionId: work.id })).toEqual({})
    expect(await callError(client, 'threadSection/delete', { sectionId: work.id })).toEqual({ code: -32602, message: `thread section not found: ${work.id}` })
    expect((await call(client, 'threadSection/list', {})).data.map((s: { id: string }) => s.id)).not.toContain(work.id)
  })

  it('moves threads into a section in order; every connection hears it; a thread shows its section as renamed, and none once deleted', async () => {
    const harness = await start()
    const [c1, c2] = [await harness.connect(), await harness.connect()]
    const first = await startThread(c1)
    await runTurn(c1, first, 'hello')
    const second = await startThread(c1)
    const work = (await call(c1, 'threadSection/create', { name: 'Work' })).section
    const heard = c2.received.length
    expect(await call(c1, 'thread/section/move', { threadId: first, sectionId: work.id })).toEqual({})
    await c2.waitFor((m) => m.json.method === 'thread/section/changed' && c2.received.indexOf(m) >= heard)
    expect(c2.received.slice(heard).find((m) => m.json.method === 'thread/section/changed')!.json.params).toEqual({ threadId: first, sectionId: work.id })
    expect(await call(c1, 'thread/section/move', { threadId: second, sectionId: work.id, beforeThreadId: first })).toEqual({})
    expect(await callError(c1, 'thread/section/move', { threadId: second, sectionId: work.id, beforeThreadId: '0190f0a4-0000-7000-8000-000000000000' }))
      .toEqual({ code: -32600, message: `before thread 0190f0a4-0000-7000-8000-000000000000 is not in section ${work.id}` })
    expect(await callError(c1, 'thread/section/move', { threadId: first, sectionId: 'no-such-section' })).toEqual({ code: -32600, message: 'section no-such-section does not exist' })

    const read = (await call(c1, 'thread/read', { threadId: first })).thread
    expect(read.section).toEqual(work)
    expect(read.sectionEnteredAt).toEqual(expect.any(Number))
    await call(c1, 'threadSection/update', { sectionId: work.id, name: 'Work 2' })
    expect((await call(c1, 'thread/read', { threadId: first })).thread.section).toEqual({ ...work, name: 'Work 2' })
    expect((await call(c1, 'thread/read', { threadId: second })).thread.section).toEqual({ ...work, name: 'Work 2' })

    // The order within the section: second was put before first.
    const file = JSON.parse(readFileSync(join(harness.home, 'thread-sections.json'), 'utf8'))
    expect(file.members[work.id]).toEqual([second, first])

    await call(c1, 'threadSection/delete', { sectionId: work.id })
    expect((await call(c1, 'thread/read', { threadId: first })).thread).toMatchObject({ section: null, sectionEnteredAt: null })
  })

  it('keeps sections, the Pinned id, and threads\' sections across a restart, for threads not loaded too', async () => {
    const first = await start()
    const client = await first.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const before = (await call(client, 'threadSection/list', {})).data
    const work = (await call(client, 'threadSection/create', { name: 'Work', appearance: { icon: 'star', color: null } })).section
    await call(client, 'thread/section/move', { threadId, sectionId: work.id })
    await first.stop()

    const second = await start({ home: first.home })
    const again = await second.connect()
    expect((await call(again, 'threadSection/list', {})).data).toEqual([...before, work])
    expect((await call(again, 'thread/read', { threadId })).thread.section).toEqual(work)
    // Renaming reaches a thread that is not loaded, through its history.
    await call(again, 'threadSection/update', { sectionId: work.id, name: 'Renamed' })
    expect((await call(again, 'thread/list', {})).data.find((t: { id: string }) => t.id === threadId).section).toMatchObject({ name: 'Renamed' })
    await second.stop()
    const third = await start({ home: first.home })
    const last = await third.connect()
    expect((await call(last, 'thread/read', { threadId })).thread.section).toEqual({ ...work, name: 'Renamed' })
  })

  it('refuses a sections file it cannot read, and keeps running', async () => {
    const harness = await start()
    const client = await harness.connect()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(harness.home, 'thread-sections.json'), '{"version": 7}')
    const error = await callError(client, 'threadSection/list', {})
    expect(error.message).toContain('thread-sections.json is not a thread sections file of this server (version 1)')
    writeFileSync(join(harness.home, 'thread-sections.json'), JSON.stringify({ version: 1, sections: [], members: {} }))
    expect(await call(client, 'threadSection/list', {})).toEqual({ data: [], nextCursor: null })
  })
})
