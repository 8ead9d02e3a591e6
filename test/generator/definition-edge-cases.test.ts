// Definitions the gate derivation or the variants could not honour are rejected up front with one
// line each, and the awkward shapes that are accepted produce valid output.
import { describe, expect, test } from 'vitest'
import { scope, t, typesIn } from '../../protocol/dsl/index.js'
import { emitJson } from '../../generator/emit/emit-json.js'
import { emitTs } from '../../generator/emit/emit-ts.js'
import { projectVariant } from '../../generator/model/project-variant.js'
import { tsChunks } from '../../generator/import/ts-field-order.js'
import { compileInMemory } from '../conformance/helpers/compile-in-memory.js'
import { definitionProblems, miniModel, miniProtocol } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')
const RequestId = v2('RequestId', t.anyOf([t.string(), t.int()]))
const Done = v2('Done', t.object({}))

describe('experimental members the gates could not reach are definition errors', () => {
  test('a union arm with nothing to recognise it by that leads to experimental members', () => {
    const Leaf = v2('Leaf', t.object({ secret: t.experimental('leaf.secret', t.optional(t.string())) }))
    const Either = v2('Either', t.anyOf([t.ref('Leaf'), t.string()]))
    const Holder = v2('Holder', t.object({ either: t.ref('Either') }))
    expect(definitionProblems(miniProtocol({ types: [Leaf, Either, Holder] }))).toEqual([
      expect.stringMatching(/^type Either union arm 0: experimental members here cannot be checked/),
    ])
  })

  test('an experimental field inside an inline object', () => {
    const Outer = v2('Outer', t.object({ inner: t.object({ deep: t.experimental('outer.deep', t.optional(t.string())) }) }))
    expect(definitionProblems(miniProtocol({ types: [Outer] }))).toEqual([
      expect.stringMatching(/^type Outer field inner: experimental members here cannot be checked/),
    ])
  })

  test('every nested check of the real protocol leads to a type with checks of its own', async () => {
    const { protocol } = await import('../../protocol/index.js')
    const { buildModel } = await import('../../generator/model/build-model.js')
    const model = buildModel(protocol)
    const nested = Object.values(model.gates).flat().flatMap((c) => (c.check === 'nested' ? [c.type] : []))
    for (const type of nested) expect(model.gates[type], `gates of ${type}`).toBeDefined()
  })
})

test('an experimental arm of an anyOf union is in the inventory and its reason is checked', () => {
  const Pick = v2('Pick', t.anyOf([t.literal('a'), t.experimental('pick.b', t.literal('b'))]))
  expect(miniModel({ types: [Pick] }).experimental).toEqual([
    { kind: 'variant', reason: 'pick.b', type: 'Pick', variant: 'b', match: { by: 'value', value: 'b' } },
  ])
  const Bad = v2('Bad', t.anyOf([t.literal('a'), t.experimental('nowhere.b', t.literal('b'))]))
  expect(definitionProblems(miniProtocol({ types: [Bad] }))).toEqual([expect.stringContaining('"nowhere.b" names no method or type')])
})

test('a union whose arms are all experimental is a definition error (stable would have none)', () => {
  const OnlyNew = v2('OnlyNew', t.oneOf([t.experimental('onlyNew.a', t.literal('a'))]))
  expect(definitionProblems(miniProtocol({ types: [OnlyNew] }))).toEqual([expect.stringMatching(/^type OnlyNew: every union arm is experimental/)])
})

test('emitting requests without a RequestId type is a definition error, not a TypeError', () => {
  const P = v2('P', t.object({}))
  const model = projectVariant(miniModel({ types: [P], clientRequests: [{ method: 'm', params: P, result: P, scope: scope.none }] }), 'experimental')
  for (const emit of [emitJson, emitTs]) {
    expect(() => emit(model)).toThrow(expect.objectContaining({ name: 'DefinitionError', problems: [expect.stringMatching(/^type RequestId: missing/)] }))
  }
})

test('an object with fields and typed additional properties compiles', () => {
  const Mixed = v2('Mixed', t.object({ name: t.string() }, { additional: t.int() }))
  const model = miniModel({ types: [Mixed, Done], standaloneTypes: [RequestId], clientRequests: [{ method: 'm', params: Mixed, result: Done, scope: scope.none }] })
  expect(compileInMemory(emitTs(projectVariant(model, 'experimental')))).toEqual([])
  expect(emitJson(projectVariant(model, 'experimental')).size).toBeGreaterThan(0)
})

test('tsChunks reads the field order of ;-separated members (our own generated TS)', () => {
  expect(tsChunks('export type A = {\n  b: string;\n  /** doc */\n  a?: number | null;\n};\n', 'A')).toEqual([{ fields: ['b', 'a'], tags: {} }])
  expect(tsChunks('export type U = {\n  type: "x";\n  n: number;\n} | {\n  type: "y";\n};\n', 'U')).toEqual([
    { fields: ['type', 'n'], tags: { type: 'x' } },
    { fields: ['type'], tags: { type: 'y' } },
  ])
})
