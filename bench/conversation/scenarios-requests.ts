// Scenarios j (server→client requests seen by several subscribers: who is asked, who wins, what the
// others hear, bad answers, a subscriber dropping with a request pending, a late subscriber) and
// k (review/start: each target, the delivery values, bad targets).
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lastInputItem, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import { beginTurn, runTurn, startThread } from './client-steps.js'
import { sleep, type CodexRun } from './codex-run.js'
import type { Json, Message, RecordedConnection } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

const escalatedEcho: Reply = {
  kind: 'functionCall',
  name: 'exec_command',
  arguments: { cmd: 'echo approved-run', sandbox_permissions: 'require_escalated', justification: 'Run echo outside the sandbox?', prefix_rule: ['echo'] },
}

const approvalModel = (body: unknown): Reply => lastInputItem(body)?.type === 'function_call_output'
  ? { kind: 'text', text: 'The command ran.', deltas: 2 }
  : escalatedEcho

const isApproval = (message: Message) => message.method === 'item/commandExecution/requestApproval'

/** Starts a turn that asks for an approval; resolves once each connection in `asked` got it (or timed out). */
async function turnAskingApproval(starter: RecordedConnection, threadId: string, asked: RecordedConnection[], label: string) {
  const requests = asked.map((connection) => connection.waitFor(isApproval, 8_000, `the approval request (${label})`))
  const completed = starter.waitForNotification('turn/completed', 30_000, (params) => params.threadId === threadId)
  const turnId = await beginTurn(starter, threadId, `run echo (${label})`)
  return { turnId, requests: await Promise.all(requests), completed }
}

const json = (value: unknown) => JSON.stringify(value)

export const requestScenarios: Scenario[] = [
  {
    name: 'j-server-requests',
    description: 'an approval request with two subscribers (who is asked, with which ids, who wins, serverRequest/resolved); bad answers (wrong shape, twice, after resolution, unknown id, JSON-RPC error); a subscriber dropping with the request pending; a client subscribing while a request is pending',
    transport: 'ws',
    choose: approvalModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const c2 = await run.connect('c2')
      await c2.initialize(true)
      const c3 = await run.connect('c3')
      await c3.initialize(true)
      const threadId = await startThread(c1, { approvalPolicy: 'on-request' })
      run.transcript.note('a first turn (answered accept by c1) so that the thread is stored and c2 can resume it')
      c1.onServerRequest = (message) => isApproval(message) ? { decision: 'accept' } : undefined
      await runTurn(c1, threadId, 'run echo (first turn)')
      c1.onServerRequest = () => undefined
      await c2.request('thread/resume', { threadId, excludeTurns: true })

      run.transcript.note('round 1: two subscribers; c2 answers accept first, c1 answers decline after')
      let round = await turnAskingApproval(c1, threadId, [c1, c2], 'two subscribers')
      const [r1a, r1b] = round.requests
      await sleep(300)
      if (r1b) c2.send({ id: r1b.id!, result: { decision: 'accept' } })
      await sleep(500)
      if (r1a) c1.send({ id: r1a.id!, result: { decision: 'decline' } })
      await round.completed
      await sleep(300)

      run.transcript.note('round 2: c1 answers with the wrong shape, then again correctly, then an id nobody asked for')
      round = await turnAskingApproval(c1, threadId, [c1, c2], 'wrong shape')
      const [r2a] = round.requests
      await sleep(300)
      if (r2a) c1.send({ id: r2a.id!, result: { decision: 'maybe' } })
      await sleep(1000)
      if (r2a) c1.send({ id: r2a.id!, result: { decision: 'accept' } })
      await sleep(500)
      c1.send({ id: 4242, result: { decision: 'accept' } })
      c1.send({ id: 'not-a-request', result: {} })
      const r2c = await c2.waitFor(isApproval, 1_500, 'a second request after the wrong shape')
      if (r2c) c2.send({ id: r2c.id!, result: { decision: 'accept' } })
      await round.completed
      await sleep(300)

      run.transcript.note('round 3: c1 answers with a JSON-RPC error')
      round = await turnAskingApproval(c1, threadId, [c1, c2], 'error answer')
      const [r3a] = round.requests
      await sleep(300)
      if (r3a) c1.send({ id: r3a.id!, error: { code: -32000, message: 'the client refuses' } })
      await round.completed
      await sleep(300)

      run.transcript.note('round 4: c1 (the turn starter) drops with the request pending; c2 stays subscribed')
      round = await turnAskingApproval(c1, threadId, [c1, c2], 'starter drops')
      await sleep(300)
      const completedForC2 = c2.waitForNotification('turn/completed', 3_000, (params) => params.threadId === threadId)
      c1.closeTransport()
      await sleep(1500)
      run.transcript.note('round 4: c2 answers its copy after c1 dropped')
      const [, r4b] = round.requests
      if (r4b) c2.send({ id: r4b.id!, result: { decision: 'accept' } })
      await completedForC2
      await sleep(500)

      run.transcript.note('round 5: c2 alone starts a turn; c3 subscribes (thread/resume) while the request is pending')
      const completed5 = c2.waitForNotification('turn/completed', 20_000, (params) => params.threadId === threadId)
      const asked2 = c2.waitFor(isApproval, 8_000, 'the approval request (round 5)')
      const asked3 = c3.waitFor(isApproval, 5_000, 'a replayed approval request (round 5)')
      await beginTurn(c2, threadId, 'run echo (late subscriber)')
      const r5b = await asked2
      await sleep(300)
      await c3.request('thread/resume', { threadId, excludeTurns: true })
      const r5c = await asked3
      await sleep(300)
      run.transcript.note('round 5: c2, the only subscriber that was asked, drops; then c3 answers')
      c2.closeTransport()
      await sleep(1500)
      if (r5c) c3.send({ id: r5c.id!, result: { decision: 'accept' } })
      else if (r5b) c3.send({ id: r5b.id!, result: { decision: 'accept' } })
      const done = await c3.waitForNotification('turn/completed', 5_000, (params) => params.threadId === threadId)
      if (!done) await completed5
      await sleep(500)

      run.transcript.note('round 6: c3 alone, drops with the request pending; a new connection resumes the thread')
      const asked6 = c3.waitFor(isApproval, 8_000, 'the approval request (round 6)')
      await beginTurn(c3, threadId, 'run echo (last subscriber drops)')
      await asked6
      await sleep(300)
      c3.closeTransport()
      await sleep(2000)
      const c4 = await run.connect('c4')
      await c4.initialize(true)
      const asked4 = c4.waitFor(isApproval, 3_000, 'a replayed approval request (round 6)')
      await c4.request('thread/resume', { threadId, excludeTurns: true })
      const r6 = await asked4
      await c4.request('thread/read', { threadId, includeTurns: false })
      if (r6) {
        const completed6 = c4.waitForNotification('turn/completed', 10_000, (params) => params.threadId === threadId)
        c4.send({ id: r6.id!, result: { decision: 'accept' } })
        await completed6
      } else {
        const completed6 = c4.waitForNotification('turn/completed', 10_000, (params) => params.threadId === threadId)
        const turns = await c4.request('thread/turns/list', { threadId, limit: 1, sortDirection: 'desc' })
        const running = ((turns.result as Message | undefined)?.data as Message[] | undefined)?.[0]
        run.transcript.note(`round 6: no replay; interrupting turn ${json(running?.id)}`)
        await c4.request('turn/interrupt', { threadId, turnId: (running?.id ?? '') as Json })
        await completed6
      }
      await sleep(300)
      c4.closeTransport()
    },
  },
  {
    name: 'k-review',
    description: 'review/start on a git workspace: uncommittedChanges, baseBranch, commit, custom (inline); delivery detached; bad targets (empty branch, sha, instructions); unknown and malformed thread ids',
    transport: 'stdio',
    choose: (body) => json(body).includes('count slowly') && !json(body).includes('Review the') ? { kind: 'text', text: 'one two three four five six seven eight nine ten', deltas: 10, delayMs: 300 } : ({
      kind: 'text',
      deltas: 2,
      text: json({ findings: [], overall_correctness: 'patch is correct', overall_explanation: `Reviewed ${String(json(body).length)} chars of input; nothing to flag.`, overall_confidence_score: 0.5 }),
    }),
    run: async (run: CodexRun) => {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: run.workspace, stdio: 'pipe' })
      git('init', '-q', '-b', 'main')
      git('-c', 'user.email=r@example.com', '-c', 'user.name=recorder', 'add', '.')
      git('-c', 'user.email=r@example.com', '-c', 'user.name=recorder', 'commit', '-q', '-m', 'first')
      writeFileSync(join(run.workspace, 'README.md'), 'a workspace for recording codex\nwith a change\n')
      const sha = String(git('rev-parse', 'HEAD')).trim()
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1)
      const review = async (label: string, params: Json) => {
        run.transcript.note(label)
        const completed = c1.waitForNotification('turn/completed', 20_000)
        const outcome = await c1.request('review/start', params)
        if (!outcome.error) await completed
        await sleep(300)
        return outcome
      }
      await review('uncommittedChanges, delivery absent', { threadId, target: { type: 'uncommittedChanges' } })
      await review('baseBranch main, delivery inline', { threadId, target: { type: 'baseBranch', branch: 'main' }, delivery: 'inline' })
      await review('commit with a title', { threadId, target: { type: 'commit', sha, title: 'first' } })
      await review('custom instructions', { threadId, target: { type: 'custom', instructions: 'Look for typos.' } })
      await review('delivery detached', { threadId, target: { type: 'custom', instructions: 'Detached review.' }, delivery: 'detached' })
      run.transcript.note('bad targets and ids')
      await c1.request('review/start', { threadId, target: { type: 'baseBranch', branch: '' } })
      await c1.request('review/start', { threadId, target: { type: 'baseBranch', branch: '   ' } })
      await c1.request('review/start', { threadId, target: { type: 'commit', sha: '' } })
      await c1.request('review/start', { threadId, target: { type: 'custom', instructions: '' } })
      await c1.request('review/start', { threadId, target: { type: 'nonsense' } })
      await c1.request('review/start', { threadId: randomUUID(), target: { type: 'uncommittedChanges' } })
      await c1.request('review/start', { threadId: 'not-a-uuid', target: { type: 'uncommittedChanges' } })
      await c1.request('review/start', { threadId, target: { type: 'commit', sha: 'deadbeef' } })
      await sleep(3000)
      await c1.request('thread/turns/list', { threadId, limit: 20, sortDirection: 'asc', itemsView: 'full' })

      run.transcript.note('review/start while a turn streams')
      const busy = c1.waitForNotification('turn/completed', 20_000)
      await beginTurn(c1, threadId, 'count slowly')
      await c1.waitFor((m) => m.method === 'item/agentMessage/delta', 10_000, 'a first delta')
      await c1.request('review/start', { threadId, target: { type: 'custom', instructions: 'Review while busy.' } })
      await busy
      await sleep(3000)
      run.transcript.note('turn/interrupt right after review/start')
      const reviewDone = c1.waitForNotification('turn/completed', 20_000)
      const started = await c1.request('review/start', { threadId, target: { type: 'custom', instructions: 'Interrupted review.' } })
      const reviewTurn = (started.result as Message | undefined)?.turn as Message | undefined
      await c1.request('turn/interrupt', { threadId, turnId: (reviewTurn?.id ?? '') as Json })
      await reviewDone
      await sleep(1000)
      await c1.request('thread/turns/list', { threadId, limit: 4, sortDirection: 'desc', itemsView: 'full' })
    },
  },
]
