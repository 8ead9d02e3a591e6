// Precompiles the message validators of one variant: Ajv's standalone code for every type a method
// takes as params or returns as result, so the consumer package validates without Ajv (and without
// compiling anything at run time). Build time only; Ajv is the toolkit's dependency, not the package's.
import { Ajv, type AnySchemaObject } from 'ajv'
// A CommonJS module whose exports object is the function itself, with `default` pointing to it too:
// `.default` is the function however the import is interpreted (Node's interop, esbuild's, tsc's).
import standalone from 'ajv/dist/standalone/index.js'
import { definitionPointer } from '../../client/validation/schema-validator.js'
import type { MethodEntry } from '../../client/validation/method-checks.js'
import type { MetaModel, MethodModel } from '../../protocol/model/meta-model.js'
import { INTEGER_FORMATS } from '../../protocol/model/integer-formats.js'

const BUNDLE_ID = 'bundle'

export interface PrecompiledVariant {
  /** CommonJS source exporting one validate function per type name. */
  code: string
  /** How many types it checks. */
  typeCount: number
}

/**
 * The method table the runtime needs (what `methodTableValidator` reads), as data. Typed as both,
 * so the client's own spelling of these types (it ships without protocol/) must fit the meta model's.
 */
export function methodTable(model: Pick<MetaModel, 'methods'>): MethodEntry[] & Pick<MethodModel, 'direction' | 'method' | 'params' | 'result'>[] {
  return model.methods.map(({ direction, method, params, result }) => (result === undefined ? { direction, method, params } : { direction, method, params, result }))
}

export function precompileValidators(bundle: AnySchemaObject, model: Pick<MetaModel, 'methods'>): PrecompiledVariant {
  const schema = compilableSchema(bundle) as AnySchemaObject
  // strict: false, as the validator of the schemas does not check them (a test compares the two).
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { source: true, esm: false } })
  ajv.addSchema(schema, BUNDLE_ID)
  const refs: Record<string, string> = {}
  for (const method of model.methods) {
    for (const typeName of [method.params.presence === 'none' ? undefined : method.params.type, method.result]) {
      if (typeName === undefined || typeName in refs) continue
      const pointer = definitionPointer(bundle, typeName)
      if (pointer) refs[typeName] = `${BUNDLE_ID}${pointer}`
    }
  }
  return { code: withoutAjvRuntime(standalone.default(ajv, refs)), typeCount: Object.keys(refs).length }
}

// Keywords that describe and never constrain: dropped, since the standalone code embeds the schemas
// it checks and these would triple its size.
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', '$schema', '$comment'])
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs'])
const SUBSCHEMAS = new Set(['items', 'additionalItems', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf'])

/**
 * A copy of the schema ready to compile without format code: each integer format (int8 … uint64,
 * uint) becomes the range it stands for (`minimum`/`maximum`, keeping a tighter bound already
 * there), `double`/`float` (no constraint) are dropped, and so are annotations (`x-…`, descriptions).
 */
export function compilableSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compilableSchema)
  if (typeof schema !== 'object' || schema === null) return schema
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue
    if (SCHEMA_MAPS.has(key)) copy[key] = mapValues(value, (name, member) => (key === 'definitions' && name === 'v2' ? mapValues(member, (_, inner) => compilableSchema(inner)) : compilableSchema(member)))
    else copy[key] = SUBSCHEMAS.has(key) ? compilableSchema(value) : value
  }
  const format = copy.format
  if (typeof format !== 'string') return copy
  const range = INTEGER_FORMATS[format as keyof typeof INTEGER_FORMATS]
  if (range) {
    delete copy.format
    const [min, max] = [Number(range.min), Number(range.max)]
    copy.minimum = typeof copy.minimum === 'number' ? Math.max(copy.minimum, min) : min
    copy.maximum = typeof copy.maximum === 'number' ? Math.min(copy.maximum, max) : max
  } else if (format === 'double' || format === 'float') {
    delete copy.format
  }
  return copy
}

function mapValues(map: unknown, change: (name: string, value: unknown) => unknown): unknown {
  if (typeof map !== 'object' || map === null) return map
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, change(name, value)]))
}

// Ajv's standalone code requires its runtime helper for `minLength`/`maxLength` (string length in
// code points). That one small function is inlined instead, so the package depends on nothing; any
// other runtime require would need the same treatment, so it stops the build rather than ship a
// package that fails to load.
const UCS2LENGTH_REQUIRE = /require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g
const UCS2LENGTH = `function ucs2length(str) {
  // Length in code points: a surrogate pair counts once, as JSON Schema's minLength/maxLength ask.
  let length = 0
  for (let pos = 0; pos < str.length; length++) {
    const code = str.charCodeAt(pos++)
    if (code >= 0xd800 && code <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++
  }
  return length
}
`

function withoutAjvRuntime(code: string): string {
  const inlined = code.replace(UCS2LENGTH_REQUIRE, 'ucs2length')
  const other = /require\("([^"]+)"\)/.exec(inlined)
  if (other) throw new Error(`the precompiled validators require ${other[1]}, which the package does not ship`)
  return inlined.includes('ucs2length') && inlined !== code ? inlined.replace('"use strict";', `"use strict";\n${UCS2LENGTH}`) : inlined
}
