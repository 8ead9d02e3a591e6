// Flattens a definition into named members, so two versions can be compared member by member
// rather than by position: `Project.position` (a field), `Thread.status#active` (a union arm,
// named by its tag), `CodexErrorInfo:bioPolicy` (an enum value), `Turn.items[]` (array items),
// `Config.profiles{}` (map values). A `$ref` is a leaf: the type it names is flattened on its own.
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { isRecord } from '../model/schema-nodes.js'
import { displayName, refTarget } from './snapshot.js'

export type MemberKind = 'type' | 'field' | 'arm' | 'value' | 'items'

export interface Member {
  key: string
  kind: MemberKind
  /** The definition the member belongs to. */
  definition: string
  /** The shape of the member's own node: `ref:Foo`, `object`, `union`, `enum`, `integer/int64`, … */
  signature: string
  nullable: boolean
  /** Fields only: whether the field must be present. */
  required?: boolean
  /**
   * Values and arms only: the union also has a catch-all arm (codex's `{type: [string, object]}`),
   * so a reader that follows the schema already accepts values and arms it does not know.
   */
  open?: boolean
  /** The node itself, for building example messages. */
  schema: SchemaNode
}

/** Every member of one definition, keyed. */
export function flattenDefinition(id: string, schema: SchemaNode): Map<string, Member> {
  const members = new Map<string, Member>()
  walk(schema, displayName(id), 'type', id, members, undefined)
  return members
}

function walk(raw: SchemaNode, key: string, kind: MemberKind, definition: string, out: Map<string, Member>, required: boolean | undefined): void {
  const { node, nullable } = unwrapNullable(raw)
  const member: Member = { key, kind, definition, signature: signatureOf(node), nullable, schema: raw }
  if (required !== undefined) member.required = required
  out.set(key, member)
  if (refTarget(node) !== undefined) return
  if (Array.isArray(node.enum)) return addValues(node.enum, key, definition, out, false)
  const arms = unionArms(node)
  if (arms.length > 0) {
    const open = openArms(arms)
    // A string-enum arm adds its values to the union itself (codex splits one Rust enum into
    // several such arms, and moves values between them across releases).
    arms.forEach((arm, index) => {
      if (Array.isArray(arm.enum) && refTarget(arm) === undefined) addValues(arm.enum, key, definition, out, open.strings)
      else if (!isCatchAll(arm)) {
        walk(arm, `${key}#${armTag(arm, index)}`, 'arm', definition, out, undefined)
        out.get(`${key}#${armTag(arm, index)}`)!.open = open.objects
      }
    })
    // codex flattens fields shared by every arm beside the union: those are read below.
  }
  if (isRecord(node.properties)) {
    const requiredFields = new Set(Array.isArray(node.required) ? node.required : [])
    for (const [field, fieldSchema] of Object.entries(node.properties)) {
      // `true` is JSON Schema for "any value" (codex writes it for untyped JSON fields).
      const schema = fieldSchema === true ? {} : fieldSchema
      if (isRecord(schema)) walk(schema, `${key}.${field}`, 'field', definition, out, requiredFields.has(field))
    }
  }
  if (isRecord(node.additionalProperties)) walk(node.additionalProperties, `${key}{}`, 'items', definition, out, undefined)
  if (isRecord(node.items)) walk(node.items, `${key}[]`, 'items', definition, out, undefined)
}

function addValues(values: unknown[], key: string, definition: string, out: Map<string, Member>, open: boolean): void {
  for (const value of values) {
    const valueKey = `${key}:${String(value)}`
    out.set(valueKey, { key: valueKey, kind: 'value', definition, signature: 'value', nullable: false, schema: { type: typeof value, enum: [value] }, open })
  }
}

/** An arm that constrains nothing but the JSON type, such as codex's `{type: [string, object]}`. */
function isCatchAll(arm: SchemaNode): boolean {
  return arm.$ref === undefined && arm.enum === undefined && arm.properties === undefined && arm.allOf === undefined && arm.anyOf === undefined && arm.oneOf === undefined && arm.additionalProperties === undefined && arm.items === undefined
}

function openArms(arms: SchemaNode[]): { strings: boolean; objects: boolean } {
  const types = arms.filter(isCatchAll).flatMap((arm) => (Array.isArray(arm.type) ? arm.type : [arm.type]))
  return { strings: types.includes('string'), objects: types.includes('object') }
}

/** A nullable node (`type: [X, "null"]`, or `anyOf: [X, {type: null}]`) read as X plus a flag. */
export function unwrapNullable(node: SchemaNode): { node: SchemaNode; nullable: boolean } {
  if (Array.isArray(node.type) && node.type.includes('null')) {
    const rest = node.type.filter((type) => type !== 'null')
    return { node: { ...node, type: rest.length === 1 ? rest[0] : rest }, nullable: true }
  }
  const arms = node.anyOf ?? node.oneOf
  if (Array.isArray(arms) && arms.some((arm) => isRecord(arm) && arm.type === 'null')) {
    const rest = arms.filter((arm): arm is SchemaNode => isRecord(arm) && arm.type !== 'null')
    if (rest.length === 1) return { node: rest[0]!, nullable: true }
    return { node: { ...node, anyOf: rest, oneOf: undefined }, nullable: true }
  }
  return { node, nullable: false }
}

export function unionArms(node: SchemaNode): SchemaNode[] {
  const arms = node.oneOf ?? node.anyOf
  return Array.isArray(arms) ? arms.filter(isRecord) : []
}

/** How a union arm is named: its referenced type, its tag value, its one key, its title, or its place. */
export function armTag(arm: SchemaNode, index: number): string {
  const ref = refTarget(arm)
  if (ref !== undefined) return displayName(ref)
  if (isRecord(arm.properties)) {
    const tags = Object.entries(arm.properties).filter(([, schema]) => isRecord(schema) && Array.isArray(schema.enum) && schema.enum.length === 1)
    const tag = tags.find(([name]) => name === 'type') ?? tags[0]
    if (tag !== undefined) return String((tag[1] as { enum: unknown[] }).enum[0])
    const required = Array.isArray(arm.required) ? arm.required : []
    if (required.length === 1 && Object.keys(arm.properties).length === 1) return String(required[0])
  }
  if (typeof arm.title === 'string') return arm.title
  return String(index)
}

function signatureOf(node: SchemaNode): string {
  const ref = refTarget(node)
  if (ref !== undefined) return `ref:${displayName(ref)}`
  if (Array.isArray(node.enum)) return 'enum'
  if (unionArms(node).length > 0) return 'union'
  const type = Array.isArray(node.type) ? node.type.join('|') : typeof node.type === 'string' ? node.type : 'any'
  if (type === 'object') return isRecord(node.additionalProperties) && !isRecord(node.properties) ? 'map' : 'object'
  if (type === 'integer') return `integer/${typeof node.format === 'string' ? node.format : node.minimum === 0 ? 'uint64' : 'int64'}`
  return type
}

/** `A.b#c.d` → [`A`, `A.b`, `A.b#c`]; a value (`A.b:x.y`) ends the key, dots and all. */
export function parentsOf(key: string): string[] {
  const parents: string[] = []
  const pattern = /[.#:]|\[\]|\{\}/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(key)) !== null) {
    if (match.index > 0) parents.push(key.slice(0, match.index))
    if (match[0] === ':') break
  }
  return parents
}
