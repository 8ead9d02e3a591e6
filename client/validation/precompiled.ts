// The validator of the consumer package: the same method-table checks as the schema validator, over
// validate functions Ajv generated at build time (standalone code, see generator/package/), so
// nothing is compiled, and Ajv is not needed, at run time. The package's `./validators/<variant>`
// entry points call this with their variant's functions and method table.
import type { MessageValidator } from './message-validator.js'
import { methodTableValidator, typeCheckOf, type AjvValidateFunction, type MethodEntry } from './method-checks.js'

/** `checks` holds one standalone validate function per type name, as the build emits them. */
export function precompiledValidator(variant: string, methods: readonly MethodEntry[], checks: Readonly<Record<string, AjvValidateFunction>>): MessageValidator {
  return methodTableValidator(variant, methods, (typeName) => {
    const validate = Object.hasOwn(checks, typeName) ? checks[typeName] : undefined
    return validate && typeCheckOf(validate)
  })
}
