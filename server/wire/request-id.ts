// Request ids are echoed exactly as the client sent them. Integer ids may exceed 2^53, so they are
// read from the message text (see json-scan.ts; never through a JS number) and kept as their
// canonical JSON text. An id is carried around as that JSON text: `7`, `-9223372036854775808`, `"abc"`.

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Canonical decimal text of an integer token in the int64 range; floats and exponents are not ids. */
export function int64Text(token: string): string | undefined {
  if (!/^-?\d+$/.test(token)) return undefined
  if (token.length < 16) return String(Number(token))
  const big = BigInt(token)
  return big >= INT64_MIN && big <= INT64_MAX ? big.toString() : undefined
}
