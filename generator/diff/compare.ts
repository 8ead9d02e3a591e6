// The raw changes between two snapshots of one variant, member by member: what was added, removed
// or changed, where, and which way the data travels. Judging them is the rules' job (rules/).
import { definitionFlows, METHOD_FLOWS, type Flow } from './flows.js'
import { parentsOf, type Member } from './members.js'
import { displayName, type Snapshot, type SnapshotMethod } from './snapshot.js'

export type ChangeKind =
  | 'method-added' | 'method-removed' | 'method-params-changed' | 'method-result-changed'
  | 'type-added' | 'type-removed'
  | 'field-added' | 'field-removed' | 'field-required' | 'field-optional'
  | 'value-added' | 'value-removed' | 'arm-added' | 'arm-removed'
  | 'nullable-added' | 'nullable-removed' | 'shape-changed'
  | 'demoted' | 'promoted'

export interface Change {
  kind: ChangeKind
  /** The member as people name it: `thread/start`, `Project.position`, `CodexErrorInfo:bioPolicy`. */
  member: string
  /** Ways the data travels (from the newer snapshot, or the older one for removals). */
  flows: Flow[]
  /** Experimental in the older and newer snapshot (false where the member does not exist). */
  experimental: { before: boolean; after: boolean }
  before?: Member | undefined
  after?: Member | undefined
  method?: SnapshotMethod | undefined
  /** A few words of detail, e.g. the old and new shape. */
  detail?: string
}

/** Members and methods that exist in the experimental variant only (none for a stable snapshot). */
export interface ExperimentalMarks {
  members: ReadonlySet<string>
  methods: ReadonlySet<string>
  /**
   * Members marked for themselves (the stable variant has their type but not them), as opposed
   * to members of types only experimental members lead to: only those report promotions and
   * demotions, which otherwise follow from the member that leads there.
   */
  explicit: ReadonlySet<string>
}

export interface SnapshotPair {
  before: Snapshot
  after: Snapshot
  marks: { before: ExperimentalMarks; after: ExperimentalMarks }
  /**
   * For stable snapshots: the members of the newer experimental variant, so that a member leaving
   * the stable variant while staying in the experimental one is reported as a demotion.
   */
  afterExperimental?: Set<string>
}

export function compareSnapshots(pair: SnapshotPair): Change[] {
  const { before, after, marks } = pair
  const flowsBefore = definitionFlows(before)
  const flowsAfter = definitionFlows(after)
  const changes: Change[] = []
  const experimental = (key: string, side: 'before' | 'after') => marks[side].members.has(key) || marks[side].methods.has(key)

  for (const [key, method] of after.methods) {
    const old = before.methods.get(key)
    const flows = methodFlows(method)
    const exp = { before: old !== undefined && experimental(method.method, 'before'), after: experimental(method.method, 'after') }
    if (old === undefined) changes.push({ kind: 'method-added', member: method.method, flows, experimental: exp, method })
    else {
      if (displayName(old.params ?? '') !== displayName(method.params ?? '')) changes.push({ kind: 'method-params-changed', member: method.method, flows: [METHOD_FLOWS[method.direction].params], experimental: exp, method, detail: `${old.params ?? 'none'} → ${method.params ?? 'none'}` })
      if (displayName(old.result ?? '') !== displayName(method.result ?? '')) changes.push({ kind: 'method-result-changed', member: method.method, flows: [METHOD_FLOWS[method.direction].result ?? 'toClient'], experimental: exp, method, detail: `${old.result ?? 'unknown'} → ${method.result ?? 'unknown'}` })
      changes.push(...statusChange(method.method, exp, flows))
    }
  }
  for (const [key, method] of before.methods) {
    if (after.methods.has(key)) continue
    const exp = { before: experimental(method.method, 'before'), after: false }
    const kind = pair.afterExperimental?.has(method.method) ? 'demoted' : 'method-removed'
    changes.push({ kind, member: method.method, flows: methodFlows(method), experimental: exp, method })
  }

  const membersBefore = allMembers(before)
  const membersAfter = allMembers(after)
  const flowsOf = (member: Member, side: 'before' | 'after') => [...((side === 'before' ? flowsBefore : flowsAfter).get(member.definition) ?? [])].sort()
  const reported = new Set<string>()
  const parentReported = (key: string) => parentsOf(key).some((parent) => reported.has(parent))
  for (const [key, now] of membersAfter) {
    const old = membersBefore.get(key)
    const exp = { before: old !== undefined && experimental(key, 'before'), after: experimental(key, 'after') }
    const flows = flowsOf(now, 'after')
    if (old === undefined) {
      if (parentReported(key)) continue
      reported.add(key)
      changes.push({ kind: addedKind(now), member: key, flows, experimental: exp, after: now })
      continue
    }
    if (parentReported(key)) continue
    const memberChangesHere = memberChanges(key, old, now, flows, exp, marks.before.explicit.has(key) || marks.after.explicit.has(key))
    // Below a member whose shape changed, the old and new members are not comparable one by one.
    if (memberChangesHere.some((change) => change.kind === 'shape-changed')) reported.add(key)
    changes.push(...memberChangesHere)
  }
  for (const [key, old] of membersBefore) {
    if (membersAfter.has(key) || parentReported(key)) continue
    reported.add(key)
    const kind = pair.afterExperimental?.has(key) ? 'demoted' : removedKind(old)
    changes.push({ kind, member: key, flows: flowsOf(old, 'before'), experimental: { before: experimental(key, 'before'), after: false }, before: old })
  }
  return changes
}

function memberChanges(key: string, old: Member, now: Member, flows: Flow[], exp: Change['experimental'], explicit: boolean): Change[] {
  const changes: Change[] = []
  const base = { member: key, flows, experimental: exp, before: old, after: now }
  if (old.required !== now.required && old.required !== undefined && now.required !== undefined) {
    changes.push({ ...base, kind: now.required ? 'field-required' : 'field-optional' })
  }
  if (old.signature !== now.signature) changes.push({ ...base, kind: 'shape-changed', detail: `${old.signature} → ${now.signature}` })
  else if (old.nullable !== now.nullable) changes.push({ ...base, kind: now.nullable ? 'nullable-added' : 'nullable-removed' })
  if (explicit) changes.push(...statusChange(key, exp, flows, old, now))
  return changes
}

function statusChange(member: string, exp: Change['experimental'], flows: Flow[], before?: Member, after?: Member): Change[] {
  if (exp.before === exp.after) return []
  return [{ kind: exp.after ? 'demoted' : 'promoted', member, flows, experimental: exp, before, after }]
}

function addedKind(member: Member): ChangeKind {
  return member.kind === 'type' ? 'type-added' : member.kind === 'field' ? 'field-added' : member.kind === 'value' ? 'value-added' : member.kind === 'arm' ? 'arm-added' : 'shape-changed'
}

function removedKind(member: Member): ChangeKind {
  return member.kind === 'type' ? 'type-removed' : member.kind === 'field' ? 'field-removed' : member.kind === 'value' ? 'value-removed' : member.kind === 'arm' ? 'arm-removed' : 'shape-changed'
}

function methodFlows(method: SnapshotMethod): Flow[] {
  return [METHOD_FLOWS[method.direction].params]
}

/** The four message unions: their arms are the methods, compared as such. */
const ENVELOPE_UNIONS = new Set(['ClientRequest', 'ClientNotification', 'ServerRequest', 'ServerNotification'])

/** Every member of every definition, keyed (definitions are unique by display name in codex's bundles). */
export function allMembers(snapshot: Snapshot): Map<string, Member> {
  const members = new Map<string, Member>()
  for (const [id, definitionMembers] of snapshot.members) {
    if (ENVELOPE_UNIONS.has(id)) continue
    for (const [key, member] of definitionMembers) members.set(key, member)
  }
  return members
}
