// JSON Schema fixtures of one variant, in codex's layout: a file per standalone type (root, `v1/`,
// `v2/`), the namespaced bundle and the flat v2 bundle. Draft-07, canonical key order.
import { DIRECTIONS } from '../../protocol/model/directions.js'
import type { MetaModel, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { reachableTypes, rootsOf } from '../model/project-variant.js'
import { directRefs, isRecord } from '../model/schema-nodes.js'
import { byCodeUnit, objectText, sortedText, sortKeys } from './canonical-json.js'
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
  const namespaceOf = new Map(types.map((t) => [t.name, t.namespace]))
  const local = new WireText(byName, 'local', (name) => `#/definitions/${name}`)
  const namespaced = new WireText(byName, 'namespaced', (name) => (namespaceOf.get(name) === 'v2' ? `#/definitions/v2/${name}` : `#/definitions/${name}`))
  const files = new Map<string, string>()
  for (const type of types) {
    if (!type.standalone) continue
    const members = local.headedMembers(type.name, 0)
    const definitions = local.closure(type.name)
    if (definitions.length > 0) members.set('definitions', objectText(new Map(definitions.map((n) => [n, local.text(n, 2, false)])), 1))
    files.set(`${folderOf(type)}${type.name}.json`, `${objectText(members)}\n`)
  }
  files.set(BUNDLE_FILE, namespacedBundle(types, namespaced))
  files.set(FLAT_V2_BUNDLE_FILE, flatV2Bundle(types, local))
  return files
}

function folderOf(type: TypeModel): string {
  const folder = type.fileFolder ?? type.namespace
  return folder === 'root' ? '' : `${folder}/`
}

function bundleHeader(title: string, definitions: string): string {
  return `${objectText(new Map([['$schema', JSON.stringify(DRAFT_07)], ['title', JSON.stringify(title)], ['type', '"object"'], ['definitions', definitions]]))}\n`
}

function namespacedBundle(types: TypeModel[], wire: WireText): string {
  const root = new Map<string, string>()
  const v2 = new Map<string, string>()
  for (const type of types) {
    if (type.namespace === 'v2') v2.set(type.name, wire.text(type.name, 3, type.standalone))
    else root.set(type.name, wire.text(type.name, 2, type.standalone))
  }
  root.set('v2', objectText(v2, 2))
  return bundleHeader('CodexAppServerProtocol', objectText(root, 1))
}

// Everything in the v2 namespace plus what the client-request and notification unions reach.
function flatV2Bundle(types: TypeModel[], wire: WireText): string {
  const names = new Set(types.filter((t) => t.namespace === 'v2').map((t) => t.name))
  for (const union of [DIRECTIONS.clientRequest.union, DIRECTIONS.serverNotification.union]) {
    names.add(union)
    for (const name of wire.closure(union)) names.add(name)
  }
  const standalone = new Set(types.filter((t) => t.standalone).map((t) => t.name))
  return bundleHeader('CodexAppServerProtocolV2', objectText(new Map([...names].map((n) => [n, wire.text(n, 2, standalone.has(n))])), 1))
}

/**
 * Canonical wire text of each type for one reference style, computed once and re-indented for
 * where it is embedded: the per-type files repeat the same definitions hundreds of times. Results
 * are kept per schema object, so the stable variant reuses what the experimental one computed for
 * every type the projection left untouched (a type's namespace, hence its references, never
 * differs between variants).
 */
class WireText {
  constructor(private readonly byName: Map<string, TypeModel>, private readonly style: 'local' | 'namespaced', private readonly refStyle: RefStyle) {}

  /** The type's schema as it goes on the wire, keys sorted. */
  schema(name: string): SchemaNode {
    return this.memo(name, `wire:${this.style}`, () => toWire(this.byName.get(name)!.schema, this.refStyle) as SchemaNode)
  }

  /** Text of the type at `depth`; `headed` adds the `$schema` and `title` a standalone type carries. */
  text(name: string, depth: number, headed: boolean): string {
    return this.memo(name, `text:${this.style}:${depth}:${headed}`, () =>
      headed ? objectText(this.headedMembers(name, depth), depth) : sortedText(this.schema(name), depth))
  }

  /** Members of the standalone form of a type, each as text at `depth + 1`. */
  headedMembers(name: string, depth: number): Map<string, string> {
    const schema = this.schema(name)
    if (typeof schema !== 'object') return new Map([['$schema', JSON.stringify(DRAFT_07)], ['title', JSON.stringify(name)]])
    const members = new Map(Object.entries(schema).map(([k, v]) => [k, sortedText(v, depth + 1)]))
    members.set('$schema', JSON.stringify(DRAFT_07))
    members.set('title', JSON.stringify(name))
    return members
  }

  /** Names of all types reachable from `name`, itself included only when it refers to itself. */
  closure(name: string): string[] {
    const seen = new Set<string>()
    const queue = [...this.refsOf(name)]
    while (queue.length > 0) {
      const next = queue.pop()!
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(...this.refsOf(next))
    }
    return [...seen]
  }

  private refsOf(name: string): string[] {
    const type = this.byName.get(name)
    return type ? this.memo(name, 'refs', () => [...directRefs(type.schema)]) : []
  }

  private memo<T>(name: string, key: string, compute: () => T): T {
    const schema = this.byName.get(name)!.schema
    let entries = memoBySchema.get(schema)
    if (!entries) {
      entries = new Map()
      memoBySchema.set(schema, entries)
    }
    // The name is part of the key: a standalone entry's title depends on it.
    const fullKey = `${key}:${name}`
    if (!entries.has(fullKey)) entries.set(fullKey, compute())
    return entries.get(fullKey) as T
  }
}

const memoBySchema = new WeakMap<object, Map<string, unknown>>()

/**
 * A model schema as it goes on the wire, keys sorted: references become JSON pointers, a reference
 * that carries a description or default is wrapped in `allOf` (draft-07 ignores siblings of
 * `$ref`), `required` is sorted, and the empty schema becomes `true`.
 */
export function toWire(node: unknown, refStyle: RefStyle): unknown {
  if (Array.isArray(node)) return node.map((n) => toWire(n, refStyle))
  if (!isRecord(node)) return node
  const keys = Object.keys(node)
  if (keys.length === 0) return true
  if (typeof node.$ref === 'string') {
    const { $ref, description, default: defaultValue, ...rest } = node
    const pointer = { $ref: refStyle($ref as string) }
    if (description === undefined && defaultValue === undefined) return sortedObject({ ...pointer, ...rest })
    return sortedObject({ allOf: [pointer], ...rest, ...(description !== undefined ? { description } : {}), ...(defaultValue !== undefined ? { default: defaultValue } : {}) })
  }
  const out: SchemaNode = {}
  for (const key of keys.sort(byCodeUnit)) {
    const value = node[key]
    if (key === 'properties' && isRecord(value)) {
      const props: SchemaNode = {}
      for (const field of Object.keys(value).sort(byCodeUnit)) props[field] = toWire(value[field], refStyle)
      out[key] = props
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf' || key === 'items' || key === 'additionalProperties') {
      out[key] = toWire(value, refStyle)
    } else if (key === 'required' && Array.isArray(value)) {
      out[key] = [...(value as string[])].sort(byCodeUnit)
    } else {
      out[key] = sortKeys(value)
    }
  }
  return out
}

function sortedObject(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {}
  for (const key of Object.keys(node).sort(byCodeUnit)) out[key] = sortKeys(node[key])
  return out
}
