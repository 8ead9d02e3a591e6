// The protocol facts the meta model states so that no reader works them out again: union shapes,
// where absolute paths sit, per-connection scopes and method families.
import { describe, expect, test } from 'vitest'
import { scope, t, typesIn } from '../../protocol/dsl/index.js'
import { protocol } from '../../protocol/index.js'
import { buildModel } from '../../generator/model/build-model.js'
import { projectVariant } from '../../generator/model/project-variant.js'
import { miniModel } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')
const Path = v2('Path', t.string(), { absolutePath: true })
const Mode = v2('Mode', t.oneOf([t.enum(['off', 'on']), t.object({ custom: t.string() }, { closed: true })]))
const Shape = v2('Shape', t.tagged('type', {
  circle: { radius: t.number() },
  file: { source: t.ref(Path) },
  beta: t.experimental('shape.beta', t.object({ where: t.ref(Path) })),
}))
const Either = v2('Either', t.anyOf([t.string(), t.int()]))
const Holder = v2('Holder', t.object({
  root: t.ref(Path),
  extra: t.option(t.array(t.ref(Path))),
  named: t.map(t.ref(Path)),
  shape: t.option(t.ref(Shape)),
  inline: t.object({ inner: t.ref(Path) }),
  maybe: t.option(t.ref(Either)),
  mode: t.ref(Mode),
}))
const WatchParams = v2('WatchParams', t.object({ watchId: t.string(), holder: t.ref(Holder) }))
const WatchResponse = v2('WatchResponse', t.object({}))
const parts = {
  types: [Path, Mode, Shape, Either, Holder, WatchParams, WatchResponse],
  families: { common: [Path, Mode, Shape, Either, Holder], 'fs/watch': [WatchParams, WatchResponse] },
  clientRequests: [
    { method: 'fs/watch', params: WatchParams, result: WatchResponse, scope: scope.fsWatch('watchId') },
    { method: 'thing/read', params: WatchParams, result: WatchResponse, scope: scope.thread('watchId') },
  ],
}
const model = miniModel(parts)

describe('union shapes', () => {
  test('externally tagged: unit variants and data variants with their arms', () => {
    expect(model.unions.Mode).toEqual({ '': { kind: 'externallyTagged', nullable: false, units: ['off', 'on'], data: [{ key: 'custom', arm: 1 }] } })
  })
  test('internally tagged: the tag field and each arm by its value', () => {
    expect(model.unions.Shape).toEqual({ '': { kind: 'internallyTagged', nullable: false, tag: 'type', arms: [{ value: 'circle', arm: 0 }, { value: 'file', arm: 1 }, { value: 'beta', arm: 2 }] } })
  })
  test('untagged unions and nullable fields, keyed by their path in the type', () => {
    expect(model.unions.Either).toEqual({ '': { kind: 'untagged', nullable: false, arms: [0, 1] } })
    expect(model.unions.Holder?.['.shape']).toEqual({ kind: 'nullable', arm: 0 })
  })
  test('the stable projection renumbers arms after dropping experimental ones', () => {
    const stable = projectVariant(model, 'stable')
    expect(stable.unions.Shape?.['']).toMatchObject({ arms: [{ value: 'circle', arm: 0 }, { value: 'file', arm: 1 }] })
  })
})

describe('absolute paths', () => {
  test('absolute-path types are flagged', () => {
    expect(model.types.find((type) => type.name === 'Path')?.absolutePath).toBe(true)
    expect(model.types.find((type) => type.name === 'Holder')?.absolutePath).toBeUndefined()
  })
  test('fields hold paths as a value, as items, as map values, inside a named type or an inline object', () => {
    expect(model.absolutePaths.Holder).toEqual([
      { field: 'root', via: 'value', path: true },
      { field: 'extra', via: 'items', path: true },
      { field: 'named', via: 'values', path: true },
      { field: 'shape', via: 'value', type: 'Shape' },
      { field: 'inline', via: 'value', fields: [{ field: 'inner', via: 'value', path: true }] },
    ])
    expect(model.absolutePaths.WatchParams).toEqual([{ field: 'holder', via: 'value', type: 'Holder' }])
  })
  test('union arms hold paths, named by their index and tag', () => {
    expect(model.absolutePaths.Shape).toEqual([
      { arm: 1, match: { by: 'tag', field: 'type', value: 'file' }, locations: [{ field: 'source', via: 'value', path: true }] },
      { arm: 2, match: { by: 'tag', field: 'type', value: 'beta' }, locations: [{ field: 'where', via: 'value', path: true }] },
    ])
    expect(model.absolutePaths.Mode).toBeUndefined()
  })
})

describe('scopes and families', () => {
  test('per-connection scopes are flagged on the method\'s scope', () => {
    expect(model.methods[0]?.scope).toEqual({ kind: 'fsWatch', field: 'watchId', perConnection: true })
    expect(model.methods[1]?.scope).toEqual({ kind: 'thread', field: 'watchId' })
  })
  test('types and methods carry the family that declares them', () => {
    expect(model.types.find((type) => type.name === 'Holder')?.family).toBe('common')
    expect(model.methods.map((m) => m.family)).toEqual(['fs/watch', 'fs/watch'])
  })
})

describe('the real protocol', () => {
  const real = buildModel(protocol)
  const method = (name: string) => real.methods.find((m) => m.method === name && m.direction === 'clientRequest')
  test('states families, per-connection scopes, path fields and union shapes', () => {
    expect(method('thread/start')?.family).toBe('thread')
    expect(method('command/exec/write')?.family).toBe('command-exec')
    expect(method('command/exec/write')?.scope?.perConnection).toBe(true)
    expect(method('thread/read')?.scope?.perConnection).toBeUndefined()
    expect(real.absolutePaths.InitializeResponse).toContainEqual({ field: 'codexHome', via: 'value', path: true })
    expect(real.unions.AskForApproval?.['']).toMatchObject({ kind: 'externallyTagged', units: expect.arrayContaining(['never']) })
  })
  test('every client request has a family', () => {
    expect(real.methods.filter((m) => m.direction === 'clientRequest' && !m.family).map((m) => m.method)).toEqual([])
  })
})
