// A linear pre-scan of one JSON text, run before JSON.parse. JSON.parse has no nesting limit, so a
// frame of millions of nested brackets would take seconds and gigabytes of everyone's time and
// memory; codex (serde_json) refuses the 128th level. The same pass records the top-level member
// names (serde refuses a duplicate field, JSON.parse keeps the last one silently) and the raw text
// of a few top-level values (integer ids beyond 2^53 must be read from the text, never a JS number).
// It is no validator: text it lets through still goes to JSON.parse, which rejects bad syntax.
//
// It also bounds the work JSON.parse may be given: a 16 MiB frame of `[],[],…` holds 5.5 million
// arrays, which take JSON.parse over a second and ~400 MB (codex: 3 s, 860 MB), so the number of
// values is bounded too: each array or object counts at its opening bracket, each scalar at the
// comma after it (the last scalar of a container is not counted; close enough for a bound).

/** The deepest nesting accepted; the outermost object or array is level 1 (serde_json: 128 fails). */
export const MAX_NESTING = 127

/** The most values (arrays, objects and scalars; see above) one message may hold. */
export const MAX_VALUES = 1_000_000

export type TopLevel =
  | { kind: 'object'; keys: string[]; duplicates: ReadonlySet<string>; raw: ReadonlyMap<string, string> }
  | { kind: 'array'; length: number; raw: readonly string[] }
  | { kind: 'other' }

export type Scan = { ok: true; top: TopLevel } | { ok: false; reason: string }

export interface ScanOptions {
  /** Top-level members whose raw text is wanted (the last one when repeated). */
  rawMembers?: readonly string[]
  /** How many leading top-level array elements to keep the raw text of. */
  rawElements?: number
  /** Refuse text with more values than this (default MAX_VALUES). */
  maxValues?: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const OPEN_ARRAY = 0x5b
const CLOSE_OBJECT = 0x7d
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const NEWLINE = 0x0a

export function scanJson(text: string, options: ScanOptions = {}): Scan {
  const wantedMembers = options.rawMembers ?? []
  const wantedElements = options.rawElements ?? 0
  const maxValues = options.maxValues ?? MAX_VALUES
  let values = 0
  // Whether the last significant character closed a container (its comma then counts nothing).
  let afterClose = false
  let depth = 0
  let line = 1
  let lineStart = 0
  let topKind: 'object' | 'array' | 'other' | undefined
  const keys: string[] = []
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  const rawMembers = new Map<string, string>()
  const rawElements: string[] = []
  let elements = 0
  // Where the current top-level value starts, and (objects) its member name.
  let valueStart = -1
  let member: string | undefined
  let expectKey = false

  const endTopValue = (end: number) => {
    if (valueStart < 0) return
    if (topKind === 'object' && member !== undefined && wantedMembers.includes(member)) rawMembers.set(member, text.slice(valueStart, end).trim())
    if (topKind === 'array') {
      if (elements < wantedElements) rawElements.push(text.slice(valueStart, end).trim())
      if (text.slice(valueStart, end).trim() !== '') elements++
    }
    valueStart = -1
  }

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (depth === 1 && topKind === 'object' && expectKey) {
        const raw = text.slice(i, end)
        const key = raw.includes('\\') ? parseKey(raw) : raw.slice(1, -1)
        if (seen.has(key)) duplicates.add(key)
        seen.add(key)
        keys.push(key)
        member = key
        expectKey = false
      }
      i = end - 1
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++
      if (depth > MAX_NESTING) return { ok: false, reason: `nesting deeper than ${MAX_NESTING} levels at line ${line} column ${i - lineStart + 1}` }
      if (++values > maxValues) return tooMany(maxValues)
      if (depth === 1 && topKind === undefined) {
        topKind = c === OPEN_OBJECT ? 'object' : 'array'
        expectKey = topKind === 'object'
        if (topKind === 'array') valueStart = i + 1
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 1) endTopValue(i)
      depth--
    } else if (c === COMMA && !afterClose && ++values > maxValues) {
      return tooMany(maxValues)
    }
    if (c > 0x20 && c !== COMMA) afterClose = c === CLOSE_OBJECT || c === CLOSE_ARRAY
    if (depth === 1 && c !== QUOTE) {
      if (c === COMMA) {
        endTopValue(i)
        if (topKind === 'object') expectKey = true
        else valueStart = i + 1
      } else if (c === COLON && topKind === 'object') {
        valueStart = i + 1
      }
    }
    if (c === NEWLINE) {
      line++
      lineStart = i + 1
    }
    if (depth === 0 && topKind === undefined && c > 0x20) topKind = 'other'
  }
  if (topKind === 'object') return { ok: true, top: { kind: 'object', keys, duplicates, raw: rawMembers } }
  if (topKind === 'array') return { ok: true, top: { kind: 'array', length: elements, raw: rawElements } }
  return { ok: true, top: { kind: 'other' } }
}

function tooMany(maxValues: number): Scan {
  return { ok: false, reason: `more than ${maxValues} values in one message` }
}

/** Index just past the string literal that opens at `start` (or the end of an unterminated one). */
function stringEnd(text: string, start: number): number {
  let from = start + 1
  for (;;) {
    const quote = text.indexOf('"', from)
    if (quote < 0) return text.length
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0
    for (let j = quote - 1; j > start && text.charCodeAt(j) === BACKSLASH; j--) backslashes++
    if (backslashes % 2 === 0) return quote + 1
    from = quote + 1
  }
}

function parseKey(raw: string): string {
  try {
    return JSON.parse(raw) as string
  } catch {
    return raw
  }
}
