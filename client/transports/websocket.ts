// Websocket transports (the `ws` package): one JSON-RPC message per text frame, over TCP
// (`ws://HOST:PORT`) or a unix socket (the reference server's `--listen unix://PATH`, same framing).
// Auth is codex's: `Authorization: Bearer <token>` with a capability token or a signed JWT. A refused
// upgrade rejects the open with the HTTP status and the server's one-line reason.
import type { IncomingMessage } from 'node:http'
import type WebSocket from 'ws'
import type { Transport, TransportEvents, TransportFactory } from '../transport.js'

/** Largest accepted message: codex's own limit (16 MiB). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024

export interface WebsocketOptions {
  /** `ws://HOST:PORT` (any path). */
  url: string
  /** A capability token or a signed bearer token (JWT), sent as `Authorization: Bearer <token>`. */
  token?: string
  headers?: Record<string, string>
  /** Gives up opening after this long (default 10 s). */
  openTimeoutMs?: number
}

export function websocket(options: WebsocketOptions): TransportFactory {
  return openWebsocket(options.url, options.url, options)
}

/** The reference server's unix socket (`--listen unix://PATH`): websocket frames over the socket file. */
export function unixSocket(options: Omit<WebsocketOptions, 'url'> & { path: string }): TransportFactory {
  if (options.path.includes(':')) throw new Error(`unix socket path ${options.path} must not contain ':'`)
  return openWebsocket(`ws+unix:${options.path}:/`, `unix://${options.path}`, options)
}

function openWebsocket(url: string, label: string, options: Omit<WebsocketOptions, 'url'>): TransportFactory {
  return async (events) => {
    // Loaded on first use: a client on another transport never pays for it.
    const { default: WebSocketClass } = await import('ws')
    return openSocket(WebSocketClass, url, label, options, events)
  }
}

function openSocket(WebSocketClass: typeof WebSocket, url: string, label: string, options: Omit<WebsocketOptions, 'url'>, events: TransportEvents): Promise<Transport> {
  return new Promise<Transport>((resolve, reject) => {
    const headers = { ...options.headers, ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}) }
    const socket: WebSocket = new WebSocketClass(url, { headers, perMessageDeflate: false, maxPayload: MAX_MESSAGE_BYTES, handshakeTimeout: options.openTimeoutMs ?? 10_000 })
    let open = false
    let closing = false
    const fail = (why: string) => {
      if (open) return
      reject(new Error(`cannot connect to ${label}: ${why}`))
      socket.terminate()
    }
    socket.once('unexpected-response', (_request, response: IncomingMessage) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => { if (body.length < 500) body += chunk })
      response.on('end', () => fail(`HTTP ${response.statusCode}${body.trim() ? ` ${body.trim()}` : ''}`))
      response.on('error', () => fail(`HTTP ${response.statusCode}`))
    })
    socket.on('error', (error) => {
      if (open) events.error(new Error(`${label}: ${error.message}`))
      else fail(error.message)
    })
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) events.error(new Error(`${label}: dropped a binary frame of ${data.length} bytes; messages are text frames`))
      else events.message(data.toString('utf8'))
    })
    socket.once('close', (code: number, reason: Buffer) => {
      if (!open) return
      const why = reason.length > 0 ? `: ${reason.toString('utf8')}` : ''
      events.closed({ reason: `${label} closed (websocket code ${code}${why})`, requested: closing })
    })
    socket.once('open', () => {
      open = true
      resolve({
        label,
        send: (text) => {
          if (socket.readyState !== WebSocketClass.OPEN) throw new Error(`${label} is not open`)
          socket.send(text)
        },
        close: () => {
          if (closing) return
          closing = true
          socket.close(1000)
          // A peer that never answers the close frame (codex drops TCP instead) is cut off.
          setTimeout(() => socket.terminate(), 1000).unref()
        },
      })
    })
  })
}
