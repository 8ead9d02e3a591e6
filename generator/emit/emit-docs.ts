// Reference pages of one variant, generated from the model: an index, and one page per method with
// its direction, params, result, serialization scope, experimental reason and an example message
// (a minimal valid instance; test/generator/reference-docs.test.ts checks every example against
// the variant's schemas).
import type { MetaModel, MethodModel, SchemaNode } from '../../protocol/model/meta-model.js'
import { InstanceBuilder } from '../diff/instance-builder.js'
import { definitionId, definitionsById } from '../diff/snapshot.js'
import { isRecord, typeList } from '../model/schema-nodes.js'

export const DOCS_FOLDER = 'docs'

const DIRECTION_TITLES: Record<MethodModel['direction'], string> = {
  clientRequest: 'client → server request',
  clientNotification: 'client → server notification',
  serverRequest: 'server → client request',
  serverNotification: 'server → client notification',
}

/** The page of a method, relative to the docs folder. */
export function docPage(method: string): string {
  return `${method.replaceAll('/', '.')}.md`
}

/** `bundle` is the variant's `codex_app_server_protocol.schemas.json`, parsed. */
export function emitDocs(model: MetaModel, bundle: SchemaNode): Map<string, string> {
  const definitions = definitionsById(bundle)
  const builder = new InstanceBuilder(definitions)
  const files = new Map<string, string>()
  const methods = model.methods.filter((method) => !method.tsOnly)
  for (const method of methods) files.set(`${DOCS_FOLDER}/${docPage(method.method)}`, methodPage(model, method, definitions, builder))
  files.set(`${DOCS_FOLDER}/README.md`, indexPage(model, methods))
  return files
}

/** The example message of a method: minimal params, and for requests a minimal result. */
export function exampleMessages(method: MethodModel, definitions: ReadonlyMap<string, SchemaNode>, builder: InstanceBuilder): { message: Record<string, unknown>; result?: unknown } {
  const message: Record<string, unknown> = method.direction.endsWith('Request') ? { id: 1, method: method.method } : { method: method.method }
  if (method.params.presence !== 'none') message.params = builder.build({ $ref: `#/definitions/${definitionId(method.params.type, definitions) ?? method.params.type}` }, [])
  if (method.result === undefined) return { message }
  return { message, result: builder.build({ $ref: `#/definitions/${definitionId(method.result, definitions) ?? method.result}` }, []) }
}

function methodPage(model: MetaModel, method: MethodModel, definitions: ReadonlyMap<string, SchemaNode>, builder: InstanceBuilder): string {
  const lines = [`# \`${method.method}\``, '', `${DIRECTION_TITLES[method.direction]} · codex ${model.codexVersion} · ${model.variant} variant`, '']
  if (method.description) lines.push(method.description, '')
  if (method.deprecated) lines.push(`**Deprecated:** ${method.deprecated}`, '')
  lines.push('| | |', '|---|---|')
  lines.push(`| params | ${method.params.presence === 'none' ? 'none' : `\`${method.params.type}\` (${method.params.presence})`} |`)
  if (method.direction.endsWith('Request')) lines.push(`| result | ${method.result ? `\`${method.result}\`` : 'unknown'} |`)
  if (method.serialization !== undefined) lines.push(`| serialization scope | \`${method.serialization}\`${method.scopeRationale ? `: ${cell(method.scopeRationale)}` : ''} |`)
  lines.push(`| experimental | ${method.experimental ? `yes (\`${method.experimental}\`): needs \`capabilities.experimentalApi\`` : 'no'} |`)
  if (method.family) lines.push(`| family | ${method.family} |`)
  if (method.params.presence !== 'none') lines.push('', `## Params: \`${method.params.type}\``, '', ...typeTable(definitionNamed(method.params.type, definitions)))
  if (method.result) lines.push('', `## Result: \`${method.result}\``, '', ...typeTable(definitionNamed(method.result, definitions)))
  const example = exampleMessages(method, definitions, builder)
  lines.push('', '## Example', '', '```json', JSON.stringify(example.message), '```')
  if (example.result !== undefined) lines.push('', 'answered with', '', '```json', JSON.stringify({ id: 1, result: example.result }), '```')
  return `${lines.join('\n')}\n`
}

function definitionNamed(name: string, definitions: ReadonlyMap<string, SchemaNode>): SchemaNode | undefined {
  const id = definitionId(name, definitions)
  return id === undefined ? undefined : definitions.get(id)
}

function typeTable(schema: SchemaNode | undefined): string[] {
  if (schema === undefined) return ['(not in this variant)']
  const description = typeof schema.description === 'string' ? [schema.description, ''] : []
  if (!isRecord(schema.properties) || Object.keys(schema.properties).length === 0) return [...description, `Shape: ${typeText(schema)}`]
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  const rows = Object.entries(schema.properties).map(([name, field]) => {
    const node = isRecord(field) ? field : {}
    const notes = [typeof node.description === 'string' ? node.description : '', typeof node['x-experimental'] === 'string' ? `experimental (\`${node['x-experimental']}\`)` : ''].filter(Boolean).join(' ')
    return `| \`${name}\` | ${cell(typeText(node))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(notes)} |`
  })
  return [...description, '| field | type | required | notes |', '|---|---|---|---|', ...rows]
}

/** A short TypeScript-like rendering of a schema node. */
function typeText(node: SchemaNode): string {
  if (typeof node.$ref === 'string') return node.$ref.replace(/^#\/definitions\/(v2\/)?/, '')
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && isRecord(node.allOf[0])) return typeText(node.allOf[0])
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' | ')
  const arms = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined
  if (arms) return arms.filter(isRecord).map((arm) => typeText(arm)).join(' | ')
  const types = typeList(node).map((type) => {
    if (type === 'array') return `${isRecord(node.items) ? typeText(node.items) : 'unknown'}[]`
    if (type === 'object' && isRecord(node.additionalProperties)) return `{ [key: string]: ${typeText(node.additionalProperties)} }`
    if (type === 'integer' && typeof node.format === 'string') return `integer (${node.format})`
    return type
  })
  return types.length > 0 ? types.join(' | ') : 'any'
}

function indexPage(model: MetaModel, methods: MethodModel[]): string {
  const lines = [`# Codex app-server ${model.codexVersion}: ${model.variant} variant`, '', `${methods.length} methods, generated from the definitions in \`protocol/\`. The same surface as an OpenRPC document: [openrpc.json](../openrpc.json).`]
  for (const [direction, title] of Object.entries(DIRECTION_TITLES)) {
    const group = methods.filter((method) => method.direction === direction)
    if (group.length === 0) continue
    lines.push('', `## ${title[0]!.toUpperCase()}${title.slice(1)}s (${group.length})`, '', '| method | description |', '|---|---|')
    for (const method of group) lines.push(`| [\`${method.method}\`](${docPage(method.method)})${method.experimental ? ' (experimental)' : ''} | ${cell(method.description ?? '')} |`)
  }
  return `${lines.join('\n')}\n`
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}
