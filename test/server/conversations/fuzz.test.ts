// A seeded, bounded fuzz of thread/* and turn/* against the real CLI over two websocket
// connections (one with experimentalApi, one without): requests with mutated params (wrong types,
// missing fields, huge strings, random and foreign ids, forged cursors, arrays and nulls for params,
// deep nesting) mixed with valid traffic (threads started, turns run, interrupted, steered,
// archived, resumed, forked). Every request must get exactly one well-formed answer, no -32603 but
// the documented ones, and the server must stay up and keep working.
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProtocolModel } from '../../../server/model/protocol-model.js'
import { makeTempHome, repoRoot, spawnServer, type SpawnedServer } from '../helpers/spawn-server.js'
import { WebsocketClient } from '../helpers/wire-client.js'
import { text } from './conversation-harness.js'
import { hugeString, mutate, randomCursor, randomId, randomSchema, randomString, randomValue, type FuzzPools } from './fuzz-inputs.js'
import { SeededRandom, testSeed } from './seeded-random.js'

// The seed fixes every choice the fuzz makes; which threads and turns exist or run when a request
// is made still depends on the server's timing, so a replay is close to, not exactly, the same run.
const seed = testSeed(7_340_033)
const random = new SeededRandom(seed)
/** Decisions for approvals, apart from `random`: their number depends on timing. */
const decisions = new SeededRandom(seed + 1)
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 600)
const MAX_BATCH = 24

/** Every thread/* and turn/* method the protocol has, implemented here or not. */
const METHODS = [...loadProtocolModel(repoRoot).clientRequests.keys()].filter((method) => /^(thread|turn)\//.test(method))

/** -32603 answers the server documents: an OS failure (with its error number) and an unreadable history. */
const DOCUMENTED_INTERNAL = [/\(os error \d+\)$/, /^failed to read thread: /]

/** Prompts for valid turns: quick ones, streamed ones, failures, retries, an approval, a bad directive. */
const PROMPTS = ['hello', '[[deltas: 20]] streamed', '[[slow: 10]] [[deltas: 6]] slow', '[[fail: fuzz failure]]', '[[retry: 2]] retried',
  '[[run: echo fuzz]]', '[[bogus]]', '[[deltas: 0]]', '[[reply: custom answer]]', '[[slow: 30]] [[deltas: 10]] slower']

/** Working folders for threads and turns: real, missing, not a folder, relative, the root. */
const FOLDERS = [process.cwd(), process.cwd(), '/nonexistent/fuzz-folder', repoRoot + 'package.json', 'relative/folder', '/']

interface Sent {
  method: string
  params: unknown
  answers: number
}

/** One websocket connection of the fuzz: what it sent, what it was answered, and what it saw. */
class FuzzConnection {
  readonly sent = new Map<string, Sent>()
  readonly problems: string[] = []
  readonly internalErrors: string[] = []
  private nextId = 0
  /** Set once the fuzz is over: later traffic (plain test requests) is not the fuzz's. */
  watching = true

  private constructor(readonly name: string, readonly client: WebsocketClient, private readonly state: FuzzState) {
    client.socket.on('message', (data, isBinary) => {
      if (!isBinary && this.watching) this.receive(data.toString())
    })
  }

  static async open(name: string, address: string, state: FuzzState, capabilities: Record<string, unknown> | null): Promise<FuzzConnection> {
    const client = await WebsocketClient.connect(address)
    const init = await client.initialize(capabilities)
    expect(init.json.error).toBeUndefined()
    return new FuzzConnection(name, client, state)
  }

  /**
   * Sends a request with a fresh id (integers and strings, "" once); undefined params leave the
   * member out. Integer ids start far above those the wire client's own request() uses.
   */
  send(method: string, params: unknown): void {
    const n = this.nextId++
    const id: string | number = n === 7 ? '' : n % 3 === 0 ? `fuzz-${n}` : 1_000_000 + n
    const key = JSON.stringify(id)
    this.sent.set(key, { method, params, answers: 0 })
    this.client.send(params === undefined ? { id, method } : { id, method, params })
  }

  get unanswered(): string[] {
    return [...this.sent].filter(([, sent]) => sent.answers === 0).map(([id, sent]) => `${id} ${sent.method}`)
  }

  private receive(raw: string): void {
    const message = JSON.parse(raw) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    if ('method' in message) {
      if ('id' in message) this.answerServerRequest(message)
      else this.state.observe(message.method, message.params)
      return
    }
    const key = JSON.stringify(message.id)
    const sent = this.sent.get(key)
    if (!sent) {
      this.problems.push(`${this.name}: an answer to id ${key}, which was never sent: ${raw.slice(0, 300)}`)
      return
    }
    sent.answers++
    if (process.env.FUZZ_DEBUG) {
      const outcome = 'error' in message ? `${message.error?.code} ${String(message.error?.message).slice(0, 60)}` : 'ok'
      const tally = `${sent.method} -> ${outcome}`
      tallies.set(tally, (tallies.get(tally) ?? 0) + 1)
    }
    const what = `${this.name} ${sent.method} (id ${key}) with ${JSON.stringify(sent.params)?.slice(0, 300)}`
    if (sent.answers > 1) this.problems.push(`${what}: answered ${sent.answers} times; last: ${raw.slice(0, 300)}`)
    if (('result' in message) === ('error' in message)) this.problems.push(`${what}: neither one result nor one error: ${raw.slice(0, 300)}`)
    if ('error' in message) {
      const { code, message: text } = message.error ?? {}
      if (!Number.isInteger(code) || typeof text !== 'string') this.problems.push(`${what}: malformed error ${JSON.stringify(message.error)}`)
      if (code === -32603) {
        this.internalErrors.push(`${sent.method}: ${String(text).slice(0, 200)}`)
        if (!DOCUMENTED_INTERNAL.some((pattern) => pattern.test(text))) this.problems.push(`${what}: undocumented -32603 ${JSON.stringify(text)}`)
      }
    } else {
      this.state.learn(sent.method, message.result)
    }
  }

  /** Approvals get a random decision, sometimes an error or a malformed result. */
  private answerServerRequest(message: Record<string, unknown>): void {
    const choice = decisions.int(0, 9)
    if (choice === 0) this.client.send({ id: message.id, error: { code: -1, message: 'the fuzz client refuses' } })
    else if (choice === 1) this.client.send({ id: message.id, result: randomValue(decisions) })
    else this.client.send({ id: message.id, result: { decision: decisions.pick(['accept', 'decline', 'cancel', 'acceptForSession']) } })
  }
}

/** What the fuzz knows of the server's threads and turns, learnt from answers and notifications. */
class FuzzState {
  readonly pools: FuzzPools = { threads: [], turns: [], cursors: [], revisions: [] }
  /** Thread id → the turn running on it (as far as notifications tell). */
  readonly running = new Map<string, string>()

  observe(method: string, params: any): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (method === 'thread/started') this.addThread(params.thread.id)
    if (method === 'turn/started') this.running.set(params.threadId, params.turn.id)
    if (method === 'turn/completed') this.running.delete(params.threadId)
  }

  learn(method: string, result: any): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (result?.thread?.id) this.addThread(result.thread.id)
    if (method === 'turn/start' && result?.turn?.id) this.add(this.pools.turns, result.turn.id)
    for (const key of ['nextCursor', 'backwardsCursor', 'turnsBackwardsCursor', 'itemsBackwardsCursor']) {
      if (typeof result?.[key] === 'string') this.add(this.pools.cursors, result[key])
    }
    if (typeof result?.readState?.revision === 'string') this.add(this.pools.revisions, result.readState.revision)
  }

  private addThread(id: string): void {
    this.add(this.pools.threads, id)
  }

  private add(pool: string[], value: string): void {
    if (!pool.includes(value)) pool.push(value)
    if (pool.length > 200) pool.shift()
  }

  /** A known thread, most often one with a running turn. */
  thread(): string {
    const running = [...this.running.keys()]
    if (running.length > 0 && random.chance(0.5)) return random.pick(running)
    return this.pools.threads.length > 0 ? random.pick(this.pools.threads) : randomUUID()
  }
}

/** A request a well-behaved client could send, aimed at what the server has. */
function validRequest(state: FuzzState): { method: string; params: Record<string, unknown> } {
  const threadId = state.thread()
  const running = state.running.get(threadId)
  const turnId = running ?? (state.pools.turns.length > 0 ? random.pick(state.pools.turns) : randomUUID())
  const input = text(random.pick(PROMPTS))
  const choices: { method: string; params: Record<string, unknown> }[] = [
    { method: 'thread/start', params: { cwd: random.pick(FOLDERS), ...(random.chance(0.2) ? { ephemeral: true } : {}), ...(random.chance(0.3) ? { historyMode: 'paginated' } : {}) } },
    { method: 'turn/start', params: { threadId, input, clientUserMessageId: randomUUID() } },
    { method: 'turn/start', params: { threadId, input, cwd: random.pick(FOLDERS) } },
    { method: 'turn/start', params: { threadId, input: text('Give me a title'), outputSchema: randomSchema(random) } },
    { method: 'turn/interrupt', params: { threadId, turnId } },
    { method: 'turn/steer', params: { threadId, expectedTurnId: turnId, input: text('steer this way') } },
    { method: 'thread/archive', params: { threadId } },
    { method: 'thread/unarchive', params: { threadId } },
    { method: 'thread/resume', params: { threadId, excludeTurns: random.chance(0.5) } },
    { method: 'thread/fork', params: { threadId, ...(random.chance(0.5) ? { lastTurnId: turnId } : {}) } },
    { method: 'thread/read', params: { threadId, includeTurns: random.chance(0.5) } },
    { method: 'thread/turns/list', params: { threadId, limit: random.int(1, 5), itemsView: random.pick(['full', 'summary', 'notLoaded']), sortDirection: random.pick(['asc', 'desc']), ...(random.chance(0.5) ? { cursor: randomCursor(random, state.pools) } : {}) } },
    { method: 'thread/items/list', params: { threadId, limit: random.int(1, 5), ...(random.chance(0.5) ? { cursor: randomCursor(random, state.pools) } : {}) } },
    { method: 'thread/list', params: { limit: random.int(1, 10), archived: random.pick([true, false, null]), ...(random.chance(0.5) ? { cursor: randomCursor(random, state.pools) } : {}) } },
    { method: 'thread/loaded/list', params: { limit: random.int(1, 10) } },
    { method: 'thread/name/set', params: { threadId, name: randomString(random) } },
    { method: 'thread/unsubscribe', params: { threadId } },
    { method: 'thread/readState/update', params: { threadId, operation: { type: random.pick(['read', 'unread']) }, expectedRevision: state.pools.revisions.length > 0 ? random.pick(state.pools.revisions) : 'x' } },
    { method: 'thread/inject_items', params: { threadId, items: [randomValue(random)] } },
    { method: 'thread/metadata/update', params: { threadId, gitInfo: { branch: randomString(random) } } },
  ]
  return random.pick(choices)
}

/** A valid request of any thread/turn method, then mutated. */
function fuzzedRequest(state: FuzzState): { method: string; params: unknown } {
  if (random.chance(0.15)) {
    // Any method of the families, with params that are at least shaped like a request's.
    const method = random.pick(METHODS)
    return { method, params: mutate(random, { threadId: randomId(random, state.pools), turnId: randomId(random, state.pools), input: text(randomString(random)) }, state.pools) }
  }
  const { method, params } = validRequest(state)
  if (random.chance(0.1)) return { method, params: { ...params, input: text(hugeString(random)) } }
  return { method, params: mutate(random, params, state.pools) }
}

const home = makeTempHome('fuzz-')
const serverOptions = { home, args: ['--listen', 'ws://127.0.0.1:0'], env: { REFERENCE_APP_SERVER_LOG: 'warn' } }
let server: SpawnedServer
/** Outcomes by method, printed with FUZZ_DEBUG=1 to see what a seed exercised. */
const tallies = new Map<string, number>()
const state = new FuzzState()
const connections: FuzzConnection[] = []

beforeAll(async () => {
  server = await spawnServer(serverOptions)
  connections.push(await FuzzConnection.open('experimental', server.address, state, { experimentalApi: true }))
  connections.push(await FuzzConnection.open('stable', server.address, state, null))
})

afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.client.close()))
  if (server) {
    // A server stuck in a busy loop never gets to its SIGTERM handler: it must not outlive the test.
    const killer = setTimeout(() => server.process.kill('SIGKILL'), 3000)
    await server.stop()
    clearTimeout(killer)
  }
  rmSync(home, { recursive: true, force: true })
})

/** The ids of every stored thread, archived or not, paged through thread/list. */
async function storedThreadIds(client: WebsocketClient): Promise<string[]> {
  const ids: string[] = []
  for (const archived of [false, true]) {
    let cursor: string | null = null
    do {
      const page = await client.request('thread/list', { limit: 50, archived, ...(cursor === null ? {} : { cursor }) })
      expect(page.json.error).toBeUndefined()
      ids.push(...page.json.result.data.map((thread: { id: string }) => thread.id))
      cursor = page.json.result.nextCursor
    } while (cursor !== null)
  }
  return ids.sort()
}

/** Waits until every request sent so far has an answer (or fails naming those that have none). */
async function allAnswered(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (connections.some((connection) => connection.unanswered.length > 0)) {
    if (server.process.exitCode !== null || server.process.signalCode !== null) throw new Error(`the server exited (${await server.exited}); stderr:\n${server.stderr()}`)
    if (Date.now() > deadline) throw new Error(`unanswered after ${timeoutMs} ms: ${connections.flatMap((connection) => connection.unanswered).join(', ')}; stderr:\n${server.stderr().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe(`fuzzing thread/* and turn/* (seed ${seed}, ${REQUESTS} requests)`, () => {
  it('answers every request exactly once, well-formed, with no undocumented -32603, and stays up', async () => {
    let sent = 0
    while (sent < REQUESTS) {
      const batch = Math.min(random.int(1, MAX_BATCH), REQUESTS - sent)
      for (let n = 0; n < batch; n++, sent++) {
        const connection = random.chance(0.7) ? connections[0]! : connections[1]!
        const request = random.chance(0.45) ? validRequest(state) : fuzzedRequest(state)
        connection.send(request.method, request.params)
      }
      await allAnswered(10_000)
    }
    // Late duplicates would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const internal = connections.flatMap((connection) => connection.internalErrors)
    if (internal.length > 0) console.log(`documented -32603 answers seen (${internal.length}):\n${[...new Set(internal)].join('\n')}`)
    for (const connection of connections) connection.watching = false
    if (process.env.FUZZ_DEBUG) console.log(server.stderr())
    if (process.env.FUZZ_DEBUG) console.log([...tallies].sort().map(([tally, count]) => `${count}\t${tally}`).join('\n'))
    expect(connections.flatMap((connection) => connection.problems)).toEqual([])
    expect(server.process.exitCode).toBeNull()
    expect(server.process.signalCode).toBeNull()
  })

  it('logs no unexpected failure on stderr', () => {
    // Errors the server logs come from exceptions nobody expected (handlers or a turn in the background).
    const errors = server.stderr().split('\n').filter((line) => / ERROR /.test(line))
    expect(errors).toEqual([])
  })

  it('still starts a thread, runs a turn and lists threads afterwards', async () => {
    const client = connections[0]!.client
    const started = await client.request('thread/start', { cwd: process.cwd() })
    expect(started.json.error).toBeUndefined()
    const threadId = started.json.result.thread.id
    const turn = await client.request('turn/start', { threadId, input: text('after the fuzz') })
    expect(turn.json.error).toBeUndefined()
    const completed = await client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.turn.id === turn.json.result.turn.id, 10_000, 'turn/completed')
    expect(completed.json.params.turn).toMatchObject({ status: 'completed', items: [{ type: 'agentMessage', text: 'You said: after the fuzz' }] })
    const listed = await client.request('thread/list', { limit: 500 })
    expect(listed.json.error).toBeUndefined()
    expect(listed.json.result.data.map((thread: { id: string }) => thread.id)).toContain(threadId)
    expect(server.process.exitCode).toBeNull()
  })

  it('leaves every stored thread readable by the next server on the same home folder', async () => {
    const before = await storedThreadIds(connections[0]!.client)
    expect(await server.stop(), server.stderr()).toBe(0)
    server = await spawnServer(serverOptions)
    const client = await WebsocketClient.connect(server.address)
    try {
      expect((await client.initialize({ experimentalApi: true })).json.error).toBeUndefined()
      expect(await storedThreadIds(client)).toEqual(before)
      for (const threadId of before) {
        const read = await client.request('thread/read', { threadId, includeTurns: true })
        expect(read.json.error, `thread/read ${threadId}`).toBeUndefined()
        for (const turn of read.json.result.thread.turns) expect(turn.status, `turn ${turn.id} of ${threadId}`).not.toBe('inProgress')
      }
      expect(server.stderr().split('\n').filter((line) => / (ERROR|WARN) /.test(line))).toEqual([])
    } finally {
      await client.close()
    }
  })
})

/**
 * Schemas whose answer the offline agent cannot build cheaply. A client may send any of them
 * (codex hands the schema to the model); the turn must end, and the server must keep answering
 * everyone else meanwhile. Each case gets its own server, killed afterwards, since a failing one
 * may be stuck.
 */
describe.concurrent('turns whose outputSchema asks for a huge answer', () => {
  const cases: [string, unknown][] = [
    ['a string of at least 1,000,000 characters (minLength)', { type: 'object', properties: { title: { type: 'string', minLength: 1_000_000 } } }],
    ['an array of at least 10,000,000 items (minItems)', { type: 'array', minItems: 10_000_000, items: { type: 'integer' } }],
    ['an array longer than a JavaScript array can be (minItems 2^32)', { type: 'array', minItems: 2 ** 32 }],
  ]
  /** How long the whole exchange may take: the offline agent answers in milliseconds. */
  const BOUND_MS = 2000

  // Concurrent (one server each) to keep the file quick; `expect` is the test's own for that reason.
  it.for(cases)('%s: the turn ends and the server keeps answering meanwhile', async ([, outputSchema], { expect }) => {
    const edge = await spawnServer({ args: serverOptions.args, env: serverOptions.env })
    const [client, other] = await Promise.all([WebsocketClient.connect(edge.address), WebsocketClient.connect(edge.address)])
    try {
      await Promise.all([client.initialize({ experimentalApi: true }), other.initialize({ experimentalApi: true })])
      const threadId = (await client.request('thread/start', { cwd: process.cwd() })).json.result.thread.id
      const deadline = Date.now() + BOUND_MS
      const left = () => Math.max(1, deadline - Date.now())
      client.send({ id: 'hostile', method: 'turn/start', params: { threadId, input: text('a title please'), outputSchema } })
      const answer = await client.waitFor((message) => message.json.id === 'hostile', left(), 'the answer to turn/start')
      expect(answer.json.error).toBeUndefined()
      // Another client is answered while the turn is worked on (the server is not frozen) …
      other.send({ id: 'ping', method: 'thread/loaded/list', params: {} })
      await other.waitFor((message) => message.json.id === 'ping', left(), 'the answer to another client\'s request')
      // … and the turn ends, one way or another.
      const completed = await client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.turn.id === answer.json.result.turn.id, left(), 'turn/completed')
      expect(['completed', 'failed']).toContain(completed.json.params.turn.status)
    } finally {
      edge.process.kill('SIGKILL')
      await edge.exited
      rmSync(edge.home, { recursive: true, force: true })
    }
  })
})
