// Validates request params against the generated schemas with ajv, one validator per params type,
// compiled on first use (ajv itself is loaded on first use too, so startup stays fast and small).
// Absolute-path fields are checked and normalised in the same pass; on failure the message is
// rebuilt in codex's wording by decode-errors.ts.
import { posix } from 'node:path'
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv'
import type { ProtocolModel, SchemaNode } from '../model/protocol-model.js'
import { ABSOLUTE_PATH_TYPE, decodeErrorOf } from './decode-errors.js'

export type Validation = { ok: true; value: unknown } | { ok: false; message: string }

/** Base URI of the type schemas: a bare `$ref: "Name"` resolves to `${TYPE_BASE}Name`. */
const TYPE_BASE = 'https://types.invalid/'
const ABSOLUTE_PATH_KEYWORD = 'x-absolute-path'

/** Integer formats of the schemas and the ranges their Rust types allow. */
const INTEGER_RANGES: Record<string, [number, number]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64],
  uint: [0, 2 ** 64],
}

export class ParamsValidator {
  private ajv: AjvInstance | undefined
  private loading: Promise<AjvInstance> | undefined
  private readonly validators = new Map<string, ValidateFunction>()
  private readonly added = new Set<string>()

  constructor(private readonly model: ProtocolModel) {}

  /**
   * Validates `value` as the named params type; absolute paths in it are normalised in place.
   * Returns a promise only the first time a type is seen (while its validator is compiled).
   */
  validate(typeName: string, value: unknown): Validation | Promise<Validation> {
    const validator = this.validators.get(typeName)
    if (validator) return this.run(validator, typeName, value)
    return this.compile(typeName).then((compiled) => this.run(compiled, typeName, value))
  }

  private run(validator: ValidateFunction, typeName: string, value: unknown): Validation {
    if (validator(value)) return { ok: true, value }
    const message = decodeErrorOf(value, typeName, this.model.types) ?? describeAjvError(validator)
    return { ok: false, message }
  }

  private async compile(typeName: string): Promise<ValidateFunction> {
    const ajv = this.ajv ?? (await this.loadAjv())
    this.addReachableTypes(typeName, ajv)
    const validator = ajv.getSchema(TYPE_BASE + typeName)
    if (!validator) throw new Error(`no schema for params type ${typeName}`)
    this.validators.set(typeName, validator)
    return validator
  }

  private loadAjv(): Promise<AjvInstance> {
    this.loading ??= import('ajv').then(({ default: AjvClass }) => {
      const ajv = new (AjvClass as unknown as new (options: object) => AjvInstance)({
        strict: true,
        allowUnionTypes: true,
        strictRequired: false,
        validateSchema: false,
        allErrors: false,
      })
      for (const [format, [min, max]] of Object.entries(INTEGER_RANGES)) {
        ajv.addFormat(format, { type: 'number', validate: (n: number) => n >= min && n <= max })
      }
      ajv.addFormat('double', { type: 'number', validate: () => true })
      ajv.addFormat('float', { type: 'number', validate: () => true })
      ajv.addKeyword({ keyword: 'x-experimental' })
      ajv.addKeyword({ keyword: 'x-serialization' })
      ajv.addKeyword({
        keyword: ABSOLUTE_PATH_KEYWORD,
        type: 'string',
        modifying: true,
        errors: false,
        validate: (_schema: unknown, data: string, _parent: unknown, context?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }) => {
          if (!data.startsWith('/')) return false
          const normalised = normaliseAbsolutePath(data)
          if (normalised !== data && context && context.parentData !== undefined) context.parentData[context.parentDataProperty] = normalised
          return true
        },
      })
      this.ajv = ajv
      return ajv
    })
    return this.loading
  }

  /** Registers (without compiling) every type reachable from `typeName` that ajv does not know yet. */
  private addReachableTypes(typeName: string, ajv: AjvInstance): void {
    const pending = [typeName]
    while (pending.length > 0) {
      const name = pending.pop()!
      if (this.added.has(name)) continue
      this.added.add(name)
      if (name === ABSOLUTE_PATH_TYPE) {
        ajv.addSchema({ type: 'string', [ABSOLUTE_PATH_KEYWORD]: true }, TYPE_BASE + name)
        continue
      }
      const schema = this.model.types.get(name)
      if (!schema) throw new Error(`the protocol model has no type ${name}`)
      ajv.addSchema(schema, TYPE_BASE + name)
      collectRefs(schema, pending)
    }
  }
}

/** Lexical normalisation as codex does it: `/a//b/./c/../d/` → `/a/b/d`. */
export function normaliseAbsolutePath(path: string): string {
  const normalised = posix.normalize(path)
  return normalised.length > 1 && normalised.endsWith('/') ? normalised.slice(0, -1) : normalised
}

function collectRefs(node: unknown, into: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into)
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node as SchemaNode)) {
      if (key === '$ref' && typeof value === 'string') into.push(value)
      else if (key !== 'enum' && key !== 'default') collectRefs(value, into)
    }
  }
}

/** A fallback wording for the rare case where the serde-style walk finds nothing wrong. */
function describeAjvError(validator: ValidateFunction): string {
  const error = validator.errors?.[0]
  if (!error) return 'invalid params'
  const where = error.instancePath ? `params${error.instancePath.replaceAll('/', '.')}` : 'params'
  return `${where} ${error.message ?? 'is invalid'}`
}
