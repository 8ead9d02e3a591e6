// JSON Schema fixtures of one variant, in codex's layout: a file per standalone type (root, `v1/`,
// `v2/`), the namespaced bundle and the flat v2 bundle. Draft-07, canonical key order.
import type { MetaModel, SchemaNode, TypeModel } from '../model/meta-model.js'
import { reachableTypes, rootsOf } from '../model/project-variant.js'
import { directRefs, isRecord } from '../model/schema-nodes.js'
import { canonicalJson } from './canonical-json.js'
import { methodUnions, unionSchema } from './method-unions.js'

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#'
export const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json'
export const FLAT_V2_BUNDLE_FILE = 'codex_app_server_protocol.v2.schemas.json'

type RefStyle = (name: string) => string

/**
 * The types JSON output describes: what non-TS-only methods and the envelope reach, plus the
 * unions. Params that may be left out get a standalone `Nullable<Params>` wrapper in their place,
 * as codex writes them.
 */
export function jsonTypes(model: MetaModel): TypeModel[] {
  const jsonMethods = model.methods.filter((m) => !m.tsOnly)
  const reached = reachableTypes(model.types, rootsOf(model, jsonMethods))
  const wrapped = new Set(jsonMethods.flatMap((m) => (m.params.presence === 'optional' ? [m.params.type] : [])))
  const required = new Set(jsonMethods.flatMap((m) => [...(m.params.presence === 'required' ? [m.params.type] : []), ...(m.result ? [m.result] : [])]))
  const types = reached.map((t) => (wrapped.has(t.name) && !required.has(t.name) ? { ...t, standalone: false } : t))
  const nullables = types.filter((t) => wrapped.has(t.name)).map<TypeModel>((t) => ({
    name: `Nullable${t.name}`,
    namespace: t.namespace,
    standalone: true,
    schema: { anyOf: [{ $ref: t.name }, { type: 'null' }] },
  }))
  const unions = methodUnions(model, false).map<TypeModel>((u) => ({ name: u.name, namespace: 'root', standalone: true, schema: unionSchema(u) }))
  return [...types, ...nullables, ...unions]
}

/** Every fixture file of the variant, by path relative to the variant's folder. */
export function emitJson(model: MetaModel): Map<string, string> {
  const types = jsonTypes(model)
  const byName = new Map(types.map((t) => [t.name, t]))
  const files = new Map<string, string>()
  const local: RefStyle = (name) => `#/definitions/${name}`
  for (const type of types) {
    if (!type.standalone) continue
    const definitions: SchemaNode = {}
    for (const name of closure(type.name, byName)) definitions[name] = toWire(byName.get(name)!.schema, local)
    const doc: SchemaNode = { $schema: DRAFT_07, ...(toWire(type.schema, local) as SchemaNode), title: type.name }
    if (Object.keys(definitions).length > 0) doc.definitions = definitions
    files.set(`${folderOf(type)}${type.name}.json`, canonicalJson(doc))
  }
  files.set(BUNDLE_FILE, canonicalJson(namespacedBundle(types)))
  files.set(FLAT_V2_BUNDLE_FILE, canonicalJson(flatV2Bundle(types, byName)))
  return files
}

function folderOf(type: TypeModel): string {
  const folder = type.fileFolder ?? type.namespace
  return folder === 'root' ? '' : `${folder}/`
}

function namespacedBundle(types: TypeModel[]): SchemaNode {
  const namespaceOf = new Map(types.map((t) => [t.name, t.namespace]))
  const refStyle: RefStyle = (name) => (namespaceOf.get(name) === 'v2' ? `#/definitions/v2/${name}` : `#/definitions/${name}`)
  const root: SchemaNode = {}
  const v2: SchemaNode = {}
  for (const type of types) (type.namespace === 'v2' ? v2 : root)[type.name] = bundleEntry(type, refStyle)
  return { $schema: DRAFT_07, title: 'CodexAppServerProtocol', type: 'object', definitions: { ...root, v2 } }
}

// Everything in the v2 namespace plus what the client-request and notification unions reach.
function flatV2Bundle(types: TypeModel[], byName: Map<string, TypeModel>): SchemaNode {
  const names = new Set(types.filter((t) => t.namespace === 'v2').map((t) => t.name))
  for (const union of ['ClientRequest', 'ServerNotification']) {
    names.add(union)
    for (const name of closure(union, byName)) names.add(name)
  }
  const definitions: SchemaNode = {}
  for (const name of names) definitions[name] = bundleEntry(byName.get(name)!, (n) => `#/definitions/${n}`)
  return { $schema: DRAFT_07, title: 'CodexAppServerProtocolV2', type: 'object', definitions }
}

function bundleEntry(type: TypeModel, refStyle: RefStyle): unknown {
  const wire = toWire(type.schema, refStyle)
  return type.standalone ? { $schema: DRAFT_07, ...(wire as SchemaNode), title: type.name } : wire
}

/** Names of all types reachable from `name`, itself included only when it refers to itself. */
function closure(name: string, byName: Map<string, TypeModel>): string[] {
  const seen = new Set<string>()
  const queue = [...directRefs(byName.get(name)!.schema)]
  while (queue.length > 0) {
    const next = queue.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    queue.push(...directRefs(byName.get(next)?.schema))
  }
  return [...seen]
}

/**
 * A model schema as it goes on the wire: references become JSON pointers, a reference that carries
 * a description or default is wrapped in `allOf` (draft-07 ignores siblings of `$ref`), `required`
 * is sorted, and the empty schema becomes `true`.
 */
export function toWire(node: unknown, refStyle: RefStyle): unknown {
  if (Array.isArray(node)) return node.map((n) => toWire(n, refStyle))
  if (!isRecord(node)) return node
  const keys = Object.keys(node)
  if (keys.length === 0) return true
  if (typeof node.$ref === 'string') {
    const { $ref, description, default: defaultValue, ...rest } = node
    const pointer = { $ref: refStyle($ref as string) }
    if (description === undefined && defaultValue === undefined) return { ...pointer, ...rest }
    return { allOf: [pointer], ...rest, ...(description !== undefined ? { description } : {}), ...(defaultValue !== undefined ? { default: defaultValue } : {}) }
  }
  const out: SchemaNode = {}
  for (const key of keys) {
    const value = node[key]
    if (key === 'properties' && isRecord(value)) {
      const props: SchemaNode = {}
      for (const [field, child] of Object.entries(value)) props[field] = toWire(child, refStyle)
      out[key] = props
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf' || key === 'items' || key === 'additionalProperties') {
      out[key] = toWire(value, refStyle)
    } else if (key === 'required' && Array.isArray(value)) {
      out[key] = [...(value as string[])].sort()
    } else {
      out[key] = value
    }
  }
  return out
}
