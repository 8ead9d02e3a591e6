// The user's own thread actions against the reference server, as codex 0.169.0 answers them
// (test/server/fixtures/codex-0.169.0/conversations/i-thread-actions.jsonl): a shell command and a
// compaction each run as a turn of their own, a Guardian denial event is checked before the thread,
// and attachments are kept per thread, listed, looked up and removed, surviving a restart.
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callError, ConversationHarness, methods, runTurn, startThread, untilTurnCompleted } from './conversation-harness.js'
import type { WebsocketClient } from '../helpers/wire-client.js'

let harness: ConversationHarness
beforeAll(async () => { harness = await ConversationHarness.start() })
afterAll(() => harness.stop())

const UNKNOWN = '0199a0b0-0000-7000-8000-000000000000'
const MALFORMED = 'invalid thread id: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'

/** Sends a request and returns everything received until the thread's next turn/completed. */
async function untilDone(client: WebsocketClient, threadId: string, method: string, params: unknown) {
  const start = client.received.length
  const done = untilTurnCompleted(client, threadId)
  client.send({ id: `req-${start}`, method, params })
  await done
  return client.received.slice(start)
}

describe('thread/shellCommand', () => {
  it('runs the command in the thread\'s cwd as a turn of its own, streams its output and keeps the item', async () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'shell-cwd-')))
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd })
    const messages = await untilDone(client, threadId, 'thread/shellCommand', { threadId, command: 'printf "%s" "$PWD"; echo; echo err >&2; exit 3' })
    const shown = methods(messages).filter((method) => method !== 'item/commandExecution/outputDelta')
    expect(shown).toEqual(['#"req-' + (client.received.length - messages.length) + '"', 'thread/status/changed', 'turn/started', 'item/started', 'item/completed', 'thread/status/changed', 'turn/completed'])
    expect(messages[0]!.json.result).toEqual({})
    const started = messages.find((m) => m.json.method === 'item/started')!.json.params.item
    expect(started).toMatchObject({ type: 'commandExecution', source: 'userShell', status: 'inProgress', cwd, command: `/bin/bash -lc 'printf "%s" "$PWD"; echo; echo err >&2; exit 3'` })
    const deltas = messages.filter((m) => m.json.method === 'item/commandExecution/outputDelta').map((m) => m.json.params.delta).join('')
    expect(deltas).toBe(`${cwd}\nerr\n`)
    const item = messages.find((m) => m.json.method === 'item/completed')!.json.params.item
    expect(item).toMatchObject({ id: started.id, status: 'failed', exitCode: 3, aggregatedOutput: `${cwd}\nerr\n` })
    const completed = messages.at(-1)!.json.params.turn
    expect(completed).toMatchObject({ status: 'completed', items: [], itemsView: 'notLoaded' })

    const read = await call(client, 'thread/read', { threadId, includeTurns: true })
    expect(read.thread.turns).toEqual([expect.objectContaining({ id: completed.id, status: 'completed', items: [item] })])
  })

  // The limit leaves the login shell time to start: one killed while starting can leave its
  // profile's lock files behind.
  it('a timed-out command fails with exit code -1; an empty one is refused', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const messages = await untilDone(client, threadId, 'thread/shellCommand', { threadId, command: 'sleep 10', timeoutMs: 2500 })
    const item = messages.find((m) => m.json.method === 'item/completed')!.json.params.item
    expect(item).toMatchObject({ status: 'failed', exitCode: -1, aggregatedOutput: expect.stringContaining('timed out') })
    expect(await callError(client, 'thread/shellCommand', { threadId, command: '  ' })).toEqual({ code: -32600, message: 'command must not be empty' })
  })

  it('is stopped by turn/interrupt; while it runs the thread takes no other turn', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const done = untilTurnCompleted(client, threadId)
    await call(client, 'thread/shellCommand', { threadId, command: 'echo started; sleep 20' })
    // Once it printed, the login shell has started (one killed while starting can leave lock files).
    await client.waitFor((m) => m.json.method === 'item/commandExecution/outputDelta' && m.json.params.threadId === threadId, 10_000, 'output')
    const turnId = (await client.waitFor((m) => m.json.method === 'turn/started' && m.json.params.threadId === threadId)).json.params.turn.id
    expect(await callError(client, 'thread/compact/start', { threadId })).toEqual({ code: -32600, message: `thread ${threadId} is running turn ${turnId}; wait for it to end` })
    expect(await callError(client, 'turn/steer', { threadId, expectedTurnId: turnId, input: [{ type: 'text', text: 'more', text_elements: [] }] }))
      .toMatchObject({ code: -32600, message: expect.stringContaining('cannot be steered') })
    expect(await call(client, 'turn/interrupt', { threadId, turnId })).toEqual({})
    const completed = (await done).json.params.turn
    expect(completed).toMatchObject({ id: turnId, status: 'interrupted' })
    const read = await call(client, 'thread/read', { threadId, includeTurns: true })
    expect(read.thread.turns[0]).toMatchObject({ status: 'interrupted', items: [{ type: 'commandExecution', source: 'userShell', status: 'failed', aggregatedOutput: 'started\n' }] })
  })

  it('answers unknown and malformed thread ids as codex does', async () => {
    const client = await harness.connect()
    expect(await callError(client, 'thread/shellCommand', { threadId: UNKNOWN, command: 'true' })).toEqual({ code: -32600, message: `thread not found: ${UNKNOWN}` })
    expect(await callError(client, 'thread/shellCommand', { threadId: 'not-a-uuid', command: 'true' })).toEqual({ code: -32600, message: MALFORMED })
  })
})

describe('thread/compact/start', () => {
  it('compacts in a turn of its own with a contextCompaction item, kept in the history', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const messages = await untilDone(client, threadId, 'thread/compact/start', { threadId })
    expect(methods(messages).slice(1)).toEqual([
      'thread/status/changed', 'turn/started', 'item/started', 'account/rateLimits/updated',
      'thread/tokenUsage/updated', 'account/rateLimits/updated', 'thread/tokenUsage/updated', 'account/rateLimits/updated',
      'item/completed', 'thread/status/changed', 'turn/completed',
    ])
    expect(messages[0]!.json.result).toEqual({})
    const item = messages.find((m) => m.json.method === 'item/completed')!.json.params.item
    expect(item).toEqual({ type: 'contextCompaction', id: expect.any(String), startedAtMs: expect.any(Number), completedAtMs: expect.any(Number) })
    const read = await call(client, 'thread/read', { threadId, includeTurns: true })
    expect(read.thread.turns.map((turn: { items: { type: string }[] }) => turn.items.map((i) => i.type))).toEqual([['userMessage', 'agentMessage'], ['contextCompaction']])
  })

  it('answers unknown and malformed thread ids as codex does', async () => {
    const client = await harness.connect()
    expect(await callError(client, 'thread/compact/start', { threadId: UNKNOWN })).toEqual({ code: -32600, message: `thread not found: ${UNKNOWN}` })
    expect(await callError(client, 'thread/compact/start', { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
  })
})

describe('thread/approveGuardianDeniedAction', () => {
  it('checks the event before the thread, then needs a loaded thread', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    const event = { id: 'review-1', status: 'denied', action: { type: 'command', source: 'shell', command: 'ls', cwd: '/tmp' } }
    expect(await callError(client, 'thread/approveGuardianDeniedAction', { threadId: 'not-a-uuid', event: {} }))
      .toEqual({ code: -32600, message: 'invalid Guardian denial event: missing field `id`' })
    expect(await callError(client, 'thread/approveGuardianDeniedAction', { threadId, event: { id: 'x', status: 'denied' } }))
      .toEqual({ code: -32600, message: 'invalid Guardian denial event: missing field `action`' })
    expect(await callError(client, 'thread/approveGuardianDeniedAction', { threadId: UNKNOWN, event })).toEqual({ code: -32600, message: `thread not found: ${UNKNOWN}` })
    expect(await callError(client, 'thread/approveGuardianDeniedAction', { threadId: 'not-a-uuid', event })).toEqual({ code: -32600, message: MALFORMED })
    expect(await call(client, 'thread/approveGuardianDeniedAction', { threadId, event })).toEqual({})
  })
})

describe('thread attachments', () => {
  it('adds, finds again, lists, looks up owners, removes, and tells every connection', async () => {
    const client = await harness.connect()
    const other = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    expect(await callError(client, 'thread/attachment/add', { threadId: await startThread(client), attachmentType: 't', identityKey: 'k', payload: 1 }))
      .toMatchObject({ code: -32602, message: expect.stringMatching(/^thread not found: /) })

    const added = await call(client, 'thread/attachment/add', { threadId, attachmentType: 'ticket', identityKey: 'T-1', payload: { title: 'first' } })
    expect(added).toEqual({ outcome: 'created', attachment: { id: expect.any(String), attachmentType: 'ticket', identityKey: 'T-1', payload: { title: 'first' }, createdAt: expect.any(Number) } })
    const updated = await other.waitFor((m) => m.json.method === 'thread/attachment/updated', 5000, 'thread/attachment/updated')
    expect(updated.json.params).toEqual({ threadId, attachmentType: 'ticket', identityKey: 'T-1', attachmentId: added.attachment.id, operation: 'created' })
    const again = await call(client, 'thread/attachment/add', { threadId, attachmentType: 'ticket', identityKey: 'T-1', payload: { title: 'again' } })
    expect(again).toEqual({ outcome: 'existing', attachment: added.attachment })
    const pr = (await call(client, 'thread/attachment/add', { threadId, attachmentType: 'pr', identityKey: '7', payload: null })).attachment

    expect(await call(client, 'thread/attachment/list', { threadId })).toEqual({ data: [added.attachment, pr], nextCursor: null })
    const first = await call(client, 'thread/attachment/list', { threadId, limit: 1 })
    expect(first).toEqual({ data: [added.attachment], nextCursor: `${threadId}|${added.attachment.createdAt}|${added.attachment.id}` })
    expect(await call(client, 'thread/attachment/list', { threadId, cursor: first.nextCursor })).toEqual({ data: [pr], nextCursor: null })
    expect(await callError(client, 'thread/attachment/list', { threadId, cursor: 'bogus' })).toEqual({ code: -32602, message: 'invalid pagination cursor' })
    expect(await call(client, 'thread/attachment/list', { threadId: UNKNOWN })).toEqual({ data: [], nextCursor: null })

    expect(await call(client, 'thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'T-1' })).toEqual({ data: [{ threadId, archived: false }], nextCursor: null })
    expect(await call(client, 'thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'nope' })).toEqual({ data: [], nextCursor: null })
    expect(await callError(client, 'thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'T-1', cursor: 'bogus' })).toEqual({ code: -32602, message: 'invalid pagination cursor' })

    expect(await call(client, 'thread/attachment/remove', { threadId, attachmentType: 'ticket', identityKey: 'T-1' })).toEqual({})
    const deleted = await other.waitFor((m) => m.json.method === 'thread/attachment/updated' && m.json.params.operation === 'deleted', 5000, 'deleted')
    expect(deleted.json.params).toMatchObject({ attachmentId: added.attachment.id })
    expect(await call(client, 'thread/attachment/remove', { threadId, attachmentType: 'ticket', identityKey: 'T-1' })).toEqual({})
    expect(await call(client, 'thread/attachment/list', { threadId })).toEqual({ data: [pr], nextCursor: null })

    await call(client, 'thread/archive', { threadId })
    expect(await call(client, 'thread/attachmentOwner/list', { attachmentType: 'pr', identityKey: '7' })).toEqual({ data: [{ threadId, archived: true }], nextCursor: null })
    expect(await call(client, 'thread/attachmentOwner/list', { attachmentType: 'pr', identityKey: '7', archived: false })).toEqual({ data: [], nextCursor: null })
  })

  it('refuses blank keys and bad ids with codex\'s messages', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client)
    expect(await callError(client, 'thread/attachment/add', { threadId, attachmentType: ' ', identityKey: 'k', payload: 1 })).toEqual({ code: -32602, message: 'attachmentType must not be empty' })
    expect(await callError(client, 'thread/attachment/add', { threadId, attachmentType: 'a', identityKey: '', payload: 1 })).toEqual({ code: -32602, message: 'identityKey must not be empty' })
    expect(await callError(client, 'thread/attachmentOwner/list', { attachmentType: '', identityKey: 'k' })).toEqual({ code: -32602, message: 'attachmentType must not be empty' })
    for (const method of ['thread/attachment/add', 'thread/attachment/remove']) {
      expect(await callError(client, method, { threadId: UNKNOWN, attachmentType: 'a', identityKey: 'k', payload: 1 })).toEqual({ code: -32602, message: `thread not found: ${UNKNOWN}` })
    }
    for (const method of ['thread/attachment/add', 'thread/attachment/list', 'thread/attachment/remove']) {
      expect(await callError(client, method, { threadId: 'not-a-uuid', attachmentType: 'a', identityKey: 'k', payload: 1 })).toEqual({ code: -32602, message: MALFORMED })
    }
  })

  it('survive a restart, with the shell command and compaction turns', async () => {
    const first = await ConversationHarness.start()
    const client = await first.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const { attachment } = await call(client, 'thread/attachment/add', { threadId, attachmentType: 'ticket', identityKey: 'R-1', payload: { kept: true } })
    await untilDone(client, threadId, 'thread/shellCommand', { threadId, command: 'echo kept' })
    await untilDone(client, threadId, 'thread/compact/start', { threadId })
    await first.stop()
    const second = await ConversationHarness.start({ home: first.home })
    try {
      const again = await second.connect()
      expect(await call(again, 'thread/attachment/list', { threadId })).toEqual({ data: [attachment], nextCursor: null })
      const read = await call(again, 'thread/read', { threadId, includeTurns: true })
      expect(read.thread.turns.map((turn: { items: { type: string }[] }) => turn.items.map((i) => i.type))).toEqual([['userMessage', 'agentMessage'], ['commandExecution'], ['contextCompaction']])
      expect(read.thread.turns[1].items[0]).toMatchObject({ source: 'userShell', aggregatedOutput: 'kept\n', exitCode: 0 })
      expect(await call(again, 'thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'R-1' })).toEqual({ data: [{ threadId, archived: false }], nextCursor: null })
    } finally {
      await second.stop()
    }
  })
})
