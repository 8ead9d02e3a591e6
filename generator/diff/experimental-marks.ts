// Which members of a version are experimental. codex's bundles carry no marks, so they are read
// from the two variants: a member is experimental when the experimental variant has it and the
// stable one does not, or when only experimental members lead to it. Types that no method reaches
// (orphans, which our stable variant leaves out and codex's keeps) are neither.
import { allMembers, type ExperimentalMarks } from './compare.js'
import type { ProtocolVersion } from './diff.js'
import { METHOD_FLOWS } from './flows.js'
import { unwrapNullable } from './members.js'
import { refTarget } from './snapshot.js'

export function experimentalMarks(version: ProtocolVersion): ExperimentalMarks {
  const { stable, experimental } = version
  const stableMembers = allMembers(stable)
  const stableMethods = new Set([...stable.methods.values()].map((method) => method.method))
  const methods = new Set<string>()
  const members = new Set<string>()
  const explicit = new Set<string>()
  // Definitions reached through stable members first, so that a type used by both stays stable.
  const reached = new Map<string, 'stable' | 'experimental'>()
  const queue: { id: string; how: 'stable' | 'experimental' }[] = []
  for (const method of experimental.methods.values()) {
    const how = stableMethods.has(method.method) ? 'stable' : 'experimental'
    if (how === 'experimental') methods.add(method.method)
    const ways = METHOD_FLOWS[method.direction]
    for (const id of [method.params, ways.result ? method.result : undefined]) if (id !== undefined) queue.push({ id, how })
  }
  queue.sort((a, b) => (a.how === b.how ? 0 : a.how === 'stable' ? -1 : 1))
  while (queue.length > 0) {
    const { id, how } = queue.shift()!
    const earlier = reached.get(id)
    if (earlier === 'stable' || earlier === how) continue
    reached.set(id, how)
    for (const [key, member] of experimental.members.get(id) ?? []) {
      const markedItself = stable.definitions.has(id) && !stableMembers.has(key)
      const isExperimental = how === 'experimental' || markedItself
      if (isExperimental) members.add(key)
      else members.delete(key)
      if (markedItself) explicit.add(key)
      const next = refTarget(unwrapNullable(member.schema).node)
      if (next !== undefined) {
        const entry = { id: next, how: isExperimental ? 'experimental' as const : 'stable' as const }
        if (entry.how === 'stable') queue.unshift(entry)
        else queue.push(entry)
      }
    }
  }
  return { members, methods, explicit }
}
