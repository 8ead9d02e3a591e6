// Variant projection: the stable variant drops experimental methods, fields and arms, then every
// type no stable root reaches; the experimental variant keeps everything reachable.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { noParams, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { protocol } from '../../protocol/index.js'
import { buildModel } from '../../generator/model/build-model.js'
import type { MetaModel, SchemaNode } from '../../protocol/model/meta-model.js'
import { projectVariant, reachableTypes, rootsOf, stripExperimental } from '../../generator/model/project-variant.js'
import { forEachNode } from '../../generator/model/schema-nodes.js'
import { miniModel } from './helpers/mini-protocol.js'

const REPO = join(import.meta.dirname, '..', '..')
const v2 = typesIn('v2')

function typeNames(model: MetaModel): string[] {
  return model.types.map((t) => t.name)
}

function schemaOf(model: MetaModel, name: string): SchemaNode {
  const type = model.types.find((t) => t.name === name)
  if (!type) throw new Error(`no type ${name} in the ${model.variant} variant`)
  return type.schema
}

function hasMarker(value: unknown): boolean {
  return JSON.stringify(value).includes('"x-experimental"')
}

describe('projection of a small model', () => {
  const Extra = v2('Extra', t.object({ a: t.string() }))
  const OnlyInArm = v2('OnlyInArm', t.string())
  const OnlyInNewMethod = v2('OnlyInNewMethod', t.object({}))
  const Orphan = v2('Orphan', t.string())
  const Kind = v2('Kind', t.tagged('type', {
    old: {},
    fresh: t.experimental('kind.fresh', t.object({ payload: t.ref('OnlyInArm') })),
  }))
  const DoParams = v2('DoParams', t.object({
    name: t.string(),
    extra: t.experimental('do.extra', t.ref('Extra')),
    flag: t.experimental('do.flag', t.optional(t.boolean())),
    kind: t.ref('Kind'),
  }))
  const DoResponse = v2('DoResponse', t.object({ done: t.boolean() }))
  const model = miniModel({
    types: [Extra, OnlyInArm, OnlyInNewMethod, Orphan, Kind, DoParams, DoResponse],
    clientRequests: [
      { method: 'do', params: DoParams, result: DoResponse, scope: scope.none },
      { method: 'do/new', params: noParams, result: OnlyInNewMethod, scope: scope.none, experimental: true },
    ],
    serverRequests: [{ method: 'ask/new', params: OnlyInNewMethod, result: DoResponse, experimental: true }],
    serverNotifications: [{ method: 'done/new', params: OnlyInNewMethod, experimental: true }, { method: 'done', params: DoResponse }],
    clientNotifications: [{ method: 'hello/new', params: OnlyInNewMethod, experimental: true }],
  })
  const stable = projectVariant(model, 'stable')
  const experimental = projectVariant(model, 'experimental')

  test('stable drops experimental methods of every direction', () => {
    expect(stable.methods.map((m) => m.method)).toEqual(['do', 'done'])
    expect(stable.variant).toBe('stable')
  })

  test('stable drops experimental fields, also from required', () => {
    const schema = schemaOf(stable, 'DoParams')
    expect(Object.keys(schema.properties as object)).toEqual(['name', 'kind'])
    expect(schema.required).toEqual(['name', 'kind'])
    expect(schemaOf(experimental, 'DoParams').required).toEqual(['name', 'extra', 'kind'])
  })

  test('stable drops experimental union arms', () => {
    expect((schemaOf(stable, 'Kind').oneOf as unknown[]).length).toBe(1)
    expect((schemaOf(experimental, 'Kind').oneOf as unknown[]).length).toBe(2)
  })

  test('stable then drops the types only experimental members reached', () => {
    expect(typeNames(stable)).toEqual(['DoParams', 'DoResponse', 'Kind'])
  })

  test('experimental keeps everything reachable and drops only orphans', () => {
    expect(typeNames(experimental)).toEqual(['DoParams', 'DoResponse', 'Extra', 'Kind', 'OnlyInArm', 'OnlyInNewMethod'])
    expect(experimental.methods).toEqual(model.methods)
    expect(experimental.experimental).toEqual(model.experimental)
    expect(experimental.gates).toEqual(model.gates)
  })

  test('stable carries no experimental inventory, gates or markers', () => {
    expect(stable.experimental).toEqual([])
    expect(stable.gates).toEqual({})
    expect(hasMarker(stable.types)).toBe(false)
    expect(hasMarker(stable.methods)).toBe(false)
  })

  test('projection does not change the model it reads', () => {
    const before = JSON.stringify(model)
    projectVariant(model, 'stable')
    projectVariant(model, 'experimental')
    expect(JSON.stringify(model)).toBe(before)
  })

  test('a required list left empty is removed', () => {
    expect(stripExperimental({ type: 'object', properties: { a: { type: 'string', 'x-experimental': 'r' } }, required: ['a'] }))
      .toEqual({ type: 'object', properties: {} })
  })

  test('markers are stripped inside items, additionalProperties and nested objects', () => {
    const node = {
      type: 'object',
      properties: {
        list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', 'x-experimental': 'r' } } } },
        map: { type: 'object', additionalProperties: { oneOf: [{ type: 'string', enum: ['x'] }, { type: 'string', enum: ['y'], 'x-experimental': 'r' }] } },
      },
    }
    expect(hasMarker(stripExperimental(node))).toBe(false)
    expect(stripExperimental(node)).toEqual({
      type: 'object',
      properties: {
        list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
        map: { type: 'object', additionalProperties: { oneOf: [{ type: 'string', enum: ['x'] }] } },
      },
    })
  })
})

describe('projection of the real protocol', () => {
  const model = buildModel(protocol)
  const stable = projectVariant(model, 'stable')
  const experimental = projectVariant(model, 'experimental')

  test('every type of each variant is reachable from its roots', () => {
    for (const variant of [stable, experimental]) {
      const reached = reachableTypes(variant.types, rootsOf(variant, variant.methods))
      expect(reached.length, `${variant.variant}: unreachable types`).toBe(variant.types.length)
    }
  })

  test('stable is a subset of experimental: methods, types, fields and arms', () => {
    const expMethods = new Set(experimental.methods.map((m) => `${m.direction} ${m.method}`))
    for (const m of stable.methods) expect(expMethods.has(`${m.direction} ${m.method}`), m.method).toBe(true)
    const expTypes = new Map(experimental.types.map((t) => [t.name, t.schema]))
    for (const type of stable.types) {
      const full = expTypes.get(type.name)
      expect(full, `stable type ${type.name} missing from experimental`).toBeDefined()
      expect(stripExperimental(full)).toEqual(type.schema)
    }
  })

  test('stable has no experimental method and no marker anywhere', () => {
    expect(stable.methods.filter((m) => m.experimental)).toEqual([])
    const marked: string[] = []
    for (const type of stable.types) forEachNode(type.schema, (node, path) => {
      if ('x-experimental' in node) marked.push(`${type.name}${path}`)
    })
    expect(marked).toEqual([])
  })

  test('stable drops exactly the experimental methods of the model', () => {
    const dropped = model.methods.filter((m) => !stable.methods.includes(m)).map((m) => m.method)
    const inventory = model.experimental.flatMap((e) => (e.kind === 'method' ? [e.method] : []))
    expect(dropped).toEqual(inventory)
    expect(dropped.length).toBeGreaterThan(0)
  })
})

describe('the committed stable output', () => {
  const model = buildModel(protocol)
  const experimentalMethods = new Set(model.methods.filter((m) => m.experimental).map((m) => m.method))

  async function filesUnder(folder: string): Promise<string[]> {
    const entries = await readdir(join(REPO, folder), { recursive: true, withFileTypes: true })
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  }

  test('fixtures/stable has no x-experimental and no experimental method', async () => {
    const files = await filesUnder('fixtures/stable')
    expect(files.length).toBeGreaterThan(100)
    const offenders: string[] = []
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      if (text.includes('x-experimental')) offenders.push(`${file}: x-experimental`)
    }
    expect(offenders).toEqual([])
    const bundle = JSON.parse(await readFile(join(REPO, 'fixtures/stable/codex_app_server_protocol.schemas.json'), 'utf8'))
    const wireMethods: string[] = []
    for (const union of ['ClientRequest', 'ServerRequest', 'ServerNotification', 'ClientNotification']) {
      for (const arm of bundle.definitions[union].oneOf) wireMethods.push(arm.properties.method.enum[0])
    }
    expect(wireMethods.filter((m) => experimentalMethods.has(m))).toEqual([])
  })

  test('generated/stable has no @experimental and no experimental method', async () => {
    const files = await filesUnder('generated/stable')
    expect(files.length).toBeGreaterThan(100)
    const offenders: string[] = []
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      if (text.includes('@experimental') || text.includes('x-experimental')) offenders.push(file)
    }
    expect(offenders).toEqual([])
    const methods = await readFile(join(REPO, 'generated/stable/methods.ts'), 'utf8')
    const listed = [...methods.matchAll(/^ {2}"([^"]+)": \{ params/gm)].map((m) => m[1]!)
    expect(listed.length).toBeGreaterThan(100)
    expect(listed.filter((m) => experimentalMethods.has(m))).toEqual([])
  })
})
