// An answer for a turn with an `outputSchema` (the Codex TUI's title turn asks for
// `{"title": string ≤ 36}`): the simplest JSON value that satisfies the schema, with strings made
// from the prompt's last line so the answer still depends on the input. The result is checked with Ajv, so a
// schema the generator cannot satisfy fails the turn with a clear reason instead of a wrong answer.
import { Ajv } from 'ajv'

export class SchemaAnswerError extends Error {}

type Schema = { [key: string]: unknown }

const MAX_DEPTH = 16
/** Bounds that keep one schema from taking the server's time or memory. */
const MAX_ITEMS = 1_000
const MAX_VALUES = 10_000
const MAX_STRING = 100_000

export function instanceOf(schema: unknown, prompt: string): unknown {
  const value = build(schema, wordsOf(prompt), 0, { left: MAX_VALUES })
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false })
  let valid: boolean
  try {
    valid = ajv.validate(schema as Schema, value) as boolean
  } catch (error) {
    throw new SchemaAnswerError(`the schema is not valid JSON Schema: ${(error as Error).message}`)
  }
  if (!valid) throw new SchemaAnswerError(`no answer found that satisfies it (${ajv.errorsText(ajv.errors)})`)
  return value
}

function build(schema: unknown, text: string, depth: number, budget: { left: number }): unknown {
  if (depth > MAX_DEPTH) throw new SchemaAnswerError('the schema nests too deeply')
  if (--budget.left < 0) throw new SchemaAnswerError(`the answer would hold more than ${MAX_VALUES} values`)
  if (schema === true || schema === undefined) return text
  if (typeof schema !== 'object' || schema === null) throw new SchemaAnswerError('the schema is not an object')
  const node = schema as Schema
  if ('const' in node) return node.const
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0]
  for (const key of ['anyOf', 'oneOf'] as const) {
    const arms = node[key]
    if (Array.isArray(arms) && arms.length > 0) return build(arms[0], text, depth + 1, budget)
  }
  const type = Array.isArray(node.type) ? node.type[0] : node.type
  switch (type) {
    case 'object':
    case undefined: {
      if (type === undefined && node.properties === undefined) return text
      const properties = (node.properties ?? {}) as Record<string, unknown>
      const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : Object.keys(properties))
      const result: Record<string, unknown> = {}
      for (const [name, property] of Object.entries(properties)) {
        if (required.has(name)) result[name] = build(property, text, depth + 1, budget)
      }
      return result
    }
    case 'array': {
      const count = typeof node.minItems === 'number' ? node.minItems : 0
      if (count > MAX_ITEMS) throw new SchemaAnswerError(`minItems ${count} is more than this agent writes (${MAX_ITEMS})`)
      return Array.from({ length: count }, () => build(node.items, text, depth + 1, budget))
    }
    case 'string':
      return fitString(text, node)
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? Math.ceil(node.minimum) : 0
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      throw new SchemaAnswerError(`unsupported type ${JSON.stringify(type)}`)
  }
}

/** The prompt cut to the string's length bounds, on a word boundary where it can be. */
function fitString(text: string, node: Schema): string {
  const max = typeof node.maxLength === 'number' ? node.maxLength : 200
  const min = typeof node.minLength === 'number' ? node.minLength : 0
  if (min > MAX_STRING) throw new SchemaAnswerError(`minLength ${min} is more than this agent writes (${MAX_STRING})`)
  const characters = [...text]
  let value = characters.slice(0, max).join('')
  if (max < characters.length) {
    const cut = value.lastIndexOf(' ')
    if (cut >= min && cut > 0) value = value.slice(0, cut)
  }
  const length = [...value].length
  return length < min ? value + '.'.repeat(min - length) : value
}

/**
 * The prompt's last line that has words, first letter capitalised: a request such as the Codex
 * TUI's title prompt puts the user's own words last.
 */
function wordsOf(prompt: string): string {
  const line = prompt.split('\n').map((part) => part.trim()).findLast((part) => part !== '')
  return line === undefined ? 'Conversation' : line.charAt(0).toUpperCase() + line.slice(1)
}
