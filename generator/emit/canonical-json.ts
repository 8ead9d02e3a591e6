// Canonical JSON text: keys sorted by code unit at every level, two-space indent, LF, final newline.
// Array order is kept (enum values and union arms are ordered on purpose).
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort(byCodeUnit)) out[key] = sortKeys((value as Record<string, unknown>)[key])
  return out
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
