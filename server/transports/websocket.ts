// Websocket transport on fastify + @fastify/websocket, over TCP (`ws://IP:PORT`) or a unix socket
// (`unix://PATH`, same framing): one JSON-RPC message per text frame. Health probes answer without
// auth, any Origin header is refused, and auth happens before the upgrade, as codex does.
import { lstat, mkdir, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import type { ServerCore } from '../core/server-core.js'
import { authorizationFailure, type WsAuth } from './ws-auth.js'

/** Largest accepted message; a bigger frame closes the connection (codex: 16 MiB). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024

/**
 * Largest accepted HTTP request head. Node's default (16 KiB) refuses long bearer tokens with 431;
 * codex takes a head of about 512 KiB (a 520,000-byte token passes, 524,000 bytes get 431).
 */
export const MAX_HEADER_BYTES = 512 * 1024

const PROBE_PATHS = ['/healthz', '/readyz']

export type WebsocketListen = { kind: 'ws'; host: string; port: number } | { kind: 'unix'; path: string }

export interface WebsocketServer {
  /** `ws://IP:PORT` with the real port, or `unix://PATH`. */
  address: string
  close(): Promise<void>
}

export async function serveWebsocket(core: ServerCore, listen: WebsocketListen, auth: WsAuth | undefined): Promise<WebsocketServer> {
  const [{ default: Fastify }, { default: websocketPlugin }] = await Promise.all([import('fastify'), import('@fastify/websocket')])
  const app = Fastify({ logger: false, forceCloseConnections: true, http: { maxHeaderSize: MAX_HEADER_BYTES } })
  // Browsers send Origin; codex refuses every request that carries one, probes included.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (request.headers.origin !== undefined) {
      refuse(request, reply, 403)
      return
    }
    done()
  })
  // Probes answer GET and HEAD (fastify adds HEAD), also when the request asks for an upgrade, as
  // codex does: they are declared before the websocket plugin, which only takes over later routes.
  const probe = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.upgrade !== undefined) closeAfterReply(request, reply)
    return reply.code(200).send()
  }
  for (const url of PROBE_PATHS) {
    app.get(url, probe)
    app.route({
      method: ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      url,
      handler: (_request: FastifyRequest, reply: FastifyReply) => reply.code(405).header('allow', 'GET,HEAD').send(),
    })
  }

  await app.register(websocketPlugin, {
    options: { maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: true },
    // ws closes the connection itself (e.g. 1009 for an oversized message); only say why.
    errorHandler: (error: Error) => core.log.warn(`websocket: connection error: ${error.message}`),
  })

  app.route({
    method: 'GET',
    url: '/*',
    preValidation: (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      const failure = auth ? authorizationFailure(request.headers.authorization, auth) : undefined
      if (failure) {
        refuse(request, reply, 401, failure)
        return
      }
      done()
    },
    handler: (_request: FastifyRequest, reply: FastifyReply) =>
      reply.code(400).type('text/plain; charset=utf-8').send("Connection header did not include 'upgrade'"),
    wsHandler: (socket: WebSocket) => attachConnection(core, socket),
  })
  app.route({
    method: ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/*',
    handler: (_request: FastifyRequest, reply: FastifyReply) => reply.code(405).type('text/plain; charset=utf-8').send('Request method must be `GET`'),
  })

  if (listen.kind === 'unix') await prepareSocketPath(listen.path)
  await app.listen(listen.kind === 'unix' ? { path: listen.path } : { host: listen.host, port: listen.port })
  const address = app.server.address()
  const url = listen.kind === 'unix'
    ? `unix://${listen.path}`
    : `ws://${formatHost(listen.host)}:${typeof address === 'object' && address ? address.port : listen.port}`
  return {
    address: url,
    close: async () => {
      await app.close()
      if (listen.kind === 'unix') await unlink(listen.path).catch(() => {})
    },
  }
}

function attachConnection(core: ServerCore, socket: WebSocket): void {
  const raw = (socket as unknown as { _socket: Socket })._socket
  const connection = core.openConnection((id) => ({
    label: `ws#${id}`,
    write: (messages) => {
      // One syscall for everything sent in this turn of the event loop.
      raw.cork()
      for (const message of messages) socket.send(message)
      raw.uncork()
    },
    bufferedBytes: () => socket.bufferedAmount,
    pauseInput: () => socket.pause(),
    resumeInput: () => socket.resume(),
    close: () => socket.terminate(),
  }))
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      core.log.warn(`${connection.label}: dropped a binary frame (${data.length} bytes); messages must be text frames`)
      return
    }
    connection.receive(data.toString('utf8'))
  })
  socket.on('close', () => connection.dispose())
  raw.on('drain', () => connection.outputDrained())
}

/**
 * Answers with an error status. A refused upgrade request arrives on a socket the HTTP server no
 * longer reads from, so that socket is closed once the answer is written.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, body?: string): void {
  if (request.headers.upgrade !== undefined) closeAfterReply(request, reply)
  if (body === undefined) void reply.code(status).send()
  else void reply.code(status).type('text/plain; charset=utf-8').send(body)
}

function closeAfterReply(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('connection', 'close')
  reply.raw.once('finish', () => request.raw.socket.end())
}

/** A stale socket file from an earlier run would make listen fail; other files are left alone. */
async function prepareSocketPath(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const existing = await lstat(path).catch(() => undefined)
  if (existing?.isSocket()) await unlink(path)
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}
