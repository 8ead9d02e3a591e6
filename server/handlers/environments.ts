// environment/*: where commands run. `local` is this machine (always ready); clients add remote
// environments served by an exec server over a WebSocket. As codex does, environment/add starts
// connecting in the background, environment/status reports the state last seen without
// reconnecting, and the registry lives as long as the server (nothing is kept on disk).
import { userInfo } from 'node:os'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import WebSocket from 'ws'
import type { EnvironmentStatusResponse } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { HandlerFamily } from './family.js'

const LOCAL = 'local'
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

interface RemoteEnvironment {
  url: string
  status: EnvironmentStatusResponse
  socket: WebSocket | undefined
}

export class EnvironmentFamily implements HandlerFamily {
  readonly name = 'environment'
  readonly #remotes = new Map<string, RemoteEnvironment>()

  readonly handlers = defineHandlers({
    'environment/add': ({ environmentId, execServerUrl, authBearerToken, websocketRequestId, connectTimeoutMs }) => {
      if (environmentId === '') throw protocolError('environment id cannot be empty')
      const headers: Record<string, string> = {}
      if (authBearerToken != null) headers.Authorization = `Bearer ${authBearerToken}`
      if (websocketRequestId != null) headers['X-Request-ID'] = websocketRequestId
      if (Object.keys(headers).length > 0 && !isSecureOrLoopback(execServerUrl)) {
        throw protocolError('exec-server WebSocket headers require wss:// or a loopback destination')
      }
      this.#forget(environmentId)
      const remote: RemoteEnvironment = { url: execServerUrl, status: { status: 'pending' }, socket: undefined }
      this.#remotes.set(environmentId, remote)
      this.#connect(remote, headers, connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS)
      return {}
    },

    'environment/status': ({ environmentId }) => {
      if (environmentId === LOCAL) return { status: 'ready' }
      return this.#remotes.get(environmentId)?.status ?? { status: 'unknown', error: `unknown environment id \`${environmentId}\`` }
    },

    'environment/info': ({ environmentId }) => {
      if (environmentId === LOCAL) return { shell: localShell(), cwd: pathToFileURL(process.cwd()).href }
      const remote = this.#remotes.get(environmentId)
      if (remote === undefined) throw new RpcError(ErrorCode.invalidRequest, `unknown environment id \`${environmentId}\``)
      const reason = remote.status.status === 'ready'
        ? 'the reference server cannot query a remote exec server for its shell'
        : remote.status.error ?? 'the exec server is still connecting'
      throw new RpcError(ErrorCode.internal, `failed to get info for environment \`${environmentId}\`: ${reason}`)
    },
  })

  /** Opens the WebSocket and records what becomes of it. */
  #connect(remote: RemoteEnvironment, headers: Record<string, string>, timeoutMs: number): void {
    const failed = (reason: string) => {
      remote.status = { status: 'disconnected', error: `exec-server connection attempt failed: failed to connect to exec-server websocket \`${remote.url}\`: ${reason}` }
    }
    let socket: WebSocket
    try {
      socket = new WebSocket(remote.url, { headers, handshakeTimeout: timeoutMs })
    } catch (error) {
      failed(urlProblem(error))
      return
    }
    remote.socket = socket
    socket.on('open', () => { remote.status = { status: 'ready' } })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (remote.status.status === 'pending') failed(ioProblem(error))
    })
    socket.on('close', () => {
      if (remote.status.status === 'ready') remote.status = { status: 'disconnected', error: 'exec-server connection closed' }
    })
  }

  #forget(environmentId: string): void {
    const remote = this.#remotes.get(environmentId)
    remote?.socket?.removeAllListeners()
    remote?.socket?.on('error', () => {})
    remote?.socket?.terminate()
    this.#remotes.delete(environmentId)
  }

  close(): void {
    for (const environmentId of [...this.#remotes.keys()]) this.#forget(environmentId)
  }
}

/** The user's login shell, as codex reports the local one. */
function localShell(): { name: string; path: string } {
  let path = process.env.SHELL
  try {
    path = userInfo().shell ?? path
  } catch {
    // no password entry for this user: keep $SHELL
  }
  path ??= '/bin/sh'
  return { name: basename(path), path }
}

function isSecureOrLoopback(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url)
    return protocol === 'wss:' || hostname === 'localhost' || /^127\./.test(hostname) || hostname === '[::1]'
  } catch {
    return false
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

function protocolError(reason: string): RpcError {
  return new RpcError(ErrorCode.invalidRequest, `exec-server protocol error: ${reason}`)
}
