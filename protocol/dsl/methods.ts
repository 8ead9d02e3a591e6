// The method-table vocabulary: one entry per JSON-RPC method, per direction.
import type { NamedType } from './schema.js'

/**
 * How a client request is ordered against other requests (codex's serialization scopes).
 * Requests with the same key run one at a time in arrival order; different keys run in parallel.
 * Field names are wire (camelCase) names of the params object.
 */
export type Scope =
  /** Runs at once, concurrently with everything. */
  | { kind: 'none' }
  /** One FIFO queue per bucket, shared by all connections; exclusive. */
  | { kind: 'global'; bucket: string }
  /** The bucket's queue, but consecutive shared reads at its head run together. */
  | { kind: 'globalSharedRead'; bucket: string }
  /** One queue per thread id, across connections. */
  | { kind: 'thread'; field: string }
  /** The thread's queue when the id is present, otherwise unordered. */
  | { kind: 'optionalThread'; field: string }
  /** The thread's queue when the id is non-empty, otherwise a queue keyed by the path. */
  | { kind: 'threadOrPath'; threadField: string; pathField: string }
  /** Keyed by (connection, client-chosen process id). */
  | { kind: 'commandProcess'; field: string }
  /** Like `commandProcess` when the id is present, otherwise unordered. */
  | { kind: 'optionalCommandProcess'; field: string }
  /** Keyed by (connection, process handle). */
  | { kind: 'processHandle'; field: string }
  /** Keyed by the fuzzy-search session id, across connections. */
  | { kind: 'fuzzySession'; field: string }
  /** Keyed by (connection, watch id). */
  | { kind: 'fsWatch'; field: string }
  /** Keyed by the MCP server name, across connections. */
  | { kind: 'mcpOauthServer'; field: string }

export type ScopeKind = Scope['kind']

/** Scope kinds whose keys are private to one connection (ids chosen by that client). */
export const PER_CONNECTION_SCOPES: ReadonlySet<ScopeKind> = new Set(['commandProcess', 'optionalCommandProcess', 'processHandle', 'fsWatch'])

/** Builders for scopes, read like the registry's prose: `scope.thread('threadId')`. */
export const scope = {
  none: { kind: 'none' } as Scope,
  global: (bucket: string): Scope => ({ kind: 'global', bucket }),
  globalSharedRead: (bucket: string): Scope => ({ kind: 'globalSharedRead', bucket }),
  thread: (field: string): Scope => ({ kind: 'thread', field }),
  optionalThread: (field: string): Scope => ({ kind: 'optionalThread', field }),
  threadOrPath: (threadField: string, pathField: string): Scope => ({ kind: 'threadOrPath', threadField, pathField }),
  commandProcess: (field: string): Scope => ({ kind: 'commandProcess', field }),
  optionalCommandProcess: (field: string): Scope => ({ kind: 'optionalCommandProcess', field }),
  processHandle: (field: string): Scope => ({ kind: 'processHandle', field }),
  fuzzySession: (field: string): Scope => ({ kind: 'fuzzySession', field }),
  fsWatch: (field: string): Scope => ({ kind: 'fsWatch', field }),
  mcpOauthServer: (field: string): Scope => ({ kind: 'mcpOauthServer', field }),
}

/** The compact text form used in `x-serialization` and the reference tables (`thread:threadId`). */
export function formatScope(s: Scope): string {
  switch (s.kind) {
    case 'none': return 'none'
    case 'global': return `global:${s.bucket}`
    case 'globalSharedRead': return `global_shared_read:${s.bucket}`
    case 'threadOrPath': return `thread_or_path:${s.threadField},${s.pathField}`
    default: return `${SCOPE_TEXT[s.kind]}:${s.field}`
  }
}

const SCOPE_TEXT = {
  thread: 'thread',
  optionalThread: 'optional_thread',
  commandProcess: 'command_process',
  optionalCommandProcess: 'optional_command_process',
  processHandle: 'process_handle',
  fuzzySession: 'fuzzy_session',
  fsWatch: 'fs_watch',
  mcpOauthServer: 'mcp_oauth_server',
} as const

/**
 * The params of a method: a named object type that must be sent, one that may be left out or
 * null (`optionalParams(T)`), or none at all (`noParams`: absent, `{}` or `null` on the wire).
 */
export type Params =
  | NamedType
  | { readonly presence: 'optional'; readonly type: NamedType }
  | { readonly presence: 'none' }

export const noParams: Params = { presence: 'none' }
export const optionalParams = (type: NamedType): Params => ({ presence: 'optional', type })

interface MethodCommon {
  /** Wire name, e.g. `thread/start`. */
  method: string
  /** One line for SDK authors (our words). */
  description?: string
  /** `true` uses the method name as the reason, codex's convention. */
  experimental?: true | string
  deprecated?: string
  /** First codex release with the method (see dsl/versions.ts). */
  added?: string
  /** First codex release without the method. */
  removed?: string
}

export interface ClientRequestDef extends MethodCommon {
  params: Params
  result: NamedType
  /** Required: every client request says how it is ordered against others. */
  scope: Scope
  /** Why a non-obvious scope was chosen. */
  scopeRationale?: string
  /** Present only in codex's TypeScript output (legacy methods the JSON bundle omits). */
  tsOnly?: true
}

export interface ServerRequestDef extends MethodCommon {
  params: NamedType
  result: NamedType
}

export interface ServerNotificationDef extends MethodCommon {
  params: NamedType
  tsOnly?: true
}

export interface ClientNotificationDef extends MethodCommon {
  params?: NamedType
}

/** The four method tables, the only hand-written lists of methods. */
export interface MethodTables {
  clientRequests: readonly ClientRequestDef[]
  serverRequests: readonly ServerRequestDef[]
  serverNotifications: readonly ServerNotificationDef[]
  clientNotifications: readonly ClientNotificationDef[]
}
