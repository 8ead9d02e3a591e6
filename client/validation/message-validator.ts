// The optional validation hook: the client asks it about every message it sends and receives.
// `loadSchemaValidator` (schema-validator.ts) is one implementation, on the generated schemas.
import type { Direction } from '../../protocol/model/meta-model.js'

/** Who sends the message: the four method tables of the protocol. */
export type MessageKind = Direction

export interface MessageValidator {
  /**
   * Undefined when `value` is a valid `part` of a `kind` message `method`; otherwise one line saying
   * what is wrong and where (`params.turn.status must be equal to one of the allowed values`).
   */
  check(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): string | undefined
}
