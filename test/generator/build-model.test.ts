// buildModel: the model it derives from small definitions, and the one-line problems it rejects
// broken definitions with (each naming the culprit).
import { describe, expect, test } from 'vitest'
import { noParams, optionalParams, scope, t, typesIn, type ClientRequestDef } from '../../protocol/dsl/index.js'
import { buildModel, DefinitionError } from '../../generator/model/build-model.js'
import { definitionProblems, miniModel, miniProtocol } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')
const root = typesIn('root')
const ThingParams = v2('ThingParams', t.object({ threadId: t.string(), path: t.optional(t.string()) }))
const ThingResponse = v2('ThingResponse', t.object({ ok: t.boolean() }))
const request = (method: string, extra: Partial<ClientRequestDef> = {}): ClientRequestDef =>
  ({ method, params: ThingParams, result: ThingResponse, scope: scope.none, ...extra })

function expectOneProblem(problems: string[], ...parts: string[]) {
  expect(problems).toHaveLength(1)
  const [line] = problems
  expect(line).not.toContain('\n')
  for (const part of parts) expect(line).toContain(part)
}

describe('the model of a small protocol', () => {
  const Empty = v2('Empty', t.object({}))
  const Envelope = root('Envelope', t.object({ id: t.string() }))
  const Unused = v2('Unused', t.string())
  const model = miniModel({
    types: [ThingParams, ThingResponse, Empty, Unused],
    standaloneTypes: [Envelope],
    clientRequests: [
      request('thing/do', { scope: scope.thread('threadId'), scopeRationale: 'per thread', description: 'Does a thing.' }),
      { method: 'thing/maybe', params: optionalParams(Empty), result: ThingResponse, scope: scope.global('things'), experimental: true },
      { method: 'thing/none', params: noParams, result: Empty, scope: scope.globalSharedRead('things'), experimental: 'thing/do.other' },
    ],
    serverRequests: [{ method: 'thing/ask', params: ThingParams, result: ThingResponse }],
    serverNotifications: [{ method: 'thing/done', params: ThingResponse, deprecated: 'use thing/finished' }],
    clientNotifications: [{ method: 'initialized' }],
  })

  test('methods keep table order and carry scopes in both forms', () => {
    expect(model.methods.map((m) => `${m.direction} ${m.method}`)).toEqual([
      'clientRequest thing/do', 'clientRequest thing/maybe', 'clientRequest thing/none',
      'serverRequest thing/ask', 'serverNotification thing/done', 'clientNotification initialized',
    ])
    expect(model.methods[0]).toEqual({
      direction: 'clientRequest', method: 'thing/do', params: { presence: 'required', type: 'ThingParams' }, result: 'ThingResponse',
      description: 'Does a thing.', scope: { kind: 'thread', field: 'threadId' }, serialization: 'thread:threadId', scopeRationale: 'per thread',
    })
    expect(model.methods[1]).toMatchObject({ params: { presence: 'optional', type: 'Empty' }, experimental: 'thing/maybe', serialization: 'global:things' })
    expect(model.methods[2]).toMatchObject({ params: { presence: 'none' }, experimental: 'thing/do.other', serialization: 'global_shared_read:things' })
    expect(model.methods[4]).toMatchObject({ deprecated: 'use thing/finished' })
    expect(model.methods[5]).toEqual({ direction: 'clientNotification', method: 'initialized', params: { presence: 'none' } })
  })

  test('types are sorted by name; payloads and the envelope are standalone', () => {
    expect(model.types.map((t) => [t.name, t.namespace, t.standalone])).toEqual([
      ['Empty', 'v2', true], ['Envelope', 'root', true], ['ThingParams', 'v2', true], ['ThingResponse', 'v2', true], ['Unused', 'v2', false],
    ])
  })

  test('experimental methods are in the inventory with their reasons', () => {
    expect(model.experimental).toEqual([
      { kind: 'method', reason: 'thing/maybe', direction: 'clientRequest', method: 'thing/maybe' },
      { kind: 'method', reason: 'thing/do.other', direction: 'clientRequest', method: 'thing/none' },
    ])
  })

  test('the model is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
    expect(model).toMatchObject({ metaModelVersion: 2, codexVersion: '0.0.0-test', variant: 'experimental' })
  })
})

describe('definition errors', () => {
  test('are a DefinitionError whose message is its problems, one per line', () => {
    const def = miniProtocol({ types: [ThingParams, ThingResponse], clientRequests: [request('a'), request('a'), request('b'), request('b')] })
    let caught: unknown
    try {
      buildModel(def)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DefinitionError)
    const error = caught as DefinitionError
    expect(error.problems).toHaveLength(2)
    expect(error.message).toBe(error.problems.join('\n'))
  })

  test('a duplicate method name names the method and both directions', () => {
    const problems = definitionProblems(miniProtocol({
      types: [ThingParams, ThingResponse],
      clientRequests: [request('thing/do')],
      serverNotifications: [{ method: 'thing/do', params: ThingResponse }],
    }))
    expectOneProblem(problems, 'serverNotification thing/do', 'duplicate method name', 'clientRequest')
  })

  test('a dangling type reference names the type, the path and the missing name', () => {
    const Broken = v2('Broken', t.object({ items: t.array(t.ref('Nope')) }))
    expectOneProblem(definitionProblems(miniProtocol({ types: [Broken] })), 'type Broken', '.items[]', 'unknown type Nope')
  })

  test('a method payload missing from the type list names the method', () => {
    const Stray = v2('Stray', t.object({}))
    const problems = definitionProblems(miniProtocol({ types: [ThingResponse], clientRequests: [{ method: 'm', params: Stray, result: ThingResponse, scope: scope.none }] }))
    expectOneProblem(problems, 'clientRequest m: params', 'Stray')
  })

  test('a reason that names no method or type names the member and the reason', () => {
    const Marked = v2('Marked', t.object({ x: t.experimental('nowhere.x', t.optional(t.string())) }))
    expectOneProblem(definitionProblems(miniProtocol({ types: [Marked] })), 'type Marked field x', '"nowhere.x"', 'names no method or type')
    const problems = definitionProblems(miniProtocol({ types: [ThingParams, ThingResponse], clientRequests: [request('m', { experimental: 'gone/away' })] }))
    expectOneProblem(problems, 'clientRequest m', '"gone/away"')
  })

  test('a reason may name a type in camelCase with slashes between words', () => {
    const ThreadSettings = v2('ThreadSettings', t.object({ x: t.experimental('thread/settings.x', t.optional(t.string())) }))
    expect(() => miniModel({ types: [ThreadSettings] })).not.toThrow()
  })

  test('two types with one name name the type', () => {
    const first = v2('Twin', t.string())
    const second = v2('Twin', t.int())
    expectOneProblem(definitionProblems(miniProtocol({ types: [first, second] })), 'type Twin', 'declared twice')
  })

  test('the same type object listed twice is not a problem', () => {
    expect(() => miniModel({ types: [ThingParams, ThingParams] })).not.toThrow()
  })

  test('a value that is not a named type is reported', () => {
    const problems = definitionProblems(miniProtocol({ types: [t.string() as never] }))
    expectOneProblem(problems, 'not a named type', 'typesIn')
  })

  test('a scope naming a field the params lack names the method, scope and field', () => {
    const problems = definitionProblems(miniProtocol({ types: [ThingParams, ThingResponse], clientRequests: [request('thing/read', { scope: scope.thread('conversationId') })] }))
    expectOneProblem(problems, 'clientRequest thing/read', 'thread:conversationId', 'field conversationId')
  })

  test('a keyed scope on a method without params names the field', () => {
    const problems = definitionProblems(miniProtocol({ types: [ThingResponse], clientRequests: [{ method: 'bare', params: noParams, result: ThingResponse, scope: scope.fsWatch('watchId') }] }))
    expectOneProblem(problems, 'clientRequest bare', 'field watchId')
  })

  test('both fields of a thread-or-path scope are checked', () => {
    const problems = definitionProblems(miniProtocol({ types: [ThingParams, ThingResponse], clientRequests: [request('both', { scope: scope.threadOrPath('threadId', 'file') })] }))
    expectOneProblem(problems, 'clientRequest both', 'field file')
  })

  test('a client request without a scope is rejected at runtime too', () => {
    const unscoped = { method: 'thing/loose', params: ThingParams, result: ThingResponse } as unknown as ClientRequestDef
    const problems = definitionProblems(miniProtocol({ types: [ThingParams, ThingResponse], clientRequests: [unscoped] }))
    expectOneProblem(problems, 'clientRequest thing/loose', 'no serialization scope')
  })

  test('an experimental union arm with nothing to recognise it by is reported', () => {
    const Shapes = v2('Shapes', t.oneOf([t.string(), t.experimental('shapes.any', t.object({ a: t.string(), b: t.string() }))]))
    const problems = definitionProblems(miniProtocol({ types: [Shapes] }))
    expect(problems.some((p) => p.includes('type Shapes') && p.includes('no tag, single key or value'))).toBe(true)
  })

  test('every problem is reported, not only the first', () => {
    const Broken = v2('Broken', t.ref('Missing'))
    const problems = definitionProblems(miniProtocol({
      types: [ThingParams, ThingResponse, Broken],
      clientRequests: [request('a', { scope: scope.thread('nope') }), request('a')],
    }))
    expect(problems).toHaveLength(3)
    expect(problems.every((p) => !p.includes('\n'))).toBe(true)
  })
})
