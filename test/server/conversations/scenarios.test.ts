// Every built-in scenario played end to end over a real websocket by a client that answers each
// server request: the items it produces, the requests it asks, how the turn ends, what stays in
// the thread's history (also after a restart), and the edge cases of steps that ask the client.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../../../server/conversations/scenarios/builtin-scenarios.js'
import { call, ConversationHarness, harnessPerTest, runTurn, startThread, text, untilTurnCompleted } from './conversation-harness.js'
import { ANSWERS, answerRequests, completedItems, scenarioPrompt } from './scenario-client.js'

const harness = harnessPerTest()
const DYNAMIC_TOOLS = [{ type: 'function', name: 'lookup', description: 'Looks a word up', inputSchema: { type: 'object' } }]

/** What each built-in must produce: item kinds (besides the user message), server requests, the turn's status. */
const EXPECTED: Record<string, { items: string[]; requests: string[]; status?: string }> = {
  reasoning: { items: ['reasoning', 'agentMessage'], requests: [] },
  plan: { items: ['agentMessage', 'plan', 'agentMessage', 'plan'], requests: [] },
  command: { items: ['commandExecution', 'commandExecution', 'agentMessage'], requests: ['item/commandExecution/requestApproval'] },
  'file-change': { items: ['fileChange', 'fileChange', 'fileChange', 'agentMessage'], requests: ['item/fileChange/requestApproval', 'item/fileChange/requestApproval'] },
  permissions: { items: ['agentMessage'], requests: ['item/permissions/requestApproval'] },
  'user-input': { items: ['agentMessage'], requests: ['item/tool/requestUserInput'] },
  'dynamic-tool': { items: ['dynamicToolCall', 'agentMessage'], requests: ['item/tool/call'] },
  'mcp-tool': { items: ['mcpToolCall', 'agentMessage'], requests: ['mcpServer/elicitation/request'] },
  items: {
    items: ['hookPrompt', 'webSearch', 'imageView', 'imageGeneration', 'functionCallOutput', 'collabAgentToolCall', 'subAgentActivity',
      'collabAgentToolCall', 'subAgentActivity', 'sleep', 'contextCompaction', 'agentMessage'],
    requests: [],
  },
  review: { items: ['enteredReviewMode', 'exitedReviewMode', 'agentMessage'], requests: [] },
  retry: { items: ['agentMessage'], requests: [] },
  fail: { items: ['reasoning'], requests: [], status: 'failed' },
  // currentTime/read too, from a server speaking codex 0.169.0 (0.171.0 removed it): see below.
  account: { items: ['agentMessage'], requests: ['attestation/generate', 'account/chatgptAuthTokens/refresh'] },
  legacy: { items: ['commandExecution', 'fileChange', 'fileChange', 'agentMessage'], requests: ['execCommandApproval', 'applyPatchApproval'] },
}

async function playedBy(found: ConversationHarness, name: string, cwd = mkdtempSync(join(tmpdir(), 'scenario-cwd-'))) {
  const client = await found.connect()
  const answering = answerRequests(client)
  const threadId = await startThread(client, { cwd, dynamicTools: DYNAMIC_TOOLS })
  const messages = await runTurn(client, threadId, scenarioPrompt(name))
  answering.stop()
  return { client, threadId, messages, asked: answering.asked, cwd }
}

describe('built-in scenarios', () => {
  it('cover every thread item kind and every server request of the protocol', () => {
    const kinds = new Set(Object.values(EXPECTED).flatMap((expected) => expected.items))
    expect([...kinds, 'userMessage'].sort()).toEqual([
      'agentMessage', 'collabAgentToolCall', 'commandExecution', 'contextCompaction', 'dynamicToolCall', 'enteredReviewMode', 'exitedReviewMode',
      'fileChange', 'functionCallOutput', 'hookPrompt', 'imageGeneration', 'imageView', 'mcpToolCall', 'plan', 'reasoning', 'sleep',
      'subAgentActivity', 'userMessage', 'webSearch',
    ])
    expect(new Set([...Object.values(EXPECTED).flatMap((expected) => expected.requests), 'currentTime/read'])).toEqual(new Set(Object.keys(ANSWERS)))
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(BUILTIN_SCENARIOS).sort())
  })

  it('account, on a server speaking codex 0.169.0, also reads the client\'s clock (currentTime/read)', async () => {
    const older = await ConversationHarness.start({ codexVersion: '0.169.0' })
    try {
      const { messages, asked } = await playedBy(older, 'account')
      expect(asked.map((request) => request.json.method)).toEqual(['attestation/generate', 'account/chatgptAuthTokens/refresh', 'currentTime/read'])
      expect(messages.at(-1)!.json.params.turn.status).toBe('completed')
    } finally {
      await older.stop()
    }
  })

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: plays its steps and ends ${expected.status ?? 'completed'}`, async () => {
      const { messages, asked } = await playedBy(await harness(), name)
      expect(completedItems(messages).map((item) => item.type)).toEqual(['userMessage', ...expected.items])
      expect(asked.map((request) => request.json.method)).toEqual(expected.requests)
      expect(messages.at(-1)!.json.params.turn.status).toBe(expected.status ?? 'completed')
      // Every item that completed was announced before, with the same id (a plan inside its message completes first).
      const started = messages.filter((message) => message.json.method === 'item/started').map((message) => message.json.params.item.id)
      const completed = completedItems(messages).map((item) => item.id)
      expect([...completed].sort()).toEqual([...started].sort())
      for (const id of completed) expect(messages.findIndex((message) => message.json.params?.item?.id === id)).toBeLessThan(messages.findIndex((message) => message.json.method === 'item/completed' && message.json.params.item.id === id))
    })
  }
})

describe('what scenario steps do', () => {
  it('file-change: changes the files for real, shows each change and the turn\'s whole diff', async () => {
    const found = await harness()
    const cwd = mkdtempSync(join(tmpdir(), 'scenario-cwd-'))
    const notes = join(cwd, 'scenario-notes.txt')
    const client = await found.connect()
    const onDisk: (string | undefined)[] = []
    const answering = answerRequests(client, (request) => {
      onDisk.push(existsSync(notes) ? readFileSync(notes, 'utf8') : undefined)
      return ANSWERS[request.json.method]!(request.json.params)
    })
    const threadId = await startThread(client, { cwd })
    const messages = await runTurn(client, threadId, scenarioPrompt('file-change'))
    answering.stop()
    // Asked before each change: nothing yet, then the first version.
    expect(onDisk).toEqual([undefined, 'first line\n'])
    expect(existsSync(notes)).toBe(false)
    const changes = completedItems(messages).filter((item) => item.type === 'fileChange')
    expect(changes.map((item) => [item.status, item.changes[0].kind.type, item.changes[0].path])).toEqual([
      ['completed', 'add', notes], ['completed', 'update', notes], ['completed', 'delete', notes],
    ])
    expect(changes[1].changes[0].diff).toBe('@@ -1,1 +1,2 @@\n first line\n+second line\n')
    const diffs = messages.filter((message) => message.json.method === 'turn/diff/updated').map((message) => message.json.params.diff)
    expect(diffs[1]).toBe('diff --git a/scenario-notes.txt b/scenario-notes.txt\nnew file mode 100644\n--- /dev/null\n+++ b/scenario-notes.txt\n@@ -0,0 +1,2 @@\n+first line\n+second line\n')
    // Created and deleted in the same turn: no difference left.
    expect(diffs[2]).toBe('')
  })

  it('file-change declined: the item is declined and nothing is written', async () => {
    const found = await harness()
    const cwd = mkdtempSync(join(tmpdir(), 'scenario-cwd-'))
    const client = await found.connect()
    const answering = answerRequests(client, () => ({ decision: 'decline' }))
    const threadId = await startThread(client, { cwd })
    const messages = await runTurn(client, threadId, scenarioPrompt('file-change'))
    answering.stop()
    const changes = completedItems(messages).filter((item) => item.type === 'fileChange')
    expect(changes.map((item) => item.status)).toEqual(['declined', 'declined', 'failed'])
    expect(existsSync(join(cwd, 'scenario-notes.txt'))).toBe(false)
  })

  it('dynamic-tool and user-input: the client\'s answer goes back into the turn', async () => {
    const found = await harness()
    const tool = await playedBy(found, 'dynamic-tool')
    const call = completedItems(tool.messages).find((item) => item.type === 'dynamicToolCall')
    expect(tool.asked[0]!.json.params).toMatchObject({ tool: 'lookup', namespace: null, arguments: { query: 'scenario' }, callId: call.id })
    expect(call).toMatchObject({ status: 'completed', success: true, contentItems: [{ type: 'inputText', text: 'lookup says 42' }] })
    expect(completedItems(tool.messages).at(-1).text).toContain('lookup says 42')
    const input = await playedBy(found, 'user-input')
    expect(completedItems(input.messages).at(-1).text).toBe('You answered {"color":{"answers":["Blue"]},"name":{"answers":["Go"]}}.')
  })

  it('keeps every item in the thread\'s history, also after a restart', async () => {
    const first = await harness()
    const { threadId, messages } = await playedBy(first, 'items')
    const played = completedItems(messages)
    await first.stop()
    const second = await harness({ home: first.home })
    const client = await second.connect()
    const resumed = await call(client, 'thread/resume', { threadId })
    expect(resumed.thread.turns.at(-1).items).toEqual(played)
  })

  it('an interrupt while the client is asked ends the turn interrupted', async () => {
    const client = await (await harness()).connect()
    const threadId = await startThread(client)
    client.send({ id: 'ask', method: 'turn/start', params: { threadId, input: text(scenarioPrompt('user-input')) } })
    const started = await client.waitFor((message) => message.json.id === 'ask')
    await client.waitFor((message) => message.json.method === 'item/tool/requestUserInput')
    await call(client, 'turn/interrupt', { threadId, turnId: started.json.result.turn.id })
    const completed = await untilTurnCompleted(client, threadId)
    expect(completed.json.params.turn.status).toBe('interrupted')
  })

  it('a dynamic tool call in a thread started without dynamicTools fails the turn with one line', async () => {
    const client = await (await harness()).connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, scenarioPrompt('dynamic-tool'))
    expect(messages.at(-1)!.json.params.turn).toMatchObject({
      status: 'failed', error: { message: 'the scenario calls a dynamic tool, but the thread was started without `dynamicTools` and the step names no tool' },
    })
  })

  it('a turn with an outputSchema (the TUI\'s title turn quotes the prompt) plays no scenario', async () => {
    const client = await (await harness()).connect()
    const answering = answerRequests(client)
    const threadId = await startThread(client, { ephemeral: true })
    const schema = { type: 'object', properties: { title: { type: 'string', maxLength: 36 } }, required: ['title'], additionalProperties: false }
    const messages = await runTurn(client, threadId, `Name this conversation.\n${scenarioPrompt('user-input')} pick a color`, { outputSchema: schema })
    answering.stop()
    expect(answering.asked).toEqual([])
    expect(JSON.parse(completedItems(messages).at(-1).text)).toEqual({ title: 'Pick a color' })
  })

  it('plan mode (collaborationMode plan) answers with a plan item', async () => {
    const client = await (await harness()).connect()
    const threadId = await startThread(client)
    const messages = await runTurn(client, threadId, 'add a button', {
      collaborationMode: { mode: 'plan', settings: { model: 'reference-standard', reasoning_effort: null, developer_instructions: null } },
    })
    // As codex (j-tool-items.jsonl): the plan item, `<turn>-plan`, opens and completes inside the message.
    const items = completedItems(messages)
    expect(items.map((item) => item.type)).toEqual(['userMessage', 'plan', 'agentMessage'])
    const turnId = messages[0]!.json.result.turn.id
    expect(items[1]).toMatchObject({ id: `${turnId}-plan`, text: expect.stringContaining('add a button') })
    expect(messages.filter((message) => message.json.method === 'item/plan/delta').map((message) => message.json.params.delta).join('')).toBe(items[1].text)
    const order = messages.map((message) => `${message.json.method}:${message.json.params?.item?.type ?? ''}`).filter((entry) => /item\/(started|completed):(plan|agentMessage)/.test(entry))
    expect(order).toEqual(['item/started:agentMessage', 'item/started:plan', 'item/completed:plan', 'item/completed:agentMessage'])
  })
})
