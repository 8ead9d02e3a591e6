// Every built-in scenario played over stdio (the real command, --scenario included) and over a
// websocket, by clients that answer every server request, with every message the server sends
// checked against the JSON Schemas of the client's variant. A stable client must never see an
// experimental member.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../../../server/conversations/scenarios/builtin-scenarios.js'
import { OutboundValidator, type Variant } from '../helpers/outbound-validator.js'
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server.js'
import { StdioClient, type WireClient } from '../helpers/wire-client.js'
import { ConversationHarness, text } from './conversation-harness.js'
import { answerRequests, scenarioPrompt } from './scenario-client.js'

const NAMES = Object.keys(BUILTIN_SCENARIOS)
const validators = { stable: new OutboundValidator('stable'), experimental: new OutboundValidator('experimental') }

/** Records the method of each request the client sends, by id, so its response can be checked. */
function recordRequests(client: WireClient): Map<string, string> {
  const sent = new Map<string, string>()
  const send = client.send.bind(client)
  client.send = (message: unknown) => {
    const { id, method } = message as { id?: unknown; method?: string }
    if (id !== undefined && method !== undefined) sent.set(JSON.stringify(id), method)
    send(message)
  }
  return sent
}

/** Initializes, then plays `prompts` one turn each in a thread of its own; returns every problem found. */
async function playAll(client: WireClient, variant: Variant, prompts: string[]): Promise<string[]> {
  const sent = recordRequests(client)
  await client.initialize({ experimentalApi: variant === 'experimental' })
  const answering = answerRequests(client)
  const cwd = mkdtempSync(join(tmpdir(), 'scenario-validation-'))
  // dynamicTools is experimental: a stable client's dynamic-tool turn fails (and is checked all the same).
  const tools = variant === 'experimental' ? { dynamicTools: [{ type: 'function', name: 'lookup', description: 'Looks up', inputSchema: { type: 'object' } }] } : {}
  for (const prompt of prompts) {
    const started = await client.request('thread/start', { cwd, ...tools })
    const threadId = started.json.result.thread.id as string
    client.send({ id: `turn-${prompt}`, method: 'turn/start', params: { threadId, input: text(prompt) } })
    await client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.threadId === threadId, 10_000, 'turn/completed')
    await client.request('thread/read', { threadId, includeTurns: true })
  }
  answering.stop()
  expect(answering.asked.length).toBeGreaterThan(0)
  return client.received.flatMap((message) => validators[variant].check(message, sent.get(JSON.stringify(message.json.id))))
}

describe('the checker', () => {
  it('finds a malformed item, a request the variant lacks and an experimental member sent to a stable client', () => {
    const plan = { text: '{}', json: { method: 'item/started', params: { threadId: 't', turnId: 'u', startedAtMs: 1, item: { type: 'plan', id: 'p', text: 3 } } } }
    expect(validators.experimental.check(plan, undefined)).toEqual([expect.stringContaining('does not match the experimental schema')])
    const clock = { text: '{}', json: { id: 1, method: 'currentTime/read', params: { threadId: 't' } } }
    // codex 0.171.0, the release the server speaks by default, removed currentTime/read from both variants.
    expect(validators.stable.check(clock, undefined)).toEqual(['currentTime/read is not a server request of the stable variant: {}'])
    expect(validators.experimental.check(clock, undefined)).toEqual(['currentTime/read is not a server request of the experimental variant: {}'])
    const approval = {
      text: '{}',
      json: {
        id: 2, method: 'item/commandExecution/requestApproval',
        params: { threadId: 't', turnId: 'u', itemId: 'i', startedAtMs: 1, availableDecisions: ['accept'] },
      },
    }
    expect(validators.stable.check(approval, undefined)).toEqual(['experimental members sent to a stable client: availableDecisions: {}'])
  })
})

describe('every built-in scenario, every message checked against the client\'s schemas', () => {
  let harness: ConversationHarness
  let stdio: SpawnedServer
  beforeAll(async () => {
    harness = await ConversationHarness.start()
    // The real command, told to play `reasoning` whenever a prompt names no scenario.
    stdio = await spawnServer({ args: ['--scenario', 'reasoning'], waitForAddress: false })
  })
  afterAll(async () => {
    await harness.stop()
    await stdio.stop()
  })

  it('over a websocket, to an experimental and to a stable client', async () => {
    const prompts = NAMES.map(scenarioPrompt)
    const [experimental, stable] = await Promise.all([
      harness.open().then((client) => playAll(client, 'experimental', prompts)),
      harness.open().then((client) => playAll(client, 'stable', prompts)),
    ])
    expect(experimental).toEqual([])
    expect(stable).toEqual([])
  })

  it('over stdio, with --scenario playing when the prompt names none', async () => {
    const client = new StdioClient(stdio.process)
    const problems = await playAll(client, 'experimental', [...NAMES.map(scenarioPrompt), 'no directive here'])
    expect(problems).toEqual([])
    const reasoning = client.received.filter((message) => message.json.method === 'item/completed' && message.json.params.item.type === 'reasoning')
    // Once for [[scenario: reasoning]], once for the plain prompt, once in the fail scenario.
    expect(reasoning).toHaveLength(3)
  })
})
