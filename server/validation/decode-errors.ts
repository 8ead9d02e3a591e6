// Finds the first reason a value does not decode as a type, worded the way codex (serde) words it:
// fields are visited in the order the client sent them, then the first missing required field is
// reported. Only runs when validation already failed, so clarity matters more than speed here.
import type { SchemaNode } from '../model/protocol-model.js'

/** The named type whose strings must be absolute paths. */
export const ABSOLUTE_PATH_TYPE = 'AbsolutePathBuf'
export const RELATIVE_PATH_MESSAGE = 'AbsolutePathBuf deserialized without a base path'

type Types = ReadonlyMap<string, SchemaNode>

/** The decode error of `value` as the named type, or undefined when it decodes. */
export function decodeErrorOf(value: unknown, typeName: string, types: Types): string | undefined {
  return check(value, { $ref: typeName }, undefined, types)
}

function check(value: unknown, node: SchemaNode, name: string | undefined, types: Types): string | undefined {
  if (typeof node.$ref === 'string') {
    if (node.$ref === ABSOLUTE_PATH_TYPE) return checkAbsolutePath(value)
    const target = types.get(node.$ref)
    return target ? check(value, target, node.$ref, types) : undefined
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1) return check(value, node.allOf[0] as SchemaNode, name, types)
  const typeList = typesOf(node)
  const arms = unionArms(node)
  if (arms && node.properties === undefined && !typeList.includes('object')) return checkUnion(value, arms, name, types)
  if (typeList.includes('null') && value === null) return undefined
  const primary = typeList.filter((type) => type !== 'null')
  if (primary.length === 0) return undefined // any value
  if (primary.length > 1) {
    // Several JSON types accepted by one node (rare): accept any of them.
    return primary.some((type) => matchesJsonType(value, type)) ? undefined : invalidType(value, primary.join(' or '))
  }
  switch (primary[0]) {
    case 'string': return checkString(value, node)
    case 'boolean': return typeof value === 'boolean' ? undefined : invalidType(value, 'a boolean')
    case 'integer': return checkInteger(value, node)
    case 'number': return typeof value === 'number' ? undefined : invalidType(value, node.format === 'float' ? 'f32' : 'f64')
    case 'array': return checkArray(value, node, types)
    case 'object': return checkObject(value, node, name, types)
    default: return undefined
  }
}

function checkAbsolutePath(value: unknown): string | undefined {
  if (typeof value !== 'string') return invalidType(value, 'path string')
  return value.startsWith('/') ? undefined : RELATIVE_PATH_MESSAGE
}

function checkString(value: unknown, node: SchemaNode): string | undefined {
  const variants = Array.isArray(node.enum) ? (node.enum as unknown[]).map(String) : undefined
  if (typeof value !== 'string') return invalidType(value, variants ? 'string or map' : 'a string')
  if (variants && !variants.includes(value)) return unknownVariant(value, variants)
  return undefined
}

const INTEGER_FORMATS: Record<string, { rust: string; min: bigint; max: bigint }> = {
  int8: { rust: 'i8', min: -(2n ** 7n), max: 2n ** 7n - 1n },
  int16: { rust: 'i16', min: -(2n ** 15n), max: 2n ** 15n - 1n },
  int32: { rust: 'i32', min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { rust: 'i64', min: -(2n ** 63n), max: 2n ** 63n - 1n },
  uint8: { rust: 'u8', min: 0n, max: 2n ** 8n - 1n },
  uint16: { rust: 'u16', min: 0n, max: 2n ** 16n - 1n },
  uint32: { rust: 'u32', min: 0n, max: 2n ** 32n - 1n },
  uint64: { rust: 'u64', min: 0n, max: 2n ** 64n - 1n },
  uint: { rust: 'usize', min: 0n, max: 2n ** 64n - 1n },
}

function checkInteger(value: unknown, node: SchemaNode): string | undefined {
  const format = INTEGER_FORMATS[String(node.format)] ?? (node.minimum === 0 ? INTEGER_FORMATS.uint64! : INTEGER_FORMATS.int64!)
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return invalidType(value, format.rust)
  const big = BigInt(value)
  if (big < format.min || big > format.max) return `invalid value: integer \`${value}\`, expected ${format.rust}`
  return undefined
}

function checkArray(value: unknown, node: SchemaNode, types: Types): string | undefined {
  if (!Array.isArray(value)) return invalidType(value, 'a sequence')
  const items = node.items
  if (!isRecord(items)) return undefined
  for (const item of value) {
    const error = check(item, items, undefined, types)
    if (error) return error
  }
  return undefined
}

function checkObject(value: unknown, node: SchemaNode, name: string | undefined, types: Types, skipKey?: string): string | undefined {
  const properties = isRecord(node.properties) ? (node.properties as Record<string, SchemaNode>) : undefined
  if (!properties) return checkMap(value, node, types)
  if (!isRecord(value)) {
    if (Array.isArray(value) && name) return checkStructSequence(value, node, properties, name, types)
    return invalidType(value, name ? `struct ${name}` : 'a map')
  }
  const extra = node.additionalProperties
  for (const key of Object.keys(value)) {
    if (key === skipKey) continue
    const field = properties[key]
    if (field) {
      const error = check(value[key], field, undefined, types)
      if (error) return error
    } else if (extra === false) {
      return `unknown field \`${key}\`, expected ${oneOf(Object.keys(properties))}`
    } else if (isRecord(extra)) {
      const error = check(value[key], extra, undefined, types)
      if (error) return error
    }
  }
  for (const field of requiredOf(node)) {
    if (field !== skipKey && !(field in value)) return `missing field \`${field}\``
  }
  // A struct that also carries a union (a flattened enum) must match it too.
  const arms = unionArms(node)
  return arms ? checkUnion(value, arms, name, types) : undefined
}

/** Serde decodes a struct from a JSON array positionally. */
function checkStructSequence(value: unknown[], node: SchemaNode, properties: Record<string, SchemaNode>, name: string, types: Types): string | undefined {
  const fields = Object.keys(properties)
  if (value.length < fields.length) return `invalid length ${value.length}, expected struct ${name} with ${fields.length} elements`
  if (value.length > fields.length) return `invalid length ${value.length}, expected fewer elements in array`
  const asObject: Record<string, unknown> = {}
  fields.forEach((field, index) => { asObject[field] = value[index] })
  return checkObject(asObject, node, name, types)
}

function checkMap(value: unknown, node: SchemaNode, types: Types): string | undefined {
  if (!isRecord(value)) return invalidType(value, 'a map')
  const values = node.additionalProperties
  if (!isRecord(values)) return undefined
  for (const key of Object.keys(value)) {
    const error = check(value[key], values, undefined, types)
    if (error) return error
  }
  return undefined
}

/** Unions come in three shapes, told apart from the schema alone (see classifyUnion). */
function checkUnion(value: unknown, allArms: SchemaNode[], name: string | undefined, types: Types): string | undefined {
  const arms = allArms.filter((arm) => !isNullType(arm))
  if (arms.length < allArms.length) {
    if (value === null) return undefined
    if (arms.length === 1) return check(value, arms[0]!, name, types)
  }
  const shape = classifyUnion(arms)
  switch (shape.kind) {
    case 'external': return checkExternallyTagged(value, shape, types)
    case 'internal': return checkInternallyTagged(value, arms, shape.tag, name, types)
    case 'untagged':
      if (arms.some((arm) => check(value, arm, undefined, types) === undefined)) return undefined
      return name ? `data did not match any variant of untagged enum ${name}` : 'data did not match any variant of untagged enum'
  }
}

type UnionShape =
  | { kind: 'external'; unitVariants: string[]; dataVariants: Map<string, SchemaNode> }
  | { kind: 'internal'; tag: string }
  | { kind: 'untagged' }

/**
 * Externally tagged enums are strings (unit variants) or single-key objects; internally tagged
 * ones are objects sharing a one-value tag property; anything else is untagged.
 */
function classifyUnion(arms: SchemaNode[]): UnionShape {
  const unitVariants: string[] = []
  const dataVariants = new Map<string, SchemaNode>()
  let external = arms.length > 0
  for (const arm of arms) {
    if (Array.isArray(arm.enum) && typesOf(arm).includes('string')) unitVariants.push(...(arm.enum as unknown[]).map(String))
    else if (arm.additionalProperties === false && requiredOf(arm).length === 1 && isRecord(arm.properties)) {
      const key = requiredOf(arm)[0]!
      dataVariants.set(key, (arm.properties as Record<string, SchemaNode>)[key] ?? {})
    } else external = false
  }
  if (external && unitVariants.length > 0) return { kind: 'external', unitVariants, dataVariants }
  const tag = commonTag(arms)
  return tag ? { kind: 'internal', tag } : { kind: 'untagged' }
}

function commonTag(arms: SchemaNode[]): string | undefined {
  const first = arms[0]
  if (!first || !isRecord(first.properties)) return undefined
  for (const candidate of Object.keys(first.properties)) {
    if (arms.every((arm) => tagValueOf(arm, candidate) !== undefined)) return candidate
  }
  return undefined
}

function tagValueOf(arm: SchemaNode, tag: string): string | undefined {
  const property = isRecord(arm.properties) ? (arm.properties as Record<string, SchemaNode>)[tag] : undefined
  if (!property || !Array.isArray(property.enum) || property.enum.length !== 1 || !requiredOf(arm).includes(tag)) return undefined
  return String(property.enum[0])
}

function checkExternallyTagged(value: unknown, shape: Extract<UnionShape, { kind: 'external' }>, types: Types): string | undefined {
  const all = [...shape.unitVariants, ...shape.dataVariants.keys()]
  if (typeof value === 'string') return all.includes(value) ? undefined : unknownVariant(value, all)
  if (!isRecord(value)) return invalidType(value, 'string or map')
  const keys = Object.keys(value)
  if (keys.length !== 1) return 'invalid value: map, expected map with a single key'
  const key = keys[0]!
  const content = shape.dataVariants.get(key)
  if (!content) return shape.unitVariants.includes(key) ? undefined : unknownVariant(key, all)
  return check(value[key], content, undefined, types)
}

function checkInternallyTagged(value: unknown, arms: SchemaNode[], tag: string, name: string | undefined, types: Types): string | undefined {
  if (!isRecord(value)) return invalidType(value, name ? `internally tagged enum ${name}` : 'internally tagged enum')
  if (!(tag in value)) return `missing field \`${tag}\``
  const tagValue = value[tag]
  if (typeof tagValue !== 'string') return invalidType(tagValue, 'variant identifier')
  const arm = arms.find((candidate) => tagValueOf(candidate, tag) === tagValue)
  if (!arm) return unknownVariant(tagValue, arms.map((candidate) => tagValueOf(candidate, tag)!))
  return checkObject(value, arm, name, types, tag)
}

export function invalidType(value: unknown, expected: string): string {
  return `invalid type: ${unexpected(value)}, expected ${expected}`
}

/** How serde names an unexpected JSON value. */
function unexpected(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return `boolean \`${value}\``
  if (typeof value === 'number') return Number.isSafeInteger(value) ? `integer \`${value}\`` : `floating point \`${formatFloat(value)}\``
  if (typeof value === 'string') return `string ${rustDebugString(value)}`
  if (Array.isArray(value)) return 'sequence'
  return 'map'
}

function formatFloat(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : String(value)
}

/** A string quoted the way Rust's `{:?}` prints it. */
function rustDebugString(value: string): string {
  let out = '"'
  for (const char of value) {
    const code = char.codePointAt(0)!
    if (char === '"') out += '\\"'
    else if (char === '\\') out += '\\\\'
    else if (char === '\n') out += '\\n'
    else if (char === '\r') out += '\\r'
    else if (char === '\t') out += '\\t'
    else if (code === 0) out += '\\0'
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`
    else out += char
  }
  return `${out}"`
}

function unknownVariant(value: string, variants: string[]): string {
  return variants.length === 0 ? `unknown variant \`${value}\`, there are no variants` : `unknown variant \`${value}\`, expected ${oneOf(variants)}`
}

/** Serde's list wording: `a`, `a` or `b`, one of `a`, `b`, `c`. */
function oneOf(names: string[]): string {
  const quoted = names.map((name) => `\`${name}\``)
  if (quoted.length === 1) return quoted[0]!
  if (quoted.length === 2) return `${quoted[0]} or ${quoted[1]}`
  return `one of ${quoted.join(', ')}`
}

function unionArms(node: SchemaNode): SchemaNode[] | undefined {
  const arms = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined
  return arms?.filter(isRecord) as SchemaNode[] | undefined
}

function typesOf(node: SchemaNode): string[] {
  if (typeof node.type === 'string') return [node.type]
  if (Array.isArray(node.type)) return node.type.map(String)
  if (isRecord(node.properties)) return ['object']
  return []
}

function requiredOf(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? (node.required as unknown[]).map(String) : []
}

function isNullType(node: SchemaNode): boolean {
  return node.type === 'null'
}

function matchesJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string': return typeof value === 'string'
    case 'boolean': return typeof value === 'boolean'
    case 'integer': return typeof value === 'number' && Number.isInteger(value)
    case 'number': return typeof value === 'number'
    case 'array': return Array.isArray(value)
    case 'object': return isRecord(value)
    case 'null': return value === null
    default: return true
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
