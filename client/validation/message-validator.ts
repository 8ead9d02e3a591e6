// The optional validation hook: the client asks it about every message it sends and receives.
// `loadSchemaValidator` (schema-validator.ts) is one implementation, on the generated schemas.
// The kinds are spelled out rather than imported from protocol/model (where they are `Direction`):
// the client ships in the consumer package without the definitions and their dependencies.
// generator/package/precompile-validators.ts fails to compile if the meta model's stop fitting.

/** Who sends the message: the four method tables of the protocol. */
export type MessageKind = 'clientRequest' | 'serverRequest' | 'serverNotification' | 'clientNotification'

export interface MessageValidator {
  /**
   * Undefined when `value` is a valid `part` of a `kind` message `method`; otherwise one line saying
   * what is wrong and where (`params.turn.status must be equal to one of the allowed values`).
   */
  check(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): string | undefined
}
