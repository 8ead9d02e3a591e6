// protocol-diff's core: both variants of two protocol versions compared member by member, every
// change judged by its rule, breaking ones shown with an example message.
import { allMembers, compareSnapshots, type ExperimentalMarks } from './compare.js'
import { experimentalMarks } from './experimental-marks.js'
import { attachExample, SnapshotValidator } from './examples.js'
import { judge, LEVELS, type Finding } from './judge.js'
import { readSnapshot, type Snapshot } from './snapshot.js'

/** Both variants of one version of the protocol. */
export interface ProtocolVersion {
  label: string
  stable: Snapshot
  experimental: Snapshot
}

/** Both variants' bundles of one version, read (throws on a bundle that is not codex's layout). */
export function readVersion(label: string, stable: unknown, experimental: unknown, resultTypes: ReadonlyMap<string, string>): ProtocolVersion {
  return { label, stable: readSnapshot(label, 'stable', stable, resultTypes), experimental: readSnapshot(label, 'experimental', experimental, resultTypes) }
}

export function diffVersions(before: ProtocolVersion, after: ProtocolVersion): Finding[] {
  const marksBefore = experimentalMarks(before)
  const marksAfter = experimentalMarks(after)
  const none: ExperimentalMarks = { members: new Set(), methods: new Set(), explicit: new Set() }
  const stable = compareSnapshots({
    before: before.stable, after: after.stable, marks: { before: none, after: none },
    afterExperimental: new Set([...allMembers(after.experimental).keys(), ...[...after.experimental.methods.values()].map((m) => m.method)]),
  }).map((change) => judge(change, 'stable'))
  const experimental = compareSnapshots({ before: before.experimental, after: after.experimental, marks: { before: marksBefore, after: marksAfter } })
    .map((change) => judge(change, 'experimental'))
  for (const [variant, findings] of [['stable', stable], ['experimental', experimental]] as const) {
    const snapshots = { before: before[variant], after: after[variant] }
    const validators = { before: new SnapshotValidator(snapshots.before), after: new SnapshotValidator(snapshots.after) }
    for (const finding of findings) attachExample(finding, snapshots, validators)
  }
  return [...stable, ...experimental].sort(byLevelThenMember)
}

function byLevelThenMember(a: Finding, b: Finding): number {
  return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.variant.localeCompare(b.variant) || a.member.localeCompare(b.member) || a.rule.localeCompare(b.rule)
}
