// Turns raw changes into findings: each judged by its rule, given a level, and, when it breaks
// someone, a concrete message that shows it (examples.ts).
import type { Change, ChangeKind } from './compare.js'
import { RULES } from './rules/index.js'
import type { Side } from './rule.js'

export const LEVELS = ['breaking-clients', 'breaking-servers', 'additive', 'experimental'] as const
export type Level = (typeof LEVELS)[number]

export interface Finding {
  rule: string
  level: Level
  /** Everyone the change breaks (a change can break both sides; `level` names the first). */
  breaks: Side[]
  member: string
  variant: 'stable' | 'experimental'
  detail?: string
  /** A message one side accepts and the other refuses, when one could be built and checked. */
  example?: { message: unknown; acceptedBy: string; refusedBy: string }
  change: Change
}

/** Changes to the experimental marking itself are judged as such, never waved through. */
const STATUS_KINDS: ReadonlySet<ChangeKind> = new Set(['demoted', 'promoted'])

export function judge(change: Change, variant: Finding['variant']): Finding {
  const rule = RULES.find((candidate) => candidate.matches(change))
  if (rule === undefined) throw new Error(`protocol-diff: no rule judges a ${change.kind} change (${change.member})`)
  const finding: Finding = { rule: rule.id, level: 'additive', breaks: [], member: change.member, variant, change }
  if (change.detail !== undefined) finding.detail = change.detail
  if (!STATUS_KINDS.has(change.kind) && experimentalOnly(change)) {
    finding.level = 'experimental'
    return finding
  }
  // A type no method reaches in this variant (an orphan) changes nothing on the wire.
  finding.breaks = change.flows.length === 0 ? [] : rule.breaks(change)
  finding.level = finding.breaks.includes('clients') ? 'breaking-clients' : finding.breaks.includes('servers') ? 'breaking-servers' : 'additive'
  return finding
}

/** The member is experimental wherever it exists (experimental members change freely). */
function experimentalOnly(change: Change): boolean {
  const existsBefore = change.before !== undefined || (change.method !== undefined && change.kind !== 'method-added')
  const existsAfter = change.after !== undefined || (change.method !== undefined && change.kind !== 'method-removed')
  return (!existsBefore || change.experimental.before) && (!existsAfter || change.experimental.after)
}
