// When an experimental field counts as used (presence rules) and how a union arm is recognised in
// a value (arm matches), read from the member schemas the DSL produces.
import { describe, expect, test } from 'vitest'
import { scope, t, typesIn } from '../../protocol/dsl/index.js'
import { armMatch, presenceOf } from '../../generator/model/members.js'
import { miniModel, plain } from './helpers/mini-protocol.js'

describe('presenceOf', () => {
  test('optional or nullable fields count when present and not null', () => {
    expect(presenceOf(plain(t.option(t.string())))).toBe('notNull')
    expect(presenceOf(plain(t.option(t.ref('X'))))).toBe('notNull')
    expect(presenceOf(plain(t.nullable(t.boolean())))).toBe('notNull')
    expect(presenceOf(plain(t.option(t.array(t.string()))))).toBe('notNull')
  })

  test('arrays and maps count when non-empty', () => {
    expect(presenceOf(plain(t.array(t.string())))).toBe('nonEmpty')
    expect(presenceOf(plain(t.optional(t.array(t.ref('X')))))).toBe('nonEmpty')
    expect(presenceOf(plain(t.map(t.string())))).toBe('nonEmpty')
    expect(presenceOf(plain(t.map(true)))).toBe('nonEmpty')
  })

  test('booleans count when true', () => {
    expect(presenceOf(plain(t.boolean()))).toBe('true')
    expect(presenceOf(plain(t.optional(t.boolean())))).toBe('true')
  })

  test('anything else counts when present', () => {
    expect(presenceOf(plain(t.string()))).toBe('present')
    expect(presenceOf(plain(t.uint('uint32')))).toBe('present')
    expect(presenceOf(plain(t.ref('X')))).toBe('present')
    expect(presenceOf(plain(t.object({ a: t.string() })))).toBe('present')
    expect(presenceOf(plain(t.enum(['a', 'b'])))).toBe('present')
    expect(presenceOf(plain(t.json()))).toBe('present')
  })
})

describe('armMatch', () => {
  test('a tagged arm is recognised by its tag value', () => {
    const arms = plain(t.tagged('type', { a: { x: t.string() }, b: {} })).oneOf as Record<string, unknown>[]
    expect(arms.map(armMatch)).toEqual([{ by: 'tag', field: 'type', value: 'a' }, { by: 'tag', field: 'type', value: 'b' }])
  })

  test('a closed object with one required key is recognised by that key', () => {
    expect(armMatch(plain(t.object({ granular: t.object({}) }, { closed: true })))).toEqual({ by: 'key', key: 'granular' })
  })

  test('a one-value string enum is recognised by its value', () => {
    expect(armMatch(plain(t.literal('never')))).toEqual({ by: 'value', value: 'never' })
  })

  test('an arm with nothing to recognise it by has no match', () => {
    expect(armMatch(plain(t.object({ a: t.string(), b: t.string() })))).toBeUndefined()
    expect(armMatch(plain(t.object({ a: t.string() })))).toBeUndefined() // open object: other keys allowed
    expect(armMatch(plain(t.string()))).toBeUndefined()
    expect(armMatch(plain(t.enum(['a', 'b'])))).toBeUndefined()
  })
})

describe('experimental inventory of the model', () => {
  const v2 = typesIn('v2')
  const Mode = v2('Mode', t.oneOf([
    t.literal('plain'),
    t.experimental('mode.fancy', t.literal('fancy')),
    t.experimental('mode.granular', t.object({ granular: t.object({}) }, { closed: true })),
  ]))
  const Event = v2('Event', t.tagged('type', {
    started: {},
    paused: t.experimental('event.paused', t.object({ at: t.int() })),
  }))
  const DoParams = v2('DoParams', t.object({
    name: t.string(),
    tags: t.experimental('do.tags', t.optional(t.array(t.string()))),
    labels: t.experimental('do.labels', t.optional(t.map(t.string()))),
    fast: t.experimental('do.fast', t.optional(t.boolean())),
    note: t.experimental('do.note', t.option(t.string())),
    count: t.experimental('do.count', t.int()),
    mode: t.ref(Mode),
    event: t.ref(Event),
  }))
  const DoResponse = v2('DoResponse', t.object({}))
  const model = miniModel({
    types: [Mode, Event, DoParams, DoResponse],
    clientRequests: [{ method: 'do', params: DoParams, result: DoResponse, scope: scope.none }],
  })

  test('lists every marked field with its presence rule', () => {
    expect(model.experimental.filter((e) => e.kind === 'field')).toEqual([
      { kind: 'field', reason: 'do.tags', type: 'DoParams', field: 'tags', presence: 'nonEmpty' },
      { kind: 'field', reason: 'do.labels', type: 'DoParams', field: 'labels', presence: 'nonEmpty' },
      { kind: 'field', reason: 'do.fast', type: 'DoParams', field: 'fast', presence: 'true' },
      { kind: 'field', reason: 'do.note', type: 'DoParams', field: 'note', presence: 'notNull' },
      { kind: 'field', reason: 'do.count', type: 'DoParams', field: 'count', presence: 'present' },
    ])
  })

  test('lists every marked union arm with how it is recognised', () => {
    expect(model.experimental.filter((e) => e.kind === 'variant')).toEqual([
      { kind: 'variant', reason: 'event.paused', type: 'Event', variant: 'paused', match: { by: 'tag', field: 'type', value: 'paused' } },
      { kind: 'variant', reason: 'mode.fancy', type: 'Mode', variant: 'fancy', match: { by: 'value', value: 'fancy' } },
      { kind: 'variant', reason: 'mode.granular', type: 'Mode', variant: 'granular', match: { by: 'key', key: 'granular' } },
    ])
  })
})
