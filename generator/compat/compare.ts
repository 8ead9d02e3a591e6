// Structural comparison of our JSON Schema output with codex's, per method and per type, ignoring
// what carries no wire meaning: descriptions, titles, key order, `$schema`, our `x-` annotations,
// and the `allOf` wrapper draft-07 needs to describe a reference.
import { memberDifferences } from './member-diff.js'
import { UNION_NAMES } from '../../protocol/model/directions.js'
import { isRecord } from '../../protocol/model/json-data.js'
import type { SchemaNode } from '../../protocol/model/meta-model.js'

export type CompatKind = 'method' | 'type' | 'file'
export type CompatStatus = 'equal' | 'different' | 'missing' | 'extra' | 'unknown'

export interface CompatRow {
  variant: string
  kind: CompatKind
  name: string
  status: CompatStatus
  /** What differs, by kind and member, for `different`; why, for `unknown`. */
  detail?: string
}

export { UNION_NAMES } from '../../protocol/model/directions.js'

/** Root and v2 definitions of a namespaced bundle, by name (v2 wins where codex lists a type in both). */
export function bundleDefinitions(bundle: SchemaNode): Map<string, unknown> {
  const defs = bundle.definitions as Record<string, unknown>
  const out = new Map<string, unknown>()
  for (const [name, schema] of Object.entries(defs)) if (name !== 'v2') out.set(name, schema)
  for (const [name, schema] of Object.entries((defs.v2 ?? {}) as Record<string, unknown>)) out.set(name, schema)
  return out
}

/** Union arms by method name. */
export function unionArms(defs: Map<string, unknown>): Map<string, unknown> {
  const arms = new Map<string, unknown>()
  for (const union of UNION_NAMES) {
    const schema = defs.get(union)
    if (!isRecord(schema) || !Array.isArray(schema.oneOf)) continue
    for (const arm of schema.oneOf as SchemaNode[]) {
      const method = ((arm.properties as Record<string, SchemaNode>).method!.enum as string[])[0]!
      arms.set(`${union} ${method}`, arm)
    }
  }
  return arms
}

export function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize)
  if (!isRecord(node)) return node
  const out: SchemaNode = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'title' || key === '$schema' || key === 'definitions' || key.startsWith('x-')) continue
    if (key === '$ref' && typeof value === 'string') out[key] = value.slice(value.lastIndexOf('/') + 1)
    else if (key === 'properties' && isRecord(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]))
    else if (key === 'required' && Array.isArray(value)) out[key] = [...(value as string[])].sort()
    else out[key] = normalize(value)
  }
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && isRecord(out.allOf[0])) {
    const { allOf, ...rest } = out
    return { ...(allOf as SchemaNode[])[0], ...rest }
  }
  return Object.keys(out).length === 0 ? true : out
}

function compareMaps(variant: string, kind: CompatKind, codex: Map<string, unknown>, ours: Map<string, unknown>): CompatRow[] {
  const rows: CompatRow[] = []
  for (const [name, theirs] of codex) {
    if (!ours.has(name)) {
      rows.push({ variant, kind, name, status: 'missing' })
      continue
    }
    const differences = memberDifferences(normalize(theirs), normalize(ours.get(name)))
    rows.push(differences.length > 0 ? { variant, kind, name, status: 'different', detail: differences.join('; ') } : { variant, kind, name, status: 'equal' })
  }
  for (const name of ours.keys()) if (!codex.has(name)) rows.push({ variant, kind, name, status: 'extra' })
  return rows
}

export interface VariantInput {
  variant: string
  codexBundle: SchemaNode
  oursBundle: SchemaNode
  codexFiles: string[]
  oursFiles: string[]
}

export function compareVariant(input: VariantInput): CompatRow[] {
  const codexDefs = bundleDefinitions(input.codexBundle)
  const oursDefs = bundleDefinitions(input.oursBundle)
  const withoutUnions = (defs: Map<string, unknown>) => new Map([...defs].filter(([name]) => !UNION_NAMES.includes(name)))
  const files = (list: string[]) => new Map(list.map((f) => [f, true]))
  return [
    ...compareMaps(input.variant, 'method', unionArms(codexDefs), unionArms(oursDefs)),
    ...compareMaps(input.variant, 'type', withoutUnions(codexDefs), withoutUnions(oursDefs)),
    ...compareMaps(input.variant, 'file', files(input.codexFiles), files(input.oursFiles)),
  ]
}

/** Types of a bundle reachable from the given type names. */
export function reachableFrom(defs: Map<string, unknown>, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const queue = [...roots]
  while (queue.length > 0) {
    const name = queue.pop()!
    if (seen.has(name) || !defs.has(name)) continue
    seen.add(name)
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (isRecord(node)) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') queue.push(value.slice(value.lastIndexOf('/') + 1))
          else walk(value)
        }
      }
    }
    walk(defs.get(name))
  }
  return seen
}
