// What changed between two meta models, per variant, in protocol terms: methods, types and fields
// added, removed or changed. Drives the first part of `--check`'s drift report.
import type { MetaModel, MethodModel, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { projectVariant, VARIANTS, type Variant } from '../model/project-variant.js'
import { isRecord } from '../model/schema-nodes.js'
import { firstDifference } from './structural-diff.js'

export interface VariantChanges {
  variant: Variant
  lines: string[]
}

export function semanticChanges(before: MetaModel, after: MetaModel): VariantChanges[] {
  return VARIANTS.map((variant) => {
    const a = projectVariant(before, variant)
    const b = projectVariant(after, variant)
    return { variant, lines: [...methodChanges(a.methods, b.methods), ...typeChanges(a.types, b.types)] }
  })
}

function methodChanges(before: MethodModel[], after: MethodModel[]): string[] {
  const key = (m: MethodModel) => `${m.direction} ${m.method}`
  return keyedChanges(before, after, key, (a, b) => {
    const d = firstDifference(a, b)
    return d ? [`${key(a)}: changed (${d})`] : []
  }, (m) => `${key(m)}: added`, (m) => `${key(m)}: removed`)
}

function typeChanges(before: TypeModel[], after: TypeModel[]): string[] {
  return keyedChanges(before, after, (t) => t.name, (a, b) => {
    if (firstDifference(a, b) === undefined) return []
    const fields = fieldChanges(a.schema, b.schema).map((line) => `type ${a.name}: ${line}`)
    return fields.length > 0 ? fields : [`type ${a.name}: changed (${firstDifference(a, b)})`]
  }, (t) => `type ${t.name}: added`, (t) => `type ${t.name}: removed`)
}

function fieldChanges(before: SchemaNode, after: SchemaNode): string[] {
  const a = isRecord(before.properties) ? before.properties : {}
  const b = isRecord(after.properties) ? after.properties : {}
  const lines: string[] = []
  for (const field of Object.keys(b)) if (!(field in a)) lines.push(`field ${field} added`)
  for (const field of Object.keys(a)) if (!(field in b)) lines.push(`field ${field} removed`)
  for (const field of Object.keys(a)) {
    if (!(field in b)) continue
    const d = firstDifference(a[field], b[field])
    if (d) lines.push(`field ${field} changed (${d})`)
  }
  const rest = (s: SchemaNode) => ({ ...s, properties: undefined })
  const other = firstDifference(rest(before), rest(after))
  if (other && lines.length === 0) lines.push(`changed (${other})`)
  else if (other) lines.push(`also changed (${other})`)
  return lines
}

function keyedChanges<T>(before: T[], after: T[], key: (item: T) => string, changed: (a: T, b: T) => string[], added: (item: T) => string, removed: (item: T) => string): string[] {
  const old = new Map(before.map((item) => [key(item), item]))
  const now = new Map(after.map((item) => [key(item), item]))
  const lines: string[] = []
  for (const [k, item] of now) {
    const previous = old.get(k)
    lines.push(...(previous === undefined ? [added(item)] : changed(previous, item)))
  }
  for (const [k, item] of old) if (!now.has(k)) lines.push(removed(item))
  return lines
}
