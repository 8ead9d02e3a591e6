// The four message unions (ClientRequest, ServerRequest, ServerNotification, ClientNotification),
// derived from the method tables of one variant. Both emitters describe them from this one place.
import { DefinitionError } from '../model/build-model.js'
import { DIRECTION_LIST, DIRECTIONS } from '../../protocol/model/directions.js'
import type { Direction, MetaModel, MethodModel, SchemaNode } from '../../protocol/model/meta-model.js'

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
  return DIRECTION_LIST.map(({ direction, union }) => ({
    name: union,
    direction,
    methods: model.methods.filter((m) => m.direction === direction && (includeTsOnly || !m.tsOnly)),
  }))
}

export function isRequest(direction: Direction): boolean {
  return DIRECTIONS[direction].isRequest
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
  const schema: SchemaNode = { oneOf: union.methods.map((m) => unionArmSchema(union, m)), description: DIRECTIONS[union.direction].description }
  // Every server notification carries the time it was emitted beside `method` and `params`.
  if (union.direction === 'serverNotification') {
    schema.properties = { emittedAtMs: { type: 'integer', format: 'int64', description: 'When the server emitted the notification, in Unix epoch milliseconds.' } }
  }
  return schema
}
