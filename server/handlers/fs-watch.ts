// fs/watch and fs/unwatch: per-connection watches (ids chosen by the client) that send
// fs/changed notifications, ending when unwatched or when the connection closes.
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { withOsErrors } from './os-error.js'
import { PathWatcher } from './path-watcher.js'
import { PerConnection } from './per-connection.js'
import type { HandlerFamily } from './family.js'

/** fs/watch and fs/unwatch; owns the watches of every connection of one server. */
export class FsWatchFamily implements HandlerFamily {
  readonly name = 'fs/watch'
  readonly #watches = new PerConnection<Map<string, PathWatcher>>(
    () => new Map(),
    (watches) => {
      for (const watcher of watches.values()) watcher.close()
    },
  )

  readonly handlers = defineHandlers({
    'fs/watch': async ({ watchId, path }, context) => {
      const watches = this.#watches.of(context.connection)
      if (watches === undefined) throw new RpcError(ErrorCode.invalidRequest, 'connection closed')
      if (watches.has(watchId)) throw new RpcError(ErrorCode.invalidRequest, `watchId already exists: ${watchId}`)
      const watcher = await withOsErrors(() => PathWatcher.start(path, (changedPaths) => {
        context.notify('fs/changed', { watchId, changedPaths })
      }))
      // fs/watch and fs/unwatch of one id are serialised by the core, but another id may have
      // taken this one's slot meanwhile only if the client reused it: check again.
      if (watches.has(watchId) || context.connection.closed.aborted) {
        watcher.close()
        if (context.connection.closed.aborted) throw new RpcError(ErrorCode.invalidRequest, 'connection closed')
        throw new RpcError(ErrorCode.invalidRequest, `watchId already exists: ${watchId}`)
      }
      watches.set(watchId, watcher)
      return { path }
    },

    'fs/unwatch': ({ watchId }, context) => {
      const watches = this.#watches.peek(context.connection.id)
      watches?.get(watchId)?.close()
      watches?.delete(watchId)
      return {}
    },
  })

  connectionClosed(connectionId: number): void {
    this.#watches.release(connectionId)
  }

  close(): void {
    this.#watches.releaseAll()
  }

  /** Number of live watches of a connection (for tests and diagnostics). */
  watchCount(connectionId: number): number {
    return this.#watches.peek(connectionId)?.size ?? 0
  }
}
