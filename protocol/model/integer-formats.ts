// The integer formats of the wire schemas, stated once: the Rust type each one stands for (named in
// codex's decode errors) and the range that type allows.
import type { SignedIntFormat, UnsignedIntFormat } from '../dsl/schema.js'

export interface IntegerFormat {
  /** The Rust type, as serde names it in errors (`u32`). */
  rust: string
  min: bigint
  max: bigint
}

export const INTEGER_FORMATS: Readonly<Record<SignedIntFormat | UnsignedIntFormat, IntegerFormat>> = {
  int8: { rust: 'i8', min: -(2n ** 7n), max: 2n ** 7n - 1n },
  int16: { rust: 'i16', min: -(2n ** 15n), max: 2n ** 15n - 1n },
  int32: { rust: 'i32', min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { rust: 'i64', min: -(2n ** 63n), max: 2n ** 63n - 1n },
  uint8: { rust: 'u8', min: 0n, max: 2n ** 8n - 1n },
  uint16: { rust: 'u16', min: 0n, max: 2n ** 16n - 1n },
  uint32: { rust: 'u32', min: 0n, max: 2n ** 32n - 1n },
  uint64: { rust: 'u64', min: 0n, max: 2n ** 64n - 1n },
  uint: { rust: 'usize', min: 0n, max: 2n ** 64n - 1n },
}

/** The format of an integer schema node; unformatted integers are i64, or u64 with `minimum: 0`. */
export function integerFormatOf(node: { format?: unknown; minimum?: unknown }): IntegerFormat {
  const named = INTEGER_FORMATS[String(node.format) as keyof typeof INTEGER_FORMATS]
  return named ?? (node.minimum === 0 ? INTEGER_FORMATS.uint64 : INTEGER_FORMATS.int64)
}
