// Scenario i (thread management): thread/goal/*, thread/section/move, thread/revert and
// thread/delete on loaded, unloaded, archived, unknown and malformed threads, seen from three
// websocket connections (c3 never subscribes: what it hears goes to every connection).
import { randomUUID } from 'node:crypto'
import { beginTurn, field, runTurn, startThread } from './client-steps.js'
import { sleep } from './codex-run.js'
import { lastInputItem, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import type { Scenario } from './scenarios.js'

const promptModel = (body: unknown): Reply => {
  const text = JSON.stringify(lastInputItem(body)?.content ?? '')
  return text.includes('slow')
    ? { kind: 'text', text: 'a slow reply streamed in fifteen small pieces for the test', deltas: 15, delayMs: 200 }
    : { kind: 'text', text: 'Short reply.', deltas: 2 }
}

export const manageScenarios: Scenario[] = [
  {
    name: 'i-thread-manage',
    description: 'goal set/get/clear, section/move, revert and delete: success, unknown/malformed/archived/unloaded threads, a running turn; who hears which notification',
    transport: 'ws',
    choose: promptModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      const c2 = await run.connect('c2')
      const c3 = await run.connect('c3')
      await c1.initialize(true)
      await c2.initialize(true)
      await c3.initialize(true)
      const settle = () => sleep(300)
      const unknown = randomUUID()
      const threadId = await startThread(c1)
      const turn1 = await runTurn(c1, threadId, 'hello')
      const turn2 = await runTurn(c1, threadId, 'second')
      const turn3 = await runTurn(c1, threadId, 'third')
      await c2.request('thread/resume', { threadId })
      await settle()

      run.transcript.note('goals')
      await c1.request('thread/goal/get', { threadId })
      await c1.request('thread/goal/clear', { threadId })
      await settle()
      await c1.request('thread/goal/set', { threadId, status: 'paused' })
      await settle()
      await c1.request('thread/goal/set', { threadId, objective: 'Ship the feature' })
      await settle()
      await c1.request('thread/goal/set', { threadId, status: 'paused', tokenBudget: 5000, origin: 'user' })
      await settle()
      await c1.request('thread/goal/set', { threadId, objective: '' })
      await c1.request('thread/goal/set', { threadId, tokenBudget: -1 })
      await c1.request('thread/goal/set', { threadId, objective: 'Second objective' })
      await settle()
      await c1.request('thread/goal/get', { threadId })
      await c1.request('thread/read', { threadId })
      await c1.request('thread/goal/clear', { threadId, origin: 'user' })
      await settle()
      await c1.request('thread/goal/clear', { threadId })
      await c1.request('thread/goal/get', { threadId })
      await c1.request('thread/goal/set', { threadId, objective: 'Kept goal', status: 'complete' })
      await settle()
      for (const id of [unknown, 'not-a-uuid']) {
        await c1.request('thread/goal/set', { threadId: id, objective: 'x' })
        await c1.request('thread/goal/clear', { threadId: id })
        await c1.request('thread/section/move', { threadId: id, sectionId: null })
        await c1.request('thread/revert', { threadId: id, beforeTurnId: turn2 ?? '' })
      }

      run.transcript.note('sections')
      await c1.request('thread/section/move', { threadId, sectionId: null })
      await settle()
      await c1.request('thread/section/move', { threadId, sectionId: 'no-such-section' })
      await c1.request('thread/section/move', { threadId, sectionId: randomUUID() })
      const created = await c1.request('thread/section/create', { name: 'Work' })
      const sectionId = field(created, 'section', 'id') ?? null
      await settle()
      if (sectionId) {
        await c1.request('thread/section/move', { threadId, sectionId })
        await settle()
        await c1.request('thread/read', { threadId })
        await c1.request('thread/section/move', { threadId, sectionId, beforeThreadId: unknown })
        await c1.request('thread/section/move', { threadId, sectionId: null })
        await settle()
      }

      run.transcript.note('revert')
      await c1.request('thread/revert', { threadId, beforeTurnId: 'not-a-turn' })
      await c1.request('thread/revert', { threadId, beforeTurnId: randomUUID() })
      await c1.request('thread/revert', { threadId, beforeTurnId: turn3 ?? '' })
      await settle()
      await c1.request('thread/read', { threadId, includeTurns: true })
      await c1.request('thread/revert', { threadId, beforeTurnId: turn3 ?? '' })
      run.transcript.note('revert while a turn runs')
      const running = await beginTurn(c1, threadId, 'slow please')
      const done = c1.waitForNotification('turn/completed', 20_000, (params) => params.threadId === threadId)
      await c1.request('thread/revert', { threadId, beforeTurnId: turn2 ?? '' })
      await c1.request('thread/revert', { threadId, beforeTurnId: running ?? '' })
      await c1.request('turn/interrupt', { threadId, turnId: running ?? '' })
      await done
      await settle()
      await c1.request('thread/revert', { threadId, beforeTurnId: turn1 ?? '' })
      await settle()
      await c1.request('thread/read', { threadId, includeTurns: true })
      await c1.request('thread/goal/get', { threadId })

      run.transcript.note('a thread never materialized (no turn)')
      const fresh = await startThread(c1)
      await c1.request('thread/goal/set', { threadId: fresh, objective: 'fresh' })
      await c1.request('thread/section/move', { threadId: fresh, sectionId: null })
      await c1.request('thread/revert', { threadId: fresh, beforeTurnId: randomUUID() })
      await c1.request('thread/delete', { threadId: fresh })
      await settle()

      run.transcript.note('archived thread, then unarchived (unloaded)')
      const other = await startThread(c1)
      const otherTurn = await runTurn(c1, other, 'other hello')
      await c1.request('thread/goal/set', { threadId: other, objective: 'other goal' })
      await c1.request('thread/archive', { threadId: other })
      await settle()
      await c1.request('thread/goal/get', { threadId: other })
      await c1.request('thread/goal/set', { threadId: other, objective: 'x' })
      await c1.request('thread/goal/clear', { threadId: other })
      await c1.request('thread/section/move', { threadId: other, sectionId: null })
      await c1.request('thread/revert', { threadId: other, beforeTurnId: otherTurn ?? '' })
      await c1.request('thread/unarchive', { threadId: other })
      await settle()
      await c1.request('thread/goal/get', { threadId: other })
      await c1.request('thread/goal/set', { threadId: other, objective: 'unloaded goal' })
      await settle()
      await c1.request('thread/loaded/list', {})
      await c1.request('thread/archive', { threadId: other })
      await c1.request('thread/unarchive', { threadId: other })
      await settle()
      await c1.request('thread/section/move', { threadId: other, sectionId: null })
      await settle()
      await c1.request('thread/revert', { threadId: other, beforeTurnId: otherTurn ?? '' })
      await settle()
      await c1.request('thread/loaded/list', {})

      run.transcript.note('delete: loaded thread with two subscribers')
      await c1.request('thread/delete', { threadId })
      await settle()
      await c1.request('thread/read', { threadId })
      await c1.request('thread/goal/get', { threadId })
      await c1.request('thread/delete', { threadId })
      await c1.request('thread/list', {})
      await c1.request('thread/loaded/list', {})
      run.transcript.note('delete: archived thread, then unloaded thread')
      const third = await startThread(c1)
      await runTurn(c1, third, 'third hello')
      await c1.request('thread/archive', { threadId: third })
      await settle()
      await c1.request('thread/delete', { threadId: third })
      await settle()
      await c1.request('thread/list', { archived: true })
      await c1.request('thread/archive', { threadId: other })
      await c1.request('thread/unarchive', { threadId: other })
      await settle()
      await c1.request('thread/delete', { threadId: other })
      await settle()
      await c1.request('thread/list', {})
      run.transcript.note('delete while a turn runs')
      const busy = await startThread(c1)
      await beginTurn(c1, busy, 'slow please')
      await c1.request('thread/delete', { threadId: busy })
      await sleep(1500)
      await c1.request('thread/list', {})
      c1.closeTransport()
      c2.closeTransport()
      c3.closeTransport()
    },
  },
  {
    name: 'i-thread-goal-resume',
    description: 'what thread/resume says about a goal that exists (loaded thread, then after archive/unarchive unloaded it)',
    transport: 'ws',
    choose: promptModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      const c2 = await run.connect('c2')
      await c1.initialize(true)
      await c2.initialize(true)
      const threadId = await startThread(c1)
      await runTurn(c1, threadId, 'hello')
      await c1.request('thread/goal/set', { threadId, objective: 'Resumed goal', status: 'paused' })
      await sleep(300)
      run.transcript.note('c2 resumes the loaded thread that has a goal')
      await c2.request('thread/resume', { threadId })
      await sleep(300)
      await c1.request('thread/archive', { threadId })
      await c1.request('thread/unarchive', { threadId })
      await sleep(300)
      run.transcript.note('c2 resumes it again, unloaded')
      await c2.request('thread/resume', { threadId, excludeTurns: true })
      await sleep(300)
      c1.closeTransport()
      c2.closeTransport()
    },
  },
]
