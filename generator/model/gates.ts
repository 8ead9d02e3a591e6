// Derives, per type, the ordered checks that find experimental input in a value of that type.
// A field is checked for its own marker, or descended into when its type contains markers
// (codex's "nested" fields), so whether a method must inspect its params is derived, never declared.
import { armMatch, presenceOf } from './members.js'
import type { GateCheck, NestedVia, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { directRefs, experimentalReason, forEachNode, isRecord, properties, refName, singleAllOf, typeList, unwrapNullable } from './schema-nodes.js'

/**
 * The gates of every type that can carry experimental input, plus one line per marker the checks
 * could never reach (inside an inline object, or in a union arm with nothing to recognise it by):
 * those are definition errors, since a client could then slip experimental input past the server.
 */
export function deriveGates(types: TypeModel[]): { gates: Record<string, GateCheck[]>; problems: string[] } {
  const marked = typesContainingMarkers(types)
  const gates: Record<string, GateCheck[]> = {}
  const problems: string[] = []
  for (const type of types) {
    if (!marked.has(type.name)) continue
    const checks = checksOf(type.schema, marked, (where) => problems.push(`type ${type.name}${where}: experimental members here cannot be checked; declare them on a named type's own fields or on a union arm with a tag, key or value`))
    if (checks.length > 0) gates[type.name] = checks
  }
  return { gates, problems }
}

/** Types with a marker anywhere inside them, directly or through references (a fixpoint, for cycles). */
function typesContainingMarkers(types: TypeModel[]): Set<string> {
  const marked = new Set<string>()
  for (const type of types) {
    forEachNode(type.schema, (node) => {
      if (experimentalReason(node)) marked.add(type.name)
    })
  }
  const refs = new Map(types.map((t) => [t.name, directRefs(t.schema)]))
  for (let grew = true; grew;) {
    grew = false
    for (const [name, targets] of refs) {
      if (!marked.has(name) && [...targets].some((t) => marked.has(t))) {
        marked.add(name)
        grew = true
      }
    }
  }
  return marked
}

function checksOf(schema: SchemaNode, marked: Set<string>, unreachable: (where: string) => void, path = ''): GateCheck[] {
  const node = unwrapNullable(singleAllOf(schema))
  const checks: GateCheck[] = []
  for (const [field, child] of Object.entries(properties(node))) {
    const reason = experimentalReason(child)
    if (reason) {
      checks.push({ check: 'field', field, reason, presence: presenceOf(child) })
      continue
    }
    const target = nestedTarget(child)
    if (target) {
      if (marked.has(target.type)) checks.push({ check: 'nested', field, via: target.via, type: target.type })
    } else if (containsMarker(child, marked)) {
      unreachable(` field ${path}${field}`)
    }
  }
  const arms = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : []
  for (const [index, arm] of (arms as SchemaNode[]).entries()) {
    if (!isRecord(arm)) continue
    const reason = experimentalReason(arm)
    const match = armMatch(arm)
    if (!match) {
      // A marked arm itself is reported by the model's reason checks.
      if (!reason && containsMarker(arm, marked)) unreachable(` union arm ${path}${index}`)
      continue
    }
    if (reason) checks.push({ check: 'variant', reason, match })
    else {
      const inner = checksOf(arm, marked, unreachable, `${path}${index}.`)
      if (inner.length > 0) checks.push({ check: 'arm', match, checks: inner })
    }
  }
  return checks
}

/** A marker inside the schema, directly or through a reference to a type that carries one. */
function containsMarker(schema: SchemaNode, marked: Set<string>): boolean {
  let found = false
  forEachNode(schema, (node) => {
    if (experimentalReason(node) || (typeof node.$ref === 'string' && marked.has(node.$ref))) found = true
  })
  return found
}

/** The named type a field leads to, and how: `T`, `T | null`, `T[]`, or a map of `T`. */
function nestedTarget(field: SchemaNode): { via: NestedVia; type: string } | undefined {
  const node = unwrapNullable(singleAllOf(field))
  const direct = refName(node)
  if (direct) return { via: 'value', type: direct }
  const types = typeList(node)
  if (types.includes('array') && isRecord(node.items)) {
    const item = refName(unwrapNullable(node.items as SchemaNode))
    if (item) return { via: 'items', type: item }
  }
  if (types.includes('object') && isRecord(node.additionalProperties)) {
    const value = refName(unwrapNullable(node.additionalProperties as SchemaNode))
    if (value) return { via: 'values', type: value }
  }
  return undefined
}
