// Turns a method's serialization scope and its params into the queue key the request runs under.
// Keys of per-connection scopes include the connection id: those ids are chosen by each client.
import type { Scope } from '../../protocol/dsl/methods.js'

export interface QueueKey {
  key: string
  /** Runs together with the other shared reads at the head of its queue. */
  shared: boolean
}

/** The queue of a request, or undefined when it runs at once, unordered. */
export function resolveScopeKey(scope: Scope, params: unknown, connectionId: number): QueueKey | undefined {
  const field = (name: string): unknown => (isRecord(params) ? params[name] : undefined)
  const exclusive = (key: string): QueueKey => ({ key, shared: false })
  switch (scope.kind) {
    case 'none':
      return undefined
    case 'global':
      return exclusive(`global:${scope.bucket}`)
    case 'globalSharedRead':
      return { key: `global:${scope.bucket}`, shared: true }
    case 'thread':
      return exclusive(`thread:${text(field(scope.field))}`)
    case 'optionalThread': {
      const id = field(scope.field)
      return isAbsent(id) ? undefined : exclusive(`thread:${text(id)}`)
    }
    case 'threadOrPath': {
      const id = field(scope.threadField)
      if (!isAbsent(id) && id !== '') return exclusive(`thread:${text(id)}`)
      const path = field(scope.pathField)
      return isAbsent(path) ? undefined : exclusive(`path:${text(path)}`)
    }
    case 'commandProcess':
      return exclusive(`commandProcess:${connectionId}:${text(field(scope.field))}`)
    case 'optionalCommandProcess': {
      const id = field(scope.field)
      return isAbsent(id) ? undefined : exclusive(`commandProcess:${connectionId}:${text(id)}`)
    }
    case 'processHandle':
      return exclusive(`processHandle:${connectionId}:${text(field(scope.field))}`)
    case 'fsWatch':
      return exclusive(`fsWatch:${connectionId}:${text(field(scope.field))}`)
    case 'fuzzySession':
      return exclusive(`fuzzySession:${text(field(scope.field))}`)
    case 'mcpOauthServer':
      return exclusive(`mcpOauthServer:${text(field(scope.field))}`)
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? ''
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
