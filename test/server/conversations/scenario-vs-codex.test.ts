// Scenario steps against what codex 0.169.0 itself sent for the same tool calls
// (test/server/fixtures/codex-0.169.0/conversations/j-tool-items.jsonl, recorded with a fake model):
// the same notifications and requests in the same order, items and request params with the same
// members in the same order.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/spawn-server.js'
import type { Received } from '../helpers/wire-client.js'
import { harnessPerTest, runTurn, startThread } from './conversation-harness.js'
import { answerRequests, scenarioPrompt } from './scenario-client.js'

const harness = harnessPerTest()
const TRANSCRIPT = join(repoRoot, 'test/server/fixtures/codex-0.169.0/conversations/j-tool-items.jsonl')
const PLAN_MODE = { collaborationMode: { mode: 'plan', settings: { model: 'reference-standard', reasoning_effort: null, developer_instructions: null } } }

type Message = { method?: string; id?: unknown; params?: any; result?: unknown } // eslint-disable-line @typescript-eslint/no-explicit-any

/** What codex sent during the turn recorded under `note`, from turn/start's answer to turn/completed. */
function codexTurn(note: string): Message[] {
  const entries = readFileSync(TRANSCRIPT, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
  const start = entries.findIndex((entry) => entry.dir === 'note' && entry.note === note)
  const messages: Message[] = []
  for (const entry of entries.slice(start + 1)) {
    if (entry.dir === 'note') break
    if (entry.dir === 's->c') messages.push(entry.msg)
  }
  const begin = messages.findIndex((message) => message.method === 'thread/status/changed')
  return messages.slice(begin, messages.findIndex((message) => message.method === 'turn/completed') + 1)
}

/** Methods in order; responses are left out (thread/start's, turn/start's). */
const methodsOf = (messages: Message[]) => messages.filter((message) => message.method !== undefined).map((message) => message.method!)
const itemOf = (messages: Message[], type: string) => messages.find((message) => message.method === 'item/started' && message.params.item.type === type)!.params.item
const requestOf = (messages: Message[], method: string) => messages.find((message) => message.method === method && message.id !== undefined)!.params

/** Ours: the scenario `steps` played in a thread with the recording's dynamic tool, from turn/start's answer on. */
async function ours(steps: unknown[], extra: Record<string, unknown> = {}): Promise<Message[]> {
  const found = await harness()
  mkdirSync(join(found.home, 'scenarios'), { recursive: true })
  writeFileSync(join(found.home, 'scenarios', 'probe.json'), JSON.stringify({ version: 1, steps }))
  const client = await found.connect()
  const answering = answerRequests(client)
  const threadId = await startThread(client, { dynamicTools: [{ type: 'function', name: 'lookup', description: 'Looks a word up', inputSchema: { type: 'object' } }] })
  const messages = await runTurn(client, threadId, scenarioPrompt('probe'), extra)
  answering.stop()
  return messages.map((message: Received) => message.json).filter((message) => message.method !== undefined)
}

describe('scenario steps as codex sends them', () => {
  it('a dynamic tool call: item, item/tool/call, the completed item, then usage', async () => {
    const codex = codexTurn('use the tool')
    const mine = await ours([{ type: 'dynamicTool', tool: 'lookup', arguments: { query: 'scenario' } }, { type: 'message', text: 'Done.', deltas: 1 }])
    expect(methodsOf(mine)).toEqual(methodsOf(codex))
    expect(Object.keys(itemOf(mine, 'dynamicToolCall'))).toEqual(Object.keys(itemOf(codex, 'dynamicToolCall')))
    expect(Object.keys(requestOf(mine, 'item/tool/call'))).toEqual(Object.keys(requestOf(codex, 'item/tool/call')))
  })

  it('a question to the user: waiting flag, request, resolved, usage, then the answer', async () => {
    const codex = codexTurn('ask me')
    const mine = await ours([
      { type: 'userInput', questions: [{ id: 'color', header: 'Color', question: 'Which color?', options: [{ label: 'Blue', description: 'calm' }, { label: 'Green', description: 'fresh' }] }], reply: 'Done.' },
    ], PLAN_MODE)
    expect(methodsOf(mine).filter((method) => method !== 'item/agentMessage/delta')).toEqual(methodsOf(codex).filter((method) => method !== 'item/agentMessage/delta'))
    const [asked, recorded] = [requestOf(mine, 'item/tool/requestUserInput'), requestOf(codex, 'item/tool/requestUserInput')]
    expect(Object.keys(asked)).toEqual(Object.keys(recorded))
    expect(asked.questions).toEqual(recorded.questions)
  })

  it('an image view: started and completed at once, the path resolved against the cwd', async () => {
    const codex = codexTurn('look at the image')
    const mine = await ours([{ type: 'imageView', path: 'pixel.png' }, { type: 'message', text: 'Done.', deltas: 1 }])
    expect(methodsOf(mine)).toEqual(methodsOf(codex))
    expect(Object.keys(itemOf(mine, 'imageView'))).toEqual(Object.keys(itemOf(codex, 'imageView')))
    expect(itemOf(mine, 'imageView').path).toBe(join(process.cwd(), 'pixel.png'))
  })

  it('a proposed plan: the plan item streams and completes inside its message', async () => {
    const codex = codexTurn('plan please')
    const mine = await ours([{ type: 'message', text: 'Here is my plan.\n', deltas: 1, plan: '# Plan\n\n1. Read.\n2. Write.\n' }], PLAN_MODE)
    expect(methodsOf(mine).filter((method) => method !== 'item/plan/delta')).toEqual(methodsOf(codex).filter((method) => method !== 'item/plan/delta'))
    expect(Object.keys(itemOf(mine, 'plan'))).toEqual(Object.keys(itemOf(codex, 'plan')))
  })
})
