// Checks what a server sends against the committed JSON Schemas of the client's variant
// (fixtures/stable or fixtures/experimental): notifications against ServerNotification.json,
// server requests against ServerRequest.json, responses against the result type of the request
// they answer. For the stable variant it also looks for members that only the experimental
// schemas declare, since the schemas themselves allow unknown members.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv'
import { registerWireFormats } from '../../../protocol/model/wire-formats.js'
import { repoRoot } from './spawn-server.js'
import type { Received } from './wire-client.js'

export type Variant = 'stable' | 'experimental'

type MetaMethod = { direction: string; method: string; result?: string }

function readJson(path: string): AnySchemaObject {
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as AnySchemaObject
}

/** Every member name any object schema of the bundle declares. */
function declaredNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const entry of schema) declaredNames(entry, into)
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) for (const name of Object.keys(value)) into.add(name)
      declaredNames(value, into)
    }
  }
  return into
}

/** Every member name used anywhere in a message. */
function usedNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const entry of value) usedNames(entry, into)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      into.add(key)
      usedNames(entry, into)
    }
  }
  return into
}

export class OutboundValidator {
  private readonly ajv: Ajv
  /** Per method (an arm of ServerNotification.json / ServerRequest.json each), compiled on first use. */
  private readonly notifications: Map<string, () => ValidateFunction>
  private readonly requests: Map<string, () => ValidateFunction>
  private readonly results = new Map<string, ValidateFunction>()
  private readonly resultTypes: Map<string, string>
  /** Member names only the experimental schemas declare (checked for stable clients). */
  private readonly experimentalOnly: Set<string>

  constructor(private readonly variant: Variant) {
    this.ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: false })
    registerWireFormats(this.ajv)
    this.notifications = this.arms(`fixtures/${variant}/ServerNotification.json`)
    this.requests = this.arms(`fixtures/${variant}/ServerRequest.json`)
    const methods = (readJson('generated/meta-model.json') as { methods: MetaMethod[] }).methods
    this.resultTypes = new Map(methods.filter((entry) => entry.direction === 'clientRequest' && entry.result).map((entry) => [entry.method, entry.result!]))
    const bundle = 'codex_app_server_protocol.schemas.json'
    const stable = declaredNames(readJson(`fixtures/stable/${bundle}`))
    this.experimentalOnly = new Set([...declaredNames(readJson(`fixtures/experimental/${bundle}`))].filter((name) => !stable.has(name)))
  }

  /**
   * The problems of one message the server sent (empty when it is valid); `answered` is the
   * method of the client request a response answers.
   */
  check(message: Received, answered: string | undefined): string[] {
    const json = message.json
    const problems: string[] = []
    let validate: ValidateFunction | undefined
    if ('method' in json) {
      const arms = 'id' in json ? this.requests : this.notifications
      validate = arms.get(json.method)?.()
      if (!validate) problems.push(`${json.method} is not a ${'id' in json ? 'server request' : 'notification'} of the ${this.variant} variant`)
    } else if ('error' in json) {
      if (!Number.isInteger(json.error?.code) || typeof json.error?.message !== 'string') problems.push('malformed error response')
    } else if (answered === undefined) problems.push('a response to no request this client sent')
    else validate = this.resultValidator(answered)
    if (validate && !validate('method' in json ? json : json.result)) {
      problems.push(`does not match the ${this.variant} schema: ${this.ajv.errorsText(validate.errors)}`)
    }
    if (this.variant === 'stable') {
      const leaked = [...usedNames(json)].filter((name) => this.experimentalOnly.has(name))
      if (leaked.length > 0) problems.push(`experimental members sent to a stable client: ${leaked.join(', ')}`)
    }
    return problems.map((problem) => `${problem}: ${message.text.slice(0, 300)}`)
  }

  /** The arms of a union of messages by their method, each compiled with the union's definitions. */
  private arms(path: string): Map<string, () => ValidateFunction> {
    const union = readJson(path) as { oneOf: { properties: { method: { enum: string[] } } }[]; definitions: unknown }
    return new Map(union.oneOf.map((arm) => {
      let compiled: ValidateFunction | undefined
      return [arm.properties.method.enum[0]!, () => (compiled ??= this.ajv.compile({ ...arm, definitions: union.definitions }))]
    }))
  }

  private resultValidator(method: string): ValidateFunction {
    const type = this.resultTypes.get(method)
    if (!type) throw new Error(`no result type for ${method}`)
    let validate = this.results.get(type)
    if (!validate) {
      const file = ['v2', '', 'v1'].map((folder) => join('fixtures', this.variant, folder, `${type}.json`)).find((path) => existsSync(join(repoRoot, path)))
      if (!file) throw new Error(`no ${this.variant} schema file for ${type}`)
      validate = this.ajv.compile(readJson(file))
      this.results.set(type, validate)
    }
    return validate
  }
}
