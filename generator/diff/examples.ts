// Concrete evidence for a breaking finding: a whole wire message, built from the side that may
// send it, that one snapshot's schemas accept and the other's refuse (both checked with Ajv). The
// message is minimal (required fields only, first arms, first values) except along the route to
// the changed member, which carries the change itself.
import { Ajv, type ValidateFunction } from 'ajv'
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { registerWireFormats } from '../../protocol/model/wire-formats.js'
import type { Change } from './compare.js'
import { METHOD_FLOWS, type Flow } from './flows.js'
import type { Finding } from './judge.js'
import { InstanceBuilder } from './instance-builder.js'
import { parentsOf, unwrapNullable } from './members.js'
import { definitionId, displayName, refTarget, type Snapshot, type SnapshotMethod } from './snapshot.js'


/** Checks messages against one snapshot's bundle; compiles each definition once. */
export class SnapshotValidator {
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction | undefined>()

  constructor(private readonly snapshot: Snapshot) {
    this.ajv = new Ajv({ strict: false, allowUnionTypes: true, validateSchema: false })
    registerWireFormats(this.ajv)
    this.ajv.addSchema(snapshot.bundle, 'bundle')
  }

  /**
   * Whether this snapshot accepts a message: its method exists in that direction and its params fit.
   * (Checked against the params type rather than the envelope union, which would compile the whole
   * protocol.)
   */
  acceptsMessage(direction: SnapshotMethod['direction'], method: string, params: unknown): boolean {
    const entry = this.snapshot.methods.get(`${direction} ${method}`)
    if (entry === undefined) return false
    if (entry.params === undefined) return params === undefined
    return this.accepts(displayName(entry.params), params)
  }

  /** Whether the definition with this display name accepts the value (false when it does not exist). */
  accepts(name: string, value: unknown): boolean {
    if (!this.compiled.has(name)) {
      const id = definitionId(name, this.snapshot.definitions)
      this.compiled.set(name, id === undefined ? undefined : this.ajv.getSchema(`bundle#/definitions/${id}`))
    }
    return this.compiled.get(name)?.(value) === true
  }
}

interface Plan {
  /** The snapshot whose side may send the message. */
  from: 'before' | 'after'
  flow: Flow
  refusedBy: string
}

/** Attaches an example to a breaking finding when one can be built and checked. */
export function attachExample(finding: Finding, snapshots: { before: Snapshot; after: Snapshot }, validators: { before: SnapshotValidator; after: SnapshotValidator }): void {
  if (finding.breaks.length === 0) return
  for (const plan of plans(finding)) {
    const other = plan.from === 'before' ? 'after' : 'before'
    const built = buildMessage(finding.change, plan, snapshots[plan.from])
    if (built === undefined) continue
    if (built.acceptedBy(validators[plan.from]) && !built.acceptedBy(validators[other])) {
      finding.example = { message: built.message, acceptedBy: snapshots[plan.from].label, refusedBy: `${plan.refusedBy} (${snapshots[other].label})` }
      return
    }
  }
}

/** Who sends the message that shows the break, for each side broken and way the data travels. */
function plans(finding: Finding): Plan[] {
  const result: Plan[] = []
  for (const side of finding.breaks) {
    for (const flow of finding.change.flows) {
      if (side === 'clients') result.push(flow === 'toClient' ? { from: 'after', flow, refusedBy: 'older clients' } : { from: 'before', flow, refusedBy: 'newer servers' })
      else result.push(flow === 'toServer' ? { from: 'after', flow, refusedBy: 'older servers' } : { from: 'before', flow, refusedBy: 'newer clients' })
    }
  }
  return result
}

interface Built {
  message: unknown
  acceptedBy(validator: SnapshotValidator): boolean
}

function buildMessage(change: Change, plan: Plan, snapshot: Snapshot): Built | undefined {
  const builder = new InstanceBuilder(snapshot.definitions, change.kind === (plan.from === 'after' ? 'nullable-added' : 'nullable-removed'))
  if (change.method !== undefined) {
    const method = snapshot.methods.get(`${change.method.direction} ${change.method.method}`)
    if (method === undefined) return undefined
    const params = method.params === undefined ? undefined : builder.build({ $ref: `#/definitions/${method.params}` }, [])
    return envelope(method, params)
  }
  // A field that became required or optional shows best in its object without the field.
  const member = change.kind === 'field-required' || change.kind === 'field-optional' ? parentsOf(change.member).at(-1)! : change.member
  const focusKey = [member, ...parentsOf(member).reverse()].find((key) => definitionOf(snapshot, key) !== undefined)
  if (focusKey === undefined) return undefined
  const target = definitionOf(snapshot, focusKey)!
  const route = routeTo(snapshot, target, plan.flow)
  if (route === undefined) return undefined
  const segments = [...route.segments, ...segmentsOf(focusKey.slice(displayName(target).length))]
  const value = builder.build({ $ref: `#/definitions/${route.root}` }, segments)
  if (route.part === 'result') {
    const result = displayName(route.method.result!)
    return { message: { id: 1, result: value }, acceptedBy: (validator) => validator.accepts(result, value) }
  }
  return envelope(route.method, value)
}

function envelope(method: SnapshotMethod, params: unknown): Built {
  const message: Record<string, unknown> = method.direction.endsWith('Request') ? { id: 1, method: method.method } : { method: method.method }
  if (params !== undefined) message.params = params
  return { message, acceptedBy: (validator) => validator.acceptsMessage(method.direction, method.method, params) }
}

interface Route {
  method: SnapshotMethod
  part: 'params' | 'result'
  root: string
  segments: string[]
}

/** The shortest way from some method's params or result, travelling `flow`, to a definition. */
function routeTo(snapshot: Snapshot, target: string, flow: Flow): Route | undefined {
  const queue: { id: string; route: Route }[] = []
  const seen = new Set<string>()
  for (const method of [...snapshot.methods.values()].sort((a, b) => a.method.localeCompare(b.method))) {
    const ways = METHOD_FLOWS[method.direction]
    if (ways.params === flow && method.params !== undefined) queue.push({ id: method.params, route: { method, part: 'params', root: method.params, segments: [] } })
    if (ways.result === flow && method.result !== undefined) queue.push({ id: method.result, route: { method, part: 'result', root: method.result, segments: [] } })
  }
  while (queue.length > 0) {
    const { id, route } = queue.shift()!
    if (id === target) return route
    if (seen.has(id)) continue
    seen.add(id)
    const prefix = displayName(id).length
    for (const [key, member] of snapshot.members.get(id) ?? []) {
      const next = refTarget(unwrapNullable(member.schema).node)
      if (next !== undefined && !seen.has(next)) queue.push({ id: next, route: { ...route, segments: [...route.segments, ...segmentsOf(key.slice(prefix))] } })
    }
  }
  return undefined
}

/** The definition a member key belongs to (its first segment names it). */
function definitionOf(snapshot: Snapshot, key: string): string | undefined {
  const id = definitionId(/^[^.#:[{]+/.exec(key)?.[0] ?? key, snapshot.definitions)
  return id !== undefined && snapshot.members.get(id)?.has(key) ? id : undefined
}

/** `.a#b[]:c` → ['.a', '#b', '[]', ':c'] (a value segment takes the rest of the key). */
function segmentsOf(path: string): string[] {
  const segments: string[] = []
  const pattern = /(:.*$)|(\[\])|(\{\})|([.#][^.#:[{]+)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(path)) !== null) segments.push(match[0])
  return segments
}

