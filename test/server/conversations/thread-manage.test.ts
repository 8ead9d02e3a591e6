// thread/goal/*, thread/section/move, thread/revert and thread/delete against the reference server,
// as codex 0.169.0 answers them (test/server/fixtures/codex-0.169.0/conversations/i-thread-manage.jsonl):
// who hears which notification, what survives a restart, and the errors for bad thread ids.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { WebsocketClient } from '../helpers/wire-client.js'
import { call, callError, harnessPerTest, methods, runTurn, startThread, text, untilTurnCompleted } from './conversation-harness.js'

const start = harnessPerTest()

const UNKNOWN = '0190f0a4-0000-7000-8000-000000000000'
const MALFORMED = 'invalid thread id: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'

/** The response to `method` and every message the client got from it until `settleMs` later. */
async function observe(client: WebsocketClient, others: WebsocketClient[], method: string, params: unknown, settleMs = 150) {
  const marks = [client, ...others].map((c) => c.received.length)
  const response = await client.request(method, params)
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  const [own, ...rest] = [client, ...others].map((c, n) => methods(c.received.slice(marks[n])))
  return { response: response.json, own: own!, others: rest }
}

/** Three connections: c1 and c2 follow a thread with `turns` finished turns, c3 only listens. */
async function threeClients(turns: string[] = []) {
  const harness = await start()
  const [c1, c2, c3] = [await harness.connect(), await harness.connect(), await harness.connect()]
  const threadId = await startThread(c1)
  const turnIds: string[] = []
  for (const prompt of turns) {
    const messages = await runTurn(c1, threadId, prompt)
    turnIds.push(messages.find((m) => m.json.method === 'turn/started')!.json.params.turn.id)
  }
  await call(c2, 'thread/resume', { threadId })
  // The resume's own notifications (thread/goal/cleared to everyone) pass before the test looks.
  await c3.waitFor((m) => m.json.method === 'thread/goal/cleared')
  return { harness, c1, c2, c3, threadId, turnIds }
}

describe('thread goals', () => {
  it('sets, changes, reads and clears a goal; every connection hears of each change after the response', async () => {
    const { c1, c2, c3, threadId } = await threeClients(['hello'])
    expect(await call(c1, 'thread/goal/get', { threadId })).toEqual({ goal: null })
    expect(await call(c1, 'thread/goal/clear', { threadId })).toEqual({ cleared: false })
    expect(await callError(c1, 'thread/goal/set', { threadId, status: 'paused' })).toEqual({ code: -32600, message: `cannot update goal for thread ${threadId}: no goal exists` })

    const set = await observe(c1, [c2, c3], 'thread/goal/set', { threadId, objective: 'Ship the feature' })
    const goal = set.response.result.goal
    expect(goal).toMatchObject({ threadId, objective: 'Ship the feature', status: 'active', tokenBudget: null, tokensUsed: 0, timeUsedSeconds: 0 })
    expect(set.own).toEqual([`#${set.response.id}`, 'thread/goal/updated'])
    expect(set.others).toEqual([['thread/goal/updated'], ['thread/goal/updated']])
    const heard = c3.received.findLast((m) => m.json.method === 'thread/goal/updated')!.json.params
    expect(heard).toEqual({ threadId, turnId: null, goal })

    const changed = await call(c1, 'thread/goal/set', { threadId, status: 'paused', tokenBudget: 5000, origin: 'user' })
    expect(changed.goal).toMatchObject({ objective: 'Ship the feature', status: 'paused', tokenBudget: 5000, createdAt: goal.createdAt })
    expect(await callError(c1, 'thread/goal/set', { threadId, objective: '' })).toEqual({ code: -32600, message: 'goal objective must not be empty' })
    expect(await callError(c1, 'thread/goal/set', { threadId, tokenBudget: -1 })).toEqual({ code: -32600, message: 'goal budgets must be positive when provided' })
    const renamed = await call(c1, 'thread/goal/set', { threadId, objective: 'Second objective' })
    expect(renamed.goal).toMatchObject({ objective: 'Second objective', status: 'paused', tokenBudget: 5000 })
    expect(await call(c2, 'thread/goal/get', { threadId })).toEqual({ goal: renamed.goal })

    const cleared = await observe(c1, [c2, c3], 'thread/goal/clear', { threadId, origin: 'user' })
    expect(cleared.response.result).toEqual({ cleared: true })
    expect(cleared.own).toEqual([`#${cleared.response.id}`, 'thread/goal/cleared'])
    expect(cleared.others).toEqual([['thread/goal/cleared'], ['thread/goal/cleared']])
    const again = await observe(c1, [c3], 'thread/goal/clear', { threadId })
    expect(again.response.result).toEqual({ cleared: false })
    expect(again.others).toEqual([[]])
    expect(await call(c1, 'thread/goal/get', { threadId })).toEqual({ goal: null })
  })

  it('keeps the goal of a stored thread across a restart, and serves threads that are not loaded', async () => {
    const first = await start()
    const client = await first.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const { goal } = await call(client, 'thread/goal/set', { threadId, objective: 'Survive', tokenBudget: 100 })
    await first.stop()

    const second = await start({ home: first.home })
    const again = await second.connect()
    expect(await call(again, 'thread/loaded/list', {})).toMatchObject({ data: [] })
    expect(await call(again, 'thread/goal/get', { threadId })).toEqual({ goal })
    const done = await call(again, 'thread/goal/set', { threadId, status: 'complete' })
    expect(done.goal).toMatchObject({ objective: 'Survive', status: 'complete', tokenBudget: 100 })
    expect(await call(again, 'thread/goal/get', { threadId })).toEqual({ goal: done.goal })

    // Resuming a thread tells everyone its goal (codex: thread/goal/updated; thread/goal/cleared without one).
    const listener = await second.connect()
    await call(again, 'thread/resume', { threadId, excludeTurns: true })
    const heard = await listener.waitFor((m) => m.json.method?.startsWith('thread/goal/'))
    expect(heard.json).toMatchObject({ method: 'thread/goal/updated', params: { threadId, turnId: null, goal: done.goal } })
  })

  it('holds the goal of a thread before its first turn and writes it once the history exists', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const { goal } = await call(client, 'thread/goal/set', { threadId, objective: 'Early goal' })
    expect(await call(client, 'thread/goal/get', { threadId })).toEqual({ goal })
    await runTurn(client, threadId, 'hello')
    expect(await call(client, 'thread/goal/get', { threadId })).toEqual({ goal })
    await harness.stop()
    const second = await start({ home: harness.home })
    expect(await call(await second.connect(), 'thread/goal/get', { threadId })).toEqual({ goal })
  })

  it('answers unknown, malformed and archived thread ids as codex does', async () => {
    const harness = await start()
    const client = await harness.connect()
    const archived = await startThread(client)
    await runTurn(client, archived, 'hello')
    await call(client, 'thread/archive', { threadId: archived })
    for (const threadId of [UNKNOWN, archived]) {
      for (const [method, params] of [['thread/goal/get', {}], ['thread/goal/set', { objective: 'x' }], ['thread/goal/clear', {}]] as const) {
        expect(await callError(client, method, { threadId, ...params })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
      }
    }
    expect(await callError(client, 'thread/goal/set', { threadId: 'not-a-uuid', objective: 'x' })).toEqual({ code: -32600, message: MALFORMED })
    expect(await callError(client, 'thread/goal/clear', { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
  })
})

describe('thread/section/move', () => {
  it('takes a thread out of its section (loaded, unloaded or archived) and tells everyone; any section id is unknown', async () => {
    const { harness, c1, c2, c3, threadId } = await threeClients(['hello'])
    const moved = await observe(c1, [c2, c3], 'thread/section/move', { threadId, sectionId: null })
    expect(moved.response.result).toEqual({})
    expect(moved.own).toEqual([`#${moved.response.id}`, 'thread/section/changed'])
    expect(moved.others).toEqual([['thread/section/changed'], ['thread/section/changed']])
    expect(c3.received.at(-1)!.json.params).toEqual({ threadId, sectionId: null })
    expect(await callError(c1, 'thread/section/move', { threadId, sectionId: 'no-such-section' })).toEqual({ code: -32600, message: 'section no-such-section does not exist' })

    await call(c1, 'thread/archive', { threadId })
    expect(await call(c1, 'thread/section/move', { threadId, sectionId: null })).toEqual({})
    const fresh = await startThread(c1)
    expect(await call(c1, 'thread/section/move', { threadId: fresh, sectionId: null })).toEqual({})
    expect((await call(c1, 'thread/read', { threadId: fresh })).thread).toMatchObject({ section: null, sectionEnteredAt: null })

    expect(await callError(c1, 'thread/section/move', { threadId: UNKNOWN, sectionId: null })).toEqual({ code: -32600, message: `thread not found: ${UNKNOWN}` })
    expect(await callError(c1, 'thread/section/move', { threadId: 'not-a-uuid', sectionId: null })).toEqual({ code: -32600, message: MALFORMED })
    expect(harness).toBeDefined()
  })
})

describe('thread/revert', () => {
  it('cuts the history before a turn, durably; the thread reloads and everyone hears thread/reverted', async () => {
    const { harness, c1, c2, c3, threadId, turnIds } = await threeClients(['one', 'two', 'three'])
    const reverted = await observe(c1, [c2, c3], 'thread/revert', { threadId, beforeTurnId: turnIds[2] })
    const result = reverted.response.result
    expect(result.thread).toMatchObject({ id: threadId, status: { type: 'idle' }, turns: [] })
    expect(JSON.parse(result.turnsBackwardsCursor)).toMatchObject({ requestedThreadId: threadId, scope: { kind: 'turns' } })
    expect(result.itemsBackwardsCursor).toEqual(expect.any(String))
    const churn = ['thread/status/changed', 'thread/status/changed']
    expect(reverted.own).toEqual([...churn, `#${reverted.response.id}`, 'thread/reverted'])
    expect(reverted.others).toEqual([[...churn, 'thread/reverted'], [...churn, 'thread/reverted']])
    expect(c3.received.filter((m) => m.json.method === 'thread/status/changed').slice(-2).map((m) => m.json.params.status.type)).toEqual(['notLoaded', 'idle'])

    const turns = await call(c1, 'thread/turns/list', { threadId, sortDirection: 'asc' })
    expect(turns.data.map((turn: { id: string }) => turn.id)).toEqual(turnIds.slice(0, 2))
    expect(await callError(c1, 'thread/revert', { threadId, beforeTurnId: turnIds[2] })).toEqual({ code: -32600, message: `turn not found: ${turnIds[2]}` })
    expect(await callError(c1, 'thread/revert', { threadId, beforeTurnId: 'not-a-turn' })).toEqual({ code: -32600, message: 'turn not found: not-a-turn' })

    // A turn after the revert, then a restart: the history reads back without the cut turns.
    await runTurn(c1, threadId, 'four')
    await harness.stop()
    const second = await start({ home: harness.home })
    const read = await call(await second.connect(), 'thread/read', { threadId, includeTurns: true })
    expect(read.thread.turns.map((turn: { id: string }) => turn.id).slice(0, 2)).toEqual(turnIds.slice(0, 2))
    expect(read.thread.turns).toHaveLength(3)
  })

  it('interrupts a running turn first, then cuts', async () => {
    const { c1, threadId, turnIds } = await threeClients(['one', 'two'])
    c1.send({ id: 'slow', method: 'turn/start', params: { threadId, input: text('[[slow: 100]] [[deltas: 40]] count slowly') } })
    await c1.waitFor((m) => m.json.method === 'turn/started', 5000)
    const completed = untilTurnCompleted(c1, threadId)
    const result = await call(c1, 'thread/revert', { threadId, beforeTurnId: turnIds[1] })
    expect((await completed).json.params.turn.status).toBe('interrupted')
    expect(result.thread.status).toEqual({ type: 'idle' })
    const turns = await call(c1, 'thread/turns/list', { threadId })
    expect(turns.data.map((turn: { id: string }) => turn.id)).toEqual([turnIds[0]])
  })

  it('serves only loaded threads; unknown, malformed, archived and unloaded ids are refused as codex does', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const [started] = (await runTurn(client, threadId, 'hello')).filter((m) => m.json.method === 'turn/started')
    const turnId = started!.json.params.turn.id
    expect(await callError(client, 'thread/revert', { threadId: UNKNOWN, beforeTurnId: turnId })).toEqual({ code: -32600, message: `thread not found: ${UNKNOWN}` })
    expect(await callError(client, 'thread/revert', { threadId: 'not-a-uuid', beforeTurnId: turnId })).toEqual({ code: -32600, message: MALFORMED })
    await call(client, 'thread/archive', { threadId })
    expect(await callError(client, 'thread/revert', { threadId, beforeTurnId: turnId })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
    await call(client, 'thread/unarchive', { threadId })
    expect(await callError(client, 'thread/revert', { threadId, beforeTurnId: turnId })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
    const fresh = await startThread(client)
    expect(await callError(client, 'thread/revert', { threadId: fresh, beforeTurnId: UNKNOWN })).toEqual({ code: -32600, message: `turn not found: ${UNKNOWN}` })
  })
})

describe('thread/delete', () => {
  it('unloads a loaded thread, removes its history, and tells everyone after the response', async () => {
    const { c1, c2, c3, threadId } = await threeClients(['hello'])
    const path = (await call(c1, 'thread/read', { threadId })).thread.path as string
    expect(existsSync(path)).toBe(true)
    const deleted = await observe(c1, [c2, c3], 'thread/delete', { threadId })
    expect(deleted.response.result).toEqual({})
    expect(deleted.own).toEqual(['thread/status/changed', `#${deleted.response.id}`, 'thread/deleted'])
    expect(deleted.others).toEqual([['thread/status/changed', 'thread/deleted'], ['thread/status/changed', 'thread/deleted']])
    expect(c3.received.at(-2)!.json.params).toEqual({ threadId, status: { type: 'notLoaded' } })
    expect(c3.received.at(-1)!.json.params).toEqual({ threadId })
    expect(existsSync(path)).toBe(false)

    expect(await callError(c1, 'thread/read', { threadId })).toEqual({ code: -32600, message: `thread not loaded: ${threadId}` })
    expect(await callError(c1, 'thread/goal/get', { threadId })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
    expect(await callError(c1, 'thread/delete', { threadId })).toEqual({ code: -32600, message: `no rollout found for thread id ${threadId}` })
    expect((await call(c1, 'thread/list', {})).data).toEqual([])
    expect((await call(c1, 'thread/loaded/list', {})).data).toEqual([])
  })

  it('deletes archived, unloaded and never-materialized threads, and one whose turn is running', async () => {
    const harness = await start()
    const client = await harness.connect()
    const archived = await startThread(client)
    await runTurn(client, archived, 'hello')
    await call(client, 'thread/archive', { threadId: archived })
    expect(await call(client, 'thread/delete', { threadId: archived })).toEqual({})
    expect((await call(client, 'thread/list', { archived: true })).data).toEqual([])

    const unloaded = await startThread(client)
    await runTurn(client, unloaded, 'hello')
    await call(client, 'thread/archive', { threadId: unloaded })
    await call(client, 'thread/unarchive', { threadId: unloaded })
    expect(await call(client, 'thread/delete', { threadId: unloaded })).toEqual({})

    const fresh = await startThread(client)
    expect(await call(client, 'thread/delete', { threadId: fresh })).toEqual({})
    expect((await call(client, 'thread/loaded/list', {})).data).toEqual([])

    const busy = await startThread(client)
    client.send({ id: 'slow', method: 'turn/start', params: { threadId: busy, input: text('[[slow: 100]] [[deltas: 40]] count slowly') } })
    await client.waitFor((m) => m.json.method === 'turn/started', 5000)
    const mark = client.received.length
    expect(await call(client, 'thread/delete', { threadId: busy })).toEqual({})
    await client.collect(150)
    const after = client.received.slice(mark)
    expect(after.find((m) => m.json.method === 'turn/completed')!.json.params.turn.status).toBe('interrupted')
    expect(methods(after).filter((m) => m === 'thread/deleted')).toHaveLength(1)
    expect((await call(client, 'thread/list', {})).data).toEqual([])

    await harness.stop()
    const second = await start({ home: harness.home })
    expect((await call(await second.connect(), 'thread/list', {})).data).toEqual([])
  })

  it('answers unknown and malformed ids as codex does', async () => {
    const harness = await start()
    const client = await harness.connect()
    expect(await callError(client, 'thread/delete', { threadId: UNKNOWN })).toEqual({ code: -32600, message: `no rollout found for thread id ${UNKNOWN}` })
    expect(await callError(client, 'thread/delete', { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
  })
})
