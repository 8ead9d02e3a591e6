// Turns against the reference server over a real websocket: the notification order codex 0.169.0
// sends (test/server/fixtures/codex-0.169.0/conversations/), approvals accepted, declined and
// cancelled, interrupt, steer, failure and retries, and the output-schema turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callError, ConversationHarness, methods, runTurn, startThread, text, untilTurnCompleted } from './conversation-harness.js'

let harness: ConversationHarness
beforeAll(async () => { harness = await ConversationHarness.start() })
afterAll(() => harness.stop())

const DELTAS = (count: number) => Array.from({ length: count }, () => 'item/agentMessage/delta')

describe('a turn', () => {
  it('answers thread/start before thread/started, then streams a reply in codex\'s order', async () => {
    const client = await harness.connect()
    const before = client.received.length
    const threadId = await startThread(client)
    await client.waitFor((message) => message.json.method === 'thread/started')
    expect(methods(client.received.slice(before))).toEqual([expect.stringMatching(/^#/), 'thread/started'])

    const messages = await runTurn(client, threadId, 'hello')
    expect(methods(messages)).toEqual([
      expect.stringMatching(/^#/),
      'thread/status/changed', 'turn/started', 'item/started', 'item/completed',
      'item/started', ...DELTAS(5), 'item/completed',
      'thread/tokenUsage/updated', 'account/rateLimits/updated', 'thread/readState/changed',
      'thread/status/changed', 'turn/completed',
    ])
    const [response] = messages
    expect(response!.json.result.turn).toMatchObject({ status: 'inProgress', items: [], itemsView: 'notLoaded', startedAt: null })
    const completed = messages.at(-1)!.json.params.turn
    expect(completed).toMatchObject({ status: 'completed', itemsView: 'summary', items: [{ type: 'agentMessage', text: 'You said: hello' }] })
    const deltas = messages.filter((message) => message.json.method === 'item/agentMessage/delta').map((message) => message.json.params.delta)
    expect(deltas.join('')).toBe('You said: hello')
    const user = messages.find((message) => message.json.method === 'item/completed')!.json.params.item
    expect(user).toMatchObject({ type: 'userMessage', content: text('hello') })
    const usage = messages.find((message) => message.json.method === 'thread/tokenUsage/updated')!.json.params.tokenUsage
    expect(usage.total.totalTokens).toBeGreaterThan(0)
    expect(usage.last).toEqual(usage.total)
  })

  it('echoes clientUserMessageId as the user message item\'s clientId', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, 'hi', { clientUserMessageId: 'my-id' })
    const user = messages.find((message) => message.json.method === 'item/started')!.json.params.item
    expect(user).toMatchObject({ type: 'userMessage', clientId: 'my-id' })
  })
})

describe('a command approval', () => {
  async function approvalTurn(decision: string) {
    const client = await harness.connect()
    // Unconfined, so the output is the command's alone: a login shell's profile may complain on
    // stderr inside a read-only sandbox (test/server/sandbox/ covers confinement).
    const threadId = await startThread(client, { sandbox: 'danger-full-access' })
    const start = client.received.length
    client.send({ id: 'run', method: 'turn/start', params: { threadId, input: text('[[run: echo approved-run]]') } })
    const request = await client.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
    client.send({ id: request.json.id, result: { decision } })
    await untilTurnCompleted(client, threadId)
    return { request, messages: client.received.slice(start) }
  }

  it('accepted: runs the command, streams its output, and the agent goes on', async () => {
    const { request, messages } = await approvalTurn('accept')
    expect(request.json.id).toBe(0)
    expect(request.json.params).toMatchObject({
      kind: 'command', command: "/bin/bash -lc 'echo approved-run'", environmentId: 'local',
      commandActions: [{ type: 'unknown', command: 'echo approved-run' }], proposedExecpolicyAmendment: ['echo'],
      availableDecisions: ['accept', { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['echo'] } }, 'cancel'],
    })
    const order = methods(messages).filter((method) => !method.startsWith('#') && method !== 'item/agentMessage/delta')
    expect(order).toEqual([
      'thread/status/changed', 'turn/started', 'item/started', 'item/completed',
      'thread/status/changed', 'item/started', 'item/commandExecution/requestApproval',
      'serverRequest/resolved', 'thread/status/changed', 'item/commandExecution/outputDelta', 'item/completed',
      'thread/tokenUsage/updated', 'account/rateLimits/updated',
      'item/started', 'item/completed', 'thread/tokenUsage/updated', 'account/rateLimits/updated',
      'thread/readState/changed', 'thread/status/changed', 'turn/completed',
    ])
    const waiting = messages.filter((message) => message.json.method === 'thread/status/changed').map((message) => message.json.params.status)
    expect(waiting.slice(0, 3)).toEqual([{ type: 'active', activeFlags: [] }, { type: 'active', activeFlags: ['waitingOnApproval'] }, { type: 'active', activeFlags: [] }])
    const command = messages.filter((message) => message.json.method === 'item/completed')[1]!.json.params.item
    expect(command).toMatchObject({ type: 'commandExecution', status: 'completed', aggregatedOutput: 'approved-run\n', exitCode: 0 })
    expect(messages.at(-1)!.json.params.turn.status).toBe('completed')
  })

  it('declined: the command is not run and the turn completes', async () => {
    const { messages } = await approvalTurn('decline')
    const command = messages.filter((message) => message.json.method === 'item/completed')[1]!.json.params.item
    expect(command).toMatchObject({ type: 'commandExecution', status: 'declined', exitCode: null, aggregatedOutput: null })
    expect(messages.at(-1)!.json.params.turn.status).toBe('completed')
  })

  it('cancelled: the command is declined and the turn is interrupted', async () => {
    const { messages } = await approvalTurn('cancel')
    const command = messages.filter((message) => message.json.method === 'item/completed')[1]!.json.params.item
    expect(command).toMatchObject({ status: 'declined' })
    expect(messages.at(-1)!.json.params.turn).toMatchObject({ status: 'interrupted', items: [], itemsView: 'notLoaded' })
    expect(methods(messages).slice(-2)).toEqual(['thread/status/changed', 'turn/completed'])
  })
})

describe('interrupt and steer', () => {
  it('turn/interrupt stops a streaming reply: no item/completed, status interrupted, the partial text is not kept', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    client.send({ id: 'slow', method: 'turn/start', params: { threadId, input: text('[[slow: 100]] [[deltas: 40]] count slowly') } })
    const started = await client.waitFor((message) => message.json.method === 'turn/started')
    await client.waitFor((message) => message.json.method === 'item/agentMessage/delta')
    expect(await call(client, 'turn/interrupt', { threadId, turnId: started.json.params.turn.id })).toEqual({})
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn).toMatchObject({ status: 'interrupted', items: [], itemsView: 'notLoaded' })
    const agentDone = client.received.filter((message) => message.json.method === 'item/completed' && message.json.params.item.type === 'agentMessage')
    expect(agentDone).toEqual([])
    expect(await callError(client, 'turn/interrupt', { threadId, turnId: started.json.params.turn.id })).toEqual({ code: -32600, message: 'no active turn to interrupt' })
    const turns = await call(client, 'thread/turns/list', { threadId, itemsView: 'full' })
    expect(turns.data[0].items.map((item: { type: string }) => item.type)).toEqual(['userMessage'])
  })

  it('turn/steer adds input to the running turn; a stale or missing turn is refused', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    client.send({ id: 'slow', method: 'turn/start', params: { threadId, input: text('[[slow: 100]] [[deltas: 40]] greek letters') } })
    const started = await client.waitFor((message) => message.json.method === 'turn/started')
    const turnId = started.json.params.turn.id
    await client.waitFor((message) => message.json.method === 'item/agentMessage/delta')
    expect(await call(client, 'turn/steer', { threadId, expectedTurnId: turnId, input: text('also omega'), clientUserMessageId: 'steer-1' })).toEqual({ turnId })
    expect(await callError(client, 'turn/steer', { threadId, expectedTurnId: 'other', input: text('stale') }))
      .toEqual({ code: -32600, message: `expected active turn id \`other\` but found \`${turnId}\`` })
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn.items).toMatchObject([{ type: 'agentMessage', text: 'You said: also omega' }])
    const steered = client.received.find((message) => message.json.method === 'item/completed' && message.json.params.item.clientId === 'steer-1')
    expect(steered).toBeDefined()
    expect(await callError(client, 'turn/steer', { threadId, expectedTurnId: turnId, input: text('too late') })).toEqual({ code: -32600, message: 'no active turn to steer' })
  })
})

describe('failures', () => {
  it('a failed turn: status systemError, error (willRetry false), then turn/completed failed', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, '[[fail: the model is unavailable]]')
    const tail = methods(messages).slice(-5)
    expect(tail).toEqual(['account/rateLimits/updated', 'thread/status/changed', 'error', 'thread/readState/changed', 'turn/completed'])
    expect(messages.at(-4)!.json.params.status).toEqual({ type: 'systemError' })
    expect(messages.at(-3)!.json.params).toMatchObject({ willRetry: false, error: { message: 'the model is unavailable' } })
    expect(messages.at(-1)!.json.params.turn).toMatchObject({ status: 'failed', items: [], itemsView: 'notLoaded', error: { message: 'the model is unavailable' } })
    // The next turn works again.
    expect((await runTurn(client, threadId, 'again')).at(-1)!.json.params.turn.status).toBe('completed')
  })

  it('retries announce willRetry true and the turn then succeeds', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, '[[retry: 2]] hi')
    const errors = messages.filter((message) => message.json.method === 'error').map((message) => message.json.params)
    expect(errors.map((error) => [error.willRetry, error.error.message])).toEqual([[true, 'Reconnecting... 1/5'], [true, 'Reconnecting... 2/5']])
    expect(messages.at(-1)!.json.params.turn.status).toBe('completed')
  })

  it('a directive that does not parse fails the turn with one clear line', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, '[[slow: soon]]')
    expect(messages.at(-1)!.json.params.turn.error.message).toBe('[[slow: N]] needs a whole number from 0 to 10000, not "soon"')
  })
})

describe('an outputSchema turn (the TUI\'s title)', () => {
  it('answers JSON that validates against the schema', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { ephemeral: true })
    const schema = { type: 'object', properties: { title: { type: 'string', maxLength: 36 } }, required: ['title'], additionalProperties: false }
    const messages = await runTurn(client, threadId, 'Generate a short title for this conversation: hello there, how are you today my friend', { outputSchema: schema })
    const answer = JSON.parse(messages.at(-1)!.json.params.turn.items[0].text)
    expect(Object.keys(answer)).toEqual(['title'])
    expect(answer.title.length).toBeLessThanOrEqual(36)
    expect(answer.title.length).toBeGreaterThan(0)
  })
})

describe('a client that leaves', () => {
  it('a turn whose requester disconnects at once still runs to its end for the other subscribers', async () => {
    const owner = await harness.connect()
    const threadId = await startThread(owner)
    const watcher = await harness.connect()
    await call(watcher, 'thread/resume', { threadId, excludeTurns: true })
    owner.send({ id: 'gone', method: 'turn/start', params: { threadId, input: text('hello') } })
    owner.socket.terminate()
    const completed = await untilTurnCompleted(watcher, threadId)
    expect(completed.json.params.turn.status).toBe('completed')
    // The thread takes new turns afterwards.
    expect((await runTurn(watcher, threadId, 'again')).at(-1)!.json.params.turn.status).toBe('completed')
  })
})
