// Scenario i: the thread actions a user triggers outside a turn: a shell command typed in the thread,
// compaction of its history, approving an action the automatic reviewer denied, and attachments
// (add, list, owners, remove), seen from a subscribed connection (c1) and another one (c2).
import { randomUUID } from 'node:crypto'
import { runTurn, startThread } from './client-steps.js'
import { sleep } from './codex-run.js'
import type { Json } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

/** Every request of this family with otherwise valid params, for the bad-id rounds. */
function actionCalls(threadId: Json | undefined): [string, Json][] {
  const base: { [key: string]: Json } = threadId === undefined ? {} : { threadId }
  return [
    ['thread/shellCommand', { ...base, command: 'echo hi' }],
    ['thread/compact/start', { ...base }],
    ['thread/approveGuardianDeniedAction', { ...base, event: {} }],
    ['thread/attachment/add', { ...base, attachmentType: 'ticket', identityKey: 'T-1', payload: { n: 1 } }],
    ['thread/attachment/list', { ...base }],
    ['thread/attachment/remove', { ...base, attachmentType: 'ticket', identityKey: 'T-1' }],
  ]
}

export const actionScenarios: Scenario[] = [
  {
    name: 'i-thread-actions',
    description: 'thread/shellCommand (idle thread, before any turn), thread/compact/start (the model answers the summary request), thread/approveGuardianDeniedAction with nothing denied, thread/attachment/* and attachmentOwner/list; bad ids for each',
    transport: 'ws',
    choose: () => ({ kind: 'text', text: 'Summary: the user said hello.', deltas: 2 }),
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const c2 = await run.connect('c2')
      await c2.initialize(true)

      run.transcript.note('bad ids')
      for (const [method, params] of actionCalls(randomUUID())) await c1.request(method, params)
      for (const [method, params] of actionCalls('not-a-uuid')) await c1.request(method, params)
      for (const [method, params] of actionCalls(undefined)) await c1.request(method, params)

      run.transcript.note('shell command on a thread with no turn yet')
      const fresh = await startThread(c1)
      await c1.request('thread/shellCommand', { threadId: fresh, command: 'echo before-any-turn' })
      await sleep(1500)
      await c1.request('thread/read', { threadId: fresh, includeTurns: true })

      run.transcript.note('shell command on a thread after one turn')
      const main = await startThread(c1)
      await runTurn(c1, main, 'hello')
      await c1.request('thread/shellCommand', { threadId: main, command: 'echo out; echo err >&2; exit 3' })
      await sleep(1500)
      await c1.request('thread/shellCommand', { threadId: main, command: 'printf "%s" "$PWD"', timeoutMs: 5000 })
      await sleep(1500)
      await c1.request('thread/shellCommand', { threadId: main, command: 'sleep 5', timeoutMs: 300 })
      await sleep(1500)
      await c1.request('thread/shellCommand', { threadId: main, command: '' })
      await sleep(500)
      await c1.request('thread/read', { threadId: main, includeTurns: true })

      run.transcript.note('compaction')
      await c1.request('thread/compact/start', { threadId: main })
      await sleep(3000)
      await c1.request('thread/read', { threadId: main, includeTurns: true })
      run.transcript.note('compaction of a thread with no turn')
      const empty = await startThread(c1)
      await c1.request('thread/compact/start', { threadId: empty })
      await sleep(2000)

      run.transcript.note('guardian: nothing was denied')
      await c1.request('thread/approveGuardianDeniedAction', { threadId: main, event: {} })
      await c1.request('thread/approveGuardianDeniedAction', { threadId: main, event: { id: 'x', status: 'denied' } })

      run.transcript.note('attachments')
      await c1.request('thread/attachment/add', { threadId: main, attachmentType: 'ticket', identityKey: 'T-1', payload: { title: 'first' } })
      await c1.request('thread/attachment/add', { threadId: main, attachmentType: 'ticket', identityKey: 'T-1', payload: { title: 'again' } })
      await c1.request('thread/attachment/add', { threadId: main, attachmentType: 'pr', identityKey: '7', payload: null })
      await c1.request('thread/attachment/add', { threadId: fresh, attachmentType: 'ticket', identityKey: 'T-1', payload: 1 })
      await c1.request('thread/attachment/add', { threadId: main, attachmentType: '', identityKey: '', payload: {} })
      await c1.request('thread/attachment/list', { threadId: main })
      await c1.request('thread/attachment/list', { threadId: main, limit: 1 })
      await c1.request('thread/attachment/list', { threadId: main, cursor: 'bogus' })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'T-1' })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'T-1', limit: 1 })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'nope' })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'ticket', identityKey: 'T-1', cursor: 'bogus' })
      await c1.request('thread/attachment/remove', { threadId: main, attachmentType: 'ticket', identityKey: 'T-1' })
      await c1.request('thread/attachment/remove', { threadId: main, attachmentType: 'ticket', identityKey: 'T-1' })
      await c1.request('thread/attachment/list', { threadId: main })
      await c1.request('thread/archive', { threadId: main })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'pr', identityKey: '7' })
      await c1.request('thread/attachmentOwner/list', { attachmentType: 'pr', identityKey: '7', archived: false })
      await c1.request('thread/attachment/list', { threadId: main })
      await c1.request('thread/attachment/add', { threadId: main, attachmentType: 'x', identityKey: 'y', payload: {} })
      await sleep(300)
    },
  },
]
