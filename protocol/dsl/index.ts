// The definition vocabulary: what protocol families and the method registry are written in.
export * from './schema.js'
export * from './methods.js'

import type { NamedType } from './schema.js'
import type { MethodTables } from './methods.js'

/** Everything the generator reads: the method tables and every declared named type. */
export interface ProtocolDefinition {
  /** The codex version whose wire format these definitions describe. */
  codexVersion: string
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
