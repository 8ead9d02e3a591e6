// review/start against a real git workspace, in the order codex 0.169.0 sends a review
// (test/server/fixtures/codex-0.169.0/conversations/k-review.jsonl): the review turn's answer,
// the mode items, the inner reviewer turn, the review text, and codex's errors for bad targets.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempHome } from '../helpers/spawn-server.js'
import type { Received } from '../helpers/wire-client.js'
import { call, callError, ConversationHarness, startThread, untilTurnCompleted } from './conversation-harness.js'

let harness: ConversationHarness
let workspace: string
let head: string
beforeAll(async () => {
  harness = await ConversationHarness.start()
  workspace = makeTempHome('review-workspace-')
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=test', ...args], { cwd: workspace }).toString().trim()
  writeFileSync(join(workspace, 'README.md'), 'first\n')
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-q', '-m', 'first')
  writeFileSync(join(workspace, 'README.md'), 'first\nchanged\n')
  head = git('rev-parse', 'HEAD')
})
afterAll(() => harness.stop())

const notificationsOf = (messages: Received[]) => messages.filter((message) => message.json.method !== undefined)
const itemsOf = (messages: Received[], method: string) => messages.filter((message) => message.json.method === method).map((message) => message.json.params.item)

async function review(target: Record<string, unknown>) {
  const client = await harness.connect()
  const threadId = await startThread(client, { cwd: workspace })
  const mark = client.received.length
  const answer = await call(client, 'review/start', { threadId, target })
  await untilTurnCompleted(client, threadId)
  return { client, threadId, answer, messages: notificationsOf(client.received.slice(mark)) }
}

describe('review/start', () => {
  it('runs the review as a turn: mode items, the inner reviewer turn, the review text, in codex\'s order', async () => {
    const { client, threadId, answer, messages } = await review({ type: 'uncommittedChanges' })
    const turnId = answer.turn.id
    expect(answer).toEqual({
      reviewThreadId: threadId,
      turn: {
        id: turnId, rootTurnId: null, itemsView: 'notLoaded', status: 'inProgress', error: null, startedAt: null, completedAt: null, durationMs: null,
        items: [{ type: 'userMessage', id: turnId, clientId: null, content: [{ type: 'text', text: 'current changes', text_elements: [] }], startedAtMs: null, completedAtMs: null }],
      },
    })
    expect(messages.map((message) => [message.json.method, message.json.params.item?.type].filter(Boolean).join(' '))).toEqual([
      'item/started enteredReviewMode', 'item/completed enteredReviewMode', 'thread/status/changed', 'turn/started',
      'item/started userMessage', 'item/completed userMessage', 'item/started agentMessage',
      'item/started exitedReviewMode', 'item/completed exitedReviewMode', 'item/started agentMessage', 'item/completed agentMessage',
      'thread/readState/changed', 'thread/status/changed', 'turn/completed',
    ])
    const inner = messages.find((message) => message.json.method === 'turn/started')!.json.params.turn
    expect(inner.id).not.toBe(turnId)
    expect(inner.rootTurnId).toBe(turnId)
    for (const message of messages.filter((m) => m.json.method?.startsWith('item/'))) expect(message.json.params.turnId).toBe(turnId)
    expect(itemsOf(messages, 'item/completed')[0]).toMatchObject({ type: 'enteredReviewMode', review: 'current changes' })
    expect(itemsOf(messages, 'item/completed')[1]).toMatchObject({
      type: 'userMessage', clientId: null,
      content: [{ type: 'text', text: 'Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings.', text_elements: [] }],
    })
    const exited = itemsOf(messages, 'item/completed')[2]
    expect(exited.type).toBe('exitedReviewMode')
    const completed = messages.at(-1)!.json.params.turn
    expect(completed).toMatchObject({ id: turnId, rootTurnId: turnId, status: 'completed', itemsView: 'summary', items: [{ type: 'agentMessage', text: exited.review }] })

    const history = await call(client, 'thread/turns/list', { threadId, sortDirection: 'asc', itemsView: 'full' })
    expect(history.data.map((turn: { id: string; status: string; items: { type: string }[] }) => [turn.id, turn.status, turn.items.map((item) => item.type)])).toEqual([
      [inner.id, 'interrupted', ['userMessage']],
      [turnId, 'completed', ['enteredReviewMode', 'exitedReviewMode', 'agentMessage']],
    ])
  })

  it('words each target as codex does; a base branch is compared from its merge base', async () => {
    const prompts = async (target: Record<string, unknown>) => {
      const { messages } = await review(target)
      const [entered, prompt] = itemsOf(messages, 'item/completed')
      return [entered.review, prompt.content[0].text]
    }
    expect(await prompts({ type: 'baseBranch', branch: 'main' })).toEqual([
      "changes against 'main'",
      `Review the code changes against the base branch 'main'. The merge base commit for this comparison is ${head}. Run \`git diff ${head}\` to inspect the changes relative to main. Provide prioritized, actionable findings.`,
    ])
    const [, backup] = await prompts({ type: 'baseBranch', branch: 'no-such-branch' })
    expect(backup).toMatch(/^Review the code changes against the base branch 'no-such-branch'\. Start by finding the merge diff/)
    expect(await prompts({ type: 'commit', sha: head, title: 'first' })).toEqual([
      `commit ${head.slice(0, 7)}: first`, `Review the code changes introduced by commit ${head} ("first"). Provide prioritized, actionable findings.`,
    ])
    expect(await prompts({ type: 'commit', sha: 'deadbeef' })).toEqual(['commit deadbee', 'Review the code changes introduced by commit deadbeef. Provide prioritized, actionable findings.'])
    expect(await prompts({ type: 'custom', instructions: 'Look for typos.' })).toEqual(['Look for typos.', 'Look for typos.'])
  })

  it('interrupts a turn that is streaming, then runs the review after its turn/completed', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd: workspace })
    client.send({ id: 'slow', method: 'turn/start', params: { threadId, input: [{ type: 'text', text: '[[slow: 100]] [[deltas: 40]] count slowly', text_elements: [] }] } })
    const busy = (await client.waitFor((message) => message.json.method === 'turn/started')).json.params.turn.id
    await client.waitFor((message) => message.json.method === 'item/agentMessage/delta')
    const mark = client.received.length
    const answer = await call(client, 'review/start', { threadId, target: { type: 'custom', instructions: 'Review while busy.' } })
    const first = await untilTurnCompleted(client, threadId)
    expect(first.json.params.turn).toMatchObject({ id: busy, status: 'interrupted' })
    const second = await untilTurnCompleted(client, threadId)
    expect(second.json.params.turn).toMatchObject({ id: answer.turn.id, status: 'completed' })
    const after = notificationsOf(client.received.slice(mark)).map((message) => message.json.method)
    expect(after.indexOf('turn/completed')).toBeLessThan(after.indexOf('item/started'))
  })

  it('once the reviewer\'s turn has started, turn/interrupt takes its id and ends the review as interrupted', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd: workspace })
    const answer = await call(client, 'review/start', { threadId, target: { type: 'uncommittedChanges' } })
    const inner = (await client.waitFor((message) => message.json.method === 'turn/started')).json.params.turn.id
    // Both sent at once, while the reviewer is still replying.
    const [refused, accepted] = await Promise.all([
      client.request('turn/interrupt', { threadId, turnId: answer.turn.id }),
      client.request('turn/interrupt', { threadId, turnId: inner }),
    ])
    expect(refused.json.error).toEqual({ code: -32600, message: `expected active turn id ${answer.turn.id} but found ${inner}` })
    expect(accepted.json.result).toEqual({})
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn).toMatchObject({ id: answer.turn.id, status: 'interrupted', items: [], itemsView: 'notLoaded' })
    const history = await call(client, 'thread/turns/list', { threadId, sortDirection: 'asc', itemsView: 'full' })
    expect(history.data.map((turn: { status: string; items: { type: string }[] }) => [turn.status, turn.items.map((item) => item.type)])).toEqual([
      ['interrupted', ['userMessage']], ['interrupted', ['enteredReviewMode']],
    ])
  })

  it('answers bad targets and ids with codex\'s errors', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd: workspace })
    const error = (params: Record<string, unknown>) => callError(client, 'review/start', { threadId, ...params })
    expect(await error({ target: { type: 'baseBranch', branch: '' } })).toEqual({ code: -32600, message: 'branch must not be empty' })
    expect(await error({ target: { type: 'baseBranch', branch: '   ' } })).toEqual({ code: -32600, message: 'branch must not be empty' })
    expect(await error({ target: { type: 'commit', sha: '' } })).toEqual({ code: -32600, message: 'sha must not be empty' })
    expect(await error({ target: { type: 'custom', instructions: '' } })).toEqual({ code: -32600, message: 'instructions must not be empty' })
    expect(await error({ target: { type: 'custom', instructions: 'x' }, delivery: 'detached' })).toEqual({ code: -32600, message: 'Invalid request: unknown variant `detached`, expected `inline`' })
    expect(await error({ target: { type: 'nonsense' } })).toEqual({ code: -32600, message: 'Invalid request: unknown variant `nonsense`, expected one of `uncommittedChanges`, `baseBranch`, `commit`, `custom`' })
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(await callError(client, 'review/start', { threadId: unknown, target: { type: 'uncommittedChanges' } })).toEqual({ code: -32600, message: `thread not found: ${unknown}` })
    expect((await callError(client, 'review/start', { threadId: 'not-a-uuid', target: { type: 'uncommittedChanges' } })).message).toMatch(/^invalid thread id: invalid character/)
    // nothing was started by the refused requests
    expect((await call(client, 'thread/read', { threadId, includeTurns: true })).thread.turns).toEqual([])
  })
})
