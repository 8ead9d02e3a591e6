// Threads against the reference server: what survives a restart, token usage replayed to the
// requester alone, subscriptions and the idle unload, history paging, fork, archive, names, and
// codex's answers to unknown, malformed and archived thread ids.
import { describe, expect, it } from 'vitest'
import { startServer } from '../../../server/server.js'
import { loadProtocolModel } from '../../../server/model/protocol-model.js'
import { makeTempHome, repoRoot } from '../helpers/spawn-server.js'
import { call, callError, harnessPerTest, runTurn, startThread } from './conversation-harness.js'

const start = harnessPerTest()

describe('a stored thread', () => {
  it('survives a restart: listed with its source and preview, resumed with its turns and token usage for the requester only', async () => {
    const first = await start()
    const client = await first.connect()
    const threadId = await startThread(client, { threadSource: 'user' })
    await runTurn(client, threadId, 'hello')
    await runTurn(client, threadId, 'again')
    await first.stop()

    const second = await start({ home: first.home })
    const requester = await second.connect()
    const bystander = await second.connect()
    const listed = await call(requester, 'thread/list', { sourceKinds: ['cli', 'vscode'], limit: 25, sortKey: 'updated_at' })
    expect(listed.data).toHaveLength(1)
    expect(listed.data[0]).toMatchObject({ id: threadId, preview: 'hello', source: 'vscode', threadSource: 'user', status: { type: 'notLoaded' } })

    const before = requester.received.length
    const resumed = await call(requester, 'thread/resume', { threadId })
    expect(resumed.thread.turns.map((turn: { status: string }) => turn.status)).toEqual(['completed', 'completed'])
    expect(resumed.thread.turns[1].items.map((item: { type: string }) => item.type)).toEqual(['userMessage', 'agentMessage'])
    const replay = await requester.waitFor((message) => message.json.method === 'thread/tokenUsage/updated')
    expect(requester.received.indexOf(replay)).toBeGreaterThan(requester.received.findIndex((message, index) => index >= before && message.json.result))
    expect(replay.json.params).toMatchObject({ threadId, turnId: resumed.thread.turns[1].id })
    expect(replay.json.params.tokenUsage.total.totalTokens).toBeGreaterThan(replay.json.params.tokenUsage.last.totalTokens)
    await bystander.collect(100)
    expect(bystander.received.some((message) => message.json.method === 'thread/tokenUsage/updated')).toBe(false)
  })

  it('a second server on the same home folder refuses to start, with one clear line', async () => {
    const first = await start()
    await expect(startServer({ listen: { kind: 'ws', host: '127.0.0.1', port: 0 }, home: first.home, repoRoot, model: loadProtocolModel(repoRoot) }))
      .rejects.toThrow(/home folder is in use by another server \(pid \d+\)/)
  })
})

describe('subscriptions', () => {
  it('unsubscribe answers unsubscribed, notSubscribed and notLoaded; an idle thread nobody follows is unloaded', async () => {
    const harness = await start({ idleUnloadMs: 300 })
    const owner = await harness.connect()
    const watcher = await harness.connect()
    const threadId = await startThread(owner)
    await runTurn(owner, threadId, 'hi')
    expect(await call(owner, 'thread/unsubscribe', { threadId })).toEqual({ status: 'unsubscribed' })
    expect(await call(owner, 'thread/unsubscribe', { threadId })).toEqual({ status: 'notSubscribed' })
    // Still loaded until the idle period ends.
    expect((await call(owner, 'thread/loaded/list', {})).data).toEqual([threadId])
    const closedStatus = await watcher.waitFor((message) => message.json.method === 'thread/status/changed' && message.json.params.status.type === 'notLoaded', 3000)
    expect(closedStatus.json.params.threadId).toBe(threadId)
    expect((await call(owner, 'thread/loaded/list', {})).data).toEqual([])
    expect(await call(owner, 'thread/unsubscribe', { threadId })).toEqual({ status: 'notLoaded' })
  })

  it('a closed connection leaves its threads as an unsubscribe does', async () => {
    const harness = await start({ idleUnloadMs: 200 })
    const owner = await harness.connect()
    const watcher = await harness.connect()
    const threadId = await startThread(owner)
    await owner.close()
    await watcher.waitFor((message) => message.json.method === 'thread/status/changed' && message.json.params.status.type === 'notLoaded', 3000)
  })

  it('turn notifications go to subscribers; status changes to every client', async () => {
    const harness = await start()
    const owner = await harness.connect()
    const other = await harness.connect()
    const threadId = await startThread(owner)
    await runTurn(owner, threadId, 'hi')
    await other.collect(50)
    const seen = new Set(other.received.map((message) => message.json.method))
    expect(seen.has('thread/started')).toBe(true)
    expect(seen.has('thread/status/changed')).toBe(true)
    expect(seen.has('turn/started')).toBe(false)
    expect(seen.has('item/agentMessage/delta')).toBe(false)
  })
})

describe('history', () => {
  it('pages turns and items in both directions with cursors, as resume hands them out', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client, { historyMode: 'paginated' })
    for (const prompt of ['one', 'two', 'three']) await runTurn(client, threadId, prompt)
    const resumed = await call(client, 'thread/resume', { threadId, excludeTurns: true })
    expect(resumed.thread.turns).toEqual([])
    const newest = await call(client, 'thread/turns/list', { threadId, cursor: resumed.turnsBackwardsCursor, limit: 2, sortDirection: 'desc', itemsView: 'notLoaded' })
    const prompts = (page: { data: { items: { type: string; content?: { text: string }[] }[] }[] }) => page.data.map((turn) => turn.items)
    expect(newest.data).toHaveLength(2)
    expect(newest.data.every((turn: { itemsView: string }) => turn.itemsView === 'notLoaded')).toBe(true)
    const oldest = await call(client, 'thread/turns/list', { threadId, cursor: newest.nextCursor, limit: 2, sortDirection: 'desc', itemsView: 'full' })
    expect(oldest.nextCursor).toBeNull()
    expect(prompts(oldest)[0]![0]!.content![0]!.text).toBe('one')

    const items = await call(client, 'thread/items/list', { threadId, cursor: resumed.itemsBackwardsCursor, limit: 100, sortDirection: 'desc' })
    expect(items.data.map((entry: { item: { type: string; text?: string } }) => entry.item.text ?? entry.item.type)).toEqual([
      'You said: three', 'userMessage', 'You said: two', 'userMessage', 'You said: one', 'userMessage',
    ])
    const firstTwo = await call(client, 'thread/items/list', { threadId, limit: 2 })
    const rest = await call(client, 'thread/items/list', { threadId, limit: 10, cursor: firstTwo.nextCursor })
    expect(firstTwo.data.length + rest.data.length).toBe(6)
    expect(await callError(client, 'thread/turns/list', { threadId, cursor: 'bogus' })).toEqual({ code: -32600, message: 'invalid cursor: bogus' })
  })

  it('turns/list before the first turn is refused: the thread is not materialized yet', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    expect(await callError(client, 'thread/turns/list', { threadId, limit: 1 })).toEqual({
      code: -32600, message: `thread ${threadId} is not materialized yet; thread/turns/list is unavailable before first user message`,
    })
    expect((await call(client, 'thread/list', {})).data).toEqual([])
  })

  it('fork copies the finished turns (up to lastTurnId) into a new thread; its usage goes to the requester only', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const firstTurn = (await runTurn(client, threadId, 'one')).at(-1)!.json.params.turn.id
    await runTurn(client, threadId, 'two')
    const other = await harness.connect()
    const fork = await call(client, 'thread/fork', { threadId, lastTurnId: firstTurn })
    expect(fork.thread).toMatchObject({ forkedFromId: threadId, preview: 'one' })
    expect(fork.thread.turns.map((turn: { id: string }) => turn.id)).toEqual([firstTurn])
    // The fork's token usage goes to the requester alone.
    const replay = await client.waitFor((message) => message.json.method === 'thread/tokenUsage/updated' && message.json.params.threadId === fork.thread.id)
    expect(replay.json.params.turnId).toBe(firstTurn)
    await other.collect(100)
    expect(other.received.some((message) => message.json.method === 'thread/tokenUsage/updated')).toBe(false)
    expect(await callError(client, 'thread/fork', { threadId, lastTurnId: 'nope' })).toEqual({ code: -32600, message: 'turn not found: nope' })
  })
})

describe('listing and instructions', () => {
  it('thread/list filters by normalized cwd and by search term; resume by the history path works', async () => {
    const harness = await start()
    const client = await harness.connect()
    const here = await startThread(client, { cwd: '/tmp' })
    await runTurn(client, here, 'alpha request')
    const there = await startThread(client, { cwd: '/usr' })
    await runTurn(client, there, 'beta request')
    const ids = (page: { data: { id: string }[] }) => page.data.map((thread) => thread.id)
    expect(ids(await call(client, 'thread/list', { cwd: '/tmp/./x/..' }))).toEqual([here])
    expect(ids(await call(client, 'thread/list', { cwd: ['/usr/', '/tmp'], sortDirection: 'asc' }))).toEqual([here, there])
    expect(ids(await call(client, 'thread/list', { searchTerm: 'BETA' }))).toEqual([there])
    const page = await call(client, 'thread/list', { limit: 1 })
    expect(ids(await call(client, 'thread/list', { limit: 1, cursor: page.nextCursor }))).toEqual([here])
    const stored = (await call(client, 'thread/read', { threadId: here })).thread.path
    expect((await call(client, 'thread/resume', { threadId: 'ignored', path: stored, excludeTurns: true })).thread.id).toBe(here)
  })

  it('thread/start names the instruction files for its cwd: the home folder\'s, then the repository\'s down to the cwd', async () => {
    const harness = await start()
    const { mkdirSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const repo = makeTempHome('instructions-')
    mkdirSync(join(repo, '.git'))
    mkdirSync(join(repo, 'pkg', 'src'), { recursive: true })
    for (const file of [join(harness.home, 'AGENTS.md'), join(repo, 'AGENTS.md'), join(repo, 'pkg', 'AGENTS.md')]) writeFileSync(file, '# rules\n')
    const client = await harness.connect()
    const result = await call(client, 'thread/start', { cwd: join(repo, 'pkg', 'src') })
    expect(result.instructionSources).toEqual([join(harness.home, 'AGENTS.md'), join(repo, 'AGENTS.md'), join(repo, 'pkg', 'AGENTS.md')])
  })
})

describe('archive, names and read state', () => {
  it('archive: status notLoaded, the answer, then thread/archived; resume refused; unarchive brings it back', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hi')
    const start_ = client.received.length
    expect(await call(client, 'thread/archive', { threadId })).toEqual({})
    await client.waitFor((message) => message.json.method === 'thread/archived')
    const order = client.received.slice(start_).map((message) => message.json.method ?? 'response')
    expect(order).toEqual(['thread/status/changed', 'response', 'thread/archived'])
    expect(await callError(client, 'thread/resume', { threadId })).toEqual({
      code: -32600, message: `session ${threadId} is archived. Run \`codex unarchive ${threadId}\` to unarchive it first.`,
    })
    expect((await call(client, 'thread/list', { archived: true })).data.map((thread: { id: string }) => thread.id)).toEqual([threadId])
    expect(await callError(client, 'thread/archive', { threadId })).toEqual({ code: -32600, message: `no rollout found for thread id ${threadId}` })
    expect((await call(client, 'thread/unarchive', { threadId })).thread.id).toBe(threadId)
    expect((await call(client, 'thread/list', {})).data.map((thread: { id: string }) => thread.id)).toEqual([threadId])
  })

  it('name/set tells every client; read state follows revisions', async () => {
    const harness = await start()
    const client = await harness.connect()
    const other = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hi')
    expect(await call(client, 'thread/name/set', { threadId, name: 'Greeting' })).toEqual({})
    const named = await other.waitFor((message) => message.json.method === 'thread/name/updated')
    expect(named.json.params).toEqual({ threadId, threadName: 'Greeting' })
    const { readState } = await call(client, 'thread/read', { threadId })
    expect(readState.firstUnread).toMatchObject({ type: 'turn' })
    const read = await call(client, 'thread/readState/update', { threadId, operation: { type: 'read' }, expectedRevision: readState.revision })
    expect(read.readState.firstUnread).toBeNull()
    const stale = await client.request('thread/readState/update', { threadId, operation: { type: 'read' }, expectedRevision: readState.revision })
    expect(stale.json.error).toEqual({ code: -32600, message: 'read state changed', data: { reason: 'readStateConflict', readState: read.readState } })
  })
})

describe('bad thread ids', () => {
  const unknown = '019a0000-0000-7000-8000-000000000000'
  const malformed = 'not-a-uuid'
  const found = 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'

  it('answers as codex does, method by method', async () => {
    const harness = await start()
    const client = await harness.connect()
    const cases: [string, Record<string, unknown>, { code: number; message: string }][] = [
      ['thread/read', { threadId: unknown }, { code: -32600, message: `thread not loaded: ${unknown}` }],
      ['thread/resume', { threadId: unknown }, { code: -32600, message: `no rollout found for thread id ${unknown}` }],
      ['thread/fork', { threadId: unknown }, { code: -32600, message: `no rollout found for thread id ${unknown}` }],
      ['thread/archive', { threadId: unknown }, { code: -32600, message: `no rollout found for thread id ${unknown}` }],
      ['thread/unarchive', { threadId: unknown }, { code: -32600, message: `no archived rollout found for thread id ${unknown}` }],
      ['thread/name/set', { threadId: unknown, name: 'x' }, { code: -32600, message: `no rollout found for thread id ${unknown}` }],
      ['thread/goal/get', { threadId: unknown }, { code: -32600, message: `thread not found: ${unknown}` }],
      ['thread/backgroundTerminals/list', { threadId: unknown }, { code: -32600, message: `thread not found: ${unknown}` }],
      ['thread/turns/list', { threadId: unknown }, { code: -32600, message: `thread not loaded: ${unknown}` }],
      ['thread/items/list', { threadId: unknown }, { code: -32601, message: 'thread/items/list is not supported yet' }],
      ['turn/start', { threadId: unknown, input: [{ type: 'text', text: 'hi', text_elements: [] }] }, { code: -32600, message: `thread not found: ${unknown}` }],
      ['turn/interrupt', { threadId: unknown, turnId: 't' }, { code: -32600, message: `thread not found: ${unknown}` }],
      ['thread/read', { threadId: malformed }, { code: -32600, message: `invalid thread id: ${found}` }],
      ['thread/resume', { threadId: malformed }, { code: -32600, message: `invalid session id: ${found}` }],
      ['thread/readState/update', { threadId: malformed, operation: { type: 'read' }, expectedRevision: '1' }, { code: -32602, message: `invalid thread id: ${found}` }],
      ['turn/start', { threadId: malformed, input: [] }, { code: -32600, message: `invalid thread id: ${found}` }],
    ]
    for (const [method, params, expected] of cases) {
      expect({ method, error: await callError(client, method, params) }).toEqual({ method, error: expected })
    }
    expect(await call(client, 'thread/unsubscribe', { threadId: unknown })).toEqual({ status: 'notLoaded' })
  })
})
