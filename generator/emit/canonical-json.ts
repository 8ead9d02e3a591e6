// Canonical JSON text: keys sorted by code unit at every level, two-space indent, LF, final newline.
// Array order is kept (enum values and union arms are ordered on purpose).
export function canonicalJson(value: unknown): string {
  return `${canonicalText(value)}\n`
}

/** Canonical text of a value without the final newline, as if it stood at nesting `depth`. */
export function canonicalText(value: unknown, depth = 0): string {
  return sortedText(sortKeys(value), depth)
}

/** Like `canonicalText` for a value whose keys are already sorted at every level. */
export function sortedText(value: unknown, depth = 0): string {
  return indentText(JSON.stringify(value, null, 2), depth)
}

/** Re-indents multi-line JSON text so it can be embedded `depth` levels deep. */
export function indentText(text: string, depth: number): string {
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`)
}

/**
 * Canonical text of an object whose member values are already canonical text at `depth + 1`
 * (used to assemble large documents from cached pieces without re-serializing them).
 */
export function objectText(members: Map<string, string>, depth = 0): string {
  if (members.size === 0) return '{}'
  const pad = '  '.repeat(depth + 1)
  const lines = [...members.keys()].sort(byCodeUnit).map((key) => `${pad}${JSON.stringify(key)}: ${members.get(key)}`)
  return `{\n${lines.join(',\n')}\n${'  '.repeat(depth)}}`
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort(byCodeUnit)) out[key] = sortKeys((value as Record<string, unknown>)[key])
  return out
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
