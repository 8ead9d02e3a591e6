// JSON fixtures: canonical text, the wire form of model schemas, codex's layout, and determinism.
import { describe, expect, test } from 'vitest'
import { noParams, optionalParams, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { protocol } from '../../protocol/index.js'
import { canonicalJson } from '../../generator/emit/canonical-json.js'
import { BUNDLE_FILE, DRAFT_07, emitJson, FLAT_V2_BUNDLE_FILE, toWire } from '../../generator/emit/emit-json.js'
import { generate } from '../../generator/generate.js'
import { projectVariant } from '../../generator/model/project-variant.js'
import { miniModel } from './helpers/mini-protocol.js'

const local = (name: string) => `#/definitions/${name}`

describe('canonicalJson', () => {
  test('sorts keys at every level by code unit, keeps array order, two-space indent, LF and a final newline', () => {
    const text = canonicalJson({ b: 1, a: { z: [3, 1, { y: 1, x: 2 }], B: true, _: null }, A: 'é' })
    expect(text).toBe([
      '{',
      '  "A": "é",',
      '  "a": {',
      '    "B": true,',
      '    "_": null,',
      '    "z": [',
      '      3,',
      '      1,',
      '      {',
      '        "x": 2,',
      '        "y": 1',
      '      }',
      '    ]',
      '  },',
      '  "b": 1',
      '}',
      '',
    ].join('\n'))
    expect(text).not.toContain('\r')
  })

  test('is independent of insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }))
  })
})

describe('toWire', () => {
  test('a bare $ref becomes a JSON pointer', () => {
    expect(toWire({ $ref: 'Thing' }, local)).toEqual({ $ref: '#/definitions/Thing' })
  })

  test('a $ref with a description or default is wrapped in allOf, annotations beside it', () => {
    expect(toWire({ $ref: 'Thing', description: 'why' }, local)).toEqual({ allOf: [{ $ref: '#/definitions/Thing' }], description: 'why' })
    expect(toWire({ $ref: 'Mode', default: 'auto' }, local)).toEqual({ allOf: [{ $ref: '#/definitions/Mode' }], default: 'auto' })
  })

  test('other siblings of a bare $ref stay beside it', () => {
    expect(toWire({ $ref: 'Thing', 'x-experimental': 'r' }, local)).toEqual({ $ref: '#/definitions/Thing', 'x-experimental': 'r' })
  })

  test('the empty schema becomes true, also nested', () => {
    expect(toWire({}, local)).toBe(true)
    expect(toWire({ type: 'object', properties: { any: {} }, additionalProperties: {} }, local)).toEqual({
      type: 'object', properties: { any: true }, additionalProperties: true,
    })
    expect(toWire({ type: 'array', items: {} }, local)).toEqual({ type: 'array', items: true })
  })

  test('required is sorted; enum values and union arms keep their order', () => {
    const wire = toWire({
      type: 'object',
      properties: { z: { type: 'string', enum: ['b', 'a'] }, a: { oneOf: [{ $ref: 'B' }, { $ref: 'A' }] } },
      required: ['z', 'a'],
    }, local) as Record<string, unknown>
    expect(wire.required).toEqual(['a', 'z'])
    expect(wire.properties).toEqual({
      z: { type: 'string', enum: ['b', 'a'] },
      a: { oneOf: [{ $ref: '#/definitions/B' }, { $ref: '#/definitions/A' }] },
    })
  })

  test('does not treat a property named like a keyword as a schema keyword', () => {
    expect(toWire({ type: 'object', properties: { required: { type: 'boolean' }, $ref: { type: 'string' } } }, local)).toEqual({
      type: 'object', properties: { required: { type: 'boolean' }, $ref: { type: 'string' } },
    })
  })
})

describe('emitJson on a small model', () => {
  const v2 = typesIn('v2')
  const root = typesIn('root')
  const Inner = v2('Inner', t.object({ n: t.uint('uint32') }))
  const Loop = v2('Loop', t.object({ next: t.option(t.ref('Loop')) }))
  const GoParams = v2('GoParams', t.object({ inner: t.ref(Inner, { description: 'The inner part.' }), loop: t.optional(t.ref(Loop)), any: t.json() }))
  const GoResponse = v2('GoResponse', t.object({}))
  const LoadParams = root('LoadParams', t.object({ path: t.string() }), { fileFolder: 'v1' })
  // The message unions refer to RequestId, so every protocol declares it.
  const RequestId = v2('RequestId', t.anyOf([t.string(), t.int()]), { fileFolder: 'root' })
  const Envelope = root('Envelope', t.object({ id: t.ref(RequestId) }))
  const model = projectVariant(miniModel({
    types: [Inner, Loop, GoParams, GoResponse, LoadParams],
    standaloneTypes: [RequestId, Envelope],
    clientRequests: [
      { method: 'go', params: GoParams, result: GoResponse, scope: scope.none },
      { method: 'load', params: optionalParams(LoadParams), result: GoResponse, scope: scope.none },
      { method: 'tick', params: noParams, result: GoResponse, scope: scope.none },
    ],
  }), 'experimental')
  const files = emitJson(model)
  const json = (path: string) => {
    const text = files.get(path)
    if (text === undefined) throw new Error(`no file ${path}; files: ${[...files.keys()].join(', ')}`)
    return JSON.parse(text) as Record<string, any>
  }

  test('one file per standalone type in its folder, plus unions and both bundles', () => {
    expect([...files.keys()].sort()).toEqual([
      'ClientNotification.json', 'ClientRequest.json', 'Envelope.json', 'NullableLoadParams.json', 'RequestId.json',
      'ServerNotification.json', 'ServerRequest.json', BUNDLE_FILE, FLAT_V2_BUNDLE_FILE,
      'v2/GoParams.json', 'v2/GoResponse.json',
    ].sort())
  })

  test('every file is canonical JSON', () => {
    for (const [path, text] of files) expect(canonicalJson(JSON.parse(text)), path).toBe(text)
  })

  test('a type file is draft-07, titled, with the definitions it reaches', () => {
    const doc = json('v2/GoParams.json')
    expect(doc.$schema).toBe(DRAFT_07)
    expect(doc.title).toBe('GoParams')
    expect(Object.keys(doc.definitions).sort()).toEqual(['Inner', 'Loop'])
    expect(doc.properties.inner).toEqual({ allOf: [{ $ref: '#/definitions/Inner' }], description: 'The inner part.' })
    expect(doc.properties.any).toBe(true)
    expect(doc.required).toEqual(['any', 'inner'])
    expect(doc.definitions.Loop.properties.next).toEqual({ anyOf: [{ $ref: '#/definitions/Loop' }, { type: 'null' }] })
  })

  test('params that may be left out get a Nullable wrapper in their place', () => {
    expect(json('NullableLoadParams.json')).toEqual({
      $schema: DRAFT_07,
      title: 'NullableLoadParams',
      anyOf: [{ $ref: '#/definitions/LoadParams' }, { type: 'null' }],
      definitions: { LoadParams: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
    })
  })

  test('the client request union describes params presence per method, with scopes', () => {
    const arms = json('ClientRequest.json').oneOf as Record<string, any>[]
    expect(arms.map((a) => a.properties.method.enum[0])).toEqual(['go', 'load', 'tick'])
    expect(arms[0]!.properties.params).toEqual({ $ref: '#/definitions/GoParams' })
    expect(arms[0]!.required).toEqual(['id', 'method', 'params'])
    expect(arms[1]!.properties.params).toEqual({ anyOf: [{ $ref: '#/definitions/LoadParams' }, { type: 'null' }] })
    expect(arms[1]!.required).toEqual(['id', 'method'])
    expect(arms[2]!.properties.params).toEqual({ type: 'null' })
    expect(arms.every((a) => a['x-serialization'] === 'none')).toBe(true)
  })

  test('the bundle nests v2 definitions and points into them', () => {
    const bundle = json(BUNDLE_FILE)
    expect(bundle).toMatchObject({ $schema: DRAFT_07, title: 'CodexAppServerProtocol', type: 'object' })
    expect(Object.keys(bundle.definitions).sort()).toEqual(['ClientNotification', 'ClientRequest', 'Envelope', 'LoadParams', 'NullableLoadParams', 'ServerNotification', 'ServerRequest', 'v2'])
    expect(Object.keys(bundle.definitions.v2).sort()).toEqual(['GoParams', 'GoResponse', 'Inner', 'Loop', 'RequestId'])
    expect(bundle.definitions.v2.GoParams.properties.inner.allOf).toEqual([{ $ref: '#/definitions/v2/Inner' }])
    // Standalone entries keep their own $schema and title; inner types do not.
    expect(bundle.definitions.v2.GoParams).toMatchObject({ $schema: DRAFT_07, title: 'GoParams' })
    expect(bundle.definitions.v2.Inner.title).toBeUndefined()
  })

  test('the flat v2 bundle has flat pointers', () => {
    const flat = json(FLAT_V2_BUNDLE_FILE)
    expect(flat.title).toBe('CodexAppServerProtocolV2')
    expect(flat.definitions.GoParams.properties.loop).toEqual({ $ref: '#/definitions/Loop' })
    expect(flat.definitions.ClientRequest).toBeDefined()
  })
})

describe('the message unions of the real protocol', () => {
  const { files, model } = generate(protocol)
  const arms = (variant: string, union: string) =>
    JSON.parse(files.get(`fixtures/${variant}/${union}.json`)!).oneOf as Array<{ properties: { method: { enum: string[] } }; 'x-serialization'?: string; 'x-experimental'?: string }>

  test('each client request arm carries its scope and, when experimental, its reason', () => {
    const byMethod = new Map(model.methods.filter((m) => m.direction === 'clientRequest').map((m) => [m.method, m]))
    const seen = arms('experimental', 'ClientRequest').map((arm) => {
      const method = byMethod.get(arm.properties.method.enum[0]!)
      expect(method, arm.properties.method.enum[0]).toBeDefined()
      expect(arm['x-serialization']).toBe(method!.serialization)
      expect(arm['x-experimental']).toBe(method!.experimental)
      return method!.method
    })
    // TypeScript-only legacy methods are the only ones missing from the JSON union.
    expect([...byMethod.values()].filter((m) => !seen.includes(m.method)).every((m) => m.tsOnly)).toBe(true)
  })

  test('unions list methods in registry order, in both variants', () => {
    for (const variant of ['stable', 'experimental']) {
      for (const [union, direction] of [['ClientRequest', 'clientRequest'], ['ServerNotification', 'serverNotification']] as const) {
        const listed = arms(variant, union).map((arm) => arm.properties.method.enum[0])
        const expected = model.methods.filter((m) => m.direction === direction && !m.tsOnly && (variant === 'experimental' || !m.experimental)).map((m) => m.method)
        expect(listed, `${variant} ${union}`).toEqual(expected)
      }
    }
  })
})

describe('determinism of the whole generation', () => {
  test('generating twice gives identical file maps', () => {
    const first = generate(protocol).files
    const second = generate(protocol).files
    expect([...second.keys()]).toEqual([...first.keys()])
    for (const [path, text] of first) {
      if (second.get(path) !== text) expect.fail(`${path} differs between two generations`)
    }
  })

  test('every JSON fixture is canonical text with LF line ends and a final newline', () => {
    const { files } = generate(protocol)
    let checked = 0
    for (const [path, text] of files) {
      if (!path.startsWith('fixtures/')) continue
      checked++
      if (canonicalJson(JSON.parse(text)) !== text) expect.fail(`${path} is not canonical JSON`)
    }
    expect(checked).toBeGreaterThan(500)
    for (const [path, text] of files) {
      if (text.includes('\r') || !text.endsWith('\n') || text.endsWith('\n\n')) expect.fail(`${path}: line ends`)
    }
  })
})
