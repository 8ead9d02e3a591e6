// Turns one JSON Schema node (codex / schemars idioms, draft-07) into the source text of the DSL
// expression that produces it. Descriptions and titles are dropped: definitions carry our own words.
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { isRecord } from '../model/schema-nodes.js'
import type { TsChunk } from './ts-field-order.js'

export interface ConvertContext {
  /** Experimental reason of a property, or of a union arm by its tag / key / value. */
  reasonOf(path: MemberPath): string | undefined
  /** Field order hints for objects at the top of the type, from its TypeScript. */
  chunks: TsChunk[]
}

export interface MemberPath {
  /** Property name, or the arm's recognising value. */
  member: string
  kind: 'field' | 'variant'
  /** True for members of the named type itself (not of an inline object nested deeper). */
  topLevel: boolean
}

const INDENT = '  '

export function toDsl(node: unknown, ctx: ConvertContext, indent = '', topLevel = true): string {
  if (node === true) return 't.json()'
  if (!isRecord(node)) throw new Error(`cannot import schema ${JSON.stringify(node)}`)
  const n = stripAnnotations(node)
  const opts = optionText(n)
  if (typeof n.$ref === 'string') return `t.ref('${refTarget(n.$ref)}'${opts})`
  if (Array.isArray(n.allOf) && n.allOf.length === 1) return toDsl({ ...(n.allOf[0] as SchemaNode), ...(n.default !== undefined ? { default: n.default } : {}) }, ctx, indent, false)
  const nullableArm = nullableInner(n)
  if (nullableArm) return `t.nullable(${toDsl(nullableArm, ctx, indent, false)}${opts})`
  const types = Array.isArray(n.type) ? (n.type as string[]) : undefined
  if (types && types.length === 2 && types[1] === 'null') return `t.nullable(${toDsl({ ...n, type: types[0], default: undefined }, ctx, indent, false)}${opts})`
  if (types && !types.includes('null') && Object.keys(n).length === 1) return `t.typeUnion([${types.map(q).join(', ')}])`
  if (Object.keys(n).length === 0 || (Object.keys(n).length === 1 && n.default !== undefined)) return `t.json(${opts.slice(2)})`
  if (Array.isArray(n.oneOf)) return unionDsl(n, 'oneOf', ctx, indent, topLevel)
  if (Array.isArray(n.anyOf) && !isRecord(n.properties)) return unionDsl(n, 'anyOf', ctx, indent, topLevel)
  switch (n.type) {
    case 'string':
      if (Array.isArray(n.enum)) return n.enum.length === 1 ? `t.literal(${q(n.enum[0])}${opts})` : `t.enum([${n.enum.map(q).join(', ')}]${opts})`
      return `t.string(${optionObject({ ...(n.minLength !== undefined ? { minLength: n.minLength } : {}), ...defaults(n) })})`
    case 'boolean': return `t.boolean(${opts.slice(2)})`
    case 'null': return 't.null()'
    case 'integer': {
      const format = typeof n.format === 'string' ? n.format : 'int64'
      // Integer enums keep their values (a format version such as `version: 1` is one).
      if (Array.isArray(n.enum)) return n.enum.length === 1 ? `t.intLiteral(${Number(n.enum[0])}, ${q(format)}${opts})` : `t.intEnum([${n.enum.map(Number).join(', ')}], ${q(format)}${opts})`
      if (n.minimum === undefined) return `t.int(${q(format)}${opts})`
      const extra = optionObject({ ...(n.minimum !== 0 ? { minimum: n.minimum } : {}), ...defaults(n) })
      return `t.uint(${q(format)}${extra ? `, ${extra}` : ''})`
    }
    case 'number': return `t.number(${q(typeof n.format === 'string' ? n.format : 'double')}${opts})`
    case 'array': return `t.array(${n.items === undefined ? 't.json()' : toDsl(n.items, ctx, indent, false)}${opts})`
    case 'object': return objectDsl(n, ctx, indent, topLevel)
    default: throw new Error(`cannot import schema ${JSON.stringify(node).slice(0, 200)}`)
  }
}

function refTarget(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}

function stripAnnotations(node: SchemaNode): SchemaNode {
  const { description: _d, title: _t, $schema: _s, definitions: _defs, ...rest } = node
  for (const key of Object.keys(rest)) if (key.startsWith('x-')) delete rest[key]
  return rest
}

function nullableInner(n: SchemaNode): unknown {
  if (!Array.isArray(n.anyOf) || n.anyOf.length !== 2 || isRecord(n.properties)) return undefined
  const [a, b] = n.anyOf as SchemaNode[]
  return isRecord(b) && b.type === 'null' && Object.keys(b).length === 1 ? a : undefined
}

function defaults(n: SchemaNode): Record<string, unknown> {
  return n.default !== undefined ? { default: n.default } : {}
}

function optionText(n: SchemaNode): string {
  return n.default !== undefined ? `, { default: ${JSON.stringify(n.default)} }` : ''
}

function optionObject(options: Record<string, unknown>): string {
  const entries = Object.entries(options)
  return entries.length === 0 ? '' : `{ ${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`
}

function q(value: unknown): string {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : q(name)
}

/** Property names in declaration order: the TypeScript's where known, then the rest as listed. */
function orderedFields(props: SchemaNode, hint: string[] | undefined): string[] {
  const names = Object.keys(props)
  if (!hint) return names
  return [...hint.filter((f) => f in props), ...names.filter((f) => !hint.includes(f))]
}

function objectDsl(n: SchemaNode, ctx: ConvertContext, indent: string, topLevel: boolean, hint?: string[], skip?: string): string {
  const props = isRecord(n.properties) ? (n.properties as SchemaNode) : undefined
  if (!props) {
    if (n.additionalProperties === undefined || n.additionalProperties === false) return `t.object({}${objectOptions(n, ctx, indent)})`
    return `t.map(${n.additionalProperties === true ? 'true' : toDsl(n.additionalProperties, ctx, indent, false)}${optionText(n)})`
  }
  const required = new Set(Array.isArray(n.required) ? (n.required as string[]) : [])
  const order = orderedFields(props, hint ?? (topLevel ? ctx.chunks[0]?.fields : undefined))
  const inner = indent + INDENT
  const lines = order.filter((f) => f !== skip).map((field) => {
    let text = fieldDsl(props[field], required.has(field), ctx, inner)
    const reason = ctx.reasonOf({ member: field, kind: 'field', topLevel })
    if (reason) text = `t.experimental(${q(reason)}, ${text})`
    return `${inner}${key(field)}: ${text},`
  })
  const body = lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`
  return `t.object(${body}${objectOptions(n, ctx, indent)})`
}

function objectOptions(n: SchemaNode, ctx: ConvertContext, indent: string): string {
  const parts: string[] = []
  if (n.additionalProperties === false) parts.push('closed: true')
  else if (n.additionalProperties !== undefined && isRecord(n.properties)) {
    parts.push(`additional: ${n.additionalProperties === true ? 'true' : toDsl(n.additionalProperties, ctx, indent, false)}`)
  }
  if (Array.isArray(n.anyOf)) parts.push(`anyOf: [${(n.anyOf as unknown[]).map((arm) => toDsl(arm, ctx, indent + INDENT, false)).join(', ')}]`)
  if (n.default !== undefined) parts.push(`default: ${JSON.stringify(n.default)}`)
  return parts.length > 0 ? `, { ${parts.join(', ')} }` : ''
}

function fieldDsl(schema: unknown, required: boolean, ctx: ConvertContext, indent: string): string {
  if (required) return toDsl(schema, ctx, indent, false)
  if (isRecord(schema)) {
    const s = stripAnnotations(schema)
    const inner = nullableInner(s)
    if (inner) return `t.option(${toDsl(inner, ctx, indent, false)}${optionText(s)})`
    const types = Array.isArray(s.type) ? (s.type as string[]) : undefined
    if (types && types.length === 2 && types[1] === 'null') return `t.option(${toDsl({ ...s, type: types[0], default: undefined }, ctx, indent, false)}${optionText(s)})`
  }
  return `t.optional(${toDsl(schema, ctx, indent, false)})`
}

/** The tag field shared by every arm (each arm requires it with one literal value), if any. */
function commonTag(arms: SchemaNode[]): string | undefined {
  const first = arms[0]
  if (!first || !isRecord(first.properties)) return undefined
  for (const field of Object.keys(first.properties)) {
    const ok = arms.every((arm) => {
      const p = isRecord(arm.properties) ? (arm.properties as SchemaNode)[field] : undefined
      return isRecord(p) && Array.isArray(p.enum) && p.enum.length === 1 && Array.isArray(arm.required) && (arm.required as string[]).includes(field) && arm.type === 'object'
    })
    if (ok) return field
  }
  return undefined
}

function armValue(arm: SchemaNode, tag: string | undefined): string | undefined {
  if (tag) return String(((arm.properties as SchemaNode)[tag] as SchemaNode).enum instanceof Array ? (((arm.properties as SchemaNode)[tag] as SchemaNode).enum as unknown[])[0] : '')
  if (Array.isArray(arm.enum) && arm.enum.length === 1) return String(arm.enum[0])
  if (Array.isArray(arm.required) && arm.required.length === 1 && arm.additionalProperties === false) return String(arm.required[0])
  return undefined
}

function unionDsl(n: SchemaNode, keyword: 'oneOf' | 'anyOf', ctx: ConvertContext, indent: string, topLevel: boolean): string {
  const arms = (n[keyword] as unknown[]).map((arm) => (isRecord(arm) ? stripAnnotations(arm) : arm)) as SchemaNode[]
  const inner = indent + INDENT
  const tag = keyword === 'oneOf' ? commonTag(arms) : undefined
  const mark = (arm: SchemaNode, text: string) => {
    const value = armValue(arm, tag)
    const reason = value === undefined ? undefined : ctx.reasonOf({ member: value, kind: 'variant', topLevel })
    return reason ? `t.experimental(${q(reason)}, ${text})` : text
  }
  if (tag) {
    const lines = arms.map((arm) => {
      const value = armValue(arm, tag)!
      const chunk = topLevel ? ctx.chunks.find((c) => c.tags[tag] === value) : undefined
      const hint = chunk?.fields
      const full = objectDsl(arm, ctx, inner, false, hint, tag)
      const needsFull = arm.additionalProperties !== undefined || Array.isArray(arm.anyOf) || n.default !== undefined
      const fields = full.replace(/^t\.object\(/, '').replace(/\)$/, '')
      const text = needsFull || ctx.reasonOf({ member: value, kind: 'variant', topLevel }) ? mark(arm, full) : fields
      return `${inner}${key(value)}: ${text},`
    })
    const shared = isRecord(n.properties) ? `, { shared: ${objectDsl({ ...n, oneOf: undefined, anyOf: undefined, default: undefined }, ctx, indent, false).replace(/^t\.object\(/, '').replace(/\)$/, '')} }` : ''
    return `t.tagged(${q(tag)}, {\n${lines.join('\n')}\n${indent}}${shared}${optionText(n)})`
  }
  const lines = arms.map((arm) => `${inner}${mark(arm, toDsl(arm, ctx, inner, false))},`)
  if (isRecord(n.properties)) return objectDsl({ ...n, [keyword]: undefined }, ctx, indent, topLevel).replace(/\)$/, `, { ${keyword}: [\n${lines.join('\n')}\n${indent}] })`)
  return `t.${keyword}([\n${lines.join('\n')}\n${indent}]${optionText(n)})`
}
