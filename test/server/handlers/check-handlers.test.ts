// The check:handlers conformance check: coverage from a model's methods and families, and the
// compiler's verdict on a small project laid out like this one (a generated method map and a
// handler map with a deliberate type drift).
import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCoverage, formatReport, handlerTypeProblems, implementedMethods } from '../../../server/check-handlers.js'
import { loadProtocolModel } from '../../../server/model/protocol-model.js'

let root: string

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-handlers-'))
  await put('tsconfig.json', JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
  }))
  await put('generated/experimental/methods.ts', [
    'export type OneParams = { name: string }',
    'export type OneResponse = { greeting: string }',
    'export type TwoResponse = { count: number }',
    'export type ClientRequestMap = {',
    '  "alpha/one": { params: OneParams; result: OneResponse };',
    '  "beta/two": { params: undefined; result: TwoResponse };',
    '  "beta/three": { params: undefined; result: TwoResponse };',
    '}',
    'export type ServerRequestMap = {}',
    'export type ServerNotificationMap = {}',
  ].join('\n'))
  await put('generated/experimental/index.ts', "export type * from './methods.js'\n")
  // The real contract, so that the check sees the same typing as in the repository.
  await put('server/handler-types.ts', await readFile(join(import.meta.dirname, '../../../server/handler-types.ts'), 'utf8'))
  await put('server/handlers/index.ts', [
    "import { defineHandlers } from '../handler-types.js'",
    'export const handlers = defineHandlers({',
    "  'alpha/one': ({ name }) => ({ greeting: `hi ${name}` }),",
    "  'beta/two': () => ({ count: 'many' }),",
    "  'gamma/missing': () => ({}),",
    '})',
  ].join('\n'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('check:handlers', () => {
  const defined = new Map([['alpha/one', { family: 'alpha' }], ['beta/two', { family: 'beta' }], ['beta/three', { family: 'beta' }], ['beta/four', { family: 'beta' }]])

  it('reports a handler for a method the protocol does not define, one line, and counts coverage per family', () => {
    const result = checkCoverage(defined, ['alpha/one', 'beta/two', 'beta/four', 'gamma/missing'], ['beta/four'])
    expect(result.problems).toEqual(['server/handlers: handler for "gamma/missing", which is not a client request method of the protocol'])
    expect(result.methods).toEqual([
      { method: 'alpha/one', family: 'alpha', implemented: true, offlineError: false },
      { method: 'beta/two', family: 'beta', implemented: true, offlineError: false },
      { method: 'beta/three', family: 'beta', implemented: false, offlineError: false },
      { method: 'beta/four', family: 'beta', implemented: false, offlineError: true },
    ])
    expect(formatReport(result, true)).toBe([
      'family  implemented  offline error  total',
      'alpha             1              0      1',
      'beta              1              1      3',
      'total             2              1      4',
      '',
    ].join('\n'))
    expect(formatReport(result, false)).toContain('beta\n  ✓ beta/two\n  - beta/three\n  ○ beta/four\n')
  })

  it('reports handler types that drift from the generated types, with file and position', () => {
    const problems = handlerTypeProblems(root, ts)
    expect(problems).toContainEqual(expect.stringMatching(/^server\/handlers\/index\.ts:4:\d+: type error: .*string.*number/))
    expect(problems.every((line) => !line.includes('\n'))).toBe(true)
  })

  it('finds every implemented method of this server in the meta model, with its family', () => {
    const model = loadProtocolModel(join(import.meta.dirname, '../../..'))
    const result = checkCoverage(model.clientRequests, implementedMethods())
    expect(result.problems).toEqual([])
    expect(result.methods.find((info) => info.method === 'thread/start')).toMatchObject({ family: 'thread' })
    expect(result.methods.filter((info) => info.implemented).length).toBe(implementedMethods().length)
  })
})
