// One JSON-RPC connection to a codex app-server (stdio pipes or a websocket) that writes every message,
// in both directions, into a shared transcript in the order it was sent or received.
import type { Readable, Writable } from 'node:stream'
import { createInterface } from 'node:readline'
import WebSocket from 'ws'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type Message = { [key: string]: Json }

export interface TranscriptEntry {
  /** Milliseconds since the scenario started. */
  t: number
  /** `c->s` / `s->c` for JSON-RPC messages, `codex->model` for a request to the fake model, `note` for a step label. */
  dir: 'c->s' | 's->c' | 'codex->model' | 'note'
  conn?: string
  msg?: Json
  note?: string
}

export class Transcript {
  readonly entries: TranscriptEntry[] = []
  private readonly started = Date.now()
  add(entry: Omit<TranscriptEntry, 't'>): void {
    this.entries.push({ t: Date.now() - this.started, ...entry })
  }
  note(text: string): void {
    this.add({ dir: 'note', note: text })
  }
}

export interface RpcOutcome {
  result?: Json
  error?: { code: number; message: string; data?: Json }
}

type ServerRequestHandler = (message: Message) => Json | undefined | Promise<Json | undefined>

export class RecordedConnection {
  private nextId = 1
  private readonly pending = new Map<number | string, (message: Message) => void>()
  private readonly received: Message[] = []
  private readonly watchers: { predicate: (message: Message) => boolean; resolve: (message: Message) => void; from: number }[] = []
  /** Answers server→client requests; returning undefined leaves the request unanswered. */
  onServerRequest: ServerRequestHandler = () => undefined

  constructor(
    readonly name: string,
    private readonly transcript: Transcript,
    private readonly write: (line: string) => void,
  ) {}

  static overStdio(name: string, transcript: Transcript, stdin: Writable, stdout: Readable): RecordedConnection {
    const connection = new RecordedConnection(name, transcript, (line) => stdin.write(`${line}\n`))
    createInterface({ input: stdout }).on('line', (line) => connection.receive(line))
    return connection
  }

  static async overWebsocket(name: string, transcript: Transcript, url: string): Promise<RecordedConnection> {
    const socket = new WebSocket(url)
    await new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject) })
    const connection = new RecordedConnection(name, transcript, (line) => socket.send(line))
    socket.on('message', (data) => connection.receive(String(data)))
    connection.closeTransport = () => socket.close()
    return connection
  }

  closeTransport: () => void = () => {}

  /** Messages received so far (notifications, responses and server requests). */
  get messages(): readonly Message[] { return this.received }

  send(message: Message): void {
    this.transcript.add({ dir: 'c->s', conn: this.name, msg: message })
    this.write(JSON.stringify(message))
  }

  async request(method: string, params?: Json, id?: number | string, timeoutMs = 20_000): Promise<RpcOutcome> {
    const requestId = id ?? this.nextId++
    const message: Message = params === undefined ? { id: requestId, method } : { id: requestId, method, params }
    const answered = new Promise<Message>((resolve) => this.pending.set(requestId, resolve))
    this.send(message)
    const timeout = new Promise<Message>((resolve) => setTimeout(() => resolve({ error: { code: 0, message: `recorder: no answer to ${method} within ${timeoutMs} ms` } }), timeoutMs))
    const answer = await Promise.race([answered, timeout])
    if (answer.error && (answer.error as Message).code === 0) this.transcript.note(String((answer.error as Message).message))
    return { result: answer.result, error: answer.error as RpcOutcome['error'] }
  }

  notify(method: string, params?: Json): void {
    this.send(params === undefined ? { method } : { method, params })
  }

  /** Resolves with the first message received from now on (or already, with `includePast`) that matches. */
  waitFor(predicate: (message: Message) => boolean, timeoutMs = 20_000, label = 'a message', includePast = false): Promise<Message | undefined> {
    if (includePast) {
      const found = this.received.find(predicate)
      if (found) return Promise.resolve(found)
    }
    return new Promise((resolve) => {
      const watcher = { predicate, resolve: (message: Message) => { clearTimeout(timer); resolve(message) }, from: this.received.length }
      const timer = setTimeout(() => {
        this.watchers.splice(this.watchers.indexOf(watcher), 1)
        this.transcript.note(`recorder: ${this.name} timed out after ${timeoutMs} ms waiting for ${label}`)
        resolve(undefined)
      }, timeoutMs)
      this.watchers.push(watcher)
    })
  }

  waitForNotification(method: string, timeoutMs?: number, extra: (params: Message) => boolean = () => true): Promise<Message | undefined> {
    return this.waitFor((m) => m.method === method && m.id === undefined && extra((m.params ?? {}) as Message), timeoutMs, method)
  }

  async initialize(experimentalApi = true, clientName = 'codex-tui'): Promise<RpcOutcome> {
    const outcome = await this.request('initialize', {
      clientInfo: { name: clientName, title: null, version: '0.169.0' },
      capabilities: { experimentalApi, optOutNotificationMethods: null },
    }, 'initialize')
    this.notify('initialized')
    return outcome
  }

  private receive(line: string): void {
    if (!line.trim()) return
    let message: Message
    try { message = JSON.parse(line) as Message } catch {
      this.transcript.note(`recorder: ${this.name} received a line that is not JSON: ${line.slice(0, 200)}`)
      return
    }
    this.transcript.add({ dir: 's->c', conn: this.name, msg: message })
    this.received.push(message)
    const isResponse = message.method === undefined && message.id !== undefined
    if (isResponse) {
      const resolve = this.pending.get(message.id as number | string)
      this.pending.delete(message.id as number | string)
      resolve?.(message)
    } else if (message.id !== undefined) {
      void Promise.resolve(this.onServerRequest(message)).then((result) => {
        if (result !== undefined) this.send({ id: message.id!, result })
      })
    }
    for (const watcher of [...this.watchers]) {
      if (watcher.predicate(message)) {
        this.watchers.splice(this.watchers.indexOf(watcher), 1)
        watcher.resolve(message)
      }
    }
  }
}
