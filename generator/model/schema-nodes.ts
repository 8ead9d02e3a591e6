// Small readers over plain JSON Schema nodes, shared by the model builder, projection and emitters.
import type { SchemaNode } from './meta-model.js'

export const EXPERIMENTAL_KEY = 'x-experimental'

/** Plain-data copy of a TypeBox schema: drops TypeBox's hidden modifier keys. */
export function toPlain(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toPlain)
  if (schema === null || typeof schema !== 'object') return schema
  const out: SchemaNode = {}
  for (const key of Object.keys(schema)) out[key] = toPlain((schema as SchemaNode)[key])
  return out
}

/** Calls `visit` on every schema node below and including `node` (not into `enum`/`default` data). */
export function forEachNode(node: unknown, visit: (node: SchemaNode, path: string) => void, path = ''): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return
  const n = node as SchemaNode
  visit(n, path)
  for (const [key, value] of Object.entries(n)) {
    if (key === 'properties' && isRecord(value)) {
      for (const [field, child] of Object.entries(value)) forEachNode(child, visit, `${path}.${field}`)
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      value.forEach((child, i) => forEachNode(child, visit, `${path}[${key}${i}]`))
    } else if (key === 'items' || key === 'additionalProperties') {
      forEachNode(value, visit, `${path}${key === 'items' ? '[]' : '{}'}`)
    }
  }
}

export function isRecord(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
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

export function properties(node: SchemaNode): Record<string, SchemaNode> {
  return isRecord(node.properties) ? (node.properties as Record<string, SchemaNode>) : {}
}

export function requiredFields(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : []
}

export function experimentalReason(node: SchemaNode): string | undefined {
  return typeof node[EXPERIMENTAL_KEY] === 'string' ? (node[EXPERIMENTAL_KEY] as string) : undefined
}

/** The arms of a `oneOf` or `anyOf` union. */
export function unionArms(node: SchemaNode): SchemaNode[] | undefined {
  if (Array.isArray(node.oneOf)) return node.oneOf as SchemaNode[]
  if (Array.isArray(node.anyOf)) return node.anyOf as SchemaNode[]
  return undefined
}
