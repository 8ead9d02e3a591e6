// thread/queue/* against the reference server, as codex 0.169.0 answers them
// (test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl): an idle thread
// runs what is queued at once, a running one keeps it until its turn completes; edits, order,
// who hears `thread/queue/changed`, bad input, and the queue surviving a restart.
import { describe, expect, it } from 'vitest'
import type { WebsocketClient } from '../helpers/wire-client.js'
import { call, callError, harnessPerTest, runTurn, startThread, text, untilTurnCompleted } from './conversation-harness.js'

const start = harnessPerTest()

const UNKNOWN = '0190f0a4-0000-7000-8000-000000000000'
const MALFORMED = 'invalid thread id: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'
/** A turn that streams for about three seconds. */
const SLOW = '[[slow: 300]] [[deltas: 10]] slow'

/** Starts a slow turn and resolves once it has started; returns its id. */
async function beginSlowTurn(client: WebsocketClient, threadId: string): Promise<string> {
  const mark = client.received.length
  client.send({ id: `slow-${mark}`, method: 'turn/start', params: { threadId, input: text(SLOW) } })
  const started = await client.waitFor((m) => m.json.method === 'turn/started' && m.json.params.threadId === threadId && client.received.indexOf(m) >= mark, 5000, 'turn/started')
  return started.json.params.turn.id
}

const queueChanges = (client: WebsocketClient, threadId: string) =>
  client.received.filter((m) => m.json.method === 'thread/queue/changed' && m.json.params.threadId === threadId).length

describe('thread queue', () => {
  it('runs a submission at once on an idle thread, with its client id on the user message', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const mark = client.received.length
    const { queuedSubmission } = await call(client, 'thread/queue/add', { threadId, input: text('queued at idle'), clientUserMessageId: 'client-idle' })
    expect(queuedSubmission).toEqual({ id: expect.any(String), input: text('queued at idle'), clientUserMessageId: 'client-idle', responsesapiClientMetadata: null })
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn.status).toBe('completed')
    expect(client.received.slice(mark).filter((m) => m.json.method === 'thread/queue/changed')).toHaveLength(2)
    expect(await call(client, 'thread/queue/list', { threadId })).toEqual({ data: [], nextCursor: null })
    const { thread } = await call(client, 'thread/read', { threadId, includeTurns: true })
    expect(thread.turns[0].items[0]).toMatchObject({ type: 'userMessage', clientId: 'client-idle', content: text('queued at idle') })
  })

  it('keeps submissions while a turn runs: list, page, update, reorder, delete; then runs the next when the turn completes', async () => {
    const harness = await start()
    const [c1, c2, c3] = [await harness.connect(), await harness.connect(), await harness.connect()]
    const threadId = await startThread(c1)
    await call(c2, 'thread/resume', { threadId })
    await beginSlowTurn(c1, threadId)
    const ids: string[] = []
    for (const [name, metadata] of [['A', null], ['B', { k: 'v' }], ['C', null]] as const) {
      const { queuedSubmission } = await call(c1, 'thread/queue/add', { threadId, input: text(`queued ${name}`), clientUserMessageId: `client-${name}`, responsesapiClientMetadata: metadata })
      ids.push(queuedSubmission.id)
    }
    const [a, b, c] = ids as [string, string, string]
    expect((await call(c1, 'thread/queue/list', { threadId })).data.map((s: { id: string }) => s.id)).toEqual([a, b, c])
    expect(await call(c1, 'thread/queue/list', { threadId, limit: 1 })).toMatchObject({ data: [{ id: a }], nextCursor: '1' })
    expect(await call(c1, 'thread/queue/list', { threadId, limit: 1, cursor: '1' })).toMatchObject({ data: [{ id: b }], nextCursor: '2' })
    expect(await call(c1, 'thread/queue/list', { threadId, cursor: '99' })).toEqual({ data: [], nextCursor: null })
    expect(await callError(c1, 'thread/queue/list', { threadId, cursor: 'bogus' })).toEqual({ code: -32600, message: 'invalid queue pagination cursor: invalid digit found in string' })

    // An empty metadata map keeps the metadata; a non-empty one replaces it.
    expect((await call(c1, 'thread/queue/update', { threadId, queuedSubmissionId: b, input: text('B2'), responsesapiClientMetadata: {} })).queuedSubmission)
      .toEqual({ id: b, input: text('B2'), clientUserMessageId: 'client-B', responsesapiClientMetadata: { k: 'v' } })
    expect((await call(c1, 'thread/queue/update', { threadId, queuedSubmissionId: a, input: text('A2'), responsesapiClientMetadata: { k2: 'v2' } })).queuedSubmission)
      .toMatchObject({ id: a, input: text('A2'), responsesapiClientMetadata: { k2: 'v2' } })
    expect(await callError(c1, 'thread/queue/update', { threadId, queuedSubmissionId: 'no-such', input: text('x') })).toEqual({ code: -32600, message: 'queued submission not found: no-such' })
    expect(await callError(c1, 'thread/queue/update', { threadId, queuedSubmissionId: b, input: [] })).toEqual({ code: -32600, message: 'only user input can be added to the user-message queue' })

    expect(await call(c1, 'thread/queue/reorder', { threadId, queuedSubmissionIds: [c, a, b] })).toEqual({})
    for (const wrong of [[a, b], [a, b, c, 'extra'], [a, a, b]]) {
      expect(await callError(c1, 'thread/queue/reorder', { threadId, queuedSubmissionIds: wrong })).toEqual({ code: -32600, message: 'queue reorder must include every queued submission exactly once' })
    }
    expect(await call(c1, 'thread/queue/delete', { threadId, queuedSubmissionId: a })).toEqual({ deleted: true })
    expect(await call(c1, 'thread/queue/delete', { threadId, queuedSubmissionId: a })).toEqual({ deleted: false })
    expect(await callError(c1, 'thread/queue/add', { threadId, input: [], clientUserMessageId: 'x' })).toEqual({ code: -32600, message: 'only user input can be added to the user-message queue' })
    expect(await callError(c1, 'thread/queue/start', { threadId, queuedSubmissionId: b })).toEqual({ code: -32600, message: 'thread already has an active or pending turn' })
    expect(await callError(c1, 'thread/queue/start', { threadId, queuedSubmissionId: 'no-such' })).toEqual({ code: -32600, message: 'queued submission not found: no-such' })
    expect((await call(c1, 'thread/queue/list', { threadId })).data.map((s: { id: string }) => s.id)).toEqual([c, b])
    // Subscribers heard every change (3 adds, 2 updates, a reorder, a delete); c3 never subscribed.
    expect(queueChanges(c1, threadId)).toBe(7)
    expect(queueChanges(c2, threadId)).toBe(7)
    expect(queueChanges(c3, threadId)).toBe(0)

    // The slow turn completes, then C (the head) runs by itself, then B.
    await untilTurnCompleted(c1, threadId, 10_000)
    const next = await c1.waitFor((m) => m.json.method === 'turn/completed' && m.json.params.turn.items.some?.((i: { text?: string }) => i.text?.includes('queued C')), 10_000, 'turn of C')
    expect(next.json.params.turn.status).toBe('completed')
    await c1.waitFor((m) => m.json.method === 'turn/completed' && JSON.stringify(m.json.params).includes('B2'), 10_000, 'turn of B')
    expect(await call(c1, 'thread/queue/list', { threadId })).toEqual({ data: [], nextCursor: null })
  })

  it('waits after an interrupted turn until thread/queue/start runs the head', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const running = await beginSlowTurn(client, threadId)
    const { queuedSubmission } = await call(client, 'thread/queue/add', { threadId, input: text('after the interrupt'), clientUserMessageId: 'client-late' })
    await call(client, 'turn/interrupt', { threadId, turnId: running })
    await untilTurnCompleted(client, threadId)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await call(client, 'thread/queue/list', { threadId })).data).toEqual([queuedSubmission])
    const { turn } = await call(client, 'thread/queue/start', { threadId })
    expect(turn).toMatchObject({ status: 'inProgress', items: [], itemsView: 'notLoaded', startedAt: null })
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn.id).toBe(turn.id)
    expect(await callError(client, 'thread/queue/start', { threadId })).toEqual({ code: -32600, message: 'queue is empty' })
  })

  it('keeps a waiting queue across a restart, and serves a thread that is not loaded', async () => {
    const first = await start()
    const client = await first.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const running = await beginSlowTurn(client, threadId)
    const { queuedSubmission } = await call(client, 'thread/queue/add', { threadId, input: text('kept'), clientUserMessageId: 'client-kept', responsesapiClientMetadata: { k: 'v' } })
    await call(client, 'turn/interrupt', { threadId, turnId: running })
    await untilTurnCompleted(client, threadId)
    await first.stop()

    const second = await start({ home: first.home })
    const again = await second.connect()
    expect(await call(again, 'thread/queue/list', { threadId })).toEqual({ data: [queuedSubmission], nextCursor: null })
    const { queuedSubmission: more } = await call(again, 'thread/queue/add', { threadId, input: text('added unloaded'), clientUserMessageId: 'client-more' })
    expect(await call(again, 'thread/queue/reorder', { threadId, queuedSubmissionIds: [more.id, queuedSubmission.id] })).toEqual({})
    // Not loaded: nothing runs, and a turn cannot start from it until the thread is resumed.
    expect(await call(again, 'thread/loaded/list', {})).toMatchObject({ data: [] })
    expect(await callError(again, 'thread/queue/start', { threadId })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
    await call(again, 'thread/resume', { threadId })
    await call(again, 'thread/queue/start', { threadId })
    const completed = await untilTurnCompleted(again, threadId)
    expect(JSON.stringify(completed.json.params.turn.items)).toContain('added unloaded')
  })

  it('answers unknown and malformed threads as codex does', async () => {
    const harness = await start()
    const client = await harness.connect()
    const unknown = { code: -32603, message: `failed to read thread: invalid thread-store request: no rollout found for thread id ${UNKNOWN}` }
    const calls: Array<[string, Record<string, unknown>]> = [
      ['thread/queue/add', { input: text('x'), clientUserMessageId: 'x' }],
      ['thread/queue/list', {}],
      ['thread/queue/update', { queuedSubmissionId: 'x', input: text('x') }],
      ['thread/queue/delete', { queuedSubmissionId: 'x' }],
      ['thread/queue/reorder', { queuedSubmissionIds: [] }],
      ['thread/queue/start', {}],
    ]
    for (const [method, params] of calls) {
      expect(await callError(client, method, { threadId: UNKNOWN, ...params })).toEqual(unknown)
      expect(await callError(client, method, { threadId: 'not-a-uuid', ...params })).toEqual({ code: -32600, message: MALFORMED })
    }
  })
})
