// Imports a JSON Schema bundle in codex's layout into DSL source: one file per family, types in the
// order methods reach them, experimental members marked. Used to bootstrap definitions from an
// existing protocol; what it writes is meant to be reviewed and described, then maintained by hand.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { envelopeTypes, W3cTraceContext } from '../../protocol/envelope.js'
import { UNION_NAMES } from '../../protocol/model/directions.js'
import { isRecord } from '../../protocol/model/json-data.js'
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { toDsl, type MemberPath } from './schema-to-dsl.js'
import { tsChunks } from './ts-field-order.js'

export interface ImportOptions {
  /** The full (experimental) bundle, `codex_app_server_protocol.schemas.json`. */
  bundle: string
  /** The stable bundle: members missing there are marked experimental. */
  stableBundle?: string
  /** TSV with `type_name`, `field_or_variant` and `reason` columns: reasons for experimental members. */
  reasons?: string
  /** Folder of TypeScript output in the same layout, for declaration order. */
  tsDir?: string
  /** Family (file path below protocol/, without `.ts`) of given types. */
  families?: Record<string, string>
  /** Import only what these types reach (default: everything). */
  only?: string[]
  /** Types to leave out (defined elsewhere, such as the envelope and the message unions). */
  exclude?: string[]
  /**
   * Import only what is new: types not in `known` (type → family of the existing definitions).
   * New types that a known type refers to join that type's family; new methods' types join the
   * family of the known methods with the same first path segment (`methodFamilies`).
   */
  newOnly?: { known: Map<string, string>; methodFamilies: Map<string, string>; addedIn: string }
  /** The DSL module as a family file imports it (default: as if the output folder were protocol/). */
  dslModule?: (family: string) => string
}

export interface ImportedFamily {
  family: string
  source: string
  types: string[]
}

/** The envelope's types, declared in protocol/envelope.ts rather than imported. */
export const ENVELOPE_NAMES = [...envelopeTypes, W3cTraceContext].map((type) => type.name)

export interface Definition {
  name: string
  namespace: 'root' | 'v2'
  schema: SchemaNode
}

export function importBundle(options: ImportOptions): ImportedFamily[] {
  const defs = readDefinitions(options.bundle)
  const stable = options.stableBundle ? readDefinitions(options.stableBundle) : undefined
  const reasons = options.reasons ? readReasons(options.reasons) : new Map<string, string>()
  const methodPayloads = payloadsByMethod(defs)
  const exclude = new Set([...(options.exclude ?? []), ...UNION_NAMES, ...ENVELOPE_NAMES, ...(options.newOnly?.known.keys() ?? [])])
  const { order, familyOf } = assignFamilies(defs, methodPayloads, options, exclude)
  const paramsMethod = new Map<string, string>()
  for (const [method, payload] of methodPayloads) paramsMethod.set(payload.params ?? '', method)
  const bundleDir = dirname(options.bundle)
  const families = new Map<string, ImportedFamily>()
  for (const name of order) {
    const def = defs.get(name)!
    const family = familyOf.get(name)!
    const reasonOf = (path: MemberPath) => {
      if (!path.topLevel) return undefined
      const known = reasons.get(`${name}\t${path.member}`)
      if (known) return known
      if (!stable) return undefined
      const stableDef = stable.get(name)
      if (!stableDef) return undefined
      const present = path.kind === 'field' ? hasProperty(stableDef.schema, path.member) : hasArm(stableDef.schema, path.member)
      if (present) return undefined
      const prefix = paramsMethod.get(name) ?? camel(name)
      return `${prefix}.${path.member}`
    }
    const ts = options.tsDir ? readTs(options.tsDir, name) : undefined
    const expr = toDsl(def.schema, { reasonOf, chunks: ts ? tsChunks(ts, name) : [] })
    const fileFolder = def.namespace === 'v2' && existsSync(join(bundleDir, `${name}.json`)) ? 'root'
      : existsSync(join(bundleDir, 'v1', `${name}.json`)) ? 'v1' : undefined
    const typeOptions = [...(fileFolder ? [`fileFolder: ${q(fileFolder)}`] : []), ...(options.newOnly ? [`added: ${q(options.newOnly.addedIn)}`] : [])]
    const declaration = `export const ${name} = ${def.namespace}(${q(name)}, ${expr}${typeOptions.length > 0 ? `, { ${typeOptions.join(', ')} }` : ''})\n`
    const entry = families.get(family) ?? { family, source: '', types: [] }
    entry.source += `${entry.source ? '\n' : ''}${declaration}`
    entry.types.push(name)
    families.set(family, entry)
  }
  return [...families.values()].map((f) => ({ ...f, source: familyFile(f, options.dslModule) }))
}

function familyFile(f: ImportedFamily, dslModule?: (family: string) => string): string {
  const depth = f.family.split('/').length - 1
  const dsl = dslModule?.(f.family) ?? `${depth === 0 ? './' : '../'.repeat(depth)}dsl/index.js`
  const namespaces = ['root', 'v2'].filter((ns) => new RegExp(`= ${ns}\\('`).test(f.source))
  const definers = namespaces.map((ns) => `const ${ns} = typesIn('${ns}')`).join('\n')
  return `// The ${f.family.split('/').pop()} family of the protocol.\nimport { t, typesIn } from '${dsl}'\n\n${definers}\n\n${f.source}`
}

export function readDefinitions(path: string): Map<string, Definition> {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as { definitions: Record<string, SchemaNode> }
  const defs = new Map<string, Definition>()
  for (const [name, schema] of Object.entries(bundle.definitions)) {
    if (name === 'v2') continue
    defs.set(name, { name, namespace: 'root', schema })
  }
  for (const [name, schema] of Object.entries((bundle.definitions.v2 ?? {}) as Record<string, SchemaNode>)) defs.set(name, { name, namespace: 'v2', schema })
  return defs
}

function readReasons(path: string): Map<string, string> {
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '')
  const columns = header!.split('\t')
  const at = (name: string) => columns.indexOf(name)
  const reasons = new Map<string, string>()
  for (const row of rows) {
    const cells = row.split('\t')
    reasons.set(`${cells[at('type_name')]}\t${cells[at('field_or_variant')]}`, cells[at('reason')]!.replace(/ requires experimentalApi capability$/, ''))
  }
  return reasons
}

function readTs(dir: string, name: string): string | undefined {
  for (const candidate of [join(dir, 'v2', `${name}.ts`), join(dir, `${name}.ts`)]) {
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8')
  }
  return undefined
}

/** Method → its params type, from the message unions of the bundle. */
export function payloadsByMethod(defs: Map<string, Definition>): Map<string, { params?: string }> {
  const out = new Map<string, { params?: string }>()
  for (const union of UNION_NAMES) {
    const arms = defs.get(union)?.schema.oneOf
    if (!Array.isArray(arms)) continue
    for (const arm of arms as SchemaNode[]) {
      const props = arm.properties as Record<string, SchemaNode>
      const method = (props.method!.enum as string[])[0]!
      const params = props.params
      const ref = params && (typeof params.$ref === 'string' ? params.$ref : Array.isArray(params.anyOf) ? (params.anyOf[0] as SchemaNode).$ref : undefined)
      out.set(method, typeof ref === 'string' ? { params: ref.slice(ref.lastIndexOf('/') + 1) } : {})
    }
  }
  return out
}

function assignFamilies(defs: Map<string, Definition>, methods: Map<string, { params?: string }>, options: ImportOptions, exclude: Set<string>) {
  const familyOf = new Map<string, string>()
  const order: string[] = []
  const queue: string[] = []
  const claim = (name: string, family: string) => {
    if (familyOf.has(name) || exclude.has(name) || !defs.has(name)) return
    familyOf.set(name, options.families?.[name] ?? family)
    order.push(name)
    queue.push(name)
  }
  const only = options.only ? new Set(options.only) : undefined
  for (const [method, payload] of methods) {
    if (!payload.params) continue
    const response = payload.params.replace(/Params$/, 'Response')
    if (only && !only.has(payload.params) && !only.has(response)) continue
    const prefix = method.split('/')[0]!
    const family = options.newOnly?.methodFamilies.get(prefix) ?? `v2/${kebab(prefix)}`
    if (!only || only.has(payload.params)) claim(payload.params, family)
    if (response !== payload.params && (!only || only.has(response))) claim(response, family)
  }
  // A new type a known one refers to belongs with it.
  for (const [known, family] of options.newOnly?.known ?? []) {
    const def = defs.get(known)
    if (def) for (const ref of refsOf(def.schema)) claim(ref, family)
  }
  const walk = () => {
    while (queue.length > 0) {
      const name = queue.shift()!
      for (const ref of refsOf(defs.get(name)!.schema)) claim(ref, familyOf.get(name)!)
    }
  }
  // Only what new methods or known types reach is new: the types codex keeps that nothing reaches
  // are left out of the definitions on purpose (see deviations.json).
  if (!options.newOnly) for (const name of only ?? defs.keys()) claim(name, 'v2/unassigned')
  walk()
  return { order, familyOf }
}

function refsOf(schema: unknown): string[] {
  const refs: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') refs.push(v.slice(v.lastIndexOf('/') + 1))
        else walk(v)
      }
    }
  }
  walk(schema)
  return refs
}

function hasProperty(schema: SchemaNode, field: string): boolean {
  return isRecord(schema.properties) && field in schema.properties
}

function hasArm(schema: SchemaNode, value: string): boolean {
  const arms = (Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : []) as SchemaNode[]
  return arms.some((arm) => JSON.stringify(arm).includes(JSON.stringify(value)))
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

function q(value: string): string {
  return `'${value}'`
}
