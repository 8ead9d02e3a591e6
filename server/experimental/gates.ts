// Experimental gating, executed from the meta model's per-type checks (`gates`): inbound, the first
// experimental member a request uses; outbound, a copy of a message without any experimental member,
// for connections that did not opt into experimentalApi.
import type { ArmMatch, GateCheck, Presence } from '../model/protocol-model.js'
import { isRecord } from '../../protocol/model/json-data.js'

type Gates = Readonly<Record<string, GateCheck[]>>

/** The reason of the first experimental member found in `value` (a value of `typeName`), if any. */
export function experimentalUseIn(value: unknown, typeName: string, gates: Gates): string | undefined {
  const checks = gates[typeName]
  return checks ? firstUse(value, checks, gates) : undefined
}

function firstUse(value: unknown, checks: GateCheck[], gates: Gates): string | undefined {
  for (const check of checks) {
    switch (check.check) {
      case 'field':
        if (isRecord(value) && isUsed(value, check.field, check.presence)) return check.reason
        break
      case 'nested': {
        if (!isRecord(value)) break
        for (const inner of nestedValues(value[check.field], check.via)) {
          const reason = experimentalUseIn(inner, check.type, gates)
          if (reason) return reason
        }
        break
      }
      case 'variant':
        if (matchesArm(value, check.match)) return check.reason
        break
      case 'arm':
        if (matchesArm(value, check.match)) {
          const reason = firstUse(value, check.checks, gates)
          if (reason) return reason
        }
        break
    }
  }
  return undefined
}

function isUsed(value: Record<string, unknown>, field: string, presence: Presence): boolean {
  const member = value[field]
  switch (presence) {
    case 'present': return member !== undefined
    case 'notNull': return member !== undefined && member !== null
    case 'true': return member === true
    case 'nonEmpty':
      if (Array.isArray(member)) return member.length > 0
      return isRecord(member) && Object.keys(member).length > 0
  }
}

function nestedValues(member: unknown, via: 'value' | 'items' | 'values'): unknown[] {
  if (member === undefined || member === null) return []
  if (via === 'value') return [member]
  if (via === 'items') return Array.isArray(member) ? member : []
  return isRecord(member) ? Object.values(member) : []
}

function matchesArm(value: unknown, match: ArmMatch): boolean {
  switch (match.by) {
    case 'tag': return isRecord(value) && value[match.field] === match.value
    case 'key': return isRecord(value) && match.key in value
    case 'value': return value === match.value
  }
}

/** Marks a value that cannot be shown to a stable client at all (an experimental union arm). */
export const REMOVED: unique symbol = Symbol('removed experimental value')

/**
 * `value` (of `typeName`) without experimental fields and arms. Objects are copied only where
 * something is removed, so values shared with other connections are never changed.
 */
export function withoutExperimental(value: unknown, typeName: string, gates: Gates): unknown {
  const checks = gates[typeName]
  return checks ? strip(value, checks, gates) : value
}

function strip(value: unknown, checks: GateCheck[], gates: Gates): unknown {
  let out = value
  const writable = (): Record<string, unknown> => {
    if (out === value) out = { ...(value as Record<string, unknown>) }
    return out as Record<string, unknown>
  }
  for (const check of checks) {
    switch (check.check) {
      case 'field':
        if (isRecord(out) && check.field in out) delete writable()[check.field]
        break
      case 'nested': {
        if (!isRecord(out)) break
        const member = out[check.field]
        if (member === undefined || member === null) break
        const stripped = stripNested(member, check.via, check.type, gates)
        if (stripped === REMOVED) delete writable()[check.field]
        else if (stripped !== member) writable()[check.field] = stripped
        break
      }
      case 'variant':
        if (matchesArm(out, check.match)) return REMOVED
        break
      case 'arm':
        if (matchesArm(out, check.match)) {
          const stripped = strip(out, check.checks, gates)
          if (stripped === REMOVED) return REMOVED
          out = stripped
        }
        break
    }
  }
  return out
}

function stripNested(member: unknown, via: 'value' | 'items' | 'values', typeName: string, gates: Gates): unknown {
  if (via === 'value') return withoutExperimental(member, typeName, gates)
  if (via === 'items') {
    if (!Array.isArray(member)) return member
    let changed = false
    const items: unknown[] = []
    for (const item of member) {
      const stripped = withoutExperimental(item, typeName, gates)
      if (stripped !== item) changed = true
      if (stripped !== REMOVED) items.push(stripped)
    }
    return changed ? items : member
  }
  if (!isRecord(member)) return member
  let copy: Record<string, unknown> | undefined
  for (const [key, item] of Object.entries(member)) {
    const stripped = withoutExperimental(item, typeName, gates)
    if (stripped === item) continue
    copy ??= { ...member }
    if (stripped === REMOVED) delete copy[key]
    else copy[key] = stripped
  }
  return copy ?? member
}

