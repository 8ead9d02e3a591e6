// The four message unions (ClientRequest, ServerRequest, ServerNotification, ClientNotification),
// derived from the method tables of one variant. Both emitters describe them from this one place.
import { DefinitionError } from '../model/build-model.js'
import type { Direction, MetaModel, MethodModel, SchemaNode } from '../../protocol/model/meta-model.js'

export const UNION_NAMES: Record<Direction, string> = {
  clientRequest: 'ClientRequest',
  serverRequest: 'ServerRequest',
  serverNotification: 'ServerNotification',
  clientNotification: 'ClientNotification',
}

export const UNION_DESCRIPTIONS: Record<Direction, string> = {
  clientRequest: 'Any request a client sends to the server.',
  serverRequest: 'Any request the server sends to a client, which the client must answer.',
  serverNotification: 'Any notification the server sends to a client.',
  clientNotification: 'Any notification a client sends to the server.',
}

const DIRECTIONS = Object.keys(UNION_NAMES) as Direction[]

export interface MethodUnion {
  name: string
  direction: Direction
  methods: MethodModel[]
}

/** The unions of a variant; `includeTsOnly` adds the legacy methods only TypeScript output lists. */
export function methodUnions(model: MetaModel, includeTsOnly: boolean): MethodUnion[] {
  if (model.methods.some((m) => isRequest(m.direction)) && !model.types.some((t) => t.name === 'RequestId')) {
    throw new DefinitionError(['type RequestId: missing; the request unions need the envelope\'s id type (see protocol/envelope.ts)'])
  }
  return DIRECTIONS.map((direction) => ({
    name: UNION_NAMES[direction],
    direction,
    methods: model.methods.filter((m) => m.direction === direction && (includeTsOnly || !m.tsOnly)),
  }))
}

export function isRequest(direction: Direction): boolean {
  return direction === 'clientRequest' || direction === 'serverRequest'
}

/** One arm of a union as JSON Schema, with bare type names in `$ref`. */
export function unionArmSchema(union: MethodUnion, method: MethodModel): SchemaNode {
  const props: SchemaNode = {}
  const required: string[] = []
  if (isRequest(union.direction)) {
    props.id = { $ref: 'RequestId' }
    required.push('id')
  }
  props.method = { type: 'string', enum: [method.method] }
  required.push('method')
  if (method.params.presence === 'required') {
    props.params = { $ref: method.params.type }
    required.push('params')
  } else if (method.params.presence === 'optional') {
    props.params = { anyOf: [{ $ref: method.params.type }, { type: 'null' }] }
  } else if (isRequest(union.direction)) {
    props.params = { type: 'null' }
  }
  return {
    type: 'object',
    properties: props,
    required,
    ...(method.description ? { description: method.description } : {}),
    ...(method.experimental ? { 'x-experimental': method.experimental } : {}),
    ...(method.serialization ? { 'x-serialization': method.serialization } : {}),
  }
}

export function unionSchema(union: MethodUnion): SchemaNode {
  const schema: SchemaNode = { oneOf: union.methods.map((m) => unionArmSchema(union, m)), description: UNION_DESCRIPTIONS[union.direction] }
  // Every server notification carries the time it was emitted beside `method` and `params`.
  if (union.direction === 'serverNotification') {
    schema.properties = { emittedAtMs: { type: 'integer', format: 'int64', description: 'When the server emitted the notification, in Unix epoch milliseconds.' } }
  }
  return schema
}
