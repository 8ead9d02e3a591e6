// Request ids are echoed exactly as the client sent them. Integer ids may exceed 2^53, so they are
// read from the message text (never through a JS number) and kept as their canonical JSON text.
// An id is carried around as that JSON text: `7`, `-9223372036854775808` or `"abc"`.

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** JSON text of a valid id, or undefined when the id is not a string or an int64 integer. */
export function requestIdText(value: unknown, messageText: string): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value !== 'number') return undefined
  const token = leadingIdToken(messageText) ?? topLevelMemberText(messageText, 'id')
  return token === undefined ? undefined : int64Text(token)
}

/** Canonical decimal text of an integer token in the int64 range; floats and exponents are not ids. */
export function int64Text(token: string): string | undefined {
  if (!/^-?\d+$/.test(token)) return undefined
  if (token.length < 16) return String(Number(token))
  const big = BigInt(token)
  return big >= INT64_MIN && big <= INT64_MAX ? big.toString() : undefined
}

// Most clients put the id first: `{"id":12,...}`. This avoids scanning the rest of the message.
const LEADING_ID = /^[ \t\r\n]*\{[ \t\r\n]*"id"[ \t\r\n]*:[ \t\r\n]*(-?[0-9][0-9.eE+-]*)[ \t\r\n]*[,}]/

function leadingIdToken(text: string): string | undefined {
  const match = LEADING_ID.exec(text)
  if (!match) return undefined
  // A later duplicate `id` member would win in JSON.parse; fall back to the full scan then.
  return text.indexOf('"id"', match[0].length) < 0 ? match[1] : undefined
}

/**
 * The raw text of a top-level member of a JSON object (the last one when repeated, as JSON.parse
 * does). The text is known to be valid JSON, so the scan only needs to skip values correctly.
 */
export function topLevelMemberText(text: string, name: string): string | undefined {
  let found: string | undefined
  let i = skipSpace(text, 0)
  if (text[i] !== '{') return undefined
  i = skipSpace(text, i + 1)
  while (i < text.length && text[i] !== '}') {
    const keyEnd = stringEnd(text, i)
    const rawKey = text.slice(i, keyEnd)
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1)
    i = skipSpace(text, keyEnd)
    i = skipSpace(text, i + 1) // the colon
    const valueStart = i
    i = valueEnd(text, i)
    if (key === name) found = text.slice(valueStart, i)
    i = skipSpace(text, i)
    if (text[i] === ',') i = skipSpace(text, i + 1)
  }
  return found
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break
    i++
  }
  return i
}

/** Index just past the string literal starting at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1
  while (j < text.length) {
    const c = text.charCodeAt(j)
    if (c === 0x5c) j += 2
    else if (c === 0x22) return j + 1
    else j++
  }
  return j
}

/** Index just past the JSON value starting at `i`. */
function valueEnd(text: string, i: number): number {
  const first = text[i]
  if (first === '"') return stringEnd(text, i)
  if (first === '{' || first === '[') {
    let depth = 0
    let j = i
    while (j < text.length) {
      const c = text[j]
      if (c === '"') {
        j = stringEnd(text, j)
        continue
      }
      if (c === '{' || c === '[') depth++
      else if (c === '}' || c === ']') {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    return j
  }
  let j = i
  while (j < text.length && !',}] \t\r\n'.includes(text[j]!)) j++
  return j
}
