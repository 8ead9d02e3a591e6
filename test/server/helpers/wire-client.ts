// Test clients that speak the protocol over the real transports: stdio (a spawned server's
// stdin/stdout), websocket (TCP) and websocket over a unix socket. They expose the raw text of
// every message, so tests can check exact bytes (member order, ids beyond 2^53).
import type { ChildProcess } from 'node:child_process'
import WebSocket from 'ws'

export type TransportName = 'stdio' | 'ws' | 'unix'

export interface Received {
  /** The message exactly as received (a stdio line or a websocket text frame). */
  text: string
  // Tests read fields freely; ids beyond 2^53 must be checked on `text`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export interface WireClient {
  readonly transport: TransportName
  /** Sends one message as given (stdio appends the `\n`; websocket sends one text frame). */
  sendText(text: string): void
  send(message: unknown): void
  /** Sends a request with a fresh numeric id (or the given id) and waits for its response. */
  request(method: string, params?: unknown, id?: string | number): Promise<Received>
  /** initialize with a client name and the given capabilities; waits for its response. */
  initialize(capabilities?: Record<string, unknown> | null): Promise<Received>
  /** The next message matching `predicate` (messages skipped over stay available to later waits). */
  waitFor(predicate: (message: Received) => boolean, timeoutMs?: number, what?: string): Promise<Received>
  /** Messages received from now on during `ms` milliseconds. */
  collect(ms: number): Promise<Received[]>
  /** Every message received so far. */
  readonly received: Received[]
  close(): Promise<void>
}

/** The id of a message as its JSON text (`5`, `"a"`), read from the raw text so big ints stay exact. */
export function idText(message: Received): string | undefined {
  if (!('id' in message.json)) return undefined
  if (typeof message.json.id === 'string') return JSON.stringify(message.json.id)
  const match = /"id":(-?\d+)/.exec(message.text)
  return match?.[1]
}

abstract class BaseClient implements WireClient {
  abstract readonly transport: TransportName
  readonly received: Received[] = []
  private consumed = new Set<Received>()
  private waiters: { predicate: (message: Received) => boolean; resolve(message: Received): void }[] = []
  private nextId = 1000

  abstract sendText(text: string): void
  abstract close(): Promise<void>

  protected deliver(text: string): void {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = { unparsable: text }
    }
    const message: Received = { text, json }
    this.received.push(message)
    for (const waiter of [...this.waiters]) {
      if (!this.consumed.has(message) && waiter.predicate(message)) {
        this.consumed.add(message)
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve(message)
      }
    }
  }

  send(message: unknown): void {
    this.sendText(JSON.stringify(message))
  }

  waitFor(predicate: (message: Received) => boolean, timeoutMs = 5000, what = 'a matching message'): Promise<Received> {
    const earlier = this.received.find((message) => !this.consumed.has(message) && predicate(message))
    if (earlier) {
      this.consumed.add(earlier)
      return Promise.resolve(earlier)
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (message: Received) => {
          clearTimeout(timer)
          resolve(message)
        },
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received:\n${this.received.map((m) => m.text.slice(0, 300)).join('\n')}`))
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }

  async request(method: string, params?: unknown, id: string | number = this.nextId++): Promise<Received> {
    const wanted = JSON.stringify(id)
    this.send(params === undefined ? { id, method } : { id, method, params })
    return this.waitFor((message) => idText(message) === wanted && !('method' in message.json), 10_000, `the response to ${method} (id ${wanted})`)
  }

  initialize(capabilities?: Record<string, unknown> | null): Promise<Received> {
    const params = capabilities === undefined ? { clientInfo: { name: 'wire-test', version: '1.0.0' } } : { clientInfo: { name: 'wire-test', version: '1.0.0' }, capabilities }
    return this.request('initialize', params)
  }

  async collect(ms: number): Promise<Received[]> {
    const start = this.received.length
    await new Promise((resolve) => setTimeout(resolve, ms))
    return this.received.slice(start)
  }
}

/** The stdio side of a server: a spawned process, or a pair of streams for an in-process server. */
export type StdioEnds = Pick<ChildProcess, 'stdin' | 'stdout'>

/** Talks to a stdio server through its stdin/stdout. */
export class StdioClient extends BaseClient {
  readonly transport = 'stdio' as const
  private partial = ''

  constructor(private readonly child: StdioEnds) {
    super()
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      const lines = (this.partial + chunk).split('\n')
      this.partial = lines.pop()!
      for (const line of lines) this.deliver(line)
    })
  }

  sendText(text: string): void {
    this.child.stdin!.write(`${text}\n`)
  }

  /** Writes bytes exactly as given (no newline added). */
  sendRaw(raw: string): void {
    this.child.stdin!.write(raw)
  }

  async close(): Promise<void> {
    this.child.stdin!.end()
  }
}

/** A websocket client over TCP (`ws://…`) or a unix socket (`unix://PATH`). */
export class WebsocketClient extends BaseClient {
  readonly transport: TransportName
  readonly socket: WebSocket
  private readonly opened: Promise<void>
  closeCode: number | undefined
  readonly closedPromise: Promise<number>

  constructor(address: string, headers: Record<string, string> = {}) {
    super()
    this.transport = address.startsWith('unix://') ? 'unix' : 'ws'
    const url = address.startsWith('unix://') ? `ws+unix://${address.slice('unix://'.length)}:/` : address
    this.socket = new WebSocket(url, { headers, maxPayload: 64 * 1024 * 1024 })
    this.socket.on('message', (data, isBinary) => {
      if (!isBinary) this.deliver(data.toString())
    })
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
      this.socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: HTTP ${response.statusCode}`)))
    })
    this.closedPromise = new Promise((resolve) => this.socket.once('close', (code) => {
      this.closeCode = code
      resolve(code)
    }))
  }

  static async connect(address: string, headers?: Record<string, string>): Promise<WebsocketClient> {
    const client = new WebsocketClient(address, headers)
    await client.opened
    return client
  }

  sendText(text: string): void {
    this.socket.send(text)
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    this.socket.close()
    await Promise.race([this.closedPromise, new Promise((resolve) => setTimeout(resolve, 2000))])
  }
}
