// thread/search, thread/searchOccurrences, thread/items/read and thread/timeline/list against the
// reference server, as codex 0.169.0 answers them (test/server/fixtures/codex-0.169.0/conversations/
// j-thread-misc.jsonl): matches and snippets, paging, loaded, unloaded and archived threads, bad input.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { call, callError, harnessPerTest, runTurn, startThread } from './conversation-harness.js'

const start = harnessPerTest()

const UNKNOWN = '0190f0a4-0000-7000-8000-000000000000'
const MALFORMED = 'invalid thread id: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'

/** A thread with two finished turns, and one that never ran a turn. */
async function twoTurns() {
  const harness = await start()
  const client = await harness.connect()
  const threadId = await startThread(client)
  const turnIds: string[] = []
  for (const prompt of ['hello apples', 'second about pears']) {
    turnIds.push((await runTurn(client, threadId, prompt)).find((m) => m.json.method === 'turn/started')!.json.params.turn.id)
  }
  const fresh = await startThread(client)
  const { thread } = await call(client, 'thread/read', { threadId, includeTurns: true })
  return { harness, client, threadId, fresh, turnIds: turnIds as [string, string], turns: thread.turns }
}

describe('thread/search', () => {
  it('finds threads by the text of their messages, case-insensitively, with a snippet; pages; refuses an empty term', async () => {
    const { client, threadId } = await twoTurns()
    const other = await startThread(client)
    await runTurn(client, other, 'nothing about fruit')
    const found = await call(client, 'thread/search', { searchTerm: 'APPLES' })
    expect(found).toEqual({ data: [{ thread: expect.objectContaining({ id: threadId }), snippet: 'hello apples' }], nextCursor: null, backwardsCursor: null })
    expect((await call(client, 'thread/search', { searchTerm: 'pears' })).data[0].snippet).toBe('second about pears')
    // The agent's answers are searched too ("You said: …").
    const both = await call(client, 'thread/search', { searchTerm: 'you said', limit: 1 })
    expect(both.data).toHaveLength(1)
    expect(both.data[0].thread.id).toBe(other)
    expect((await call(client, 'thread/search', { searchTerm: 'you said', limit: 1, cursor: both.nextCursor })).data[0].thread.id).toBe(threadId)
    expect(await call(client, 'thread/search', { searchTerm: 'nothing-matches-this' })).toEqual({ data: [], nextCursor: null, backwardsCursor: null })
    expect(await call(client, 'thread/search', { searchTerm: 'apples', archived: true })).toEqual({ data: [], nextCursor: null, backwardsCursor: null })
    expect(await callError(client, 'thread/search', { searchTerm: '' })).toEqual({ code: -32600, message: 'thread/search requires a non-empty searchTerm' })
    expect(await callError(client, 'thread/search', { searchTerm: 'apples', cursor: 'bogus' })).toEqual({ code: -32600, message: 'invalid cursor: bogus' })
    await call(client, 'thread/archive', { threadId })
    expect((await call(client, 'thread/search', { searchTerm: 'apples', archived: true })).data[0].thread).toMatchObject({ id: threadId, status: { type: 'notLoaded' } })
  })
})

describe('thread/search over a damaged history', () => {
  it('skips a thread whose history cannot be read and finds the others', async () => {
    const first = await start()
    const client = await first.connect()
    const damaged = await startThread(client)
    await runTurn(client, damaged, 'apples in a damaged thread')
    const healthy = await startThread(client)
    await runTurn(client, healthy, 'apples in a healthy thread')
    const path = (await call(client, 'thread/read', { threadId: damaged })).thread.path
    await first.stop()
    const [head, ...rest] = readFileSync(path, 'utf8').split('\n')
    writeFileSync(path, [head, 'this line is not JSON', ...rest].join('\n'))
    const again = await (await start({ home: first.home })).connect()
    expect((await call(again, 'thread/search', { searchTerm: 'apples' })).data.map((result: { thread: { id: string } }) => result.thread.id)).toEqual([healthy])
  })
})

describe('thread/searchOccurrences', () => {
  it('lists each match in message order with its range and a cursor to its turn, page by page', async () => {
    const { client, threadId, fresh, turnIds, turns } = await twoTurns()
    const [userItem, answer] = turns[0].items
    const all = await call(client, 'thread/searchOccurrences', { threadId, searchTerm: 'said' })
    expect(all.nextCursor).toBeNull()
    expect(all.data).toEqual([
      { turnId: turnIds[0], itemId: answer.id, snippet: 'You said: hello apples', snippetMatchRange: { start: 4, end: 8 }, turnCursor: expect.any(String) },
      { turnId: turnIds[1], itemId: turns[1].items[1].id, snippet: 'You said: second about pears', snippetMatchRange: { start: 4, end: 8 }, turnCursor: expect.any(String) },
    ])
    // The turn cursor starts thread/turns/list at that turn.
    const fromSecond = await call(client, 'thread/turns/list', { threadId, cursor: all.data[1].turnCursor, sortDirection: 'asc' })
    expect(fromSecond.data.map((turn: { id: string }) => turn.id)).toEqual([turnIds[1]])
    const apples = await call(client, 'thread/searchOccurrences', { threadId, searchTerm: 'APPLES', limit: 1 })
    expect(apples.data).toEqual([expect.objectContaining({ itemId: userItem.id, snippet: 'hello apples', snippetMatchRange: { start: 6, end: 12 } })])
    const rest = await call(client, 'thread/searchOccurrences', { threadId, searchTerm: 'APPLES', limit: 1, cursor: apples.nextCursor })
    expect(rest).toEqual({ data: [expect.objectContaining({ itemId: answer.id })], nextCursor: null })
    expect(await callError(client, 'thread/searchOccurrences', { threadId, searchTerm: 'other', cursor: apples.nextCursor })).toEqual({ code: -32600, message: `invalid cursor: ${apples.nextCursor}` })
    expect(await callError(client, 'thread/searchOccurrences', { threadId, searchTerm: '' })).toEqual({ code: -32600, message: 'thread/searchOccurrences requires a non-empty searchTerm' })
    for (const id of [fresh, UNKNOWN]) {
      expect(await callError(client, 'thread/searchOccurrences', { threadId: id, searchTerm: 'x' })).toEqual({ code: -32601, message: 'thread/searchOccurrences is not supported yet' })
    }
    expect(await callError(client, 'thread/searchOccurrences', { threadId: 'not-a-uuid', searchTerm: 'x' })).toEqual({ code: -32600, message: MALFORMED })
  })

  it('cuts a long message to a snippet around the match', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, `${'a'.repeat(300)} needle ${'b'.repeat(300)}`)
    const [first] = (await call(client, 'thread/searchOccurrences', { threadId, searchTerm: 'needle' })).data
    expect(first.snippet.length).toBeLessThan(200)
    expect(first.snippet.slice(first.snippetMatchRange.start, first.snippetMatchRange.end)).toBe('needle')
  })
})

describe('thread/items/read', () => {
  it('reads items of one turn in stored order, leaving unknown ids out; stored threads too', async () => {
    const { harness, client, threadId, fresh, turnIds, turns } = await twoTurns()
    const ids = turns[0].items.map((item: { id: string }) => item.id)
    const read = await call(client, 'thread/items/read', { threadId, turnId: turnIds[0], itemIds: [...ids].reverse().concat('no-such-item') })
    expect(read.data.map((entry: { item: { id: string } }) => entry.item.id)).toEqual(ids)
    expect(read.data[0]).toEqual({ turnId: turnIds[0], item: turns[0].items[0], startedAtMs: expect.any(Number), completedAtMs: expect.any(Number) })
    expect(await call(client, 'thread/items/read', { threadId, turnId: turnIds[1], itemIds: ids })).toEqual({ data: [] })
    expect(await call(client, 'thread/items/read', { threadId, turnId: UNKNOWN, itemIds: ids })).toEqual({ data: [] })
    for (const itemIds of [[], Array.from({ length: 101 }, (_, n) => `i${n}`)]) {
      expect(await callError(client, 'thread/items/read', { threadId, turnId: turnIds[0], itemIds })).toEqual({ code: -32600, message: 'itemIds must contain 1 to 100 IDs' })
    }
    for (const id of [fresh, UNKNOWN]) {
      expect(await callError(client, 'thread/items/read', { threadId: id, turnId: turnIds[0], itemIds: ids })).toEqual({ code: -32601, message: 'thread/items/read is not supported yet' })
    }
    await harness.stop()
    const again = await (await start({ home: harness.home })).connect()
    expect((await call(again, 'thread/items/read', { threadId, turnId: turnIds[0], itemIds: ids })).data).toEqual(read.data)
  })
})

describe('thread/timeline/list', () => {
  it('lists turn starts, items and turn ends at their history positions, newest page first', async () => {
    const { client, threadId, fresh, turnIds } = await twoTurns()
    const all = await call(client, 'thread/timeline/list', { threadId })
    expect(all.nextCursor).toBeNull()
    expect(all.activeRealtimeSessionAtPageStart).toBeNull()
    expect(all.data.map((entry: { type: string }) => entry.type)).toEqual(['turnStarted', 'item', 'item', 'turnCompleted', 'turnStarted', 'item', 'item', 'turnCompleted'])
    const positions = all.data.map((entry: { position: number }) => entry.position)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(all.data[0]).toEqual({ type: 'turnStarted', position: positions[0], turnId: turnIds[0], startedAt: expect.any(Number) })
    expect(all.data[3]).toEqual({
      type: 'turnCompleted', position: positions[3], turnId: turnIds[0], status: 'completed', error: null,
      startedAt: expect.any(Number), completedAt: expect.any(Number), durationMs: expect.any(Number),
    })
    const newest = await call(client, 'thread/timeline/list', { threadId, limit: 3 })
    expect(newest.data).toEqual(all.data.slice(5))
    const older = await call(client, 'thread/timeline/list', { threadId, limit: 3, cursor: newest.nextCursor })
    expect(older.data).toEqual(all.data.slice(2, 5))
    const oldest = await call(client, 'thread/timeline/list', { threadId, limit: 3, cursor: older.nextCursor })
    expect(oldest).toEqual({ data: all.data.slice(0, 2), nextCursor: null, activeRealtimeSessionAtPageStart: null })
    expect(await callError(client, 'thread/timeline/list', { threadId, cursor: 'bogus' })).toEqual({ code: -32600, message: 'invalid thread timeline cursor' })
    for (const id of [fresh, UNKNOWN]) {
      expect(await callError(client, 'thread/timeline/list', { threadId: id })).toEqual({ code: -32601, message: 'thread/timeline/list is not supported yet' })
    }
    expect(await callError(client, 'thread/timeline/list', { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
    await call(client, 'thread/archive', { threadId })
    expect(await callError(client, 'thread/timeline/list', { threadId })).toEqual({ code: -32600, message: `thread ${threadId} is archived` })
    await call(client, 'thread/unarchive', { threadId })
    expect((await call(client, 'thread/timeline/list', { threadId })).data).toEqual(all.data)
  })

  it('leaves out the turns a revert removed', async () => {
    const { client, threadId, turnIds } = await twoTurns()
    await call(client, 'thread/revert', { threadId, beforeTurnId: turnIds[1] })
    const { data } = await call(client, 'thread/timeline/list', { threadId })
    expect(new Set(data.map((entry: { turnId: string }) => entry.turnId))).toEqual(new Set([turnIds[0]]))
  })
})
