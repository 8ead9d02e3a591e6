// A reference server in this process on a real websocket, with clients that speak to it, for the
// conversation tests: start a thread, run turns, and collect what a turn sends until it completes.
import { afterEach } from 'vitest'
import { createLogger } from '../../../server/log.js'
import { loadProtocolModel } from '../../../server/model/protocol-model.js'
import { startServer, type RunningServer, type ServerOptions } from '../../../server/server.js'
import { makeTempHome, repoRoot } from '../helpers/spawn-server.js'
import { WebsocketClient, type Received } from '../helpers/wire-client.js'

const model = loadProtocolModel(repoRoot)

export class ConversationHarness {
  readonly clients: WebsocketClient[] = []
  private stopped: Promise<void> | undefined
  private constructor(readonly server: RunningServer, readonly home: string, readonly logLines: string[]) {}

  static async start(options: { home?: string; limits?: ServerOptions['limits']; idleUnloadMs?: number; codexVersion?: string } = {}): Promise<ConversationHarness> {
    const home = options.home ?? makeTempHome('conversation-')
    const logLines: string[] = []
    const server = await startServer({
      listen: { kind: 'ws', host: '127.0.0.1', port: 0 }, home, repoRoot,
      model: options.codexVersion === undefined ? model : loadProtocolModel(repoRoot, options.codexVersion),
      log: createLogger('debug', (line) => { logLines.push(line) }),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.idleUnloadMs !== undefined ? { idleUnloadMs: options.idleUnloadMs } : {}),
    })
    return new ConversationHarness(server, home, logLines)
  }

  /** A websocket connection that has not initialized yet. */
  async open(): Promise<WebsocketClient> {
    const client = await WebsocketClient.connect(this.server.address)
    this.clients.push(client)
    return client
  }

  async connect(capabilities: Record<string, unknown> = { experimentalApi: true }): Promise<WebsocketClient> {
    const client = await this.open()
    await client.initialize(capabilities)
    return client
  }

  /** Closes the clients and the server (once; later calls do nothing). */
  async stop(): Promise<void> {
    this.stopped ??= (async () => {
      await Promise.all(this.clients.splice(0).map((client) => client.close()))
      await this.server.close()
    })()
    await this.stopped
  }
}

/** Starts harnesses for the current test; each is stopped after it. */
export function harnessPerTest(): (options?: Parameters<typeof ConversationHarness.start>[0]) => Promise<ConversationHarness> {
  const harnesses: ConversationHarness[] = []
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.stop()
  })
  return async (options = {}) => {
    const harness = await ConversationHarness.start(options)
    harnesses.push(harness)
    return harness
  }
}

/** The result of a request, failing with the error's text when it has one. */
export async function call(client: WebsocketClient, method: string, params?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await client.request(method, params)
  if (response.json.error) throw new Error(`${method} failed: ${JSON.stringify(response.json.error)}`)
  return response.json.result
}

/** The error a request is answered with. */
export async function callError(client: WebsocketClient, method: string, params?: unknown): Promise<{ code: number; message: string }> {
  const response = await client.request(method, params)
  if (!response.json.error) throw new Error(`${method} succeeded: ${JSON.stringify(response.json.result)}`)
  return response.json.error
}

export async function startThread(client: WebsocketClient, params: Record<string, unknown> = {}): Promise<string> {
  const result = await call(client, 'thread/start', { cwd: process.cwd(), ...params })
  return result.thread.id as string
}

/** Sends turn/start and returns every message received from then until the turn completes. */
export async function runTurn(client: WebsocketClient, threadId: string, prompt: string, extra: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<Received[]> {
  const start = client.received.length
  client.send({ id: `turn-${start}`, method: 'turn/start', params: { threadId, input: text(prompt), ...extra } })
  await untilTurnCompleted(client, threadId, timeoutMs)
  return client.received.slice(start)
}

/** Waits for the turn/completed of `threadId` that follows the messages seen so far. */
export async function untilTurnCompleted(client: WebsocketClient, threadId: string, timeoutMs = 10_000): Promise<Received> {
  return client.waitFor((message) => message.json.method === 'turn/completed' && message.json.params.threadId === threadId, timeoutMs, 'turn/completed')
}

export function text(input: string) {
  return [{ type: 'text', text: input, text_elements: [] }]
}

/** The notification methods of a message list, in order (responses and requests as `#id`). */
export function methods(messages: Received[]): string[] {
  return messages.map((message) => message.json.method ?? `#${JSON.stringify(message.json.id)}`)
}
