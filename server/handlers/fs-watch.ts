// fs/watch and fs/unwatch: per-connection watches (ids chosen by the client) that send
// fs/changed notifications, ending when unwatched or when the connection closes.
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { withOsErrors } from './os-error.js'
import { PathWatcher } from './path-watcher.js'
import { PerConnection } from './per-connection.js'

const watchesByConnection = new PerConnection<Map<string, PathWatcher>>(
  () => new Map(),
  (watches) => {
    for (const watcher of watches.values()) watcher.close()
  },
)

export const fsWatchHandlers = defineHandlers({
  'fs/watch': async ({ watchId, path }, context) => {
    const watches = watchesByConnection.of(context.connection)
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
    const watches = watchesByConnection.of(context.connection)
    watches?.get(watchId)?.close()
    watches?.delete(watchId)
    return {}
  },
})

/** Number of live watches of a connection (for tests and diagnostics). */
export function watchCount(connectionId: number): number {
  return watchesByConnection.peek(connectionId)?.size ?? 0
}
