// Strict standard base64 (padding required, no whitespace, no stray bits), rejecting bad input
// with the same messages codex gives: Node's own decoder silently skips bad characters.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const PAD = 0x3d // '='
const INVALID = 0xff
const VALUES = new Uint8Array(256).fill(INVALID)
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i

export class Base64Error extends Error {}

/** Decodes `text`, or throws a Base64Error saying what is wrong and at which offset. */
export function decodeBase64Strict(text: string): Buffer {
  const input = Buffer.from(text, 'utf8')
  checkBase64(input)
  return Buffer.from(text, 'base64')
}

// The checks run in the order codex's decoder runs them, so that the first complaint matches:
// 1. a lone trailing byte that is not base64 (usually a newline) is reported first;
// 2. every complete group of four before the last one must hold only alphabet symbols;
// 3. the final group (the last full four, or the 1–3 leftover bytes) may end in padding, and
//    must have at least two symbols, canonical padding and no bits beyond the encoded bytes.
function checkBase64(input: Buffer): void {
  const remainder = input.length % 4
  if (remainder === 1) {
    const last = input[input.length - 1]!
    if (last !== PAD && VALUES[last] === INVALID) throw invalidSymbol(input.length - 1, last)
  }
  const finalStart = Math.max(0, input.length - remainder - (remainder === 0 ? 4 : 0))
  for (let index = 0; index < finalStart; index++) {
    const byte = input[index]!
    if (VALUES[byte] === INVALID) throw invalidSymbol(index, byte)
  }
  checkFinalGroup(input, finalStart)
}

function checkFinalGroup(input: Buffer, start: number): void {
  const values: number[] = []
  let padding = 0
  let firstPadding = 0
  let lastSymbol = 0
  for (let index = start; index < input.length; index++) {
    const byte = input[index]!
    if (byte === PAD) {
      if (index - start < 2) throw invalidSymbol(index, byte)
      if (padding === 0) firstPadding = index
      padding++
      continue
    }
    if (padding > 0) throw invalidSymbol(firstPadding, PAD)
    if (VALUES[byte] === INVALID) throw invalidSymbol(index, byte)
    lastSymbol = byte
    values.push(VALUES[byte]!)
  }
  if (input.length > 0 && values.length < 2) throw new Base64Error(`Invalid input length: ${start + values.length}`)
  if ((padding + values.length) % 4 !== 0) throw new Base64Error('Invalid padding')
  if (values.length === 0) return
  // Bits of the last symbol that no whole output byte uses must be zero.
  const usedBits = Math.floor((values.length * 6) / 8) * 8
  const unusedBits = values.length * 6 - usedBits
  const lastValue = values[values.length - 1]!
  if ((lastValue & ((1 << unusedBits) - 1)) !== 0) {
    throw new Base64Error(`Invalid last symbol ${lastSymbol}, offset ${start + values.length - 1}.`)
  }
}

function invalidSymbol(offset: number, byte: number): Base64Error {
  return new Base64Error(`Invalid symbol ${byte}, offset ${offset}.`)
}
