// Every `t.*` builder of the definition vocabulary produces the JSON Schema shape the codex wire
// format is described with (serde + schemars idioms).
import { describe, expect, test } from 'vitest'
import { EXPERIMENTAL_KEY, defineType, formatScope, isNamedType, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { plain } from './helpers/mini-protocol.js'

describe('scalar builders', () => {
  test('string, boolean, null, json', () => {
    expect(plain(t.string())).toEqual({ type: 'string' })
    expect(plain(t.string({ minLength: 1 }))).toEqual({ type: 'string', minLength: 1 })
    expect(plain(t.boolean())).toEqual({ type: 'boolean' })
    expect(plain(t.null())).toEqual({ type: 'null' })
    expect(plain(t.json())).toEqual({})
  })

  test('signed integers carry their wire format and no minimum', () => {
    expect(plain(t.int())).toEqual({ type: 'integer', format: 'int64' })
    expect(plain(t.int('int32'))).toEqual({ type: 'integer', format: 'int32' })
  })

  test('unsigned integers carry their format and minimum 0', () => {
    expect(plain(t.uint())).toEqual({ type: 'integer', format: 'uint64', minimum: 0 })
    expect(plain(t.uint('uint32'))).toEqual({ type: 'integer', format: 'uint32', minimum: 0 })
    expect(plain(t.uint('uint16', { minimum: 1 }))).toEqual({ type: 'integer', format: 'uint16', minimum: 1 })
  })

  test('numbers default to double', () => {
    expect(plain(t.number())).toEqual({ type: 'number', format: 'double' })
    expect(plain(t.number('float'))).toEqual({ type: 'number', format: 'float' })
  })

  test('enum, literal and type unions are string schemas with enum values, or type lists', () => {
    expect(plain(t.enum(['a', 'b']))).toEqual({ type: 'string', enum: ['a', 'b'] })
    expect(plain(t.literal('only'))).toEqual({ type: 'string', enum: ['only'] })
    expect(plain(t.typeUnion(['string', 'object']))).toEqual({ type: ['string', 'object'] })
  })

  test('options such as description and default are kept', () => {
    expect(plain(t.string({ description: 'd', default: 'x' }))).toEqual({ type: 'string', description: 'd', default: 'x' })
    expect(plain(t.describe('said', t.boolean()))).toEqual({ type: 'boolean', description: 'said' })
  })
})

describe('containers', () => {
  test('array', () => {
    expect(plain(t.array(t.string()))).toEqual({ type: 'array', items: { type: 'string' } })
  })

  test('map of values, or of any JSON value', () => {
    expect(plain(t.map(t.ref('X')))).toEqual({ type: 'object', additionalProperties: { $ref: 'X' } })
    expect(plain(t.map(true))).toEqual({ type: 'object', additionalProperties: true })
  })

  test('object lists required fields in declaration order and leaves optional ones out', () => {
    const schema = plain(t.object({ b: t.string(), a: t.optional(t.int()), c: t.boolean() }))
    expect(schema).toEqual({
      type: 'object',
      properties: { b: { type: 'string' }, a: { type: 'integer', format: 'int64' }, c: { type: 'boolean' } },
      required: ['b', 'c'],
    })
    expect(Object.keys(schema.properties as object)).toEqual(['b', 'a', 'c'])
  })

  test('an object without fields has no properties and no required list', () => {
    expect(plain(t.object({}))).toEqual({ type: 'object' })
    expect(plain(t.object({}, { closed: true }))).toEqual({ type: 'object', additionalProperties: false })
  })

  test('closed, additional, anyOf and oneOf options', () => {
    expect(plain(t.object({ a: t.string() }, { closed: true }))).toMatchObject({ additionalProperties: false })
    expect(plain(t.object({ a: t.string() }, { additional: t.int() }))).toMatchObject({ additionalProperties: { type: 'integer', format: 'int64' } })
    expect(plain(t.object({ a: t.string() }, { additional: true }))).toMatchObject({ additionalProperties: true })
    const withArms = plain(t.object({ a: t.string() }, { anyOf: [t.object({ b: t.string() })], oneOf: [t.object({ c: t.string() })] }))
    expect(withArms.anyOf).toEqual([{ type: 'object', properties: { b: { type: 'string' } }, required: ['b'] }])
    expect(withArms.oneOf).toEqual([{ type: 'object', properties: { c: { type: 'string' } }, required: ['c'] }])
  })
})

describe('references and unions', () => {
  test('ref by name or by named type', () => {
    const Thing = typesIn('v2')('Thing', t.string())
    expect(plain(t.ref('Thing'))).toEqual({ $ref: 'Thing' })
    expect(plain(t.ref(Thing))).toEqual({ $ref: 'Thing' })
    expect(plain(t.ref(Thing, { description: 'why' }))).toEqual({ $ref: 'Thing', description: 'why' })
  })

  test('oneOf and anyOf keep arm order', () => {
    expect(plain(t.oneOf([t.string(), t.int()]))).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer', format: 'int64' }] })
    expect(plain(t.anyOf([t.int(), t.string()]))).toEqual({ anyOf: [{ type: 'integer', format: 'int64' }, { type: 'string' }] })
  })

  test('tagged: each arm is an object whose tag holds the arm name, listed first and required', () => {
    expect(plain(t.tagged('type', { text: { text: t.string() }, empty: {} }))).toEqual({
      oneOf: [
        { type: 'object', properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } }, required: ['type', 'text'] },
        { type: 'object', properties: { type: { type: 'string', enum: ['empty'] } }, required: ['type'] },
      ],
    })
  })

  test('tagged: an arm given as a full object schema keeps its keywords (closed, experimental)', () => {
    const schema = plain(t.tagged('kind', {
      plain: { a: t.string() },
      marked: t.experimental('thing.marked', t.object({ b: t.optional(t.string()) }, { closed: true })),
    }))
    expect((schema.oneOf as unknown[])[1]).toEqual({
      type: 'object',
      properties: { kind: { type: 'string', enum: ['marked'] }, b: { type: 'string' } },
      required: ['kind'],
      additionalProperties: false,
      [EXPERIMENTAL_KEY]: 'thing.marked',
    })
  })

  test('tagged: shared fields sit beside oneOf on an object schema', () => {
    expect(plain(t.tagged('type', { a: {} }, { shared: { id: t.string(), note: t.option(t.string()) }, description: 'd' }))).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, note: { type: ['string', 'null'] } },
      required: ['id'],
      oneOf: [{ type: 'object', properties: { type: { type: 'string', enum: ['a'] } }, required: ['type'] }],
      description: 'd',
    })
  })
})

describe('nullable and optional', () => {
  test('nullable widens the type of simple schemas', () => {
    expect(plain(t.nullable(t.string()))).toEqual({ type: ['string', 'null'] })
    expect(plain(t.nullable(t.uint('uint32')))).toEqual({ type: ['integer', 'null'], format: 'uint32', minimum: 0 })
    expect(plain(t.nullable(t.array(t.string())))).toEqual({ type: ['array', 'null'], items: { type: 'string' } })
  })

  test('nullable wraps refs, enums and objects with fields in anyOf [X, null]', () => {
    expect(plain(t.nullable(t.ref('X')))).toEqual({ anyOf: [{ $ref: 'X' }, { type: 'null' }] })
    expect(plain(t.nullable(t.enum(['a'])))).toEqual({ anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }] })
    expect(plain(t.nullable(t.object({ a: t.string() })))).toEqual({
      anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'null' }],
    })
  })

  test('description and default of a wrapped schema move to the outer anyOf', () => {
    expect(plain(t.nullable(t.ref('X', { description: 'd', default: 'v' })))).toEqual({
      anyOf: [{ $ref: 'X' }, { type: 'null' }],
      description: 'd',
      default: 'v',
    })
  })

  test('option(string) is nullable and not required', () => {
    const schema = plain(t.object({ a: t.option(t.string()), b: t.string() }))
    expect(schema.properties).toEqual({ a: { type: ['string', 'null'] }, b: { type: 'string' } })
    expect(schema.required).toEqual(['b'])
  })

  test('option(ref) is anyOf [$ref, null] and not required', () => {
    const schema = plain(t.object({ a: t.option(t.ref('X')) }))
    expect(schema).toEqual({ type: 'object', properties: { a: { anyOf: [{ $ref: 'X' }, { type: 'null' }] } } })
  })

  test('option with a default puts the default on the field', () => {
    expect(plain(t.object({ a: t.option(t.array(t.ref('X')), { default: null }) })).properties).toEqual({
      a: { type: ['array', 'null'], items: { $ref: 'X' }, default: null },
    })
  })

  test('nullable of an optional schema stays optional', () => {
    expect(plain(t.object({ a: t.nullable(t.optional(t.ref('X'))) }))).toEqual({
      type: 'object',
      properties: { a: { anyOf: [{ $ref: 'X' }, { type: 'null' }] } },
    })
  })
})

describe('experimental marker', () => {
  test('adds x-experimental with the reason and keeps the field optional or required as it was', () => {
    const schema = plain(t.object({
      kept: t.experimental('thing.kept', t.string()),
      maybe: t.experimental('thing.maybe', t.option(t.ref('X'))),
      flag: t.experimental('thing.flag', t.optional(t.boolean())),
    }))
    expect(schema).toEqual({
      type: 'object',
      properties: {
        kept: { type: 'string', [EXPERIMENTAL_KEY]: 'thing.kept' },
        maybe: { anyOf: [{ $ref: 'X' }, { type: 'null' }], [EXPERIMENTAL_KEY]: 'thing.maybe' },
        flag: { type: 'boolean', [EXPERIMENTAL_KEY]: 'thing.flag' },
      },
      required: ['kept'],
    })
  })

  test('does not change the schema it marks', () => {
    const base = t.string()
    t.experimental('r', base)
    expect(plain(base)).toEqual({ type: 'string' })
  })
})

describe('named types', () => {
  test('typesIn declares named types in a namespace, with description and file folder options', () => {
    const v2 = typesIn('v2')
    const a = v2('A', t.string(), 'An A.')
    const b = v2('B', t.object({}), { description: 'A B.', fileFolder: 'root' })
    expect(isNamedType(a)).toBe(true)
    expect(isNamedType({ name: 'A', namespace: 'v2', schema: {} })).toBe(false)
    expect([a.name, a.namespace, a.fileFolder, plain(a.schema)]).toEqual(['A', 'v2', undefined, { type: 'string', description: 'An A.' }])
    expect([b.fileFolder, plain(b.schema)]).toEqual(['root', { type: 'object', description: 'A B.' }])
    expect(plain(defineType('root', 'C', t.int()).schema)).toEqual({ type: 'integer', format: 'int64' })
  })
})

describe('scopes', () => {
  test('builders and their compact text form', () => {
    expect(formatScope(scope.none)).toBe('none')
    expect(formatScope(scope.global('config'))).toBe('global:config')
    expect(formatScope(scope.globalSharedRead('config'))).toBe('global_shared_read:config')
    expect(formatScope(scope.thread('threadId'))).toBe('thread:threadId')
    expect(formatScope(scope.optionalThread('threadId'))).toBe('optional_thread:threadId')
    expect(formatScope(scope.threadOrPath('threadId', 'path'))).toBe('thread_or_path:threadId,path')
    expect(formatScope(scope.commandProcess('processId'))).toBe('command_process:processId')
    expect(formatScope(scope.optionalCommandProcess('processId'))).toBe('optional_command_process:processId')
    expect(formatScope(scope.processHandle('handle'))).toBe('process_handle:handle')
    expect(formatScope(scope.fuzzySession('sessionId'))).toBe('fuzzy_session:sessionId')
    expect(formatScope(scope.fsWatch('watchId'))).toBe('fs_watch:watchId')
    expect(formatScope(scope.mcpOauthServer('name'))).toBe('mcp_oauth_server:name')
  })
})
