// Server→client requests of a turn as codex 0.169.0 handles them with several subscribers
// (test/server/fixtures/codex-0.169.0/conversations/j-server-requests.jsonl): every subscriber is
// asked under one id, the first answer wins and everyone hears serverRequest/resolved; bad answers
// settle the request without hanging anything; a dropped subscriber leaves the request waiting for
// the others, or for a client that subscribes later; an interrupt resolves it after turn/completed.
import { describe, expect, it } from 'vitest'
import type { Received, WebsocketClient } from '../helpers/wire-client.js'
import { call, harnessPerTest, runTurn, startThread, text, untilTurnCompleted, type ConversationHarness } from './conversation-harness.js'

const start = harnessPerTest()
const APPROVAL = 'item/commandExecution/requestApproval'
const isApproval = (message: Received) => message.json.method === APPROVAL
const isResolved = (message: Received) => message.json.method === 'serverRequest/resolved'

/** A stored thread (one turn done) followed by `count` connections. */
async function sharedThread(harness: ConversationHarness, count: number) {
  const clients = [await harness.connect()]
  // Unconfined, so the command's output is only its own (a login shell under a read-only sandbox
  // may add its profile's complaints; confinement has tests of its own in test/server/sandbox/).
  const threadId = await startThread(clients[0]!, { sandbox: 'danger-full-access' })
  await runTurn(clients[0]!, threadId, 'hello')
  for (let index = 1; index < count; index++) {
    const client = await harness.connect()
    await call(client, 'thread/resume', { threadId, excludeTurns: true })
    clients.push(client)
  }
  return { clients, threadId }
}

/** `starter` starts a turn that asks for an approval; resolves with the request each of `asked` received. */
async function approvalTurn(starter: WebsocketClient, threadId: string, asked: WebsocketClient[]) {
  const marks = asked.map((client) => client.received.length)
  starter.send({ id: `run-${starter.received.length}`, method: 'turn/start', params: { threadId, input: text('[[run: echo approved-run]]') } })
  const requests = await Promise.all(asked.map((client) => client.waitFor(isApproval, 5000, 'the approval request')))
  return { requests, since: (index: number) => asked[index]!.received.slice(marks[index]) }
}

const methodsOf = (messages: Received[]) => messages.map((message) => message.json.method).filter((method) => method !== undefined && method !== 'item/agentMessage/delta')
const waitLog = async (harness: ConversationHarness, pattern: RegExp) => {
  for (let tries = 0; tries < 50 && !harness.logLines.some((line) => pattern.test(line)); tries++) await new Promise((resolve) => setTimeout(resolve, 20))
  return harness.logLines.filter((line) => pattern.test(line))
}

describe('a request with several subscribers', () => {
  it('goes to each under one id; the first answer wins, everyone hears serverRequest/resolved, a later answer is ignored', async () => {
    const harness = await start()
    const { clients: [c1, c2], threadId } = await sharedThread(harness, 2)
    const { requests: [r1, r2], since } = await approvalTurn(c1!, threadId, [c1!, c2!])
    expect(r1!.json.id).toBe(r2!.json.id)
    expect(r1!.json.params).toEqual(r2!.json.params)
    c2!.send({ id: r2!.json.id, result: { decision: 'accept' } })
    await Promise.all([untilTurnCompleted(c1!, threadId), untilTurnCompleted(c2!, threadId)])
    for (const index of [0, 1]) {
      const after = methodsOf(since(index))
      // resolved comes before the thread stops waiting, then the command runs
      expect(after.slice(after.indexOf(APPROVAL), after.indexOf(APPROVAL) + 3)).toEqual([APPROVAL, 'serverRequest/resolved', 'thread/status/changed'])
      const resolved = since(index).find(isResolved)!
      expect(resolved.json.params).toEqual({ threadId, requestId: r1!.json.id })
      const command = since(index).filter((message) => message.json.method === 'item/completed').map((message) => message.json.params.item).find((item) => item.type === 'commandExecution')
      expect(command).toMatchObject({ status: 'completed', aggregatedOutput: 'approved-run\n' })
    }

    c1!.send({ id: r1!.json.id, result: { decision: 'decline' } })
    expect(await waitLog(harness, new RegExp(`ignored an answer to server request ${String(r1!.json.id)}: no request with that id is waiting`))).toHaveLength(1)
    // nothing is sent back for the ignored answer
    expect((await c1!.collect(100)).filter((message) => message.json.id === r1!.json.id)).toEqual([])
  })

  it('ids count up across connections, as codex\'s one counter per server', async () => {
    const harness = await start()
    const { clients: [c1, c2], threadId } = await sharedThread(harness, 2)
    const first = await approvalTurn(c1!, threadId, [c1!, c2!])
    c1!.send({ id: first.requests[0]!.json.id, result: { decision: 'accept' } })
    await untilTurnCompleted(c2!, threadId)
    const second = await approvalTurn(c2!, threadId, [c1!, c2!])
    expect(second.requests[0]!.json.id).toBe(first.requests[0]!.json.id + 1)
    c2!.send({ id: second.requests[1]!.json.id, result: { decision: 'accept' } })
    await untilTurnCompleted(c1!, threadId)
  })
})

describe('bad answers', () => {
  it('a malformed answer settles the request (everyone hears serverRequest/resolved) and the turn ends; one log line says why', async () => {
    const harness = await start()
    const { clients: [c1, c2], threadId } = await sharedThread(harness, 2)
    const { requests: [r1], since } = await approvalTurn(c1!, threadId, [c1!, c2!])
    c1!.send({ id: r1!.json.id, result: { decision: 'maybe' } })
    await Promise.all([untilTurnCompleted(c1!, threadId), untilTurnCompleted(c2!, threadId)])
    expect(since(1).filter(isResolved)).toHaveLength(1)
    const lines = await waitLog(harness, /is not a valid CommandExecutionRequestApprovalResponse/)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`${APPROVAL} \\(id ${String(r1!.json.id)}\\)`))
    const command = since(0).filter((message) => message.json.method === 'item/completed').map((message) => message.json.params.item).find((item) => item.type === 'commandExecution')
    expect(command?.aggregatedOutput ?? null).toBeNull()
  })

  it('a JSON-RPC error answer settles it the same way', async () => {
    const harness = await start()
    const { clients: [c1], threadId } = await sharedThread(harness, 1)
    const { requests: [r1], since } = await approvalTurn(c1!, threadId, [c1!])
    c1!.send({ id: r1!.json.id, error: { code: -32000, message: 'the client refuses' } })
    await untilTurnCompleted(c1!, threadId)
    expect(since(0).filter(isResolved)).toHaveLength(1)
    expect(await waitLog(harness, /answered item\/commandExecution\/requestApproval \(id \d+\) with error -32000: the client refuses/)).toHaveLength(1)
  })

  it('answers to ids nobody asked for (numbers, strings) are ignored with one log line each; the connection keeps working', async () => {
    const harness = await start()
    const client = await harness.connect()
    client.send({ id: 4242, result: { decision: 'accept' } })
    client.send({ id: 'not-a-request', result: {} })
    client.send({ id: 7, error: { code: 1, message: 'x' } })
    expect(await waitLog(harness, /ignored an answer to server request (4242|"not-a-request"|7):/)).toHaveLength(3)
    expect(await call(client, 'thread/loaded/list', {})).toEqual({ data: [], nextCursor: null })
  })
})

describe('connections that drop', () => {
  it('the turn starter drops with the request pending: another subscriber answers it and the turn goes on', async () => {
    const harness = await start()
    const { clients: [c1, c2], threadId } = await sharedThread(harness, 2)
    const { requests: [, r2] } = await approvalTurn(c1!, threadId, [c1!, c2!])
    await c1!.close()
    await c2!.collect(100)
    c2!.send({ id: r2!.json.id, result: { decision: 'accept' } })
    const completed = await untilTurnCompleted(c2!, threadId)
    expect(completed.json.params.turn.status).toBe('completed')
  })

  it('the last subscriber drops: the request waits, and a client that resumes the thread is asked under the same id after its response', async () => {
    const harness = await start()
    const { clients: [c1], threadId } = await sharedThread(harness, 1)
    const { requests: [r1] } = await approvalTurn(c1!, threadId, [c1!])
    await c1!.close()
    const c3 = await harness.connect()
    const mark = c3.received.length
    const resumed = await call(c3, 'thread/resume', { threadId, excludeTurns: true })
    expect(resumed.thread.status).toEqual({ type: 'active', activeFlags: ['waitingOnApproval'] })
    const replayed = await c3.waitFor(isApproval, 2000, 'the replayed approval request')
    expect(replayed.json.id).toBe(r1!.json.id)
    expect(replayed.json.params).toEqual(r1!.json.params)
    const after = c3.received.slice(mark)
    expect(after.findIndex((message) => message.json.result !== undefined)).toBeLessThan(after.indexOf(replayed))
    c3.send({ id: replayed.json.id, result: { decision: 'accept' } })
    const completed = await untilTurnCompleted(c3, threadId)
    expect(completed.json.params.turn.status).toBe('completed')
  })
})

describe('interrupting a turn with a request pending', () => {
  it('every subscriber hears serverRequest/resolved after turn/completed; a late answer is ignored', async () => {
    const harness = await start()
    const { clients: [c1, c2], threadId } = await sharedThread(harness, 2)
    const { requests: [r1], since } = await approvalTurn(c1!, threadId, [c1!, c2!])
    const turnId = r1!.json.params.turnId
    expect(await call(c1!, 'turn/interrupt', { threadId, turnId })).toEqual({})
    for (const client of [c1!, c2!]) await client.waitFor(isResolved, 2000, 'serverRequest/resolved')
    for (const index of [0, 1]) {
      const after = methodsOf(since(index))
      expect(after.slice(-2)).toEqual(['turn/completed', 'serverRequest/resolved'])
      expect(since(index).find((message) => message.json.method === 'turn/completed')!.json.params.turn.status).toBe('interrupted')
    }
    c2!.send({ id: r1!.json.id, result: { decision: 'accept' } })
    expect(await waitLog(harness, /ignored an answer to server request \d+: no request/)).toHaveLength(1)
    const history = await call(c1!, 'thread/turns/list', { threadId, itemsView: 'full' })
    expect(history.data[0].items.map((item: { type: string }) => item.type)).toEqual(['userMessage'])
  })
})
