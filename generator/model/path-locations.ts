// Where absolute paths sit in each type: the fields (and union arms) that hold values of an
// absolute-path type, directly, as array items or map values, or inside another named type.
// A reader can then find every path in a value from the model, without walking schemas.
import type { NestedVia, PathLocation, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { armMatch } from './members.js'
import { directRefs, isRecord, properties, refName, singleAllOf, typeList, unionArms, unwrapNullable } from './schema-nodes.js'

/** Per type holding absolute paths, their locations; plus one line per path no location can describe. */
export function deriveAbsolutePaths(types: readonly TypeModel[]): { absolutePaths: Record<string, PathLocation[]>; problems: string[] } {
  const pathTypes = new Set(types.filter((t) => t.absolutePath).map((t) => t.name))
  const holders = typesHolding(types, pathTypes)
  const absolutePaths: Record<string, PathLocation[]> = {}
  const problems: string[] = []
  for (const type of types) {
    if (!holders.has(type.name)) continue
    const report = (where: string) => problems.push(`type ${type.name}${where}: holds absolute paths where the model cannot locate them; put them in a field, an array, a map or a tagged union arm`)
    const locations = locationsOf(type.schema, pathTypes, holders, report, '')
    if (locations.length > 0) absolutePaths[type.name] = locations
  }
  return { absolutePaths, problems }
}

/** Types that refer to an absolute-path type, directly or through other types (a fixpoint, for cycles). */
function typesHolding(types: readonly TypeModel[], pathTypes: Set<string>): Set<string> {
  const refs = new Map(types.filter((t) => !pathTypes.has(t.name)).map((t) => [t.name, directRefs(t.schema)]))
  const holders = new Set<string>()
  for (let grew = true; grew;) {
    grew = false
    for (const [name, targets] of refs) {
      if (!holders.has(name) && [...targets].some((t) => pathTypes.has(t) || holders.has(t))) {
        holders.add(name)
        grew = true
      }
    }
  }
  return holders
}

function locationsOf(schema: SchemaNode, pathTypes: Set<string>, holders: Set<string>, report: (where: string) => void, path: string): PathLocation[] {
  const node = unwrapNullable(singleAllOf(schema))
  const holds = (n: unknown) => [...directRefs(n)].some((t) => pathTypes.has(t) || holders.has(t))
  const locations: PathLocation[] = []
  for (const [field, child] of Object.entries(properties(node))) {
    if (!holds(child)) continue
    const { via, value } = fieldValue(child)
    const name = refName(value)
    if (name && pathTypes.has(name)) locations.push({ field, via, path: true })
    else if (name) locations.push({ field, via, type: name })
    else if (Object.keys(properties(value)).length > 0) locations.push({ field, via, fields: locationsOf(value, pathTypes, holders, report, `${path}.${field}`) })
    else report(` field ${path}${field}`)
  }
  for (const [index, arm] of (unionArms(node) ?? []).entries()) {
    if (!isRecord(arm) || arm.type === 'null' || !holds(arm)) continue
    const match = armMatch(arm)
    if (refName(arm) || !match) {
      report(` union arm ${path}${index}`)
      continue
    }
    locations.push({ arm: index, ...(match ? { match } : {}), locations: locationsOf(arm, pathTypes, holders, report, `${path}${index}.`) })
  }
  // Anything else (a path inside a bare array or map at the top) has no field to name.
  if (locations.length === 0) report(path ? ` at ${path}` : '')
  return locations
}

/** The schema of a field's value, and how it is reached: `T`, `T | null`, `T[]`, or a map of `T`. */
function fieldValue(field: SchemaNode): { via: NestedVia; value: SchemaNode } {
  const node = unwrapNullable(singleAllOf(field))
  const types = typeList(node)
  if (types.includes('array') && isRecord(node.items)) return { via: 'items', value: unwrapNullable(singleAllOf(node.items as SchemaNode)) }
  if (types.includes('object') && isRecord(node.additionalProperties) && !isRecord(node.properties)) {
    return { via: 'values', value: unwrapNullable(singleAllOf(node.additionalProperties as SchemaNode)) }
  }
  return { via: 'value', value: node }
}
