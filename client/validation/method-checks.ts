// The part every message validator shares: which type a method's params or result must be, and one
// line saying what is wrong. A validator supplies the per-type check (Ajv compiled on demand, or
// the precompiled standalone functions of the package).
import type { MessageKind, MessageValidator } from './message-validator.js'

/** What the check of one type reports: nothing when valid, else the first error as Ajv words it. */
export type TypeCheck = (value: unknown) => { instancePath: string; message?: string; params?: Record<string, unknown> } | undefined

/** A method as the meta model describes it (its `MethodModel`, the fields a validator reads). */
export interface MethodEntry {
  direction: MessageKind
  method: string
  params: { presence: 'required' | 'optional'; type: string } | { presence: 'none' }
  result?: string
}

/** An Ajv validate function (compiled, or precompiled standalone code): the errors of its last call ride on it. */
export interface AjvValidateFunction {
  (value: unknown): boolean
  errors?: readonly NonNullable<ReturnType<TypeCheck>>[] | null
}

/** The `TypeCheck` of an Ajv validate function: its first error, as Ajv reports it. */
export function typeCheckOf(validate: AjvValidateFunction): TypeCheck {
  return (value) => (validate(value) ? undefined : validate.errors?.[0] ?? { instancePath: '' })
}

/**
 * A validator over a method table. `checkOf(typeName)` is the check of a type, undefined when the
 * variant has no such type.
 */
export function methodTableValidator(variant: string, methods: readonly MethodEntry[], checkOf: (typeName: string) => TypeCheck | undefined): MessageValidator {
  const table = new Map(methods.map((method) => [`${method.direction} ${method.method}`, method]))
  const problemOf = (typeName: string, part: string, value: unknown): string | undefined => {
    const check = checkOf(typeName)
    if (!check) return `${typeName} is not in the ${variant} schemas`
    const error = check(value)
    if (error === undefined) return undefined
    const where = `${part}${error.instancePath.replaceAll('/', '.')}`
    const allowed = error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : ''
    return `${where} ${error.message ?? 'is invalid'}${allowed} (${typeName})`
  }
  return {
    check(kind, method, part, value) {
      const entry = table.get(`${kind} ${method}`)
      if (!entry) return `${method} is not a ${kind} method of codex's protocol`
      if (part === 'params') {
        const params = entry.params
        if (params.presence === 'none') return isAbsent(value) || isEmptyObject(value) ? undefined : `params: ${method} takes no params`
        if (params.presence === 'optional' && isAbsent(value)) return undefined
        return problemOf(params.type, 'params', value)
      }
      if (entry.result === undefined) return `${method} has no result`
      return problemOf(entry.result, 'result', value)
    },
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
}
