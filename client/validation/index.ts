// The client's optional validation, a separate entry point so a client that does not validate never loads Ajv.
export type { MessageKind, MessageValidator } from './message-validator.js'
export { createSchemaValidator, loadSchemaValidator, type SchemaSources } from './schema-validator.js'
