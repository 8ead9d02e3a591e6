// What the generator knows about the members of a type: when a marked field counts as used, and
// how a union arm is recognised in a value.
import type { ArmMatch, Presence, SchemaNode } from '../../protocol/model/meta-model.js'
import { isNullable, isRecord, properties, requiredFields, typeList } from './schema-nodes.js'

/** When a marked field counts as used (codex's rules, keyed on the field's wire type). */
export function presenceOf(field: SchemaNode): Presence {
  if (isNullable(field)) return 'notNull'
  const types = typeList(field)
  if (types.includes('array')) return 'nonEmpty'
  if (types.includes('object') && !isRecord(field.properties) && field.additionalProperties !== undefined) return 'nonEmpty'
  if (types.includes('boolean')) return 'true'
  return 'present'
}

/** How a value is recognised as a given union arm: its tag, its single key, or its string value. */
export function armMatch(arm: SchemaNode): ArmMatch | undefined {
  if (Array.isArray(arm.enum) && arm.enum.length === 1 && typeof arm.enum[0] === 'string') return { by: 'value', value: arm.enum[0] }
  const props = properties(arm)
  const required = requiredFields(arm)
  for (const [field, schema] of Object.entries(props)) {
    if (required.includes(field) && Array.isArray(schema.enum) && schema.enum.length === 1) return { by: 'tag', field, value: String(schema.enum[0]) }
  }
  if (required.length === 1 && arm.additionalProperties === false) return { by: 'key', key: required[0]! }
  return undefined
}

