// Small in-memory protocol definitions for unit tests: a few types and methods, nothing else.
import type { ClientNotificationDef, ClientRequestDef, NamedType, ProtocolDefinition, ServerNotificationDef, ServerRequestDef } from '../../../protocol/dsl/index.js'
import { buildModel } from '../../../generator/model/build-model.js'
import type { MetaModel, SchemaNode } from '../../../protocol/model/meta-model.js'
import { toPlain } from '../../../generator/model/schema-nodes.js'

export interface MiniProtocol {
  types: NamedType[]
  clientRequests?: ClientRequestDef[]
  serverRequests?: ServerRequestDef[]
  serverNotifications?: ServerNotificationDef[]
  clientNotifications?: ClientNotificationDef[]
  standaloneTypes?: NamedType[]
  families?: Record<string, NamedType[]>
  /** Supported versions, oldest first (default: one test version). */
  versions?: string[]
}

export function miniProtocol(parts: MiniProtocol): ProtocolDefinition {
  return {
    versions: parts.versions ?? ['0.0.0-test'],
    tables: {
      clientRequests: parts.clientRequests ?? [],
      serverRequests: parts.serverRequests ?? [],
      serverNotifications: parts.serverNotifications ?? [],
      clientNotifications: parts.clientNotifications ?? [],
    },
    standaloneTypes: parts.standaloneTypes ?? [],
    types: parts.types,
    ...(parts.families ? { families: parts.families } : {}),
  }
}

export function miniModel(parts: MiniProtocol): MetaModel {
  return buildModel(miniProtocol(parts))
}

/** The JSON Schema a builder produced, as plain data (TypeBox's hidden modifiers dropped). */
export function plain(schema: unknown): SchemaNode {
  return toPlain(schema) as SchemaNode
}

/** The problems a definition is rejected with, or a failure when it is accepted. */
export function definitionProblems(def: ProtocolDefinition): string[] {
  try {
    buildModel(def)
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems
    if (Array.isArray(problems)) return problems as string[]
    throw error
  }
  throw new Error('expected buildModel to reject the definition')
}
