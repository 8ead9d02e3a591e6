// The per-type gate checks: a type is inspected when it, or anything it reaches through fields
// (values, nullable refs, array items, map values, cycles), carries an experimental marker.
import { describe, expect, test } from 'vitest'
import { noParams, optionalParams, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { protocol } from '../../protocol/index.js'
import { buildModel } from '../../generator/model/build-model.js'
import type { GateCheck } from '../../protocol/model/meta-model.js'
import { miniModel } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')

describe('deriveGates', () => {
  const Leaf = v2('Leaf', t.object({
    plain: t.string(),
    secret: t.experimental('leaf.secret', t.option(t.string())),
  }))
  const Holder = v2('Holder', t.object({
    direct: t.ref('Leaf'),
    maybe: t.option(t.ref('Leaf')),
    list: t.optional(t.array(t.ref('Leaf'))),
    maybeList: t.option(t.array(t.ref('Leaf'))),
    byName: t.optional(t.map(t.ref('Leaf'))),
    other: t.string(),
  }))
  const Grand = v2('Grand', t.object({ holder: t.ref('Holder'), unrelated: t.ref('Plain') }))
  const Plain = v2('Plain', t.object({ a: t.string(), self: t.option(t.ref('Plain')) }))
  // A cycle where only one member has a marker: both sides must be inspected.
  const Ping = v2('Ping', t.object({ pong: t.option(t.ref('Pong')) }))
  const Pong = v2('Pong', t.object({ ping: t.option(t.ref('Ping')), flag: t.experimental('pong.flag', t.optional(t.boolean())) }))
  const model = miniModel({ types: [Leaf, Holder, Grand, Plain, Ping, Pong] })

  test('a marked field is checked with its reason and presence rule', () => {
    expect(model.gates.Leaf).toEqual([{ check: 'field', field: 'secret', reason: 'leaf.secret', presence: 'notNull' }])
  })

  test('fields leading to a marked type are descended into: value, nullable ref, items, values', () => {
    expect(model.gates.Holder).toEqual([
      { check: 'nested', field: 'direct', via: 'value', type: 'Leaf' },
      { check: 'nested', field: 'maybe', via: 'value', type: 'Leaf' },
      { check: 'nested', field: 'list', via: 'items', type: 'Leaf' },
      { check: 'nested', field: 'maybeList', via: 'items', type: 'Leaf' },
      { check: 'nested', field: 'byName', via: 'values', type: 'Leaf' },
    ])
  })

  test('propagation is transitive and skips fields whose types carry no markers', () => {
    expect(model.gates.Grand).toEqual([{ check: 'nested', field: 'holder', via: 'value', type: 'Holder' }])
    expect(model.gates.Plain).toBeUndefined()
  })

  test('cycles reach a fixpoint: both members of a marked cycle are gated', () => {
    expect(model.gates.Pong).toEqual([
      { check: 'nested', field: 'ping', via: 'value', type: 'Ping' },
      { check: 'field', field: 'flag', reason: 'pong.flag', presence: 'true' },
    ])
    expect(model.gates.Ping).toEqual([{ check: 'nested', field: 'pong', via: 'value', type: 'Pong' }])
  })

  test('union arms: a marked arm is a variant check; an unmarked arm with marked fields is an arm check', () => {
    const Choice = v2('Choice', t.tagged('type', {
      old: {},
      fresh: t.experimental('choice.fresh', t.object({})),
      mixed: { leaf: t.ref('Leaf'), extra: t.experimental('choice.extra', t.optional(t.string())) },
    }))
    const m = miniModel({ types: [Leaf, Choice] })
    expect(m.gates.Choice).toEqual([
      { check: 'variant', reason: 'choice.fresh', match: { by: 'tag', field: 'type', value: 'fresh' } },
      {
        check: 'arm',
        match: { by: 'tag', field: 'type', value: 'mixed' },
        checks: [
          { check: 'nested', field: 'leaf', via: 'value', type: 'Leaf' },
          { check: 'field', field: 'extra', reason: 'choice.extra', presence: 'present' },
        ],
      },
    ])
  })
})

describe('inspectParams', () => {
  const Leaf = v2('Leaf', t.object({ secret: t.experimental('leaf.secret', t.optional(t.string())) }))
  const GatedParams = v2('GatedParams', t.object({ leaf: t.option(t.ref('Leaf')) }))
  const OptionalGatedParams = v2('OptionalGatedParams', t.object({ flag: t.experimental('maybe.flag', t.optional(t.boolean())) }))
  const PlainParams = v2('PlainParams', t.object({ a: t.string() }))
  const Empty = v2('Empty', t.object({}))
  const Note = v2('Note', t.object({ leaf: t.ref('Leaf') }))
  const model = miniModel({
    types: [Leaf, GatedParams, OptionalGatedParams, PlainParams, Empty, Note],
    clientRequests: [
      { method: 'gated', params: GatedParams, result: Empty, scope: scope.none },
      { method: 'maybe', params: optionalParams(OptionalGatedParams), result: Empty, scope: scope.none },
      { method: 'plain', params: PlainParams, result: Empty, scope: scope.none },
      { method: 'none', params: noParams, result: Empty, scope: scope.none },
    ],
    serverNotifications: [{ method: 'note', params: Note }],
  })
  const byMethod = new Map(model.methods.map((m) => [m.method, m]))

  test('is set on client requests whose params can carry experimental input, directly or nested', () => {
    expect(byMethod.get('gated')?.inspectParams).toBe(true)
    expect(byMethod.get('maybe')?.inspectParams).toBe(true)
  })

  test('is absent where there is nothing to inspect, and on other directions', () => {
    expect(byMethod.get('plain')?.inspectParams).toBeUndefined()
    expect(byMethod.get('none')?.inspectParams).toBeUndefined()
    expect(byMethod.get('note')?.inspectParams).toBeUndefined()
  })
})

describe('gates of the real protocol', () => {
  const model = buildModel(protocol)
  const flat = (checks: GateCheck[]): GateCheck[] => checks.flatMap((c) => (c.check === 'arm' ? [c, ...flat(c.checks)] : [c]))
  const all = Object.entries(model.gates).flatMap(([type, checks]) => flat(checks).map((check) => ({ type, check })))

  test('every nested check leads to a type that has checks of its own', () => {
    const dangling = all.flatMap(({ type, check }) => (check.check === 'nested' && !model.gates[check.type] ? [`${type}.${check.field} → ${check.type}`] : []))
    expect(dangling).toEqual([])
  })

  test('every marked field and arm the gates check is in the experimental inventory, and the reverse', () => {
    const fromGates = all.flatMap(({ type, check }) =>
      check.check === 'field' ? [`${type} ${check.field} ${check.reason}`] : check.check === 'variant' ? [`${type} ${check.reason}`] : []).sort()
    const fromInventory = model.experimental.flatMap((e) =>
      e.kind === 'field' ? [`${e.type} ${e.field} ${e.reason}`] : e.kind === 'variant' ? [`${e.type} ${e.reason}`] : []).sort()
    expect(fromGates).toEqual(fromInventory)
  })

  test('the params of every client request that can carry experimental input are inspected', () => {
    const inspected = model.methods.filter((m) => m.inspectParams).map((m) => m.method)
    const gated = model.methods.filter((m) => m.direction === 'clientRequest' && m.params.presence !== 'none' && model.gates[m.params.type]).map((m) => m.method)
    expect(inspected).toEqual(gated)
    expect(inspected).toContain('thread/start')
  })
})
