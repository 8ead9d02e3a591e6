// Request ids are echoed exactly as the client sent them. Integer ids may exceed 2^53, so they are
// read from the message text (see json-scan.ts; never through a JS number) and kept as their
// canonical JSON text. An id is carried around as that JSON text: `7`, `-9223372036854775808`, `"abc"`.
import { INTEGER_FORMATS } from '../../protocol/model/integer-formats.js'

const INT64 = INTEGER_FORMATS.int64

/** Canonical decimal text of an integer token in the int64 range; floats and exponents are not ids. */
export function int64Text(token: string): string | undefined {
  if (!/^-?\d+$/.test(token)) return undefined
  if (token.length < 16) return String(Number(token))
  const big = BigInt(token)
  return big >= INT64.min && big <= INT64.max ? big.toString() : undefined
}
