// One variant of the protocol at one point in time, as `protocol-diff` compares it: the JSON Schema
// bundle (codex's `codex_app_server_protocol.schemas.json` layout, ours or codex's own output), the
// methods read from its four message unions, and the experimental members of that variant.
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { isRecord } from '../model/schema-nodes.js'
import { flattenDefinition, unwrapNullable, type Member } from './members.js'

export type Direction = 'clientRequest' | 'clientNotification' | 'serverRequest' | 'serverNotification'

export interface SnapshotMethod {
  direction: Direction
  method: string
  /** Definition id (see `definitionId`) of the params, when the method has any. */
  params: string | undefined
  /** Definition id of the result, for requests whose result type is known. */
  result: string | undefined
}

export interface Snapshot {
  /** Names the snapshot in reports: a version, a git ref or a folder. */
  label: string
  variant: 'stable' | 'experimental'
  bundle: SchemaNode
  /** Every definition by id: `Foo` for the bundle's root definitions, `v2/Foo` for nested ones. */
  definitions: Map<string, SchemaNode>
  methods: Map<string, SnapshotMethod>
  /** Every definition's members (see members.ts), flattened once. */
  members: Map<string, Map<string, Member>>
}

const UNIONS: Record<string, Direction> = {
  ClientRequest: 'clientRequest',
  ClientNotification: 'clientNotification',
  ServerRequest: 'serverRequest',
  ServerNotification: 'serverNotification',
}

/**
 * Reads a bundle. `resultTypes` names each request's result type (codex's bundle does not link
 * requests to results); a request missing from it falls back to its params name with `Params`
 * replaced by `Response`, when such a definition exists.
 */
export function readSnapshot(label: string, variant: Snapshot['variant'], bundle: unknown, resultTypes: ReadonlyMap<string, string>): Snapshot {
  if (!isRecord(bundle) || !isRecord(bundle.definitions)) throw new Error(`${label}: not a codex schema bundle (no "definitions" object)`)
  const definitions = definitionsById(bundle)
  const methods = new Map<string, SnapshotMethod>()
  for (const [union, direction] of Object.entries(UNIONS)) {
    const schema = definitions.get(union)
    if (schema === undefined) throw new Error(`${label}: the bundle has no ${union} definition`)
    for (const arm of unionArmsOf(schema)) {
      const properties = isRecord(arm.properties) ? arm.properties : {}
      const method = isRecord(properties.method) && Array.isArray(properties.method.enum) ? properties.method.enum[0] : undefined
      if (typeof method !== 'string') continue
      // Optional params are `anyOf: [params, null]`.
      const params = isRecord(properties.params) ? refTarget(unwrapNullable(properties.params).node) : undefined
      let result: string | undefined
      if (direction === 'clientRequest' || direction === 'serverRequest') {
        const named = resultTypes.get(method) ?? (params ? params.replace(/^v2\//, '').replace(/Params$/, 'Response') : undefined)
        result = named === undefined ? undefined : definitionId(named, definitions)
      }
      methods.set(`${direction} ${method}`, { direction, method, params, result })
    }
  }
  const members = new Map([...definitions].map(([id, schema]) => [id, flattenDefinition(id, schema)]))
  return { label, variant, bundle, definitions, methods, members }
}

/** A bundle's definitions by id: `Foo` for its root definitions, `v2/Foo` for the nested ones. */
export function definitionsById(bundle: SchemaNode): Map<string, SchemaNode> {
  const definitions = new Map<string, SchemaNode>()
  for (const [name, schema] of Object.entries(isRecord(bundle.definitions) ? bundle.definitions : {})) {
    if (name === 'v2' && isRecord(schema) && !('type' in schema)) {
      for (const [inner, innerSchema] of Object.entries(schema)) if (isRecord(innerSchema)) definitions.set(`v2/${inner}`, innerSchema)
    } else if (isRecord(schema)) definitions.set(name, schema)
  }
  return definitions
}

/** The id of the definition named `name` (a v2 one first), undefined when there is none. */
export function definitionId(name: string, definitions: ReadonlyMap<string, unknown>): string | undefined {
  return definitions.has(`v2/${name}`) ? `v2/${name}` : definitions.has(name) ? name : undefined
}

/** The definition id a `$ref` (possibly wrapped in `allOf`) points at. */
export function refTarget(node: SchemaNode): string | undefined {
  if (typeof node.$ref === 'string') return node.$ref.replace(/^#\/definitions\//, '')
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && isRecord(node.allOf[0])) return refTarget(node.allOf[0])
  return undefined
}

function unionArmsOf(schema: SchemaNode): SchemaNode[] {
  const arms = schema.oneOf ?? schema.anyOf
  return Array.isArray(arms) ? arms.filter(isRecord) : []
}

/** A definition id as people read it: `v2/` is dropped. */
export function displayName(id: string): string {
  return id.replace(/^v2\//, '')
}
