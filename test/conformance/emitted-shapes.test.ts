// Output for a small protocol that uses every shape the DSL can write: in both variants the
// TypeScript compiles under strict settings and every JSON file is valid draft-07 that strict Ajv
// compiles. The real protocol does not use every shape, so this keeps the rarer ones honest.
import { createRequire } from 'node:module'
import { Ajv, type AnySchemaObject } from 'ajv'
import { describe, expect, test } from 'vitest'
import { noParams, optionalParams, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { emitJson } from '../../generator/emit/emit-json.js'
import { emitTs } from '../../generator/emit/emit-ts.js'
import { projectVariant, VARIANTS } from '../../generator/model/project-variant.js'
import { miniModel } from '../generator/helpers/mini-protocol.js'
import { compileInMemory } from './helpers/compile-in-memory.js'

const v2 = typesIn('v2')
const root = typesIn('root')

const RequestId = v2('RequestId', t.anyOf([t.string(), t.int()]), { fileFolder: 'root' })
const Tree = v2('Tree', t.object({ label: t.string(), children: t.array(t.ref('Tree')), parent: t.option(t.ref('Tree')) }))
const Ping = v2('Ping', t.object({ pong: t.option(t.ref('Pong')) }))
const Pong = v2('Pong', t.object({ ping: t.optional(t.ref('Ping')), count: t.uint('uint16') }))
const Level = v2('Level', t.enum(['low', 'say "high"', "it's"]), 'Quoted values.\nAnd a second line with */ in it.')
const Event = v2('Event', t.tagged('type', {
  started: { at: t.int('int64', { description: 'Start time.' }) },
  paused: t.experimental('event.paused', t.object({ reason: t.option(t.string()) })),
  stopped: {},
}, { shared: { id: t.string(), level: t.option(t.ref(Level)) } }))
const Choice = v2('Choice', t.oneOf([
  t.literal('auto'),
  t.experimental('choice.granular', t.object({ granular: t.object({ step: t.number() }) }, { closed: true })),
  t.object({ custom: t.string() }, { closed: true }),
]))
const OnlyExperimental = v2('OnlyExperimental', t.object({ secret: t.string() }))
const Shapes = v2('Shapes', t.object({
  'odd-key': t.optional(t.boolean()),
  any: t.json(),
  anyList: t.array(t.json()),
  anyMap: t.map(true),
  mapOfLists: t.map(t.array(t.ref(Tree))),
  nullableList: t.option(t.array(t.nullable(t.ref(Tree)))),
  loose: t.typeUnion(['string', 'object', 'integer']),
  closed: t.object({}, { closed: true }),
  open: t.object({}),
  strings: t.object({ a: t.string() }, { additional: t.string() }),
  inline: t.object({ kept: t.int('int32') }),
  nested: t.ref('Nested'),
  withAlternatives: t.object({ base: t.string() }, { anyOf: [t.object({ a: t.string() }), t.object({ b: t.string() })] }),
  described: t.ref(Tree, { description: 'A tree, described where it is used.' }),
  defaulted: t.optional(t.ref(Level, { default: 'low' })),
  event: t.ref(Event),
  choice: t.ref(Choice),
  hidden: t.experimental('shapes.hidden', t.option(t.ref(OnlyExperimental))),
}))
// Experimental fields must sit on a named type to be gated (inline objects cannot carry them).
const Nested = v2('Nested', t.object({ deep: t.experimental('nested.deep', t.optional(t.string())), kept: t.int('int32') }))
const Done = v2('Done', t.object({ ok: t.boolean() }))
const Hello = root('Hello', t.object({ name: t.string() }), { fileFolder: 'v1' })
const Envelope = root('Envelope', t.object({ id: t.ref(RequestId), body: t.optional(t.json()) }))

const model = miniModel({
  types: [Tree, Ping, Pong, Level, Event, Choice, OnlyExperimental, Shapes, Nested, Done, Hello],
  standaloneTypes: [RequestId, Envelope],
  clientRequests: [
    { method: 'shapes/send', params: Shapes, result: Done, scope: scope.none },
    { method: 'hello', params: optionalParams(Hello), result: Done, scope: scope.global('hello') },
    { method: 'ping', params: noParams, result: Ping, scope: scope.none, experimental: true },
  ],
  serverRequests: [{ method: 'event/confirm', params: Event, result: Done }],
  serverNotifications: [{ method: 'tree/changed', params: Tree }, { method: 'pong', params: Pong, experimental: true }],
  clientNotifications: [{ method: 'ready' }],
})

const draft07 = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json') as AnySchemaObject
const meta = new Ajv({ meta: false, validateSchema: false, strict: false, validateFormats: false }).compile(draft07)

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, logger: false })
  for (const format of ['int64', 'int32', 'uint16', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true })
  ajv.addKeyword({ keyword: 'x-experimental', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-serialization', schemaType: 'string' })
  return ajv
}

describe.each(VARIANTS)('the %s variant of a protocol using every shape', (variant) => {
  const projected = projectVariant(model, variant)

  test('its TypeScript compiles with zero errors under strict settings', () => {
    expect(compileInMemory(emitTs(projected))).toEqual([])
  })

  test('every JSON file is valid draft-07 and compiles in strict Ajv', () => {
    const problems: string[] = []
    for (const [path, text] of emitJson(projected)) {
      const doc = JSON.parse(text) as AnySchemaObject
      if (!meta(doc)) problems.push(`${path}: ${meta.errors?.[0]?.instancePath} ${meta.errors?.[0]?.message}`)
      // The notification union carries `properties` without `type`, as codex writes it.
      if (path.endsWith('.schemas.json') || path === 'ServerNotification.json') continue
      try {
        strictAjv().compile(doc)
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    expect(problems).toEqual([])
  })
})

test('the values a client would send validate against the experimental params schema', () => {
  const files = emitJson(projectVariant(model, 'experimental'))
  const validate = strictAjv().compile(JSON.parse(files.get('v2/Shapes.json')!) as AnySchemaObject)
  const tree = { label: 'root', children: [] }
  const value = {
    any: null, anyList: [1, 'a'], anyMap: { x: [] }, mapOfLists: { a: [tree] }, nullableList: [null, tree], loose: 3,
    closed: {}, open: { anything: true }, strings: { a: 'x', b: 'y' }, inline: { kept: 1 }, nested: { kept: 2, deep: 'x' }, withAlternatives: { base: 'x', a: 'y' },
    described: tree, event: { type: 'paused', id: 'e', reason: null }, choice: { granular: { step: 1.5 } },
  }
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
  expect(validate({ ...value, closed: { extra: 1 } })).toBe(false)
  expect(validate({ ...value, event: { type: 'started', id: 'e' } })).toBe(false)
})
