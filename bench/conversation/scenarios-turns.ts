// Scenarios b–e: a command approval (accept, decline, cancel), interrupting a slow reply, steering
// one, and model failures (a failed stream, an HTTP 500 that codex retries).
import { randomUUID } from 'node:crypto'
import { lastInputItem, summarizeRequest, type RecordedRequest, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import { beginTurn, field, runTurn, startThread } from './client-steps.js'
import { sleep, type CodexRun } from './codex-run.js'
import type { Json, Message, RecordedConnection } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

const escalatedEcho: Reply = {
  kind: 'functionCall',
  name: 'exec_command',
  arguments: { cmd: 'echo approved-run', sandbox_permissions: 'require_escalated', justification: 'Run echo outside the sandbox?', prefix_rule: ['echo'] },
}

// After a tool's output the model says it is done; any other request asks for the command.
const approvalModel = (body: unknown): Reply => lastInputItem(body)?.type === 'function_call_output'
  ? { kind: 'text', text: 'The command ran.', deltas: 2 }
  : escalatedEcho

async function approvalRound(run: CodexRun, c1: RecordedConnection, decision: Json, label: string): Promise<void> {
  run.transcript.note(`approval answered ${JSON.stringify(decision)} (${label})`)
  const threadId = await startThread(c1, { approvalPolicy: 'on-request' })
  c1.onServerRequest = (message) => message.method === 'item/commandExecution/requestApproval' ? { decision } : undefined
  await runTurn(c1, threadId, `run echo (${label})`)
  await c1.request('thread/turns/list', { threadId, limit: 5, sortDirection: 'desc', itemsView: 'full' })
  await c1.request('thread/items/list', { threadId, limit: 100, sortDirection: 'asc' })
}

// Each failure turn's prompt names its plan: the replies given to the 1st, 2nd … request of that turn
// (the last one repeats).
const failurePlans: Record<string, Reply[]> = {
  'fail always': [{ kind: 'failed', message: 'fake response.failed', code: 'server_error' }],
  'fail with invalid_prompt': [{ kind: 'failed', message: 'fake invalid prompt', code: 'invalid_prompt' }, { kind: 'text', text: 'not reached', deltas: 1 }],
  'fail with context_length_exceeded': [{ kind: 'failed', message: 'fake context too long', code: 'context_length_exceeded' }, { kind: 'text', text: 'not reached', deltas: 1 }],
  'fail with insufficient_quota': [{ kind: 'failed', message: 'fake quota', code: 'insufficient_quota' }, { kind: 'text', text: 'not reached', deltas: 1 }],
  'http 500 once': [{ kind: 'httpError', status: 500 }, { kind: 'text', text: 'Recovered after a 500.', deltas: 2 }],
  'http 400': [{ kind: 'httpError', status: 400, body: { error: { message: 'fake bad request', type: 'invalid_request_error', code: null } } }],
  'fail midway once': [{ kind: 'failed', message: 'fake failure after two deltas', code: 'server_error', afterDeltas: ['Partial ', 'text'] }, { kind: 'text', text: 'Recovered after a failure.', deltas: 2 }],
  'cut midway once': [{ kind: 'cut', afterDeltas: ['Cut ', 'short'] }, { kind: 'text', text: 'Recovered after a cut stream.', deltas: 2 }],
}

function lastUserText(body: unknown): string {
  const input = ((body as { input?: unknown } | undefined)?.input ?? []) as Record<string, unknown>[]
  const user = [...input].reverse().find((item) => item.role === 'user')
  return String(((user?.content as Record<string, unknown>[] | undefined) ?? [])[0]?.text ?? '')
}

function failureModel(body: unknown, earlier: RecordedRequest[]): Reply | undefined {
  const prompt = lastUserText(body)
  const plan = failurePlans[prompt]
  if (!plan) return undefined
  const attempt = earlier.filter((request) => lastUserText(request.body) === prompt).length
  return plan[Math.min(attempt, plan.length - 1)]
}

const steerInput = (text: string): Json => [{ type: 'text', text, text_elements: [] }]

export const turnScenarios: Scenario[] = [
  {
    name: 'b-command-approval',
    description: 'the model asks for an escalated exec_command under approvalPolicy on-request + sandbox read-only; answered accept, then (new threads) decline, cancel, and acceptForSession',
    transport: 'stdio',
    choose: approvalModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      await approvalRound(run, c1, 'accept', 'accept')
      await approvalRound(run, c1, 'decline', 'decline')
      await approvalRound(run, c1, 'cancel', 'cancel')
      await approvalRound(run, c1, 'acceptForSession', 'acceptForSession')
    },
  },
  {
    name: 'b-command-approval-untrusted',
    description: 'approvalPolicy "untrusted" with a plain (not escalated) command: does codex ask, and with which params; answered accept',
    transport: 'stdio',
    choose: (body) => lastInputItem(body)?.type === 'function_call_output'
      ? { kind: 'text', text: 'Listed.', deltas: 1 }
      : { kind: 'functionCall', name: 'exec_command', arguments: { cmd: 'touch made-by-codex.txt' } },
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1, { approvalPolicy: 'untrusted', sandbox: 'workspace-write' })
      c1.onServerRequest = (message) => message.method === 'item/commandExecution/requestApproval' ? { decision: 'accept' } : undefined
      await runTurn(c1, threadId, 'create a file')
    },
  },
  {
    name: 'c-interrupt',
    description: 'a slow reply (20 deltas, 200 ms apart) interrupted mid-stream with turn/interrupt; then turn/interrupt again with no turn running, and with an unknown turn id',
    transport: 'stdio',
    replies: [{ kind: 'text', text: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty', deltas: 20, delayMs: 200 }, { kind: 'text', text: 'After the interrupt.', deltas: 2 }],
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1)
      const turnId = await beginTurn(c1, threadId, 'count slowly')
      await c1.waitFor((m) => m.method === 'item/agentMessage/delta', 10_000, 'a first delta')
      await sleep(500)
      const completed = c1.waitForNotification('turn/completed', 10_000)
      run.transcript.note('turn/interrupt mid-stream')
      await c1.request('turn/interrupt', { threadId, turnId: turnId ?? '' })
      await completed
      await sleep(300)
      run.transcript.note('turn/interrupt again: same turn id (no turn running), then an unknown turn id')
      await c1.request('turn/interrupt', { threadId, turnId: turnId ?? '' })
      await c1.request('turn/interrupt', { threadId, turnId: randomUUID() })
      run.transcript.note('history after the interrupt, then a next turn')
      await c1.request('thread/turns/list', { threadId, limit: 5, sortDirection: 'desc', itemsView: 'full' })
      await runTurn(c1, threadId, 'go on')
      const lastRequest = run.fake.requests.at(-1)
      run.transcript.note(`the next model request's input ends with: ${JSON.stringify(summarizeRequest(lastRequest?.body).inputItems.slice(-3))}`)
    },
  },
  {
    name: 'c-interrupt-during-approval',
    description: 'turn/interrupt while codex waits for a command approval (the request left unanswered); then the late answer to that request',
    transport: 'stdio',
    choose: approvalModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1, { approvalPolicy: 'on-request' })
      const asked = c1.waitFor((m) => m.method === 'item/commandExecution/requestApproval', 20_000, 'the approval request')
      const turnId = await beginTurn(c1, threadId, 'run echo, then be interrupted')
      const request = await asked
      await sleep(300)
      const completed = c1.waitForNotification('turn/completed', 10_000)
      run.transcript.note('turn/interrupt with the approval request unanswered')
      await c1.request('turn/interrupt', { threadId, turnId: turnId ?? '' })
      await completed
      await sleep(500)
      run.transcript.note('the late answer to the approval request')
      if (request) c1.send({ id: request.id!, result: { decision: 'accept' } })
      await sleep(500)
      await c1.request('thread/turns/list', { threadId, limit: 5, sortDirection: 'desc', itemsView: 'full' })
    },
  },
  {
    name: 'd-steer',
    description: 'turn/steer during a slow reply; turn/steer with a stale expectedTurnId while a turn runs; turn/steer with no turn running',
    transport: 'stdio',
    replies: [
      { kind: 'text', text: 'alpha beta gamma delta epsilon zeta eta theta iota kappa', deltas: 10, delayMs: 200 },
      { kind: 'text', text: 'Steered reply.', deltas: 2 },
    ],
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1)
      const turnId = await beginTurn(c1, threadId, 'say greek letters')
      await c1.waitFor((m) => m.method === 'item/agentMessage/delta', 10_000, 'a first delta')
      const completed = c1.waitForNotification('turn/completed', 30_000)
      run.transcript.note('turn/steer with the running turn id')
      await c1.request('turn/steer', { threadId, expectedTurnId: turnId ?? '', input: steerInput('also mention omega'), clientUserMessageId: randomUUID() })
      run.transcript.note('turn/steer with a stale expectedTurnId while the turn runs')
      await c1.request('turn/steer', { threadId, expectedTurnId: randomUUID(), input: steerInput('stale'), clientUserMessageId: randomUUID() })
      await completed
      await sleep(300)
      run.transcript.note('turn/steer with no turn running')
      await c1.request('turn/steer', { threadId, expectedTurnId: turnId ?? '', input: steerInput('too late'), clientUserMessageId: randomUUID() })
      await c1.request('thread/turns/list', { threadId, limit: 5, sortDirection: 'asc', itemsView: 'full' })
      for (const request of run.fake.requests.filter((r) => r.path === '/v1/responses')) {
        run.transcript.note(`model request input ends with: ${JSON.stringify(summarizeRequest(request.body).inputItems.slice(-3))}`)
      }
    },
  },
  {
    name: 'e-failure',
    description: 'model failures, one turn each: response.failed every time (retries exhausted); non-retryable response.failed codes; HTTP 500 once then success; HTTP 400; a failure and a cut stream after two deltas, then success',
    transport: 'stdio',
    choose: failureModel,
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1)
      for (const prompt of Object.keys(failurePlans)) {
        run.transcript.note(`turn "${prompt}"`)
        await runTurn(c1, threadId, prompt, {}, 90_000)
        await sleep(200)
      }
      await c1.request('thread/turns/list', { threadId, limit: 20, sortDirection: 'asc', itemsView: 'full' })
      await c1.request('thread/read', { threadId })
    },
  },
]
