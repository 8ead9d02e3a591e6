// Version projection, the first step of every generation: from the definitions, which describe
// every supported codex release at once, keep what one release has. Methods and types are kept or
// dropped by their version spans; inside a schema, fields, union arms and enum values are, and a
// node that changed takes the shape it had then. The result carries no version annotations.
import { ADDED_KEY, CHANGED_FROM_KEY, compareVersions, inVersion, REMOVED_KEY, VALUE_VERSIONS_KEY, type VersionSpan } from '../../protocol/dsl/versions.js'
import type { ProtocolDefinition } from '../../protocol/dsl/index.js'
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { forEachNode, isRecord } from './schema-nodes.js'

const ANNOTATION_KEYS = new Set([ADDED_KEY, REMOVED_KEY, CHANGED_FROM_KEY, VALUE_VERSIONS_KEY])

/** The span a schema node's own annotations give it. */
function spanOf(node: SchemaNode): VersionSpan | undefined {
  const added = node[ADDED_KEY]
  const removed = node[REMOVED_KEY]
  if (added === undefined && removed === undefined) return undefined
  return { ...(typeof added === 'string' ? { added } : {}), ...(typeof removed === 'string' ? { removed } : {}) }
}

function kept(node: unknown, version: string): boolean {
  return !isRecord(node) || inVersion(spanOf(node), version)
}

/** A plain schema as codex release `version` has it, without version annotations. */
export function projectSchemaToVersion(node: unknown, version: string): unknown {
  if (Array.isArray(node)) return node.filter((item) => kept(item, version)).map((item) => projectSchemaToVersion(item, version))
  if (!isRecord(node)) return node
  const changed = node[CHANGED_FROM_KEY] as { version: string; schema: SchemaNode } | undefined
  if (changed && compareVersions(version, changed.version) < 0) {
    // The earlier shape; the description of the current one serves it when it has none of its own.
    const before = projectSchemaToVersion(changed.schema, version) as SchemaNode
    return before.description === undefined && node.description !== undefined ? { ...before, description: node.description } : before
  }
  const out: SchemaNode = {}
  const dropped = new Set<string>()
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATION_KEYS.has(key)) continue
    if (key === 'properties' && isRecord(value)) {
      const fields: SchemaNode = {}
      for (const [field, child] of Object.entries(value)) {
        if (kept(child, version)) fields[field] = projectSchemaToVersion(child, version)
        else dropped.add(field)
      }
      out[key] = fields
    } else if (key === 'enum' && Array.isArray(value) && isRecord(node[VALUE_VERSIONS_KEY])) {
      const spans = node[VALUE_VERSIONS_KEY] as Record<string, VersionSpan>
      out[key] = value.filter((v) => inVersion(spans[String(v)], version))
    } else if (typeof value === 'object' && value !== null) {
      out[key] = projectSchemaToVersion(value, version)
    } else {
      out[key] = value
    }
  }
  if (dropped.size > 0 && Array.isArray(out.required)) {
    const required = (out.required as string[]).filter((f) => !dropped.has(f))
    if (required.length > 0) out.required = required
    else delete out.required
  }
  return out
}

/**
 * Problems with the version annotations themselves, one line each: a version that is not
 * supported, or something removed no later than it was added. Checked once for all versions.
 */
export function versionAnnotationProblems(def: ProtocolDefinition, plainSchemas: ReadonlyMap<string, SchemaNode>): string[] {
  const problems: string[] = []
  const supported = new Set(def.versions)
  const checkSpan = (span: VersionSpan | undefined, where: string) => {
    if (!span) return
    for (const [end, version] of Object.entries(span)) {
      if (typeof version !== 'string' || !supported.has(version)) {
        problems.push(`${where}: ${end} in unknown codex version ${JSON.stringify(version)} (supported: ${def.versions.join(', ')}; see protocol/versions.ts)`)
      }
    }
    if (span.added && span.removed && compareVersions(span.added, span.removed) >= 0) {
      problems.push(`${where}: added in ${span.added} but removed in ${span.removed}; it must be added before it is removed`)
    }
  }
  const tables = def.tables
  for (const [direction, entries] of Object.entries(tables) as [string, readonly { method: string; added?: string; removed?: string }[]][]) {
    for (const entry of entries) checkSpan(entry.added || entry.removed ? { ...(entry.added ? { added: entry.added } : {}), ...(entry.removed ? { removed: entry.removed } : {}) } : undefined, `${direction.replace(/s$/, '')} ${entry.method}`)
  }
  for (const type of [...def.standaloneTypes, ...def.types]) checkSpan(type.versions, `type ${type.name}`)
  for (const [name, schema] of plainSchemas) {
    forEachAnnotated(schema, (node, path) => {
      const where = `type ${name}${path ? ` at ${path}` : ''}`
      checkSpan(spanOf(node), where)
      const changed = node[CHANGED_FROM_KEY] as { version?: unknown } | undefined
      if (changed) checkSpan({ added: String(changed.version) }, `${where} (typeChangedFrom)`)
      const values = node[VALUE_VERSIONS_KEY]
      if (isRecord(values)) {
        const known = new Set((Array.isArray(node.enum) ? node.enum : []).map(String))
        for (const [value, span] of Object.entries(values)) {
          if (!known.has(value)) problems.push(`${where}: version given for enum value ${JSON.stringify(value)}, which the enum does not list`)
          checkSpan(span as VersionSpan, `${where} enum value ${JSON.stringify(value)}`)
        }
      }
    })
  }
  return problems
}

// forEachNode does not look inside a typeChangedFrom's earlier schema, so it is walked here too.
function forEachAnnotated(schema: unknown, visit: (node: SchemaNode, path: string) => void, prefix = ''): void {
  forEachNode(schema, (node, path) => {
    visit(node, `${prefix}${path}`)
    const changed = node[CHANGED_FROM_KEY] as { schema?: unknown } | undefined
    if (changed && isRecord(changed.schema)) forEachAnnotated(changed.schema, visit, `${prefix}${path} (before ${String((changed as { version?: unknown }).version)})`)
  })
}
