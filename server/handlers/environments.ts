// environment/*: where commands run. `local` is this machine (always ready); clients add remote
// environments served by a codex exec server over a WebSocket. As codex does, environment/add
// starts connecting (and the exec server's handshake) in the background, environment/status
// reports the state last seen without reconnecting, environment/info asks the exec server, and
// the registry lives as long as the server (nothing is kept on disk).
import { userInfo } from 'node:os'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EnvironmentStatusResponse } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { ExecServerLink } from './exec-server-link.js'
import type { HandlerFamily } from './family.js'

const LOCAL = 'local'
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

interface RemoteEnvironment {
  status: EnvironmentStatusResponse
  link: ExecServerLink | undefined
  abort: () => void
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
      const { link, abort } = ExecServerLink.open(execServerUrl, headers, connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS)
      const remote: RemoteEnvironment = { status: { status: 'pending' }, link: undefined, abort }
      this.#remotes.set(environmentId, remote)
      link.then((connected) => {
        if (this.#remotes.get(environmentId) !== remote) return connected.close() // replaced or closed meanwhile
        remote.link = connected
        remote.status = { status: 'ready' }
      }, (error: Error) => {
        remote.status = { status: 'disconnected', error: `exec-server connection attempt failed: ${error.message}` }
      })
      return {}
    },

    // The state last seen: a link that dropped later stays `ready` until it is used, as in codex.
    'environment/status': ({ environmentId }) => {
      if (environmentId === LOCAL) return { status: 'ready' }
      return this.#remotes.get(environmentId)?.status ?? { status: 'unknown', error: `unknown environment id \`${environmentId}\`` }
    },

    'environment/info': async ({ environmentId }) => {
      if (environmentId === LOCAL) return { shell: localShell(), cwd: pathToFileURL(process.cwd()).href }
      const remote = this.#remotes.get(environmentId)
      if (remote === undefined) throw new RpcError(ErrorCode.invalidRequest, `unknown environment id \`${environmentId}\``)
      const failed = (reason: string) => new RpcError(ErrorCode.internal, `failed to get info for environment \`${environmentId}\`: ${reason}`)
      if (remote.link === undefined) throw failed(remote.status.error ?? 'the exec server is still connecting')
      try {
        const { shell, cwd } = await remote.link.info()
        return { shell: { name: shell.name, path: shell.path }, cwd: cwd ?? null }
      } catch (error) {
        throw failed(error instanceof Error ? error.message : String(error))
      }
    },
  })

  #forget(environmentId: string): void {
    const remote = this.#remotes.get(environmentId)
    this.#remotes.delete(environmentId)
    remote?.abort()
    remote?.link?.close()
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

function protocolError(reason: string): RpcError {
  return new RpcError(ErrorCode.invalidRequest, `exec-server protocol error: ${reason}`)
}
