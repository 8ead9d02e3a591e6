// Validates request params against the generated schemas with ajv, one validator per params type,
// compiled on first use (ajv itself is loaded on first use too, so startup stays fast and small).
// Absolute-path fields are checked and normalised in the same pass; on failure the message is
// rebuilt in codex's wording by decode-errors.ts.
import { posix } from 'node:path'
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv'
import { registerWireFormats } from '../../protocol/model/wire-formats.js'
import { forEachNode } from '../../protocol/model/json-data.js'
import type { ProtocolModel } from '../model/protocol-model.js'
import { decodeErrorOf } from './decode-errors.js'

export type Validation = { ok: true; value: unknown } | { ok: false; message: string }

/** Base URI of the type schemas: a bare `$ref: "Name"` resolves to `${TYPE_BASE}Name`. */
const TYPE_BASE = 'https://types.invalid/'
const ABSOLUTE_PATH_KEYWORD = 'x-absolute-path'

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
      registerWireFormats(ajv)
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
      // The model says which string types are absolute paths: they get the checking keyword.
      if (this.model.types.isAbsolutePathType(name)) {
        ajv.addSchema({ type: 'string', [ABSOLUTE_PATH_KEYWORD]: true }, TYPE_BASE + name)
        continue
      }
      const schema = this.model.types.get(name)
      if (!schema) throw new Error(`the protocol model has no type ${name}`)
      ajv.addSchema(schema, TYPE_BASE + name)
      forEachNode(schema, (node) => {
        if (typeof node.$ref === 'string') pending.push(node.$ref)
      })
    }
  }
}

/** Lexical normalisation as codex does it: `/a//b/./c/../d/` → `/a/b/d`. */
export function normaliseAbsolutePath(path: string): string {
  const normalised = posix.normalize(path)
  return normalised.length > 1 && normalised.endsWith('/') ? normalised.slice(0, -1) : normalised
}

/** A fallback wording for the rare case where the serde-style walk finds nothing wrong. */
function describeAjvError(validator: ValidateFunction): string {
  const error = validator.errors?.[0]
  if (!error) return 'invalid params'
  const where = error.instancePath ? `params${error.instancePath.replaceAll('/', '.')}` : 'params'
  return `${where} ${error.message ?? 'is invalid'}`
}
