// Differences between codex's schema of a type and ours, named by kind and member (field added,
// enum value added, union arm added, type changed) rather than by position, so a maintainer sees
// at once what to annotate. Both schemas come normalised (see compare.ts). "added" means codex has
// it and we do not; "removed" the reverse.
import { isRecord } from '../../protocol/model/json-data.js'
import type { SchemaNode } from '../../protocol/model/meta-model.js'

export function memberDifferences(codex: unknown, ours: unknown, at = ''): string[] {
  if (JSON.stringify(codex) === JSON.stringify(ours)) return []
  const where = at ? ` at ${at}` : ''
  if (!isRecord(codex) || !isRecord(ours)) return [`type changed${where}`]
  const out: string[] = []
  const codexArms = armsOf(codex)
  const ourArms = armsOf(ours)
  if (codexArms || ourArms) {
    if (!codexArms || !ourArms) return [`type changed${where} (${codexArms ? 'codex has a union' : 'codex has no union'})`]
    out.push(...armDifferences(codexArms, ourArms, at))
  }
  const codexFields = fieldsOf(codex)
  const ourFields = fieldsOf(ours)
  for (const field of Object.keys(codexFields)) if (!(field in ourFields)) out.push(`field added: ${at}.${field}`)
  for (const field of Object.keys(ourFields)) if (!(field in codexFields)) out.push(`field removed: ${at}.${field}`)
  const codexRequired = new Set(requiredOf(codex))
  const ourRequired = new Set(requiredOf(ours))
  for (const field of Object.keys(codexFields)) {
    if (!(field in ourFields)) continue
    if (codexRequired.has(field) !== ourRequired.has(field)) out.push(`field ${codexRequired.has(field) ? 'now required' : 'now optional'}: ${at}.${field}`)
    out.push(...memberDifferences(codexFields[field], ourFields[field], `${at}.${field}`))
  }
  if (Array.isArray(codex.enum) && Array.isArray(ours.enum)) {
    const theirs = codex.enum.map((v) => JSON.stringify(v))
    const mine = ours.enum.map((v) => JSON.stringify(v))
    for (const value of theirs) if (!mine.includes(value)) out.push(`enum value added${where}: ${value}`)
    for (const value of mine) if (!theirs.includes(value)) out.push(`enum value removed${where}: ${value}`)
  }
  // Whatever else differs (a type, a format, items, a bound) is a change of the node itself.
  const rest = (node: SchemaNode) => JSON.stringify(Object.fromEntries(Object.entries(node).filter(([k]) => !MEMBER_KEYS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1))))
  if (rest(codex) !== rest(ours)) out.push(`type changed${where}`)
  return out.length > 0 ? out : [`type changed${where}`]
}

const MEMBER_KEYS = new Set(['properties', 'required', 'enum', 'oneOf', 'anyOf'])

function fieldsOf(node: SchemaNode): Record<string, unknown> {
  return isRecord(node.properties) ? node.properties : {}
}

function requiredOf(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : []
}

function armsOf(node: SchemaNode): SchemaNode[] | undefined {
  const arms = node.oneOf ?? node.anyOf
  return Array.isArray(arms) ? (arms as SchemaNode[]) : undefined
}

// Arms are paired by what names them (a tag value, a single key, a single enum value), falling
// back to their position; an arm with no name in either union is compared in place.
function armDifferences(codex: SchemaNode[], ours: SchemaNode[], at: string): string[] {
  const out: string[] = []
  const named = (arms: SchemaNode[]) => new Map(arms.map((arm, i) => [armName(arm) ?? `#${i}`, arm]))
  const theirs = named(codex)
  const mine = named(ours)
  for (const [name, arm] of theirs) {
    const other = mine.get(name)
    if (!other) out.push(`arm added${at ? ` at ${at}` : ''}: ${name}`)
    else out.push(...memberDifferences(arm, other, `${at}[${name}]`))
  }
  for (const name of mine.keys()) if (!theirs.has(name)) out.push(`arm removed${at ? ` at ${at}` : ''}: ${name}`)
  return out
}

function armName(arm: SchemaNode): string | undefined {
  if (Array.isArray(arm.enum) && arm.enum.length === 1) return JSON.stringify(arm.enum[0])
  if (Array.isArray(arm.enum)) return undefined
  if (arm.type === 'null') return 'null'
  const fields = fieldsOf(arm)
  for (const [field, schema] of Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isRecord(schema) && Array.isArray(schema.enum) && schema.enum.length === 1 && requiredOf(arm).includes(field)) return `${field}=${String(schema.enum[0])}`
  }
  const keys = Object.keys(fields)
  if (keys.length === 1 && arm.additionalProperties === false) return keys[0]
  if (typeof arm.$ref === 'string') return arm.$ref
  return undefined
}
