// Small readers over plain JSON Schema nodes, shared by the model builder, projection and emitters.
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { EXPERIMENTAL_KEY } from '../../protocol/dsl/schema.js'
import { forEachNode, isRecord } from '../../protocol/model/json-data.js'

export { EXPERIMENTAL_KEY } from '../../protocol/dsl/schema.js'
export { forEachNode, isRecord, unionArms } from '../../protocol/model/json-data.js'

/** Plain-data copy of a TypeBox schema: drops TypeBox's hidden modifier keys. */
export function toPlain(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toPlain)
  if (schema === null || typeof schema !== 'object') return schema
  const out: SchemaNode = {}
  for (const key of Object.keys(schema)) out[key] = toPlain((schema as SchemaNode)[key])
  return out
}

export function refName(node: SchemaNode): string | undefined {
  return typeof node.$ref === 'string' ? node.$ref : undefined
}

/** Names of the types a schema refers to, directly. */
export function directRefs(schema: unknown): Set<string> {
  const names = new Set<string>()
  forEachNode(schema, (node) => {
    const name = refName(node)
    if (name !== undefined) names.add(name)
  })
  return names
}

export function typeList(node: SchemaNode): string[] {
  if (typeof node.type === 'string') return [node.type]
  return Array.isArray(node.type) ? (node.type as string[]) : []
}

export function isNullable(node: SchemaNode): boolean {
  if (typeList(node).includes('null')) return true
  return Array.isArray(node.anyOf) && node.anyOf.some((arm) => isRecord(arm) && arm.type === 'null')
}

/** The non-null part of `anyOf [X, null]`, or the node itself. */
export function unwrapNullable(node: SchemaNode): SchemaNode {
  if (Array.isArray(node.anyOf) && node.anyOf.length === 2) {
    const [a, b] = node.anyOf as SchemaNode[]
    if (b?.type === 'null' && isRecord(a)) return a
  }
  return node
}

/** The one schema of a single-element `allOf` (draft-07's way to describe a reference), or the node itself. */
export function singleAllOf(node: SchemaNode): SchemaNode {
  return Array.isArray(node.allOf) && node.allOf.length === 1 && isRecord(node.allOf[0]) ? (node.allOf[0] as SchemaNode) : node
}

export function properties(node: SchemaNode): Record<string, SchemaNode> {
  return isRecord(node.properties) ? (node.properties as Record<string, SchemaNode>) : {}
}

export function requiredFields(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : []
}

export function experimentalReason(node: SchemaNode): string | undefined {
  return typeof node[EXPERIMENTAL_KEY] === 'string' ? (node[EXPERIMENTAL_KEY] as string) : undefined
}
