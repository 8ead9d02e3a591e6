// Version projection: one definition set describes every supported codex release; each release's
// model has exactly what that release has, and broken version annotations are rejected with one
// line each.
import { describe, expect, test } from 'vitest'
import { scope, t, typesIn } from '../../protocol/dsl/index.js'
import { generate } from '../../generator/generate.js'
import { buildModel } from '../../generator/model/build-model.js'
import { projectSchemaToVersion } from '../../generator/model/project-version.js'
import { miniProtocol, plain, type MiniProtocol } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0']
const RequestId = v2('RequestId', t.anyOf([t.string(), t.int()]))

function versioned(parts: MiniProtocol) {
  return miniProtocol({ versions: VERSIONS, ...parts })
}

function generationProblems(parts: MiniProtocol): string[] {
  try {
    generate(versioned(parts))
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems
    if (Array.isArray(problems)) return problems as string[]
    throw error
  }
  throw new Error('expected the definitions to be rejected')
}

describe('schema projection', () => {
  const Shape = t.object({
    kept: t.string(),
    fresh: t.added('1.1.0', t.string()),
    gone: t.removed('1.2.0', t.option(t.string())),
    kind: t.enum(['a', 'b', 'c'], { versions: { b: { added: '1.1.0' }, c: { removed: '1.1.0' } } }),
    pick: t.tagged('type', { one: {}, two: t.added('1.2.0', t.object({ n: t.int() })) }),
  })

  test('fields, enum values and union arms exist from their added version up to their removed one', () => {
    const at = (version: string) => projectSchemaToVersion(plain(Shape), version) as { properties: Record<string, { enum?: string[]; oneOf?: unknown[] }>; required: string[] }
    expect(Object.keys(at('1.0.0').properties)).toEqual(['kept', 'gone', 'kind', 'pick'])
    expect(at('1.0.0').required).toEqual(['kept', 'kind', 'pick'])
    expect(Object.keys(at('1.1.0').properties)).toEqual(['kept', 'fresh', 'gone', 'kind', 'pick'])
    expect(Object.keys(at('1.2.0').properties)).toEqual(['kept', 'fresh', 'kind', 'pick'])
    expect(at('1.0.0').properties.kind!.enum).toEqual(['a', 'c'])
    expect(at('1.1.0').properties.kind!.enum).toEqual(['a', 'b'])
    expect(at('1.1.0').properties.pick!.oneOf).toHaveLength(1)
    expect(at('1.2.0').properties.pick!.oneOf).toHaveLength(2)
  })

  test('a changed type takes its earlier shape (and keeps its description) before the change', () => {
    const Changed = t.describe('Now tagged.', t.typeChangedFrom('1.2.0', t.object({ old: t.string() }), t.tagged('k', { x: {} })))
    expect(projectSchemaToVersion(plain(Changed), '1.1.0')).toEqual({ type: 'object', properties: { old: { type: 'string' } }, required: ['old'], description: 'Now tagged.' })
    expect(projectSchemaToVersion(plain(Changed), '1.2.0')).toMatchObject({ oneOf: [expect.objectContaining({ properties: { k: { type: 'string', enum: ['x'] } } })], description: 'Now tagged.' })
  })

  test('no version annotation is left in the projected schema', () => {
    const text = JSON.stringify(projectSchemaToVersion(plain(Shape), '1.1.0'))
    expect(text).not.toMatch(/x-added|x-removed|x-changed-from|x-value-versions/)
  })
})

describe('methods and types per version', () => {
  const Params = v2('SearchParams', t.object({ q: t.string() }))
  const Result = v2('SearchResult', t.object({}))
  const NewParams = v2('StreamParams', t.object({ q: t.string() }), { added: '1.1.0' })
  const OldParams = v2('TimeParams', t.object({}), { removed: '1.2.0' })
  const parts: MiniProtocol = {
    standaloneTypes: [RequestId],
    types: [Params, Result, NewParams, OldParams],
    clientRequests: [
      { method: 'search', params: Params, result: Result, scope: scope.none },
      { method: 'search/stream', params: NewParams, result: Result, scope: scope.none, added: '1.1.0' },
    ],
    serverRequests: [{ method: 'time/read', params: OldParams, result: Result, removed: '1.2.0' }],
  }

  test('each version\'s model lists only its methods and types, and says which version it describes', () => {
    const methods = (version: string) => buildModel(versioned(parts), version).methods.map((m) => m.method)
    expect(methods('1.0.0')).toEqual(['search', 'time/read'])
    expect(methods('1.1.0')).toEqual(['search', 'search/stream', 'time/read'])
    expect(methods('1.2.0')).toEqual(['search', 'search/stream'])
    expect(buildModel(versioned(parts), '1.0.0').types.map((t) => t.name)).not.toContain('StreamParams')
    expect(buildModel(versioned(parts), '1.2.0').types.map((t) => t.name)).not.toContain('TimeParams')
    expect(buildModel(versioned(parts)).codexVersion).toBe('1.2.0')
  })

  test('the latest version is written to the plain paths, older ones below v<version>/, each with its meta model', () => {
    const { files, owned } = generate(versioned(parts))
    expect(files.has('fixtures/stable/v2/StreamParams.json')).toBe(true)
    expect(files.has('fixtures/v1.0.0/experimental/v2/TimeParams.json')).toBe(true)
    expect(files.has('fixtures/v1.0.0/experimental/v2/StreamParams.json')).toBe(false)
    expect(files.has('generated/v1.1.0/experimental/index.ts')).toBe(true)
    for (const [file, version] of [['generated/meta-model.json', '1.2.0'], ['generated/v1.0.0/meta-model.json', '1.0.0']] as const) {
      expect(JSON.parse(String(files.get(file))).codexVersion).toBe(version)
    }
    expect(owned).toEqual(['fixtures/v1.0.0', 'fixtures/v1.1.0', 'fixtures/stable', 'fixtures/experimental', 'generated'])
  })

  test('generating one version owns only its own folders', () => {
    const { files, owned } = generate(versioned(parts), { versions: ['1.0.0'] })
    expect([...files.keys()].every((f) => f.startsWith('fixtures/v1.0.0/') || f.startsWith('generated/v1.0.0/'))).toBe(true)
    expect(owned).toEqual(['fixtures/v1.0.0', 'generated/v1.0.0'])
  })

  test('the same definitions generate the same bytes every time', () => {
    const a = generate(versioned(parts)).files
    const b = generate(versioned(parts)).files
    expect([...a]).toEqual([...b])
  })
})

describe('bad version annotations: one clear line each', () => {
  const Done = v2('Done', t.object({}))

  test('added after (or when) it is removed', () => {
    const Bad = v2('Bad', t.object({ f: t.removed('1.1.0', t.added('1.2.0', t.string())) }))
    expect(generationProblems({ types: [Bad] })).toEqual(['type Bad at .f: added in 1.2.0 but removed in 1.1.0; it must be added before it is removed'])
  })

  test('a version that is not supported', () => {
    const Bad = v2('Bad', t.object({ f: t.added('1.05.0', t.string()) }), { removed: '2.0.0' })
    expect(generationProblems({ types: [Bad] })).toEqual([
      'type Bad: removed in unknown codex version "2.0.0" (supported: 1.0.0, 1.1.0, 1.2.0; see protocol/versions.ts)',
      'type Bad at .f: added in unknown codex version "1.05.0" (supported: 1.0.0, 1.1.0, 1.2.0; see protocol/versions.ts)',
    ])
  })

  test('an unknown version on a method or an enum value, and a version for a value the enum lacks', () => {
    const E = v2('E', t.enum(['a'], { versions: { a: { added: '9.9.9' }, z: { added: '1.1.0' } } as never }))
    expect(generationProblems({ types: [E, Done], clientRequests: [{ method: 'm', params: Done, result: Done, scope: scope.none, removed: '0.1.0' }] })).toEqual([
      'clientRequest m: removed in unknown codex version "0.1.0" (supported: 1.0.0, 1.1.0, 1.2.0; see protocol/versions.ts)',
      'type E enum value "a": added in unknown codex version "9.9.9" (supported: 1.0.0, 1.1.0, 1.2.0; see protocol/versions.ts)',
      'type E: version given for enum value "z", which the enum does not list',
    ])
  })

  test('a reference to a type that does not exist in a version where it is used', () => {
    const Later = v2('Later', t.object({}), { added: '1.1.0' })
    const User = v2('User', t.object({ later: t.ref('Later') }))
    expect(generationProblems({ types: [Later, User] })).toEqual([
      'type User at .later: reference to type Later, which does not exist in codex 1.0.0 (it is added in 1.1.0)',
    ])
  })

  test('a method whose payload type does not exist in a version where the method does', () => {
    const Gone = v2('Gone', t.object({}), { removed: '1.1.0' })
    expect(generationProblems({ standaloneTypes: [RequestId], types: [Gone, Done], clientRequests: [{ method: 'm', params: Done, result: Gone, scope: scope.none }] })).toEqual([
      'clientRequest m: result: type Gone does not exist in codex 1.1.0 (it is removed in 1.1.0)',
      'clientRequest m: result: type Gone does not exist in codex 1.2.0 (it is removed in 1.1.0)',
    ])
  })
})

describe('the real definitions', () => {
  test('every supported older version has package entry points; the latest is the plain ./stable and ./experimental', async () => {
    const { SUPPORTED_VERSIONS, LATEST_VERSION } = await import('../../protocol/versions.js')
    const { readFile } = await import('node:fs/promises')
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> }
    for (const version of SUPPORTED_VERSIONS.filter((v) => v !== LATEST_VERSION)) {
      for (const variant of ['stable', 'experimental']) {
        expect(pkg.exports[`./${version}/${variant}`]).toEqual({ types: `./generated/v${version}/${variant}/index.ts` })
      }
      expect(pkg.exports[`./${version}/meta-model.json`]).toBe(`./generated/v${version}/meta-model.json`)
    }
    expect(pkg.exports['./stable']).toEqual({ types: './generated/stable/index.ts' })
  })

  test('0.169.0 and 0.171.0 differ exactly in the methods codex changed', async () => {
    const { protocol } = await import('../../protocol/index.js')
    const names = (version: string) => new Set(buildModel(protocol, version).methods.map((m) => `${m.direction} ${m.method}`))
    const before = names('0.169.0')
    const after = names('0.171.0')
    expect([...after].filter((m) => !before.has(m))).toEqual([
      'clientRequest thread/search/stream', 'clientRequest thread/search/cancel', 'clientRequest thread/search/stream/cancel',
      'clientRequest thread/realtime/list', 'clientRequest modelProvider/default/set', 'serverNotification thread/search/partial',
    ])
    expect([...before].filter((m) => !after.has(m))).toEqual(['serverRequest currentTime/read'])
  })
})
