// Finds the first reason a value does not decode as a type, worded the way codex (serde) words it:
// fields are visited in the order the client sent them, then the first missing required field is
// reported. Only runs when validation already failed, so clarity matters more than speed here.
// The meta model states which types are absolute paths and the shape of every union; this file
// only words the errors.
import { isRecord, unionArms } from '../../protocol/model/json-data.js'
import { integerFormatOf } from '../../protocol/model/integer-formats.js'
import type { ModelTypes, SchemaNode, UnionShape } from '../model/protocol-model.js'

/** Codex's error for a relative path where an absolute one is required. */
export const RELATIVE_PATH_MESSAGE = 'AbsolutePathBuf deserialized without a base path'

type Types = ModelTypes

/** The decode error of `value` as the named type, or undefined when it decodes. */
export function decodeErrorOf(value: unknown, typeName: string, types: Types): string | undefined {
  return check(value, { $ref: typeName }, undefined, types)
}

function check(value: unknown, node: SchemaNode, name: string | undefined, types: Types): string | undefined {
  if (typeof node.$ref === 'string') {
    if (types.isAbsolutePathType(node.$ref)) return checkAbsolutePath(value)
    const target = types.get(node.$ref)
    return target ? check(value, target, node.$ref, types) : undefined
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1) return check(value, node.allOf[0] as SchemaNode, name, types)
  const typeList = typesOf(node)
  if (unionArms(node) && node.properties === undefined && !typeList.includes('object')) return checkUnion(value, node, name, types)
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

function checkInteger(value: unknown, node: SchemaNode): string | undefined {
  const format = integerFormatOf(node)
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
  return unionArms(node) ? checkUnion(value, node, name, types) : undefined
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

/** Checks a value against a union node, the way the model says its arms are told apart. */
function checkUnion(value: unknown, node: SchemaNode, name: string | undefined, types: Types): string | undefined {
  const shape = types.unionShapeOf(node)
  const arms = unionArms(node)
  if (!shape || !arms) return undefined // not a node of the model's schemas: nothing to say
  if (shape.kind === 'nullable') return value === null ? undefined : check(value, arms[shape.arm]!, name, types)
  if (shape.nullable && value === null) return undefined
  switch (shape.kind) {
    case 'externallyTagged': return checkExternallyTagged(value, shape, arms, types)
    case 'internallyTagged': return checkInternallyTagged(value, shape, arms, name, types)
    case 'untagged':
      if (shape.arms.some((arm) => check(value, arms[arm]!, undefined, types) === undefined)) return undefined
      return name ? `data did not match any variant of untagged enum ${name}` : 'data did not match any variant of untagged enum'
  }
}

function checkExternallyTagged(value: unknown, shape: Extract<UnionShape, { kind: 'externallyTagged' }>, arms: SchemaNode[], types: Types): string | undefined {
  const all = [...shape.units, ...shape.data.map((variant) => variant.key)]
  if (typeof value === 'string') return all.includes(value) ? undefined : unknownVariant(value, all)
  if (!isRecord(value)) return invalidType(value, 'string or map')
  const keys = Object.keys(value)
  if (keys.length !== 1) return 'invalid value: map, expected map with a single key'
  const key = keys[0]!
  const variant = shape.data.find((candidate) => candidate.key === key)
  if (!variant) return shape.units.includes(key) ? undefined : unknownVariant(key, all)
  const content = (arms[variant.arm]!.properties as Record<string, SchemaNode>)[key] ?? {}
  return check(value[key], content, undefined, types)
}

function checkInternallyTagged(value: unknown, shape: Extract<UnionShape, { kind: 'internallyTagged' }>, arms: SchemaNode[], name: string | undefined, types: Types): string | undefined {
  if (!isRecord(value)) return invalidType(value, name ? `internally tagged enum ${name}` : 'internally tagged enum')
  const { tag } = shape
  if (!(tag in value)) return `missing field \`${tag}\``
  const tagValue = value[tag]
  if (typeof tagValue !== 'string') return invalidType(tagValue, 'variant identifier')
  const arm = shape.arms.find((candidate) => candidate.value === tagValue)
  if (!arm) return unknownVariant(tagValue, shape.arms.map((candidate) => candidate.value))
  return checkObject(value, arms[arm.arm]!, name, types, tag)
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

function typesOf(node: SchemaNode): string[] {
  if (typeof node.type === 'string') return [node.type]
  if (Array.isArray(node.type)) return node.type.map(String)
  if (isRecord(node.properties)) return ['object']
  return []
}

function requiredOf(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? (node.required as unknown[]).map(String) : []
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
