// The generated JSON Schema fixtures are valid draft-07, and Ajv in strict mode compiles every
// method's params and result from the bundle of each variant.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv'
import { beforeAll, describe, expect, test } from 'vitest'
import type { MetaModel } from '../../protocol/model/meta-model.js'
import { INTEGER_FORMATS, type IntegerFormat } from '../../protocol/model/integer-formats.js'

const REPO = join(import.meta.dirname, '..', '..')
const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json'
const VARIANTS = ['stable', 'experimental'] as const
const draft07 = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json') as AnySchemaObject

type Bundle = { definitions: Record<string, AnySchemaObject> & { v2: Record<string, AnySchemaObject> } }

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(REPO, path), 'utf8')) as T
}

function fixtureFiles(variant: string): string[] {
  const dir = join(REPO, 'fixtures', variant)
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name).slice(REPO.length + 1))
}

const integer = ({ min, max }: IntegerFormat) => (n: number) => Number.isInteger(n) && n >= Number(min) && n <= Number(max)
/** The wire formats the definitions use, checked for what they promise (integer ranges from the one shared table). */
const FORMATS: Record<string, (n: number) => boolean> = {
  ...Object.fromEntries(Object.entries(INTEGER_FORMATS).map(([format, range]) => [format, integer(range)])),
  double: Number.isFinite,
  float: Number.isFinite,
}

/**
 * Ajv in strict mode with the wire formats and our annotation keywords registered. Type-strictness
 * findings are collected instead of thrown, so a test can say which ones are expected.
 */
function strictAjv(warnings: string[]): Ajv {
  const logger = { log() {}, warn: (...args: unknown[]) => warnings.push(args.join(' ')), error: (...args: unknown[]) => warnings.push(args.join(' ')) }
  const ajv = new Ajv({ strict: true, strictTypes: 'log', allowUnionTypes: true, logger })
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'number', validate })
  ajv.addKeyword({ keyword: 'x-experimental', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-serialization', schemaType: 'string' })
  return ajv
}

/** A `$ref` into the bundle for a type name, in whichever namespace holds it. */
function pointer(bundle: Bundle, name: string): string {
  if (name in bundle.definitions.v2) return `bundle#/definitions/v2/${name}`
  if (name in bundle.definitions) return `bundle#/definitions/${name}`
  throw new Error(`type ${name} is not in the bundle`)
}

// uri and regex formats of the meta-schema are not this test's subject, so formats are not checked.
describe('draft-07 meta-schema', () => {
  const meta = new Ajv({ meta: false, validateSchema: false, strict: false, validateFormats: false }).compile(draft07)

  test.each(VARIANTS)('every %s fixture file is a valid draft-07 schema', (variant) => {
    const files = fixtureFiles(variant)
    expect(files.length).toBeGreaterThan(200)
    const invalid: string[] = []
    for (const file of files) {
      const doc = readJson<AnySchemaObject>(file)
      if (doc.$schema !== 'http://json-schema.org/draft-07/schema#') invalid.push(`${file}: $schema is ${String(doc.$schema)}`)
      else if (!meta(doc)) invalid.push(`${file}: ${meta.errors?.[0]?.instancePath} ${meta.errors?.[0]?.message}`)
    }
    expect(invalid).toEqual([])
  })

  test('the meta-schema check catches an invalid schema', () => {
    expect(meta({ type: 'strnig' })).toBe(false)
    expect(meta({ required: 'name' })).toBe(false)
  })
})

describe.each(VARIANTS)('Ajv strict mode on the %s bundle', (variant) => {
  const bundle = readJson<Bundle>(`fixtures/${variant}/${BUNDLE_FILE}`)
  const model = readJson<MetaModel>('generated/meta-model.json')
  const experimentalMethods = new Set(model.methods.filter((m) => m.experimental).map((m) => m.method))
  const methods = model.methods.filter((m) => !m.tsOnly && (variant === 'experimental' || !m.experimental))
  const warnings: string[] = []
  /** Strict-mode findings by the type whose compilation logged them. */
  const findings = new Map<string, string[]>()
  let ajv: Ajv
  const unions = new Map<string, ValidateFunction>()

  function compileType(name: string): ValidateFunction {
    const before = warnings.length
    const validate = ajv.compile({ $ref: pointer(bundle, name) })
    if (warnings.length > before) findings.set(name, warnings.slice(before))
    return validate
  }

  beforeAll(() => {
    ajv = strictAjv(warnings)
    ajv.addSchema(bundle as AnySchemaObject, 'bundle')
    for (const name of ['ClientRequest', 'ServerRequest', 'ServerNotification', 'ClientNotification', 'JSONRPCMessage']) unions.set(name, compileType(name))
  })

  test('compiles every method\'s params and result schema', () => {
    const failures: string[] = []
    let compiled = 0
    for (const m of methods) {
      for (const type of [...(m.params.presence === 'none' ? [] : [m.params.type]), ...(m.result ? [m.result] : [])]) {
        try {
          compileType(type)
          compiled++
        } catch (error) {
          failures.push(`${m.method} ${type}: ${(error as Error).message.split('\n')[0]}`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(compiled).toBeGreaterThan(methods.length)
  }, 60_000)

  test('the only strict-mode finding is the notification union codex also writes without "type"', () => {
    // ServerNotification carries `emittedAtMs` in `properties` beside its `oneOf`, exactly as codex's
    // own schema does; Ajv's strictTypes asks for `type: "object"` there. Nothing else may be flagged.
    expect(Object.fromEntries(findings)).toEqual({
      ServerNotification: ['strict mode: missing type "object" for keyword "properties" at "bundle#" (strictTypes)'],
    })
  }, 60_000)

  test('the message unions accept well-formed messages and reject malformed ones', () => {
    const request = unions.get('ClientRequest')!
    expect(request({ id: 1, method: 'thread/start', params: {} }), JSON.stringify(request.errors)).toBe(true)
    expect(request({ id: 'a', method: 'account/rateLimits/read' })).toBe(true)
    expect(request({ id: 1, method: 'thread/start' })).toBe(false)
    expect(request({ id: 1.5, method: 'thread/start', params: {} })).toBe(false)
    expect(request({ id: 1, method: 'no/such/method', params: {} })).toBe(false)
    expect(unions.get('ClientNotification')!({ method: 'initialized' })).toBe(true)
    expect(unions.get('JSONRPCMessage')!({ id: 7, result: { anything: true } })).toBe(true)
  })

  test('experimental requests are accepted only by the experimental bundle', () => {
    const accepted = unions.get('ClientRequest')!({ id: 1, method: 'server/diagnostics', params: {} })
    expect(experimentalMethods.has('server/diagnostics')).toBe(true)
    expect(accepted).toBe(variant === 'experimental')
  })

  test('integer formats are enforced', () => {
    const uint32 = ajv.compile({ type: 'integer', format: 'uint32', minimum: 0 })
    expect(uint32(4_294_967_295)).toBe(true)
    expect(uint32(4_294_967_296)).toBe(false)
    expect(uint32(-1)).toBe(false)
  })
})
