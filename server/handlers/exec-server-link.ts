// A client connection to a codex exec server (a remote environment): JSON-RPC over a WebSocket,
// opened with the exec server's handshake (`initialize` with the client's name, answered with
// the environment's facts, then the `initialized` notification), as `codex exec-server` 0.169.0
// expects it. Requests wait for their answer, up to a timeout.
import WebSocket from 'ws'

const CLIENT_NAME = 'reference-app-server'
const REQUEST_TIMEOUT_MS = 10_000

export interface EnvironmentFacts {
  shell: { name: string; path: string }
  cwd?: string | null
}

type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }

export class ExecServerLink {
  readonly #socket: WebSocket
  readonly #pending = new Map<number, Pending>()
  #nextId = 1
  /** Why the link is not usable, once it is not. */
  #closedBecause: string | undefined

  private constructor(socket: WebSocket) {
    this.#socket = socket
    socket.on('message', (data) => this.#receive(data.toString()))
    socket.on('close', () => this.#fail('exec-server connection closed'))
    socket.on('error', (error) => this.#fail(error.message))
  }

  /**
   * Connects and completes the handshake. Rejects with the reason in codex's words when the
   * WebSocket cannot be opened or the exec server refuses the handshake.
   */
  static open(url: string, headers: Record<string, string>, timeoutMs: number): { link: Promise<ExecServerLink>; abort: () => void } {
    let socket: WebSocket | undefined
    const link = new Promise<ExecServerLink>((resolve, reject) => {
      const failed = (reason: string) => reject(new Error(`failed to connect to exec-server websocket \`${url}\`: ${reason}`))
      try {
        socket = new WebSocket(url, { headers, handshakeTimeout: timeoutMs })
      } catch (error) {
        failed(urlProblem(error))
        return
      }
      const opened = socket
      opened.once('error', (error: NodeJS.ErrnoException) => failed(ioProblem(error)))
      opened.once('open', () => {
        opened.removeAllListeners('error')
        const connected = new ExecServerLink(opened)
        connected.request('initialize', { clientName: CLIENT_NAME })
          .then(() => {
            connected.#notify('initialized')
            resolve(connected)
          }, (error: Error) => {
            connected.close()
            reject(new Error(`exec-server handshake failed: ${error.message}`))
          })
      })
    })
    return { link, abort: () => socket?.terminate() }
  }

  /** The shell and working folder the exec server reports now. */
  async info(): Promise<EnvironmentFacts> {
    return (await this.request('environment/info', undefined)) as EnvironmentFacts
  }

  request(method: string, params: unknown): Promise<unknown> {
    if (this.#closedBecause !== undefined) return Promise.reject(new Error(this.#closedBecause))
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new Error(`exec-server did not answer \`${method}\` within ${REQUEST_TIMEOUT_MS} ms`))
      }, REQUEST_TIMEOUT_MS)
      this.#pending.set(id, { resolve, reject, timer })
      this.#socket.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }))
    })
  }

  close(): void {
    this.#fail('exec-server connection closed')
    this.#socket.removeAllListeners()
    this.#socket.on('error', () => {})
    this.#socket.terminate()
  }

  #notify(method: string): void {
    this.#socket.send(JSON.stringify({ method }))
  }

  #receive(text: string): void {
    let message: { id?: unknown; result?: unknown; error?: { message?: unknown } }
    try {
      message = JSON.parse(text) as typeof message
    } catch {
      return // not JSON-RPC: nothing waits for it
    }
    const pending = typeof message.id === 'number' ? this.#pending.get(message.id) : undefined
    if (pending === undefined) return // a notification, or an answer that timed out
    this.#pending.delete(message.id as number)
    clearTimeout(pending.timer)
    if (message.error !== undefined) pending.reject(new Error(String(message.error.message ?? 'exec-server error')))
    else pending.resolve(message.result)
  }

  #fail(reason: string): void {
    this.#closedBecause ??= reason
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer)
      reject(new Error(reason))
    }
    this.#pending.clear()
  }
}

/** An OS error worded as codex's networking library words it. */
function ioProblem(error: NodeJS.ErrnoException): string {
  const refused = error.code === 'ECONNREFUSED' ? 'Connection refused (os error 111)' : undefined
  return `IO error: ${refused ?? error.message}`
}

function urlProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return /protocol|scheme/i.test(message) ? 'URL error: URL scheme not supported' : `URL error: ${message}`
}
