// Small readers over plain JSON data and JSON Schema nodes, shared by the generator and the server
// (both may import protocol/; neither may import the other).
import type { SchemaNode } from './meta-model.js'

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Calls `visit` on every schema node below and including `node` (not into `enum`/`default` data),
 * with the node's path as the meta model spells it (see SchemaPath in meta-model.ts).
 */
export function forEachNode(node: unknown, visit: (node: SchemaNode, path: string) => void, path = ''): void {
  if (!isRecord(node)) return
  visit(node, path)
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isRecord(value)) {
      for (const [field, child] of Object.entries(value)) forEachNode(child, visit, `${path}.${field}`)
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      value.forEach((child, i) => forEachNode(child, visit, `${path}[${key}${i}]`))
    } else if (key === 'items' || key === 'additionalProperties') {
      forEachNode(value, visit, `${path}${key === 'items' ? '[]' : '{}'}`)
    }
  }
}

/** The arms of a `oneOf` or `anyOf` union, or undefined when the node is no union. */
export function unionArms(node: SchemaNode): SchemaNode[] | undefined {
  if (Array.isArray(node.oneOf)) return node.oneOf as SchemaNode[]
  if (Array.isArray(node.anyOf)) return node.anyOf as SchemaNode[]
  return undefined
}
