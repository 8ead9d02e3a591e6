// Turns a method's serialization scope and its params into the queue key the request runs under.
// The model flags per-connection scopes (ids chosen by each client): their keys include the
// connection id, so two clients using the same id never share a queue.
import { isRecord } from '../../protocol/model/json-data.js'
import type { ScopeModel } from '../model/protocol-model.js'

export interface QueueKey {
  key: string
  /** Runs together with the other shared reads at the head of its queue. */
  shared: boolean
}

/** The queue of a request, or undefined when it runs at once, unordered. */
export function resolveScopeKey(scope: ScopeModel, params: unknown, connectionId: number): QueueKey | undefined {
  const field = (name: string): unknown => (isRecord(params) ? params[name] : undefined)
  const exclusive = (kind: string, id: unknown): QueueKey => ({
    key: scope.perConnection ? `${kind}:${connectionId}:${text(id)}` : `${kind}:${text(id)}`,
    shared: false,
  })
  switch (scope.kind) {
    case 'none':
      return undefined
    case 'global':
      return { key: `global:${scope.bucket}`, shared: false }
    case 'globalSharedRead':
      return { key: `global:${scope.bucket}`, shared: true }
    case 'thread':
      return exclusive('thread', field(scope.field))
    case 'optionalThread': {
      const id = field(scope.field)
      return isAbsent(id) ? undefined : exclusive('thread', id)
    }
    case 'threadOrPath': {
      const id = field(scope.threadField)
      if (!isAbsent(id) && id !== '') return exclusive('thread', id)
      const path = field(scope.pathField)
      return isAbsent(path) ? undefined : exclusive('path', path)
    }
    case 'commandProcess':
      return exclusive('commandProcess', field(scope.field))
    case 'optionalCommandProcess': {
      const id = field(scope.field)
      return isAbsent(id) ? undefined : exclusive('commandProcess', id)
    }
    case 'processHandle':
    case 'fsWatch':
    case 'fuzzySession':
    case 'mcpOauthServer':
      return exclusive(scope.kind, field(scope.field))
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? ''
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null
}
