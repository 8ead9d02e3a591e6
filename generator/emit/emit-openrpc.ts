// An OpenRPC document of one variant. OpenRPC describes the methods a client calls on a server, so
// the client requests are its `methods`; what the server sends (its requests and notifications) and
// the client's notifications are carried in `x-codex-server-requests`, `x-codex-server-notifications`
// and `x-codex-client-notifications`, in the same method-object shape. Schemas are the variant's JSON
// Schema definitions under `components.schemas`, named as on the wire.
import type { MetaModel, MethodModel, SchemaNode } from '../../protocol/model/meta-model.js'
import { definitionsById, displayName } from '../diff/snapshot.js'
import { isRecord } from '../model/schema-nodes.js'

export const OPENRPC_FILE = 'openrpc.json'

/** `bundle` is the variant's `codex_app_server_protocol.schemas.json`, parsed. */
export function emitOpenRpc(model: MetaModel, bundle: SchemaNode): string {
  const schemas = componentSchemas(bundle)
  const byDirection = (direction: MethodModel['direction']) => model.methods.filter((method) => method.direction === direction && !method.tsOnly).map((method) => methodObject(method, schemas))
  const document = {
    openrpc: '1.3.2',
    info: {
      title: `Codex app-server protocol (${model.variant})`,
      version: model.codexVersion,
      description: `The JSON-RPC protocol of codex app-server ${model.codexVersion}, ${model.variant} variant. Messages omit the "jsonrpc" member. Server-to-client requests and notifications, which OpenRPC has no place for, are listed in x-codex-server-requests, x-codex-server-notifications and x-codex-client-notifications.`,
    },
    methods: byDirection('clientRequest'),
    'x-codex-server-requests': byDirection('serverRequest'),
    'x-codex-server-notifications': byDirection('serverNotification'),
    'x-codex-client-notifications': byDirection('clientNotification'),
    components: { schemas },
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

function methodObject(method: MethodModel, schemas: Record<string, SchemaNode>): Record<string, unknown> {
  const entry: Record<string, unknown> = { name: method.method }
  if (method.description !== undefined) entry.summary = method.description
  const params = method.params.presence === 'none' ? undefined : schemas[method.params.type]
  // OpenRPC names each param; codex's params are one object, so its fields are the params (by
  // name). A params type that is not a plain object (a tagged union) is carried whole instead.
  if (params !== undefined && isRecord(params.properties) && params.oneOf === undefined && params.anyOf === undefined) {
    const required = new Set(Array.isArray(params.required) ? params.required : [])
    entry.paramStructure = 'by-name'
    entry.params = Object.entries(params.properties).map(([name, schema]) => ({ name, required: required.has(name), schema }))
  } else {
    entry.paramStructure = 'by-name'
    entry.params = []
    if (method.params.presence !== 'none') entry['x-codex-params'] = { $ref: `#/components/schemas/${method.params.type}`, required: method.params.presence === 'required' }
  }
  if (method.result !== undefined) entry.result = { name: method.result, schema: { $ref: `#/components/schemas/${method.result}` } }
  if (method.experimental !== undefined) entry['x-codex-experimental'] = method.experimental
  if (method.serialization !== undefined) entry['x-codex-serialization'] = method.serialization
  if (method.deprecated !== undefined) entry.deprecated = true
  return entry
}

/** The bundle's definitions, root and `v2`, under one namespace with their refs rewritten. */
function componentSchemas(bundle: SchemaNode): Record<string, SchemaNode> {
  const byName = [...definitionsById(bundle)].map(([id, schema]) => [displayName(id), schema] as const)
  return Object.fromEntries(byName.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, schema]) => [name, rewriteRefs(schema) as SchemaNode]))
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema') continue
    out[key] = key === '$ref' && typeof child === 'string' ? child.replace(/^#\/definitions\/(v2\/)?/, '#/components/schemas/') : rewriteRefs(child)
  }
  return out
}
