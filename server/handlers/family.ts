// A handler family: the requests of one protocol area (config, fs, command/exec, threads, …) and
// the state they share, as one object created per server. Families learn of closing connections
// through `connectionClosed`, so per-connection resources (processes, watches, subscriptions) end
// with the connection that made them, and nothing is shared between two servers in one process.
// Creating a family does no I/O: state on disk is opened on first use (or by an explicit start).
import type { Logger } from '../log.js'
import type { ServerNotificationMap, ServerRequestMap } from '../../generated/experimental/index.js'
import type { ClientRequestMethod, HandlerMap, ServerNotificationMethod, ServerRequestMethod, ServerRequestOptions } from '../handler-types.js'

/**
 * The server's live connections, for families whose state outlives one request (a thread's
 * subscribers, notifications to every client). Connections that closed are skipped.
 */
export interface ConnectionDirectory {
  /** Sends a notification to one connection (subject to its opt-outs and capabilities); false when its output is backed up or it is gone. */
  notify<M extends ServerNotificationMethod>(connectionId: number, method: M, params: ServerNotificationMap[M]['params']): boolean
  /** Sends a notification to every initialized connection. */
  broadcast<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']): void
  /** Sends a request to one connection's client and waits for its answer; it fails if that connection closes. */
  request<M extends ServerRequestMethod>(connectionId: number, method: M, params: ServerRequestMap[M]['params'], options?: ServerRequestOptions): Promise<ServerRequestMap[M]['result']>
  /**
   * Sends one request, under one id, to several connections; the first answer settles it. It stays
   * pending when they all close (to be sent again to a connection that joins), until answered or withdrawn.
   */
  requestShared<M extends ServerRequestMethod>(connectionIds: Iterable<number>, method: M, params: ServerRequestMap[M]['params']): SharedServerRequest<ServerRequestMap[M]['result']>
}

/** A request sent to several connections (see ConnectionDirectory.requestShared). */
export interface SharedServerRequest<R> {
  readonly id: number
  /** Settles with the first answer: its result, or an RpcError for an error or a malformed answer. */
  readonly answer: Promise<R>
  /** Sends it again, under the same id, to a connection that joined since; false once settled. */
  sendTo(connectionId: number): boolean
  /** Stops waiting: later answers are ignored and `answer` never settles; false when already settled. */
  withdraw(): boolean
}

/** What a server gives each of its families when it creates them. */
export interface FamilyEnvironment {
  /** The server's state folder (config, threads, …). */
  readonly home: string
  /** The codex release whose protocol the server speaks (stamped on threads it creates). */
  readonly codexVersion: string
  readonly log: Logger
  readonly connections: ConnectionDirectory
  /**
   * The first reason `value` is not a valid instance of the named protocol type (such as
   * `Config`), worded as codex words decode errors; undefined when it is valid.
   */
  describeTypeError(typeName: string, value: unknown): string | undefined
  /** Requests the server is handling now and those waiting for their turn (server/diagnostics); absent where nothing counts them. */
  requestGauges?(): { inFlight: number; queued: number }
}

export interface HandlerFamily {
  /** Names the family in logs and diagnostics. */
  readonly name: string
  /** The requests this family answers. */
  readonly handlers: HandlerMap
  /**
   * Those of `handlers` that only answer the error codex gives when it is offline (no account, no
   * network service): answered faithfully, but not counted as implemented by `check:handlers`.
   */
  readonly offlineErrors?: readonly ClientRequestMethod[]
  /** The server is starting: open what the family keeps on disk (a failure stops the start). */
  start?(): Promise<void>
  /** A connection of this server closed: release everything that belongs to it. */
  connectionClosed?(connectionId: number): void
  /** The input of a stdio server's one client ended: stop what it started, at once. */
  clientInputEnded?(): void
  /** The server is shutting down: end whatever the family still runs. */
  close?(): void | Promise<void>
}

/** One handler per method across the families; two families answering one method is a bug. */
export function mergeHandlers(families: readonly HandlerFamily[]): HandlerMap {
  const table: HandlerMap = {}
  const owner = new Map<string, string>()
  for (const family of families) {
    for (const [method, handler] of Object.entries(family.handlers)) {
      const earlier = owner.get(method)
      if (earlier !== undefined) throw new Error(`handler families ${earlier} and ${family.name} both answer ${method}`)
      owner.set(method, family.name)
      ;(table as Record<string, unknown>)[method as ClientRequestMethod] = handler
    }
  }
  return table
}
