// Variant projection on the model: the stable variant drops experimental methods, fields and union
// arms, then every type no stable root still reaches. Both variants drop unreachable types.
import type { MetaModel, MethodModel, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { deriveAbsolutePaths } from './path-locations.js'
import { directRefs, experimentalReason, isRecord } from './schema-nodes.js'
import { deriveUnionShapes } from './union-shapes.js'

export type Variant = 'stable' | 'experimental'
export const VARIANTS: readonly Variant[] = ['stable', 'experimental']

export function projectVariant(model: MetaModel, variant: Variant): MetaModel {
  if (variant === 'experimental') return withSchemaFacts({ ...model, types: reachableTypes(model.types, rootsOf(model, model.methods)) })
  const methods = model.methods.filter((m) => !m.experimental)
  // Types without experimental members keep their schema object, so emitters can share work
  // between the variants.
  const marked = new Set(model.experimental.flatMap((e) => (e.kind === 'method' ? [] : [e.type])))
  const stripped = model.types.map((t) => (marked.has(t.name) ? { ...t, schema: stripExperimental(t.schema) as SchemaNode } : t))
  return withSchemaFacts({ ...model, variant: 'stable', methods, types: reachableTypes(stripped, rootsOf(model, methods)), experimental: [], gates: {} })
}

// Union arm indices and path locations follow the projected schemas, so they are derived again.
function withSchemaFacts(model: MetaModel): MetaModel {
  return { ...model, unions: deriveUnionShapes(model.types), absolutePaths: deriveAbsolutePaths(model.types).absolutePaths }
}

/** Method payload types of the given methods plus the envelope (standalone types no method uses). */
export function rootsOf(model: MetaModel, methods: MethodModel[]): string[] {
  const payloads = (list: MethodModel[]) => list.flatMap((m) => [...(m.params.presence === 'none' ? [] : [m.params.type]), ...(m.result ? [m.result] : [])])
  const allPayloads = new Set(payloads(model.methods))
  const envelope = model.types.filter((t) => t.standalone && !allPayloads.has(t.name)).map((t) => t.name)
  return [...envelope, ...payloads(methods)]
}

export function reachableTypes(types: TypeModel[], roots: string[]): TypeModel[] {
  const byName = new Map(types.map((t) => [t.name, t]))
  const reached = new Set<string>()
  const queue = [...roots]
  while (queue.length > 0) {
    const name = queue.pop()!
    if (reached.has(name)) continue
    reached.add(name)
    const type = byName.get(name)
    if (type) queue.push(...directRefs(type.schema))
  }
  return types.filter((t) => reached.has(t.name))
}

/** A copy of a schema without experimental properties and union arms. */
export function stripExperimental(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => !(isRecord(item) && experimentalReason(item))).map(stripExperimental)
  if (!isRecord(node)) return node
  const out: SchemaNode = {}
  const removed = new Set<string>()
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isRecord(value)) {
      const kept: SchemaNode = {}
      for (const [field, child] of Object.entries(value)) {
        if (isRecord(child) && experimentalReason(child)) removed.add(field)
        else kept[field] = stripExperimental(child)
      }
      out[key] = kept
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      out[key] = stripExperimental(value)
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = stripExperimental(value)
    } else {
      out[key] = value
    }
  }
  if (removed.size > 0 && Array.isArray(out.required)) {
    const required = (out.required as string[]).filter((f) => !removed.has(f))
    if (required.length > 0) out.required = required
    else delete out.required
  }
  return out
}
