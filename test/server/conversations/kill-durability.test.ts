// Durability of conversations under SIGKILL, end to end: the real CLI runs turns back to back on
// one thread and is killed at a random moment; the next server on the same home folder (taking
// over the dead one's lock) must still have every turn whose turn/start was answered, with its
// user message, and every item whose item/completed a client received. Then the thread goes on.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempHome, spawnServer, type SpawnedServer } from '../helpers/spawn-server.js'
import { StdioClient, type Received } from '../helpers/wire-client.js'
import { SeededRandom, testSeed } from './seeded-random.js'
import { text } from './conversation-harness.js'

const seed = testSeed(20261203)
const random = new SeededRandom(seed)

const home = makeTempHome('kill-durability-')
afterAll(() => rmSync(home, { recursive: true, force: true }))

/** What the clients of every round were told, which the history must keep. */
interface Ledger {
  threadId: string
  /** Turns whose turn/start was answered, in order, with the user message id the client gave. */
  acked: { turnId: string; clientId: string; prompt: string }[]
  /** Every item/completed received: item id → its turn and the item as sent. */
  items: Map<string, { turnId: string; item: Record<string, unknown> }>
  /** Every turn/completed received: turn id → the status it carried. */
  ended: Map<string, string>
}

type Turn = { id: string; status: string; items: Record<string, unknown>[] }

async function start(): Promise<{ server: SpawnedServer; client: StdioClient; closed: Promise<void> }> {
  const server = await spawnServer({ home, env: { REFERENCE_APP_SERVER_LOG: 'warn' } })
  // 'close' comes after stdout has been read to its end: nothing the server wrote is missed.
  const closed = new Promise<void>((resolve) => server.process.once('close', () => resolve()))
  const client = new StdioClient(server.process)
  const init = await client.initialize({ experimentalApi: true })
  expect(init.json.error, server.stderr()).toBeUndefined()
  return { server, client, closed }
}

async function result(client: StdioClient, server: SpawnedServer, method: string, params: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await client.request(method, params)
  expect(response.json.error, `${method} ${JSON.stringify(params)}; stderr:\n${server.stderr()}`).toBeUndefined()
  return response.json.result
}

/** Every turn of the thread, oldest first, read with thread/turns/list in small pages. */
async function listTurns(client: StdioClient, server: SpawnedServer, threadId: string): Promise<Turn[]> {
  const turns: Turn[] = []
  let cursor: string | null = null
  do {
    const page: { data: Turn[]; nextCursor: string | null } = await result(client, server, 'thread/turns/list',
      { threadId, itemsView: 'full', sortDirection: 'asc', limit: 7, ...(cursor === null ? {} : { cursor }) })
    turns.push(...page.data)
    cursor = page.nextCursor
  } while (cursor !== null)
  return turns
}

/** What a fresh server's history lacks of what the ledger says was acknowledged, by kind (each once). */
interface Problems {
  turns: Set<string>
  items: Set<string>
}

/** Reads the thread back (resume, then every page of turns) and compares it with the ledger. */
async function verify(client: StdioClient, server: SpawnedServer, ledger: Ledger, problems: Problems): Promise<void> {
  const resumed = await result(client, server, 'thread/resume', { threadId: ledger.threadId })
  const listed = await listTurns(client, server, ledger.threadId)
  expect(resumed.thread.turns.map((turn: Turn) => turn.id)).toEqual(listed.map((turn) => turn.id))
  const byId = new Map(listed.map((turn, index) => [turn.id, { turn, index }]))

  let previous = -1
  for (const { turnId, clientId, prompt } of ledger.acked) {
    const found = byId.get(turnId)
    if (!found) {
      problems.turns.add(`acknowledged turn ${turnId} (${clientId}) is missing`)
      continue
    }
    if (found.index <= previous) problems.turns.add(`turn ${turnId} (${clientId}) is out of order`)
    previous = found.index
    const user = found.turn.items.find((item) => item.type === 'userMessage')
    if (user?.clientId !== clientId || JSON.stringify(user.content) !== JSON.stringify(text(prompt))) {
      problems.turns.add(`turn ${turnId}: user message ${clientId} missing or changed: ${JSON.stringify(user)}`)
    }
  }
  for (const { turn } of byId.values()) {
    // A turn the dead server never finished reads back as interrupted, never as still running.
    if (turn.status === 'inProgress') problems.turns.add(`turn ${turn.id} reads back as inProgress`)
    const ids = turn.items.map((item) => item.id)
    if (new Set(ids).size !== ids.length) problems.items.add(`turn ${turn.id} repeats an item: ${ids.join(', ')}`)
  }
  for (const [turnId, status] of ledger.ended) {
    const stored = byId.get(turnId)?.turn.status
    if (stored !== status) problems.turns.add(`turn ${turnId} completed as ${status} but reads back as ${stored}`)
  }
  for (const [itemId, { turnId, item }] of ledger.items) {
    const stored = byId.get(turnId)?.turn.items.find((candidate) => candidate.id === itemId)
    if (JSON.stringify(stored) !== JSON.stringify(item)) {
      problems.items.add(`${String(item.type)} ${itemId} of turn ${turnId} (${JSON.stringify(item.text ?? item.clientId)}) was announced by item/completed but reads back as ${JSON.stringify(stored)}`)
    }
  }
}

/**
 * How a round ends: SIGKILL at a random moment, or the instant an agent message's item/completed
 * arrives (armed after the delay), which is when a reply is announced and its write may still be
 * under way.
 */
type KillMoment = 'timer' | 'onAgentMessage'

/** Runs turns back to back until the server is killed, `killAfterMs` after the first one was answered. */
async function runUntilKilled(round: number, ledger: Ledger | undefined, killAfterMs: number, moment: KillMoment, problems: Problems): Promise<Ledger> {
  const { server, client, closed } = await start()
  let threadId: string
  if (ledger) {
    await verify(client, server, ledger, problems)
    threadId = ledger.threadId
  } else {
    threadId = (await result(client, server, 'thread/start', { cwd: process.cwd() })).thread.id
  }
  const prompts = new Map<string, { clientId: string; prompt: string }>()
  let killed = false
  const kill = () => {
    killed = true
    server.process.kill('SIGKILL')
  }
  const killedNow = new Promise<undefined>((resolve) => server.process.once('exit', () => resolve(undefined)))
  /** The awaited message, or undefined once the server is dead (late timeouts are ignored then). */
  const unlessKilled = (waiting: Promise<Received>) =>
    Promise.race([waiting.catch((error: unknown) => { if (!killed) throw error; return undefined }), killedNow])

  let timer: NodeJS.Timeout | undefined
  const arm = () => {
    if (moment === 'timer') return kill()
    // Checked on the raw chunk, before the client has even parsed it: the kill is as early as can be.
    server.process.stdout!.on('data', (chunk: string) => {
      if (!killed && /"method":"item\/completed"[^\n]*"type":"agentMessage"/.test(chunk)) kill()
    })
  }
  for (let n = 0; !killed; n++) {
    const requestId = `r${round}-start-${n}`
    const clientId = `r${round}-msg-${n}`
    const prompt = random.chance(0.5) ? `[[deltas: 50]] long turn ${n} of round ${round}` : `short turn ${n} of round ${round}`
    prompts.set(requestId, { clientId, prompt })
    client.send({ id: requestId, method: 'turn/start', params: { threadId, input: text(prompt), clientUserMessageId: clientId } })
    const answer = await unlessKilled(client.waitFor((message) => message.json.id === requestId && !('method' in message.json), 10_000, `the answer to ${requestId}`))
    if (!answer) break
    expect(answer.json.error, `turn/start ${requestId}`).toBeUndefined()
    timer ??= setTimeout(arm, killAfterMs)
    const turnId = answer.json.result.turn.id
    await unlessKilled(client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.turn.id === turnId, 10_000, `turn/completed of ${turnId}`))
  }
  expect(await server.exited).toBe('SIGKILL')
  await closed

  // Everything the client received, including what arrived between the kill and the end of stdout.
  const next: Ledger = ledger ?? { threadId, acked: [], items: new Map(), ended: new Map() }
  for (const message of client.received) {
    const sent = typeof message.json.id === 'string' ? prompts.get(message.json.id) : undefined
    if (sent && message.json.result) next.acked.push({ turnId: message.json.result.turn.id, ...sent })
    if (message.json.method === 'item/completed') next.items.set(message.json.params.item.id, { turnId: message.json.params.turnId, item: message.json.params.item })
    if (message.json.method === 'turn/completed') next.ended.set(message.json.params.turn.id, message.json.params.turn.status)
  }
  if (process.env.KILL_DEBUG) console.log(`round ${round}: ${moment} after ${killAfterMs} ms; ${next.acked.length} turns, ${next.items.size} items, ${next.ended.size} ended so far`)
  return next
}

describe(`conversations survive SIGKILL of the server (seed ${seed})`, () => {
  const problems: Problems = { turns: new Set(), items: new Set() }
  let ledger: Ledger
  let finalTurn: { turn: Turn; completed: Turn; listed: Turn[] }

  beforeAll(async () => {
    const moments: KillMoment[] = ['timer', 'onAgentMessage', 'timer']
    let sofar: Ledger | undefined
    for (const [round, moment] of moments.entries()) {
      const killAfterMs = random.int(150, 900)
      sofar = await runUntilKilled(round, sofar, killAfterMs, moment, problems)
      expect(sofar.acked.length, `round ${round} acknowledged turns before the kill after ${killAfterMs} ms`).toBeGreaterThan(0)
    }
    ledger = sofar!

    // A last server reads everything back and runs a new turn on the same thread.
    const { server, client } = await start()
    try {
      await verify(client, server, ledger, problems)
      const prompt = 'after the crashes'
      const { turn } = await result(client, server, 'turn/start', { threadId: ledger.threadId, input: text(prompt), clientUserMessageId: 'final' })
      const completed = await client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.turn.id === turn.id, 10_000, 'the final turn/completed')
      finalTurn = { turn, completed: completed.json.params.turn, listed: await listTurns(client, server, ledger.threadId) }
    } finally {
      expect(await server.stop(), server.stderr()).toBe(0)
    }
  })

  it('keeps every turn whose turn/start was answered, in order, with its user message and final status', () => {
    expect([...problems.turns]).toEqual([])
  })

  // Fails while the server announces an item (item/completed) before its record is on disk:
  // TurnRunner.complete() emits first and writes after (see the report of the `durable` branch).
  it('keeps every item whose item/completed a client received', () => {
    expect([...problems.items]).toEqual([])
  })

  it('reads the history back without error and runs a new turn on the thread afterwards', () => {
    const prompt = 'after the crashes'
    expect(finalTurn.completed).toMatchObject({ id: finalTurn.turn.id, status: 'completed', items: [{ type: 'agentMessage', text: `You said: ${prompt}` }] })
    expect(finalTurn.listed.at(-1)).toMatchObject({ id: finalTurn.turn.id, status: 'completed', items: [{ type: 'userMessage', clientId: 'final' }, { type: 'agentMessage' }] })
    expect(finalTurn.listed.length).toBeGreaterThanOrEqual(ledger.acked.length + 1)
  })
})
