// The TypeScript emitter on small models: type expressions, imports, doc comments, barrels and
// method maps, per variant.
import { describe, expect, test } from 'vitest'
import { noParams, optionalParams, scope, t, typesIn } from '../../protocol/dsl/index.js'
import { emitTs, TS_HEADER } from '../../generator/emit/emit-ts.js'
import { projectVariant } from '../../generator/model/project-variant.js'
import { miniModel } from './helpers/mini-protocol.js'

const v2 = typesIn('v2')
const root = typesIn('root')
const RequestId = v2('RequestId', t.anyOf([t.string(), t.int()]), { fileFolder: 'root' })
const Mode = v2('Mode', t.enum(['fast', 'slow']), 'How fast to go.')
const Shape = v2('Shape', t.tagged('type', {
  circle: { radius: t.number() },
  square: t.experimental('shape.square', t.object({ side: t.number() })),
}))
const Labelled = v2('Labelled', t.tagged('kind', { a: {}, b: { n: t.int() } }, { shared: { label: t.string() } }))
const GoParams = v2('GoParams', t.object({
  name: t.string({ description: 'Who goes.' }),
  nick: t.optional(t.string()),
  note: t.option(t.string()),
  mode: t.option(t.ref(Mode)),
  tags: t.array(t.string()),
  scores: t.map(t.uint('uint32')),
  extra: t.map(true),
  payload: t.json(),
  shape: t.ref(Shape),
  labelled: t.optional(t.ref(Labelled)),
  'odd-key': t.optional(t.boolean()),
  secret: t.experimental('go.secret', t.option(t.string())),
  closed: t.object({}, { closed: true }),
  open: t.object({}),
}))
const GoResponse = v2('GoResponse', t.object({ ok: t.boolean() }))
const Hello = root('Hello', t.object({ id: t.ref(RequestId) }))
const ProgressNotification = v2('ProgressNotification', t.object({ done: t.uint() }))

const model = miniModel({
  types: [Mode, Shape, Labelled, GoParams, GoResponse, Hello, ProgressNotification],
  standaloneTypes: [RequestId],
  clientRequests: [
    { method: 'go', params: GoParams, result: GoResponse, scope: scope.none, description: 'Goes.' },
    { method: 'go/later', params: optionalParams(Hello), result: GoResponse, scope: scope.global('go'), experimental: true },
    { method: 'go/now', params: noParams, result: GoResponse, scope: scope.none },
  ],
  serverNotifications: [
    { method: 'progress', params: ProgressNotification },
    { method: 'progress/old', params: ProgressNotification, deprecated: 'use progress' },
  ],
})
const experimental = emitTs(projectVariant(model, 'experimental'))
const stable = emitTs(projectVariant(model, 'stable'))

function file(files: Map<string, string>, path: string): string {
  const text = files.get(path)
  if (text === undefined) throw new Error(`no file ${path}; files: ${[...files.keys()].join(', ')}`)
  return text
}

describe('files and layout', () => {
  test('one file per type in its namespace folder, plus unions, JsonValue, methods and barrels', () => {
    expect([...experimental.keys()].sort()).toEqual([
      'ClientNotification.ts', 'ClientRequest.ts', 'Hello.ts', 'JsonValue.ts', 'ServerNotification.ts', 'ServerRequest.ts',
      'index.ts', 'methods.ts',
      'v2/GoParams.ts', 'v2/GoResponse.ts', 'v2/Labelled.ts', 'v2/Mode.ts', 'v2/ProgressNotification.ts', 'v2/RequestId.ts', 'v2/Shape.ts', 'v2/index.ts',
    ].sort())
  })

  test('every file starts with the header line and ends with one newline', () => {
    for (const [path, text] of [...experimental, ...stable]) {
      expect(text.startsWith(`${TS_HEADER}\n`), path).toBe(true)
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), path).toBe(true)
      expect(text.includes('\r'), path).toBe(false)
    }
  })

  test('imports are type-only, sorted, with relative .js specifiers across folders', () => {
    const params = file(experimental, 'v2/GoParams.ts')
    const imports = params.split('\n').filter((l) => l.startsWith('import'))
    expect(imports).toEqual([
      'import type { JsonValue } from "../JsonValue.js";',
      'import type { Labelled } from "./Labelled.js";',
      'import type { Mode } from "./Mode.js";',
      'import type { Shape } from "./Shape.js";',
    ])
    expect(file(experimental, 'Hello.ts')).toContain('import type { RequestId } from "./v2/RequestId.js";')
  })

  test('barrels re-export every type with export type and .js specifiers', () => {
    const index = file(experimental, 'index.ts')
    expect(index).toContain('export type { Hello } from "./Hello.js";')
    expect(index).toContain('export type { GoParams } from "./v2/GoParams.js";')
    expect(index).toContain('export type { JsonValue } from "./JsonValue.js";')
    expect(index).toContain('from "./methods.js";')
    expect(index).toMatch(/export type \{ [^}]*ClientRequestMap[^}]*\} from "\.\/methods\.js";/)
    expect(file(experimental, 'v2/index.ts')).toContain('export type { Shape } from "./Shape.js";')
    for (const [path, text] of experimental) {
      for (const line of text.split('\n')) {
        if (/^(import|export) .* from /.test(line)) {
          expect(line, path).toMatch(/^(import|export) type /)
          expect(line, path).toMatch(/from "\.\.?\/[^"]*\.js";$/)
        }
      }
    }
  })
})

describe('type expressions', () => {
  const params = file(experimental, 'v2/GoParams.ts')

  test('required, optional (?:) and nullable (| null) fields', () => {
    expect(params).toContain('\n  name: string;')
    expect(params).toContain('\n  nick?: string;')
    expect(params).toContain('\n  note?: string | null;')
    expect(params).toContain('\n  mode?: Mode | null;')
  })

  test('arrays, maps, any JSON value, and keys that are not identifiers', () => {
    expect(params).toContain('\n  tags: Array<string>;')
    expect(params).toContain('\n  scores: { [key in string]?: number };')
    expect(params).toContain('\n  extra: { [key in string]?: JsonValue };')
    expect(params).toContain('\n  payload: JsonValue;')
    expect(params).toContain('\n  "odd-key"?: boolean;')
  })

  test('closed and open empty objects', () => {
    expect(params).toContain('\n  closed: Record<string, never>;')
    expect(params).toContain('\n  open: { [key in string]?: JsonValue };')
  })

  test('descriptions become doc comments', () => {
    expect(params).toContain('  /** Who goes. */\n  name: string;')
    expect(file(experimental, 'v2/Mode.ts')).toContain('/** How fast to go. */\nexport type Mode = "fast" | "slow";\n')
  })

  test('tagged unions are unions of object types with literal tags', () => {
    const shape = file(stable, 'v2/Shape.ts')
    expect(shape).toContain('export type Shape = {\n  type: "circle";\n  radius: number;\n};\n')
  })

  test('shared fields are intersected with the union of arms', () => {
    const labelled = file(experimental, 'v2/Labelled.ts')
    expect(labelled).toContain('export type Labelled = {\n  label: string;\n} & ({\n  kind: "a";\n} | {\n  kind: "b";\n  n: number;\n});\n')
  })

  test('the envelope id is a union of its arms', () => {
    expect(file(experimental, 'v2/RequestId.ts')).toContain('export type RequestId = string | number;\n')
  })
})

describe('experimental markers per variant', () => {
  test('the experimental variant marks fields and arms with @experimental and the reason', () => {
    expect(file(experimental, 'v2/GoParams.ts')).toContain('  /** @experimental go.secret */\n  secret?: string | null;')
    expect(file(experimental, 'v2/Shape.ts')).toContain('/** @experimental shape.square */ {\n  type: "square";')
  })

  test('the stable variant has neither the members nor the markers', () => {
    for (const [path, text] of stable) expect(text.includes('@experimental'), path).toBe(false)
    expect(file(stable, 'v2/GoParams.ts')).not.toContain('secret')
    expect(file(stable, 'v2/Shape.ts')).not.toContain('square')
  })

  test('experimental methods are marked in unions and maps, and absent from stable', () => {
    const union = file(experimental, 'ClientRequest.ts')
    expect(union).toMatch(/@experimental go\/later\n[^|]*\| \{ id: RequestId, method: "go\/later", params\?: Hello \| null \}/)
    expect(file(experimental, 'methods.ts')).toContain('"go/later": { params: Hello | null | undefined; result: GoResponse };')
    expect(file(stable, 'ClientRequest.ts')).not.toContain('go/later')
    expect(file(stable, 'methods.ts')).not.toContain('go/later')
    expect(stable.has('Hello.ts')).toBe(false)
  })
})

describe('message unions and method maps', () => {
  test('client requests: id, method and params by presence, with scope and description in the doc', () => {
    const union = file(experimental, 'ClientRequest.ts')
    expect(union).toContain('   * Goes.\n   * Serialization scope: `none`.\n   */\n  | { id: RequestId, method: "go", params: GoParams }')
    expect(union).toContain('| { id: RequestId, method: "go/now" }')
  })

  test('notifications have no id; empty unions are never', () => {
    expect(file(experimental, 'ServerNotification.ts')).toContain('| { method: "progress", params: ProgressNotification }')
    expect(file(experimental, 'ServerRequest.ts')).toContain('export type ServerRequest = never;')
  })

  test('deprecated methods say so in unions and maps', () => {
    expect(file(stable, 'ServerNotification.ts')).toContain('   * @deprecated use progress\n   */\n  | { method: "progress/old", params: ProgressNotification }')
    expect(file(stable, 'methods.ts')).toContain('   * @deprecated use progress\n   */\n  "progress/old": { params: ProgressNotification };')
  })

  test('method maps give params and result per wire method', () => {
    const methods = file(experimental, 'methods.ts')
    expect(methods).toContain('"go": { params: GoParams; result: GoResponse };')
    expect(methods).toContain('"go/now": { params: undefined; result: GoResponse };')
    expect(methods).toContain('"progress": { params: ProgressNotification };')
    expect(methods).toContain('export type ServerRequestMap = Record<never, never>;')
    expect(methods).toContain('export type ClientRequestMethod = keyof ClientRequestMap;')
  })
})

describe('determinism', () => {
  test('emitting the same model twice gives identical files', () => {
    const again = emitTs(projectVariant(model, 'experimental'))
    expect([...again]).toEqual([...experimental])
  })
})
