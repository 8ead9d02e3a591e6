// The definition vocabulary: what protocol families and the method registry are written in.
export * from './schema.js'
export * from './methods.js'
export * from './versions.js'

import type { NamedType } from './schema.js'
import type { MethodTables } from './methods.js'

/** Everything the generator reads: the method tables and every declared named type. */
export interface ProtocolDefinition {
  /** The codex releases whose wire formats these definitions describe, oldest first; the last is the default. */
  versions: readonly string[]
  tables: MethodTables
  /** Types emitted even when no method reaches them (the JSON-RPC envelope). */
  standaloneTypes: readonly NamedType[]
  /** Every named type the families declare. */
  types: readonly NamedType[]
  /**
   * The family (protocol file below protocol/ without `.ts`, `v2/` left out) that declares each
   * type, by family name; methods belong to the family of their payload types.
   */
  families?: Readonly<Record<string, readonly NamedType[]>>
}
