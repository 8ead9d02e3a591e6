// Scenarios f (thread lifecycle seen from two websocket connections) and g (bad input: unknown and
// malformed ids, out-of-turn requests, cursors never issued, a history file damaged on disk).
import { randomUUID } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { lastInputItem, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import { beginTurn, field, runTurn, startThread } from './client-steps.js'
import { sleep, type CodexRun } from './codex-run.js'
import type { Json, RecordedConnection } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

// A prompt containing "slow" gets a reply streamed over ~3 s; anything else a short one.
const promptModel = (body: unknown): Reply => {
  const item = lastInputItem(body)
  const text = JSON.stringify(item?.content ?? '')
  return text.includes('slow')
    ? { kind: 'text', text: 'a slow reply streamed in fifteen small pieces for the test', deltas: 15, delayMs: 200 }
    : { kind: 'text', text: 'Short reply.', deltas: 2 }
}

const userText = (text: string): Json => [{ type: 'text', text, text_elements: [] }]

/** Every thread/* and turn/* method the conversation engine serves, with otherwise valid params. */
function threadMethodCalls(threadId: Json | undefined): [string, Json][] {
  const base: { [key: string]: Json } = threadId === undefined ? {} : { threadId }
  return [
    ['thread/read', { ...base, includeTurns: false }],
    ['thread/resume', { ...base }],
    ['thread/fork', { ...base }],
    ['thread/archive', { ...base }],
    ['thread/unarchive', { ...base }],
    ['thread/unsubscribe', { ...base }],
    ['thread/name/set', { ...base, name: 'A name' }],
    ['thread/goal/get', { ...base }],
    ['thread/metadata/update', { ...base, gitInfo: { branch: 'main' } }],
    ['thread/readState/update', { ...base, operation: { type: 'read' }, expectedRevision: '1' }],
    ['thread/backgroundTerminals/list', { ...base }],
    ['thread/turns/list', { ...base }],
    ['thread/items/list', { ...base }],
    ['thread/inject_items', { ...base, items: [] }],
    ['thread/compact/start', { ...base }],
    ['thread/delete', { ...base }],
    ['turn/start', { ...base, input: userText('hi') }],
    ['turn/steer', { ...base, expectedTurnId: randomUUID(), input: userText('hi') }],
    ['turn/interrupt', { ...base, turnId: randomUUID() }],
  ]
}

async function badIds(run: CodexRun, c1: RecordedConnection): Promise<void> {
  const unknown = randomUUID()
  run.transcript.note('an unknown but well-formed thread id')
  for (const [method, params] of threadMethodCalls(unknown)) await c1.request(method, params)
  run.transcript.note('malformed thread id "not-a-uuid"')
  for (const [method, params] of threadMethodCalls('not-a-uuid')) await c1.request(method, params)
  run.transcript.note('threadId missing')
  for (const [method, params] of threadMethodCalls(undefined)) await c1.request(method, params)
  run.transcript.note('threadId of the wrong type (a number)')
  await c1.request('thread/read', { threadId: 42 })
  await c1.request('turn/start', { threadId: 42, input: userText('hi') })
  run.transcript.note('params missing altogether / not an object')
  await c1.request('thread/read')
  await c1.request('thread/read', [] as Json)
}

export const threadScenarios: Scenario[] = [
  {
    name: 'g-bad-input',
    description: 'unknown, malformed and missing thread ids for every thread/* and turn/* method; turn/start while a turn runs; steer/interrupt with another thread\'s turn; cursors never issued; resume of an archived thread; a rollout file truncated, corrupted or deleted on disk',
    transport: 'stdio',
    choose: promptModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      await badIds(run, c1)

      run.transcript.note('two threads with one turn each')
      const main = await startThread(c1)
      await runTurn(c1, main, 'hello')
      const other = await startThread(c1)
      const otherTurn = await runTurn(c1, other, 'hello other')

      run.transcript.note('turn/start while a turn runs; steer and interrupt naming the other thread\'s turn')
      const running = await beginTurn(c1, main, 'slow please')
      const done = c1.waitForNotification('turn/completed', 20_000, (params) => params.threadId === main)
      await c1.request('turn/start', { threadId: main, input: userText('second while running') })
      await c1.request('turn/steer', { threadId: main, expectedTurnId: otherTurn ?? '', input: userText('steer with other turn') })
      await c1.request('turn/interrupt', { threadId: main, turnId: otherTurn ?? '' })
      await c1.request('thread/items/list', { threadId: main, turnId: otherTurn ?? '' })
      await c1.request('thread/fork', { threadId: main, lastTurnId: otherTurn ?? '' })
      await c1.request('turn/interrupt', { threadId: main, turnId: running ?? '' })
      await done

      run.transcript.note('turn/start while a turn streams, then let the turn finish')
      const streaming = c1.waitForNotification('turn/completed', 30_000, (params) => params.threadId === main)
      await beginTurn(c1, main, 'slow again please')
      await c1.waitFor((m) => m.method === 'item/agentMessage/delta', 10_000, 'a first delta')
      await c1.request('turn/start', { threadId: main, clientUserMessageId: randomUUID(), input: userText('sent while streaming') })
      await streaming
      await sleep(1500)
      await c1.request('thread/turns/list', { threadId: main, limit: 3, sortDirection: 'desc', itemsView: 'full' })

      run.transcript.note('cursors never issued')
      await c1.request('thread/turns/list', { threadId: main, cursor: 'bogus' })
      await c1.request('thread/turns/list', { threadId: main, cursor: JSON.stringify({ requestedThreadId: other, rolloutOrdinal: 1, includeAnchor: true, scope: { kind: 'turns' } }) })
      await c1.request('thread/turns/list', { threadId: main, cursor: JSON.stringify({ requestedThreadId: main, rolloutOrdinal: 999, includeAnchor: false, scope: { kind: 'turns' } }) })
      await c1.request('thread/items/list', { threadId: main, cursor: 'bogus' })
      await c1.request('thread/items/list', { threadId: main, cursor: JSON.stringify({ requestedThreadId: main, rolloutOrdinal: 1, includeAnchor: false, scope: { kind: 'turns' } }) })
      await c1.request('thread/list', { cursor: 'bogus' })
      await c1.request('thread/loaded/list', { cursor: 'bogus' })
      await c1.request('thread/turns/list', { threadId: main, limit: 0 })
      await c1.request('thread/items/list', { threadId: main, limit: 0 })
      await c1.request('thread/list', { limit: 0 })

      run.transcript.note('thread/list and thread/loaded/list one at a time, following the cursors both ways')
      let listCursor: Json | undefined = null
      for (let page = 0; page < 4 && listCursor !== undefined; page++) {
        const listed = await c1.request('thread/list', { limit: 1, cursor: listCursor })
        listCursor = field(listed, 'nextCursor') ?? undefined
        const back = field(listed, 'backwardsCursor')
        if (page === 1 && back) await c1.request('thread/list', { limit: 1, cursor: back, sortDirection: 'asc' })
      }
      const loaded = await c1.request('thread/loaded/list', { limit: 1 })
      const loadedNext = field(loaded, 'nextCursor')
      if (loadedNext) await c1.request('thread/loaded/list', { limit: 1, cursor: loadedNext })

      run.transcript.note('archived thread: resume, read, turn/start, archive again')
      await c1.request('thread/archive', { threadId: other })
      await c1.request('thread/resume', { threadId: other })
      await c1.request('thread/read', { threadId: other })
      await c1.request('turn/start', { threadId: other, input: userText('to an archived thread') })
      await c1.request('thread/archive', { threadId: other })
      await c1.request('thread/unarchive', { threadId: main })

      run.transcript.note('rollout files damaged on disk, after unsubscribing (the threads stay loaded)')
      const damaged: { label: string; damage: (path: string) => void }[] = [
        { label: 'truncated mid-line', damage: (path) => { const text = readFileSync(path, 'utf8'); writeFileSync(path, text.slice(0, Math.floor(text.length * 0.7))) } },
        { label: 'garbage appended', damage: (path) => writeFileSync(path, `${readFileSync(path, 'utf8')}this is not json\n`) },
        { label: 'replaced by garbage', damage: (path) => writeFileSync(path, 'this is not json\n{"also": "not a rollout line"}\n') },
        { label: 'deleted', damage: (path) => rmSync(path) },
      ]
      for (const { label, damage } of damaged) {
        const threadId = await startThread(c1)
        await runTurn(c1, threadId, `hello ${label}`)
        const read = await c1.request('thread/read', { threadId })
        const path = String(field(read, 'thread', 'path'))
        await c1.request('thread/unsubscribe', { threadId })
        await sleep(300)
        run.transcript.note(`rollout ${label}`)
        damage(path)
        await c1.request('thread/read', { threadId })
        await c1.request('thread/turns/list', { threadId })
        await c1.request('thread/resume', { threadId, excludeTurns: true })
        await c1.request('thread/turns/list', { threadId })
        await c1.request('thread/list', {})
      }
    },
  },
  {
    name: 'f-lifecycle',
    description: 'three websocket connections (c3 never subscribes, it only listens): name/set, metadata/update, readState/update, goal/get, backgroundTerminals/list, inject_items, a turn, fork, archive/unarchive, unsubscribe (all three statuses), resume of an unloaded thread with excludeTurns — who receives which notification',
    transport: 'ws',
    choose: promptModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      const c2 = await run.connect('c2')
      // c3 only listens: what it receives is what codex sends to every connection.
      const c3 = await run.connect('c3')
      await c1.initialize(true)
      await c2.initialize(true)
      await c3.initialize(true)
      const settle = () => sleep(250)
      const threadId = await startThread(c1)
      await settle()
      run.transcript.note('c1 runs a first turn; c2 not subscribed yet')
      await runTurn(c1, threadId, 'hello')
      await settle()
      run.transcript.note('c2 subscribes with thread/resume (thread loaded)')
      await c2.request('thread/resume', { threadId })
      await settle()
      await c1.request('thread/loaded/list', {})
      run.transcript.note('c1 thread/name/set')
      await c1.request('thread/name/set', { threadId, name: 'Lifecycle thread' })
      await settle()
      run.transcript.note('c1 thread/metadata/update')
      await c1.request('thread/metadata/update', { threadId, gitInfo: { branch: 'feature/x', sha: null, originUrl: null } })
      await settle()
      run.transcript.note('c1 thread/readState/update (current revision, then a stale one, then unread)')
      const read = await c1.request('thread/read', { threadId })
      const revision = field(read, 'readState', 'revision') ?? null
      await c1.request('thread/readState/update', { threadId, operation: { type: 'read' }, expectedRevision: revision })
      await settle()
      await c1.request('thread/readState/update', { threadId, operation: { type: 'read' }, expectedRevision: revision })
      const reread = await c1.request('thread/read', { threadId })
      await c1.request('thread/readState/update', { threadId, operation: { type: 'unread' }, expectedRevision: field(reread, 'readState', 'revision') ?? null })
      await settle()
      run.transcript.note('c1 thread/goal/get, thread/backgroundTerminals/list')
      await c1.request('thread/goal/get', { threadId })
      await c1.request('thread/backgroundTerminals/list', { threadId })
      run.transcript.note('c1 thread/inject_items (a user message and an assistant message)')
      await c1.request('thread/inject_items', {
        threadId,
        items: [
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'injected user text' }] },
          { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'injected assistant text' }] },
        ],
      })
      await settle()
      await c1.request('thread/items/list', { threadId, limit: 100, sortDirection: 'asc' })
      run.transcript.note('c1 runs a turn while c2 is subscribed')
      await runTurn(c1, threadId, 'second turn')
      await settle()
      run.transcript.note('c1 thread/fork')
      const fork = await c1.request('thread/fork', { threadId })
      await settle()
      const forkId = field(fork, 'thread', 'id')
      run.transcript.note('unsubscribe: c2 (unsubscribed), c2 again (notSubscribed), c1 (unsubscribed, last subscriber), c1 again')
      await c2.request('thread/unsubscribe', { threadId })
      await settle()
      await c2.request('thread/unsubscribe', { threadId })
      await c1.request('thread/unsubscribe', { threadId })
      await sleep(1000)
      await c1.request('thread/unsubscribe', { threadId })
      await c1.request('thread/loaded/list', {})
      await c1.request('thread/read', { threadId })
      if (forkId) await c1.request('thread/unsubscribe', { threadId: forkId })
      await settle()
      run.transcript.note('c1 thread/resume with excludeTurns after every connection unsubscribed (the thread is still loaded), then paging with its cursors')
      const resumed = await c1.request('thread/resume', { threadId, excludeTurns: true })
      await settle()
      const turnsCursor = field(resumed, 'turnsBackwardsCursor')
      const itemsCursor = field(resumed, 'itemsBackwardsCursor')
      await c1.request('thread/turns/list', { threadId, cursor: turnsCursor ?? null, limit: 5, sortDirection: 'desc', itemsView: 'notLoaded' })
      await c1.request('thread/items/list', { threadId, cursor: itemsCursor ?? null, limit: 100, sortDirection: 'desc' })
      run.transcript.note('c2 resumes too (already loaded), without excludeTurns')
      await c2.request('thread/resume', { threadId })
      await settle()
      run.transcript.note('c1 thread/archive (loaded, both subscribed), thread/list archived, thread/loaded/list, thread/unarchive')
      await c1.request('thread/archive', { threadId })
      await settle()
      await c1.request('thread/list', { archived: true })
      await c1.request('thread/loaded/list', {})
      await c1.request('thread/unarchive', { threadId })
      await settle()
      await c1.request('thread/loaded/list', {})
      run.transcript.note('c1 thread/resume with excludeTurns of the thread, now unloaded (archive unloaded it), then paging')
      const reloaded = await c1.request('thread/resume', { threadId, excludeTurns: true })
      await settle()
      await c1.request('thread/turns/list', { threadId, cursor: field(reloaded, 'turnsBackwardsCursor') ?? null, limit: 5, sortDirection: 'desc', itemsView: 'notLoaded' })
      await c1.request('thread/items/list', { threadId, cursor: field(reloaded, 'itemsBackwardsCursor') ?? null, limit: 100, sortDirection: 'desc' })
      await c1.request('thread/loaded/list', {})
      await c1.request('thread/unsubscribe', { threadId })
      c1.closeTransport()
      c2.closeTransport()
      c3.closeTransport()
    },
  },
]
