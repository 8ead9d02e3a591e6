// Validates messages against the generated JSON Schemas of one variant with Ajv: the method table
// comes from generated/meta-model.json, the schemas from the variant's bundle in fixtures/. One
// validator per type, compiled when first needed (compiling all of them would take seconds).
// The consumer package ships the same checks precompiled instead (precompiled.ts), without Ajv.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv'
import type { MetaModel } from '../../protocol/model/meta-model.js'
import { registerWireFormats } from '../../protocol/model/wire-formats.js'
import type { Variant } from '../protocol.js'
import type { MessageValidator } from './message-validator.js'
import { methodTableValidator, typeCheckOf } from './method-checks.js'

const BUNDLE_FILE = 'codex_app_server_protocol.schemas.json'
const BUNDLE_ID = 'bundle'

export interface SchemaSources {
  variant: Variant
  /** The meta model (generated/meta-model.json): which types each method's params and result are. */
  model: Pick<MetaModel, 'methods'>
  /** The variant's bundle (fixtures/<variant>/codex_app_server_protocol.schemas.json). */
  bundle: AnySchemaObject
}

/** Reads the sources of `variant` from a checkout or installed package (default: the one this file is in). */
export function loadSchemaValidator(variant: Variant, root = join(fileURLToPath(import.meta.url), '../../..')): MessageValidator {
  const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown
  return createSchemaValidator({ variant, model: read('generated/meta-model.json') as MetaModel, bundle: read(`fixtures/${variant}/${BUNDLE_FILE}`) as AnySchemaObject })
}

export function createSchemaValidator(sources: SchemaSources): MessageValidator {
  // Checking builds no error messages (about half of Ajv's time where nullable fields are null);
  // a value that fails is checked again by a second instance, made on first need, that words why.
  const fast = typeValidators(sources.bundle, false)
  let worded: ((typeName: string) => ValidateFunction | undefined) | undefined
  return methodTableValidator(sources.variant, sources.model.methods, (typeName) => {
    const validate = fast(typeName)
    if (!validate) return undefined
    return (value) => {
      if (validate(value)) return undefined
      worded ??= typeValidators(sources.bundle, true)
      return typeCheckOf(worded(typeName)!)(value) ?? { instancePath: '' }
    }
  })
}

/** One Ajv instance over the bundle; a type's validator is compiled when first asked for. */
function typeValidators(bundle: AnySchemaObject, messages: boolean): (typeName: string) => ValidateFunction | undefined {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false, strictTypes: false, validateSchema: false, allErrors: false, messages })
  registerWireFormats(ajv)
  ajv.addSchema(bundle, BUNDLE_ID)
  const compiled = new Map<string, ValidateFunction>()
  return (typeName) => {
    let validate = compiled.get(typeName)
    if (validate) return validate
    const pointer = definitionPointer(bundle, typeName)
    if (!pointer) return undefined
    validate = ajv.compile({ $ref: `${BUNDLE_ID}${pointer}` })
    compiled.set(typeName, validate)
    return validate
  }
}

/** Where the bundle defines `typeName` (`#/definitions/v2/X` or `#/definitions/X`), undefined when it does not. */
export function definitionPointer(bundle: AnySchemaObject, typeName: string): string | undefined {
  const definitions = bundle.definitions as Record<string, unknown> & { v2?: Record<string, unknown> }
  if (definitions.v2 && typeName in definitions.v2) return `#/definitions/v2/${typeName}`
  return typeName in definitions ? `#/definitions/${typeName}` : undefined
}
