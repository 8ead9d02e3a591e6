// The check:handlers conformance check, run on a small project laid out like this one: a
// generated method map, protocol family files and a handler map with deliberate mistakes.
import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import * as tsMorph from 'ts-morph'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkHandlers, formatReport } from '../../../server/check-handlers.js'

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
  await put('protocol/v2/alpha.ts', 'export const OneParams = 1\nexport const OneResponse = 2\n')
  await put('protocol/v2/beta.ts', 'export const TwoResponse = 3\n')
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
  it('reports unknown methods and type drift, one line each, and counts coverage per family', () => {
    const result = checkHandlers(root, tsMorph)
    expect(result.problems).toContainEqual(expect.stringMatching(/^server\/handlers\/index\.ts:5: handler for "gamma\/missing", which is not a client request method of the protocol$/))
    expect(result.problems).toContainEqual(expect.stringMatching(/^server\/handlers\/index\.ts:4:\d+: type error: .*string.*number/))
    expect(result.methods).toEqual([
      { method: 'alpha/one', family: 'alpha', implementedIn: 'server/handlers/index.ts:3' },
      { method: 'beta/two', family: 'beta', implementedIn: 'server/handlers/index.ts:4' },
      { method: 'beta/three', family: 'beta', implementedIn: undefined },
    ])
    expect(formatReport(result, true)).toBe([
      'family  implemented  total',
      'alpha             1      1',
      'beta              1      2',
      'total             2      3',
      '',
    ].join('\n'))
    expect(formatReport(result, false)).toContain('beta\n  ✓ beta/two  (server/handlers/index.ts:4)\n  - beta/three\n')
  })
})
