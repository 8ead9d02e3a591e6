// Behaviour of the connection core that needs handlers with controllable timing. The server runs in
// this process on a real websocket; test handlers are registered through startServer's documented
// `overrideHandlers` option (added to the real ones), never by mocking the core.
import { PassThrough } from 'node:stream'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RpcError, type HandlerContext, type HandlerMap } from '../../server/handler-types.js'
import { createLogger } from '../../server/log.js'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { eventually, makeTempHome, repoRoot } from './helpers/spawn-server.js'
import { StdioClient, WebsocketClient, type Received, type WireClient } from './helpers/wire-client.js'

// codex 0.169.0: its experimental server request (currentTime/read, removed in 0.171.0) is what the gate tests use.
const model = loadProtocolModel(repoRoot, '0.169.0')

/** Lets a test decide when each test handler call finishes, and records what happened. */
class Gates {
  readonly events: string[] = []
  private readonly waiting = new Map<string, (() => void)[]>()
  private readonly started = new Map<string, () => void>()
  private readonly startedPromises = new Map<string, Promise<void>>()

  /** Resolves when the handler call named `name` has started. */
  whenStarted(name: string): Promise<void> {
    let promise = this.startedPromises.get(name)
    if (!promise) {
      promise = new Promise((resolve) => this.started.set(name, resolve))
      this.startedPromises.set(name, promise)
    }
    return promise
  }

  /** Called by a handler: records the start, then waits until `release(name)` or the request is cancelled. */
  async hold(name: string, signal: AbortSignal): Promise<void> {
    this.events.push(`start ${name}`)
    void this.whenStarted(name)
    this.started.get(name)!()
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(name) ?? []
      queue.push(resolve)
      this.waiting.set(name, queue)
      signal.addEventListener('abort', () => {
        this.events.push(`aborted ${name}`)
        queue.splice(queue.indexOf(resolve), 1)
        resolve()
      }, { once: true })
    })
    this.events.push(`end ${name}`)
  }

  /** Lets the earliest waiting call named `name` finish. */
  release(name: string): void {
    this.waiting.get(name)?.shift()?.()
  }
}

let gates = new Gates()
const logLines: string[] = []

// Each test handler holds until released, named by its params, so scope order is observable.
const testHandlers: HandlerMap = {
  'thread/archive': async (params, context) => {
    await gates.hold(params.threadId, context.signal)
    return {}
  },
  'thread/unsubscribe': async (params, context) => {
    gates.events.push(`start unsubscribe ${params.threadId}`)
    return { status: 'unsubscribed' }
  },
  'thread/name/set': async (params, context) => {
    // Releases its scope early, then keeps working (like a command that streams until it exits).
    context.releaseScope()
    await gates.hold(`name ${params.threadId}`, context.signal)
    return {}
  },
  'config/read': async (params, context) => {
    await gates.hold(`read ${String(params.cwd)}`, context.signal)
    return { config: {}, origins: {} } as never
  },
  'config/value/write': async (params, context) => {
    await gates.hold(`write ${params.keyPath}`, context.signal)
    return { status: 'ok', version: 'v', filePath: '/x', overriddenMetadata: null } as never
  },
  'fs/unwatch': async (params, context) => {
    await gates.hold(`unwatch ${params.watchId}`, context.signal)
    return {}
  },
  'review/start': async () => ({ review: 'r'.repeat(12 * 1024 * 1024) }) as never,
  'thread/read': async () => ({
    thread: threadWithExperimentalFields(),
    readState: { revision: 1 },
  }) as never,
  'thread/start': async (_params, context) => {
    context.notify('thread/started', { thread: threadWithExperimentalFields() } as never)
    context.notify('thread/settings/updated', { threadId: 't', threadSettings: {} } as never)
    return { thread: threadWithExperimentalFields(), model: 'm', runtimeWorkspaceRoots: ['/w'] } as never
  },
  'thread/goal/get': async (params, context) => askForApproval(params.threadId, context),
  'thread/goal/clear': async (_params, context) => {
    const result = await context.request('currentTime/read' as never, { threadId: 't' } as never)
    return result as never
  },
  'thread/compact/start': async (params, context) => {
    await context.request('item/commandExecution/requestApproval', approvalParams(params.threadId), { timeoutMs: 200 })
    return {}
  },
  'thread/turns/list': async (_params, context) => {
    // A producer that respects backpressure: sends while notify() allows, waits for drained() otherwise.
    const chunk = 'z'.repeat(64 * 1024)
    let sent = 0
    let waits = 0
    while (sent < 400 && !context.signal.aborted) {
      if (!context.notify('configWarning', { summary: chunk, details: null })) {
        waits++
        await context.drained()
      }
      sent++
    }
    return { data: [{ sent, waits }] } as never
  },
  'thread/items/list': async (_params, context) => {
    // A producer that ignores backpressure: the core must cut the connection, not grow without bound.
    const chunk = 'q'.repeat(64 * 1024)
    for (let i = 0; i < 2000 && !context.signal.aborted; i++) {
      context.notify('configWarning', { summary: chunk, details: null })
      if (i % 16 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    return { data: [] } as never
  },
}

function threadWithExperimentalFields() {
  return { id: 't', preview: '', environments: [{ environmentId: 'local' }], extra: { a: 1 }, attachedToThreadId: null, canAcceptDirectInput: true }
}

function approvalParams(threadId: string) {
  return { threadId, turnId: 'turn', itemId: 'item', startedAtMs: 1, command: 'ls', availableDecisions: ['accept', 'cancel'] } as never
}

async function askForApproval(threadId: string, context: HandlerContext) {
  try {
    const answer = await context.request('item/commandExecution/requestApproval', approvalParams(threadId))
    return { answer } as never
  } catch (error) {
    gates.events.push(`failed ${(error as Error).message}`)
    return { failed: error instanceof RpcError ? { code: error.code, message: error.message } : String(error) } as never
  }
}

let server: RunningServer
const clients: WebsocketClient[] = []
async function connect(capabilities: Record<string, unknown> = {}): Promise<WebsocketClient> {
  const client = await WebsocketClient.connect(server.address)
  clients.push(client)
  await client.initialize(capabilities)
  return client
}
const send = (client: WireClient, id: string, method: string, params: unknown) => client.send({ id, method, params })
const response = (client: WireClient, id: string, timeoutMs = 5000) =>
  client.waitFor((message) => message.json.id === id && !('method' in message.json), timeoutMs, `response ${id}`)
const LIMITS = { maxQueuedJobs: 3, outputHighWaterBytes: 256 * 1024, maxOutputBytes: 8 * 1024 * 1024 }
const stdioServers: { server: RunningServer; input: PassThrough; client: StdioClient }[] = []

/** A stdio connection: its own in-process server on a pair of streams (stdio has one client). */
async function connectStdio(capabilities: Record<string, unknown> = {}): Promise<StdioClient> {
  const input = new PassThrough()
  const output = new PassThrough()
  const stdioServer = await startServer({
    listen: { kind: 'stdio' }, stdio: { input, output }, home: makeTempHome(), repoRoot, model, overrideHandlers: testHandlers,
    log: createLogger('debug', (line) => { logLines.push(line) }), limits: LIMITS,
  })
  const client = new StdioClient({ stdin: input, stdout: output } as never)
  stdioServers.push({ server: stdioServer, input, client })
  await client.initialize(capabilities)
  return client
}

beforeAll(async () => {
  server = await startServer({
    listen: { kind: 'ws', host: '127.0.0.1', port: 0 },
    home: makeTempHome(),
    repoRoot,
    model,
    overrideHandlers: testHandlers,
    log: createLogger('debug', (line) => { logLines.push(line) }),
    limits: LIMITS,
  })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  for (const { server: stdioServer, input } of stdioServers.splice(0)) {
    input.end()
    await stdioServer.close()
  }
  gates = new Gates()
})
afterAll(() => server.close())

describe('serialization scopes', () => {
  it('runs one key in arrival order; other keys and other connections overtake', async () => {
    const a = await connect()
    const b = await connect()
    send(a, 'a1', 'thread/archive', { threadId: 'T' })
    send(b, 'b1', 'thread/archive', { threadId: 'T' })
    send(a, 'a2', 'thread/archive', { threadId: 'U' })
    await gates.whenStarted('U')
    expect(gates.events).toEqual(['start T', 'start U'])
    gates.release('U')
    await response(a, 'a2')
    gates.release('T')
    await response(a, 'a1')
    await gates.whenStarted('T')
    await eventually(() => gates.events.filter((event) => event === 'start T').length === 2)
    gates.release('T')
    await response(b, 'b1')
    expect(gates.events).toEqual(['start T', 'start U', 'end U', 'end T', 'start T', 'end T'])
  })

  it('batches consecutive shared reads; an exclusive write waits for them and they for it', async () => {
    const a = await connect()
    send(a, 'r1', 'config/read', { cwd: '1' })
    send(a, 'r2', 'config/read', { cwd: '2' })
    send(a, 'w', 'config/value/write', { keyPath: 'k', value: 1, mergeStrategy: 'replace' })
    send(a, 'r3', 'config/read', { cwd: '3' })
    await gates.whenStarted('read 2')
    expect(gates.events).toEqual(['start read 1', 'start read 2'])
    gates.release('read 1')
    gates.release('read 2')
    await gates.whenStarted('write k')
    expect(gates.events.slice(-1)).toEqual(['start write k'])
    gates.release('write k')
    await gates.whenStarted('read 3')
    gates.release('read 3')
    await Promise.all(['r1', 'r2', 'w', 'r3'].map((id) => response(a, id)))
  })

  it('keys client-chosen ids per connection: the same watch id on two connections does not wait', async () => {
    const a = await connect()
    const b = await connect()
    send(a, 'a', 'fs/unwatch', { watchId: 'same' })
    await gates.whenStarted('unwatch same')
    send(b, 'b', 'fs/unwatch', { watchId: 'same' })
    await eventually(() => gates.events.filter((event) => event === 'start unwatch same').length === 2, 2000, 'both unwatch calls to start')
    gates.release('unwatch same')
    await response(a, 'a')
    gates.release('unwatch same')
    await response(b, 'b')
  })

  it('lets a handler release its scope early (releaseScope)', async () => {
    const a = await connect()
    send(a, 'n', 'thread/name/set', { threadId: 'N', name: 'x' })
    await gates.whenStarted('name N')
    send(a, 'u', 'thread/unsubscribe', { threadId: 'N' })
    await response(a, 'u')
    expect(gates.events).toEqual(['start name N', 'start unsubscribe N'])
    gates.release('name N')
    await response(a, 'n')
  })

})

describe('closing a connection', () => {
  it('cancels its running work and drops its queued requests; other connections carry on', async () => {
    const a = await connect()
    const b = await connect()
    send(a, 'running', 'thread/archive', { threadId: 'C' })
    await gates.whenStarted('C')
    send(a, 'queued', 'thread/archive', { threadId: 'C' })
    send(b, 'other', 'thread/archive', { threadId: 'C' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await a.close()
    // The running handler's signal was aborted; the queued request of the closed connection never ran.
    await eventually(() => gates.events.includes('aborted C'), 2000, 'the abort')
    await eventually(() => gates.events.filter((event) => event === 'start C').length === 2, 2000, "b's request to start")
    gates.release('C')
    await response(b, 'other')
    expect(gates.events).toEqual(['start C', 'aborted C', 'end C', 'start C', 'end C'])
  })
})

// Rules that hold for any single connection, over both transports (stdio has one connection per server).
for (const [transport, open] of [['websocket', connect], ['stdio', connectStdio]] as const) {
  describe(`one connection over ${transport}`, () => {
  it('answers -32001 when a busy queue is full', async () => {
    const a = await open()
    send(a, 'q0', 'thread/archive', { threadId: 'Q' })
    await gates.whenStarted('Q')
    for (const id of ['q1', 'q2', 'q3', 'q4']) send(a, id, 'thread/archive', { threadId: 'Q' })
    expect((await response(a, 'q4')).json.error).toEqual({ code: -32001, message: 'Server overloaded; retry later.' })
    for (let i = 0; i < 4; i++) {
      gates.release('Q')
      await eventually(() => gates.events.filter((event) => event === 'end Q').length === i + 1)
    }
  })

    it('numbers server requests from 0; the answer resolves the handler; serverRequest/resolved follows', async () => {
      const a = await open()
      send(a, 'ask', 'thread/goal/get', { threadId: 'R' })
      const request = await a.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      expect(request.text.startsWith('{"id":0,"method":"item/commandExecution/requestApproval","params":{')).toBe(true)
      a.send({ id: 0, result: { decision: 'accept' } })
      const resolved = await a.waitFor((message) => message.json.method === 'serverRequest/resolved')
      expect(resolved.json.params).toEqual({ threadId: 'R', requestId: 0 })
      expect((await response(a, 'ask')).json.result).toEqual({ answer: { decision: 'accept' } })
      expect(a.received.indexOf(resolved)).toBeLessThan(a.received.findIndex((message) => message.json.id === 'ask'))

      send(a, 'ask2', 'thread/goal/get', { threadId: 'R' })
      const second = await a.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      expect(second.json.id).toBe(1)
      a.send({ id: 1, error: { code: -32000, message: 'user went away' } })
      expect((await response(a, 'ask2')).json.result).toEqual({ failed: { code: -32000, message: 'user went away' } })
    })

    it('times out a server request when asked to, and still announces it as resolved', async () => {
      const a = await open()
      send(a, 'slow', 'thread/compact/start', { threadId: 'S' })
      await a.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      const answer = await response(a, 'slow')
      expect(answer.json.error).toEqual({ code: -32603, message: 'the client did not answer item/commandExecution/requestApproval within 200 ms' })
      expect(a.received.find((message) => message.json.method === 'serverRequest/resolved')?.json.params).toEqual({ threadId: 'S', requestId: 0 })
    })

    it('sends no experimental server requests, and no experimental fields in them, to a client without experimentalApi', async () => {
      const stable = await open()
      send(stable, 'time', 'thread/goal/clear', { threadId: 't' })
      expect((await response(stable, 'time')).json.error).toEqual({ code: -32600, message: 'currentTime/read requires experimentalApi capability' })
      send(stable, 'ask', 'thread/goal/get', { threadId: 'E' })
      const request = await stable.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      expect(request.json.params).not.toHaveProperty('availableDecisions')
      const experimental = await open({ experimentalApi: true })
      send(experimental, 'ask', 'thread/goal/get', { threadId: 'E2' })
      const full = await experimental.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      expect(full.json.params.availableDecisions).toEqual(['accept', 'cancel'])
    })

    it('applies optOutNotificationMethods to notifications only, never to server requests', async () => {
      const a = await open({ optOutNotificationMethods: ['item/commandExecution/requestApproval', 'serverRequest/resolved'] })
      send(a, 'ask', 'thread/goal/get', { threadId: 'O' })
      await a.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      a.send({ id: 0, result: { decision: 'cancel' } })
      expect((await response(a, 'ask')).json.result).toEqual({ answer: { decision: 'cancel' } })
      expect(a.received.some((message) => message.json.method === 'serverRequest/resolved')).toBe(false)
    })

    it('fails pending server requests and cancels running work when the connection ends', async () => {
      const a = await open()
      send(a, 'ask', 'thread/goal/get', { threadId: 'X' })
      send(a, 'running', 'thread/archive', { threadId: 'Y' })
      await a.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval')
      await gates.whenStarted('Y')
      await a.close()
      await eventually(() => gates.events.includes('failed the connection closed before the client answered item/commandExecution/requestApproval'), 5000, 'the pending request to fail')
      await eventually(() => gates.events.includes('aborted Y'), 5000, 'the running handler to be cancelled')
    })

    it('removes experimental fields from responses and notifications, and experimental notifications, for stable clients', async () => {
      const stable = await open()
      const experimental = await open({ experimentalApi: true })
      for (const client of [stable, experimental]) send(client, 'start', 'thread/start', {})
      const [plain, full] = await Promise.all([response(stable, 'start'), response(experimental, 'start')])
      expect(plain.json.result).toEqual({ thread: { id: 't', preview: '' }, model: 'm' })
      expect(full.json.result).toEqual({ thread: threadWithExperimentalFields(), model: 'm', runtimeWorkspaceRoots: ['/w'] })
      const isStarted = (message: Received) => message.json.method === 'thread/started'
      expect((await stable.waitFor(isStarted)).json.params.thread).toEqual({ id: 't', preview: '' })
      expect((await experimental.waitFor(isStarted)).json.params.thread).toEqual(threadWithExperimentalFields())
      await experimental.waitFor((message) => message.json.method === 'thread/settings/updated')
      expect(stable.received.some((message) => message.json.method === 'thread/settings/updated')).toBe(false)
      expect(model.serverNotifications.get('thread/settings/updated')?.experimental).toBeDefined()
    })
  })
}

describe('backpressure', () => {
  it('a producer waits while its client does not read; memory stays bounded; other connections are unaffected', async () => {
    const slow = await connect()
    const other = await connect()
    slow.socket.pause()
    send(slow, 'flood', 'thread/turns/list', { threadId: 'flood' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const started = Date.now()
    expect((await other.request('thread/loaded/list', {})).json.result).toBeDefined()
    expect(Date.now() - started).toBeLessThan(1000)
    // Unsent output is held near the high-water mark (plus what the kernel buffers), not 25 MiB.
    const buffered = server.core.connectionStats().find((stats) => stats.pendingRequests > 0)!.unsentBytes
    expect(buffered).toBeGreaterThan(0)
    expect(buffered).toBeLessThan(4 * 1024 * 1024)
    slow.socket.resume()
    const done = await response(slow, 'flood', 20_000)
    expect(done.json.result.data[0].sent).toBe(400)
    expect(done.json.result.data[0].waits).toBeGreaterThan(0)
  })

  it('sends a single answer larger than the hard limit to a client that reads', async () => {
    const a = await connect()
    send(a, 'big', 'review/start', { threadId: 'big', target: { type: 'uncommittedChanges' } })
    expect((await response(a, 'big', 20_000)).json.result.review).toHaveLength(12 * 1024 * 1024)
  })

  it('closes a connection whose unsent output passes the hard limit', async () => {
    const greedy = await connect()
    const other = await connect()
    greedy.socket.pause()
    send(greedy, 'greedy', 'thread/items/list', { threadId: 'greedy' })
    await eventually(() => logLines.some((line) => line.includes('the client is not reading')), 10_000, 'the hard limit')
    greedy.socket.resume()
    await greedy.closedPromise
    expect((await other.request('thread/loaded/list', {})).json.result).toBeDefined()
  })
})
