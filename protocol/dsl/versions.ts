// Version annotations (after TypeSpec's @typespec/versioning): a method, type, field, union arm or
// enum value says in which codex release it appeared or was removed, and a schema may say what it
// was before a release changed it. One definition set then describes every supported release; the
// generator projects each one. Versions are codex release numbers (`0.171.0`), compared
// numerically; both ends must be supported versions (protocol/versions.ts).

/** Annotation key: the release a field, union arm or type first appears in. */
export const ADDED_KEY = 'x-added'
/** Annotation key: the first release without the field, union arm or type. */
export const REMOVED_KEY = 'x-removed'
/** Annotation key: `{ version, schema }`, the schema this node had before `version`. */
export const CHANGED_FROM_KEY = 'x-changed-from'
/** Annotation key on a string enum: `{ value: { added?, removed? } }` per value. */
export const VALUE_VERSIONS_KEY = 'x-value-versions'

/** The releases something exists in: from `added` (included) to `removed` (excluded). */
export interface VersionSpan {
  added?: string
  removed?: string
}

/** Numeric order of dotted release numbers (`0.169.0` < `0.171.0` < `0.1000.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** True when something with this span exists in `version`. */
export function inVersion(span: VersionSpan | undefined, version: string): boolean {
  if (!span) return true
  if (span.added !== undefined && compareVersions(version, span.added) < 0) return false
  if (span.removed !== undefined && compareVersions(version, span.removed) >= 0) return false
  return true
}
