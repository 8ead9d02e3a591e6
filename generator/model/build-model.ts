// Builds the meta model from the definitions and rejects broken ones with one line per problem.
import { formatScope, isNamedType, PER_CONNECTION_SCOPES, type ClientRequestDef, type NamedType, type Params, type ProtocolDefinition, type Scope } from '../../protocol/dsl/index.js'
import { deriveGates } from './gates.js'
import { deriveAbsolutePaths } from './path-locations.js'
import { deriveUnionShapes } from './union-shapes.js'
import type { ArmMatch, Direction, ExperimentalEntry, MetaModel, MethodModel, ParamsModel, SchemaNode, TypeModel } from '../../protocol/model/meta-model.js'
import { armMatch, presenceOf } from './members.js'
import { experimentalReason, forEachNode, properties, toPlain, unionArms } from './schema-nodes.js'
import { inVersion } from '../../protocol/dsl/versions.js'
import { projectSchemaToVersion } from './project-version.js'

/** A definition the generator cannot accept; `problems` has one line per issue. */
export class DefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'DefinitionError'
  }
}

/** The latest supported version: the default everywhere. */
export function latestVersion(def: ProtocolDefinition): string {
  return def.versions[def.versions.length - 1]!
}

/**
 * The meta model of codex release `version` (default: the latest). Methods, types and their
 * members that the release does not have are left out first (see project-version.ts); everything
 * else is derived from what remains.
 */
export function buildModel(def: ProtocolDefinition, version: string = latestVersion(def)): MetaModel {
  const problems: string[] = []
  const declared = collectNamedTypes(def, problems)
  const named = new Map([...declared].filter(([, t]) => inVersion(t.versions, version)))
  const familyOf = familiesByType(def)
  const methods = buildMethods(def, version, named, declared, problems)
  for (const m of methods) {
    const family = [m.params.presence === 'none' ? undefined : m.params.type, m.result].map((name) => name && familyOf.get(name)).find((f) => f !== undefined)
    if (family) m.family = family
  }
  const standalone = new Set(def.standaloneTypes.map((t) => t.name))
  for (const m of methods) {
    if (m.params.presence !== 'none') standalone.add(m.params.type)
    if (m.result) standalone.add(m.result)
  }
  const types: TypeModel[] = [...named.values()]
    .map((t) => ({
      name: t.name,
      namespace: t.namespace,
      ...(t.fileFolder ? { fileFolder: t.fileFolder } : {}),
      standalone: standalone.has(t.name),
      ...(familyOf.has(t.name) ? { family: familyOf.get(t.name)! } : {}),
      ...(t.absolutePath ? { absolutePath: true as const } : {}),
      schema: projectSchemaToVersion(toPlain(t.schema), version) as SchemaNode,
    }))
    .sort((a, b) => compareNames(a.name, b.name))
  checkReferences(types, declared, version, problems)
  const experimental = [...methodEntries(methods), ...memberEntries(types)]
  checkReasons(experimental, methods, types, problems)
  const { gates, problems: gateProblems } = deriveGates(types)
  problems.push(...gateProblems)
  const { absolutePaths, problems: pathProblems } = deriveAbsolutePaths(types)
  problems.push(...pathProblems)
  problems.push(...emptyUnions(types))
  if (problems.length > 0) throw new DefinitionError(problems)
  for (const m of methods) {
    if (m.direction === 'clientRequest' && m.params.presence !== 'none' && gates[m.params.type]) m.inspectParams = true
  }
  const unions = deriveUnionShapes(types)
  return { metaModelVersion: 2, codexVersion: version, variant: 'experimental', methods, types, experimental, gates, absolutePaths, unions }
}

/** The family of each type name, from the definition's family lists (first family wins). */
function familiesByType(def: ProtocolDefinition): Map<string, string> {
  const familyOf = new Map<string, string>()
  for (const [family, types] of Object.entries(def.families ?? {})) {
    for (const type of types) if (!familyOf.has(type.name)) familyOf.set(type.name, family)
  }
  return familyOf
}

/** Plain code-unit order, the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function collectNamedTypes(def: ProtocolDefinition, problems: string[]): Map<string, NamedType> {
  const byName = new Map<string, NamedType>()
  for (const type of [...def.standaloneTypes, ...def.types]) {
    if (!isNamedType(type)) {
      problems.push(`a value in the type list is not a named type (declare it with typesIn(...)): ${String(type)}`)
      continue
    }
    const seen = byName.get(type.name)
    if (seen && seen !== type) problems.push(`type ${type.name}: declared twice (two types with one name)`)
    else byName.set(type.name, type)
  }
  return byName
}

type MethodEntry = { method: string; description?: string; experimental?: true | string; deprecated?: string; tsOnly?: true; added?: string; removed?: string }

function buildMethods(def: ProtocolDefinition, version: string, named: Map<string, NamedType>, declared: Map<string, NamedType>, problems: string[]): MethodModel[] {
  const methods: MethodModel[] = []
  const seen = new Map<string, Direction>()
  const present = <E extends MethodEntry>(entries: readonly E[]) => entries.filter((e) => inVersion(e, version))
  const add = (direction: Direction, entry: MethodEntry, params: ParamsModel, result?: NamedType) => {
    const where = `${direction} ${entry.method}`
    const previous = seen.get(entry.method)
    if (previous) problems.push(`${where}: duplicate method name (already a ${previous})`)
    seen.set(entry.method, direction)
    if (params.presence !== 'none') requireKnown(named, declared, version, params.type, `${where}: params`, problems)
    if (result) requireKnown(named, declared, version, result.name, `${where}: result`, problems)
    methods.push({
      direction,
      method: entry.method,
      params,
      ...(result ? { result: result.name } : {}),
      ...(entry.experimental ? { experimental: entry.experimental === true ? entry.method : entry.experimental } : {}),
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.deprecated ? { deprecated: entry.deprecated } : {}),
      ...(entry.tsOnly ? { tsOnly: true } : {}),
    })
  }
  for (const entry of present(def.tables.clientRequests)) {
    add('clientRequest', entry, paramsModel(entry.params), entry.result)
    const model = methods[methods.length - 1]!
    const scope = (entry as Partial<ClientRequestDef>).scope
    if (!scope) {
      problems.push(`clientRequest ${entry.method}: no serialization scope (add scope: scope.none or a keyed scope)`)
      continue
    }
    checkScopeFields(scope, model, named, problems)
    model.scope = PER_CONNECTION_SCOPES.has(scope.kind) ? { ...scope, perConnection: true } : scope
    model.serialization = formatScope(scope)
    if (entry.scopeRationale) model.scopeRationale = entry.scopeRationale
  }
  for (const entry of present(def.tables.serverRequests)) add('serverRequest', entry, { presence: 'required', type: entry.params.name }, entry.result)
  for (const entry of present(def.tables.serverNotifications)) add('serverNotification', entry, { presence: 'required', type: entry.params.name })
  for (const entry of present(def.tables.clientNotifications)) {
    add('clientNotification', entry, entry.params ? { presence: 'required', type: entry.params.name } : { presence: 'none' })
  }
  return methods
}

function paramsModel(params: Params): ParamsModel {
  if (isNamedType(params)) return { presence: 'required', type: params.name }
  if (params.presence === 'optional') return { presence: 'optional', type: params.type.name }
  return { presence: 'none' }
}

function requireKnown(named: Map<string, NamedType>, declared: Map<string, NamedType>, version: string, name: string, where: string, problems: string[]) {
  if (named.has(name)) return
  problems.push(declared.has(name) ? `${where}: type ${name} does not exist in codex ${version}${spanText(declared.get(name)!)}` : `${where}: type ${name} is not in the protocol's type list`)
}

function spanText(type: NamedType): string {
  const { added, removed } = type.versions ?? {}
  return added ? ` (it is added in ${added})` : removed ? ` (it is removed in ${removed})` : ''
}

function checkScopeFields(scope: Scope, method: MethodModel, named: Map<string, NamedType>, problems: string[]) {
  const fields = scope.kind === 'none' || scope.kind === 'global' || scope.kind === 'globalSharedRead'
    ? []
    : scope.kind === 'threadOrPath' ? [scope.threadField, scope.pathField] : [scope.field]
  if (fields.length === 0) return
  const paramsType = method.params.presence === 'none' ? undefined : named.get(method.params.type)
  const known = paramsType ? properties(toPlain(paramsType.schema) as SchemaNode) : {}
  for (const field of fields) {
    if (!(field in known)) problems.push(`clientRequest ${method.method}: scope ${formatScope(scope)} names field ${field}, which its params do not have`)
  }
}

function checkReferences(types: TypeModel[], declared: Map<string, NamedType>, version: string, problems: string[]) {
  const names = new Set(types.map((t) => t.name))
  for (const type of types) {
    forEachNode(type.schema, (node, path) => {
      const ref = node.$ref
      if (ref === undefined || (typeof ref === 'string' && names.has(ref))) return
      const where = `type ${type.name}${path ? ` at ${path}` : ''}`
      const other = typeof ref === 'string' ? declared.get(ref) : undefined
      problems.push(other ? `${where}: reference to type ${ref}, which does not exist in codex ${version}${spanText(other)}` : `${where}: reference to unknown type ${String(ref)}`)
    })
  }
}

// A union whose arms are all experimental would be empty in the stable variant.
function emptyUnions(types: TypeModel[]): string[] {
  const problems: string[] = []
  for (const type of types) {
    forEachNode(type.schema, (node, path) => {
      const arms = unionArms(node)
      if (arms && arms.length > 0 && arms.every((arm) => experimentalReason(arm))) {
        problems.push(`type ${type.name}${path ? ` at ${path}` : ''}: every union arm is experimental, so the stable variant would have none; mark the fields that use it experimental instead`)
      }
    })
  }
  return problems
}

function methodEntries(methods: MethodModel[]): ExperimentalEntry[] {
  return methods.filter((m) => m.experimental).map((m) => ({ kind: 'method', reason: m.experimental!, direction: m.direction, method: m.method }))
}

function memberEntries(types: TypeModel[]): ExperimentalEntry[] {
  const entries: ExperimentalEntry[] = []
  for (const type of types) {
    forEachNode(type.schema, (node, path) => {
      for (const [field, child] of Object.entries(properties(node))) {
        const reason = experimentalReason(child)
        if (reason) entries.push({ kind: 'field', reason, type: type.name, field: `${path}.${field}`.slice(1), presence: presenceOf(child) })
      }
      for (const arm of unionArms(node) ?? []) {
        const reason = experimentalReason(arm)
        if (!reason) continue
        const match = armMatch(arm)
        entries.push({ kind: 'variant', reason, type: type.name, variant: match ? matchValue(match) : '?', match: match ?? { by: 'value', value: '?' } })
      }
    })
  }
  return entries
}

function matchValue(match: ArmMatch): string {
  return match.by === 'key' ? match.key : match.value
}

// A reason's prefix (before the first '.') names a method, or a type in camelCase with '/' between
// words (`thread.extra` → Thread, `thread/settings.x` → ThreadSettings).
function checkReasons(entries: ExperimentalEntry[], methods: MethodModel[], types: TypeModel[], problems: string[]) {
  const methodNames = new Set(methods.map((m) => m.method))
  const typeNames = new Set(types.map((t) => t.name))
  for (const entry of entries) {
    const prefix = entry.reason.split('.')[0]!
    if (methodNames.has(prefix) || typeNames.has(reasonPrefixToType(prefix))) continue
    const where = entry.kind === 'method' ? `${entry.direction} ${entry.method}` : entry.kind === 'field' ? `type ${entry.type} field ${entry.field}` : `type ${entry.type} variant ${entry.variant}`
    problems.push(`${where}: experimental reason "${entry.reason}" names no method or type`)
  }
  for (const type of types) {
    forEachNode(type.schema, (node, path) => {
      for (const arm of unionArms(node) ?? []) {
        if (experimentalReason(arm) && !armMatch(arm)) problems.push(`type ${type.name}${path ? ` at ${path}` : ''}: experimental union arm has no tag, single key or value to recognise it by`)
      }
    })
  }
}

export function reasonPrefixToType(prefix: string): string {
  return prefix.split('/').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')
}

