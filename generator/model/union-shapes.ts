// The shape of every union in the model: how serde tells its arms apart (externally tagged,
// internally tagged or untagged), stated once here so that no reader classifies unions again.
import type { SchemaNode, SchemaPath, TypeModel, UnionShape } from '../../protocol/model/meta-model.js'
import { forEachNode, isRecord, properties, requiredFields, typeList, unionArms } from './schema-nodes.js'

/** Per type, the shape of each union node in its schema, keyed by the node's path. */
export function deriveUnionShapes(types: readonly TypeModel[]): Record<string, Record<SchemaPath, UnionShape>> {
  const out: Record<string, Record<SchemaPath, UnionShape>> = {}
  for (const type of types) {
    forEachNode(type.schema, (node, path) => {
      const arms = unionArms(node)
      if (!arms) return
      ;(out[type.name] ??= {})[path] = unionShape(arms)
    })
  }
  return out
}

/**
 * Externally tagged unions are strings (unit variants) or single-key closed objects; internally
 * tagged ones are objects sharing a required one-value tag field; anything else is untagged.
 */
export function unionShape(allArms: readonly unknown[]): UnionShape {
  const indexed = allArms.flatMap((arm, index) => (isRecord(arm) ? [{ arm: arm as SchemaNode, index }] : []))
  const arms = indexed.filter(({ arm }) => arm.type !== 'null')
  const nullable = arms.length < indexed.length
  if (nullable && arms.length === 1) return { kind: 'nullable', arm: arms[0]!.index }
  const units: string[] = []
  const data: { key: string; arm: number }[] = []
  let external = arms.length > 0
  for (const { arm, index } of arms) {
    const required = requiredFields(arm)
    if (Array.isArray(arm.enum) && kindsOf(arm).includes('string')) units.push(...(arm.enum as unknown[]).map(String))
    else if (arm.additionalProperties === false && required.length === 1 && isRecord(arm.properties)) data.push({ key: required[0]!, arm: index })
    else external = false
  }
  if (external && units.length > 0) return { kind: 'externallyTagged', nullable, units, data }
  const tag = commonTag(arms.map(({ arm }) => arm))
  if (tag) return { kind: 'internallyTagged', nullable, tag, arms: arms.map(({ arm, index }) => ({ value: tagValueOf(arm, tag)!, arm: index })) }
  return { kind: 'untagged', nullable, arms: arms.map(({ index }) => index) }
}

function commonTag(arms: SchemaNode[]): string | undefined {
  const first = arms[0]
  if (!first) return undefined
  return Object.keys(properties(first)).find((candidate) => arms.every((arm) => tagValueOf(arm, candidate) !== undefined))
}

function tagValueOf(arm: SchemaNode, tag: string): string | undefined {
  const field = properties(arm)[tag]
  if (!field || !Array.isArray(field.enum) || field.enum.length !== 1 || !requiredFields(arm).includes(tag)) return undefined
  return String(field.enum[0])
}

// A node with `properties` is an object even without `type`.
function kindsOf(node: SchemaNode): string[] {
  const types = typeList(node)
  return types.length === 0 && isRecord(node.properties) ? ['object'] : types
}
