// Params given as an array, as serde reads them: the elements are the params struct's fields in
// declaration order (the order of the type schema's `properties`). `["/abs/a.txt"]` is
// `{"path":"/abs/a.txt"}` for fs/readFile. Elements are checked first; then a short array is
// refused as `invalid length 0, expected struct ThreadLoadedListParams with 2 elements` and a long
// one as `invalid length 3, expected 2 elements in sequence` (codex 0.169.0's wording).
import type { SchemaNode } from '../model/protocol-model.js'
import type { Validation } from '../validation/params-validator.js'

export type ValidateParams = (value: unknown) => Validation | Promise<Validation>

export function decodePositionalParams(items: readonly unknown[], typeName: string, schema: SchemaNode | undefined, validate: ValidateParams): Validation | Promise<Validation> {
  const properties = schema?.properties
  // A type that is not a plain struct has no field order: the validator words the type error.
  if (typeof properties !== 'object' || properties === null) return validate(items)
  const fields = Object.keys(properties)
  const value: Record<string, unknown> = {}
  fields.slice(0, items.length).forEach((field, index) => {
    value[field] = items[index]
  })
  const checkLength = (result: Validation): Validation => {
    if (!result.ok && (items.length >= fields.length || !result.message.startsWith('missing field'))) return result
    if (items.length < fields.length) {
      return { ok: false, message: `invalid length ${items.length}, expected struct ${typeName} with ${fields.length} element${fields.length === 1 ? '' : 's'}` }
    }
    if (items.length > fields.length) return { ok: false, message: `invalid length ${items.length}, expected ${fields.length} elements in sequence` }
    return result
  }
  const result = validate(value)
  return result instanceof Promise ? result.then(checkLength) : checkLength(result)
}
