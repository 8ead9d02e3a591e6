// Structural comparison of JSON values: the first place two values differ, as a readable path.
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (a === b) return undefined
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) return `${path}[${i}] added`
      if (i >= b.length) return `${path}[${i}] removed`
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    return undefined
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const key of keys) {
      const at = `${path}/${key}`
      if (!(key in a)) return `${at} added`
      if (!(key in b)) return `${at} removed`
      const d = firstDifference(a[key], b[key], at)
      if (d) return d
    }
    return undefined
  }
  return `${path || '/'}: ${brief(a)} → ${brief(b)}`
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function brief(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined'
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
