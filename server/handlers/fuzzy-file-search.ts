// fuzzyFileSearch and its sessions. A one-shot search indexes the roots and answers the best
// matches; a newer search with the same cancellation token cancels an older one still running
// (which then answers no matches). A session indexes its roots once and answers each new query
// with `fuzzyFileSearch/sessionUpdated` (that query's matches) then
// `fuzzyFileSearch/sessionCompleted`, as codex does; sessions belong to the connection that
// started them and end with it.
import { isAbsolute } from 'node:path'
import { defineHandlers, ErrorCode, RpcError, type HandlerContext } from '../handler-types.js'
import type { HandlerFamily } from './family.js'
import { indexRoots, matchEntries, type IndexedEntry } from './file-index.js'

interface SearchSession {
  readonly roots: string[]
  /** Aborted when the session stops or is replaced. */
  readonly stopped: AbortController
  index: Promise<IndexedEntry[]>
  /** The query whose results are owed; a newer one supersedes it. */
  query: string
  context: HandlerContext
}

export class FuzzyFileSearchFamily implements HandlerFamily {
  readonly name = 'fuzzy-file-search'
  /** Per connection: its sessions by id, and its running one-shot searches by cancellation token. */
  readonly #sessions = new Map<number, Map<string, SearchSession>>()
  readonly #tokens = new Map<number, Map<string, AbortController>>()

  readonly handlers = defineHandlers({
    fuzzyFileSearch: async ({ query, roots, cancellationToken }, context) => {
      const cancel = new AbortController()
      const tokens = this.#forConnection(this.#tokens, context.connection.id)
      if (cancellationToken != null) {
        tokens.get(cancellationToken)?.abort()
        tokens.set(cancellationToken, cancel)
      }
      const signal = AbortSignal.any([cancel.signal, context.signal])
      try {
        const entries = await indexRoots(searchable(roots), signal)
        return { files: signal.aborted ? [] : matchEntries(entries, query) }
      } finally {
        if (cancellationToken != null && tokens.get(cancellationToken) === cancel) tokens.delete(cancellationToken)
      }
    },

    'fuzzyFileSearch/sessionStart': ({ sessionId, roots }, context) => {
      if (sessionId === '') throw new RpcError(ErrorCode.invalidRequest, 'sessionId must not be empty')
      if (roots.length === 0) throw new RpcError(ErrorCode.internal, 'failed to start fuzzy file search session: at least one search directory is required')
      const sessions = this.#forConnection(this.#sessions, context.connection.id)
      sessions.get(sessionId)?.stopped.abort()
      const stopped = new AbortController()
      const session: SearchSession = { roots, stopped, index: indexRoots(searchable(roots), stopped.signal), query: '', context }
      sessions.set(sessionId, session)
      context.afterResponse(() => void this.#answer(sessionId, session))
      return {}
    },

    'fuzzyFileSearch/sessionUpdate': ({ sessionId, query }, context) => {
      const session = this.#sessions.get(context.connection.id)?.get(sessionId)
      if (session === undefined) throw new RpcError(ErrorCode.invalidRequest, `fuzzy file search session not found: ${sessionId}`)
      session.query = query
      session.context = context
      context.afterResponse(() => void this.#answer(sessionId, session))
      return {}
    },

    // Stopping a session that is not there (any more) succeeds, as in codex.
    'fuzzyFileSearch/sessionStop': ({ sessionId }, context) => {
      const sessions = this.#sessions.get(context.connection.id)
      sessions?.get(sessionId)?.stopped.abort()
      sessions?.delete(sessionId)
      return {}
    },
  })

  /** Sends the matches of the session's current query once its index is ready. */
  async #answer(sessionId: string, session: SearchSession): Promise<void> {
    const query = session.query
    const entries = await session.index
    // A stopped session, or a query superseded while the index was being built, owes nothing.
    if (session.stopped.signal.aborted || session.query !== query) return
    session.context.notify('fuzzyFileSearch/sessionUpdated', { sessionId, query, files: matchEntries(entries, query) })
    session.context.notify('fuzzyFileSearch/sessionCompleted', { sessionId })
  }

  #forConnection<V>(table: Map<number, Map<string, V>>, connectionId: number): Map<string, V> {
    let entries = table.get(connectionId)
    if (entries === undefined) table.set(connectionId, (entries = new Map()))
    return entries
  }

  connectionClosed(connectionId: number): void {
    for (const session of this.#sessions.get(connectionId)?.values() ?? []) session.stopped.abort()
    for (const cancel of this.#tokens.get(connectionId)?.values() ?? []) cancel.abort()
    this.#sessions.delete(connectionId)
    this.#tokens.delete(connectionId)
  }

  close(): void {
    for (const connectionId of [...this.#sessions.keys(), ...this.#tokens.keys()]) this.connectionClosed(connectionId)
  }
}

/** Roots a search can look in: absolute paths only (a relative one has no defined base here). */
function searchable(roots: readonly string[]): string[] {
  return roots.filter((root) => isAbsolute(root))
}
