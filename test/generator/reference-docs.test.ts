// The generated reference: every OpenRPC document is valid OpenRPC with every reference resolved,
// and every example message of the method pages is accepted by the variant's schemas.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { SnapshotValidator } from '../../generator/diff/examples.js'
import { InstanceBuilder } from '../../generator/diff/instance-builder.js'
import { definitionsById, readSnapshot } from '../../generator/diff/snapshot.js'
import { exampleMessages } from '../../generator/emit/emit-docs.js'
import { forEachNode } from '../../generator/model/schema-nodes.js'
import type { MetaModel } from '../../protocol/model/meta-model.js'
import { projectVariant, VARIANTS } from '../../generator/model/project-variant.js'

const ROOT = join(import.meta.dirname, '../..')
// The meta-schemas as their packages ship them (their typings declare only the document types).
const load = createRequire(import.meta.url)
const openrpcDocument = (load('@open-rpc/meta-schema') as { openrpcDocument: object }).openrpcDocument
const jsonSchemaMetaSchema = load('@json-schema-tools/meta-schema/schema.json') as object
const model = JSON.parse(readFileSync(join(ROOT, 'generated/meta-model.json'), 'utf8')) as MetaModel

describe.each(VARIANTS)('reference of the %s variant', (variant) => {
  const bundle = JSON.parse(readFileSync(join(ROOT, `fixtures/${variant}/codex_app_server_protocol.schemas.json`), 'utf8'))
  const projected = projectVariant(model, variant)

  it('is a valid OpenRPC document whose references all resolve', () => {
    const document = JSON.parse(readFileSync(join(ROOT, `generated/${variant}/openrpc.json`), 'utf8'))
    // The OpenRPC meta-schema refers to its JSON Schema meta-schema by URL: both come from npm.
    const ajv = new Ajv({ strict: false, validateSchema: false, logger: false })
    // (once with the trailing slash of its $id, once without, as the OpenRPC schema spells both).
    for (const id of ['https://meta.json-schema.tools/', 'https://meta.json-schema.tools']) ajv.addSchema({ ...jsonSchemaMetaSchema, $id: undefined, $schema: undefined }, id)
    const valid = ajv.validate(openrpcDocument, document)
    expect(ajv.errors ?? [], 'OpenRPC meta-schema').toEqual([])
    expect(valid).toBe(true)
    const missing: string[] = []
    forEachNode(document, (node) => {
      if (typeof node.$ref === 'string' && !(node.$ref.replace('#/components/schemas/', '') in document.components.schemas)) missing.push(node.$ref)
    })
    expect(missing).toEqual([])
    expect(document.methods.map((m: { name: string }) => m.name)).toEqual(projected.methods.filter((m) => m.direction === 'clientRequest' && !m.tsOnly).map((m) => m.method))
  })

  it('has an example on every method page that the schemas accept', () => {
    const results = new Map(projected.methods.flatMap((m) => (m.result ? [[m.method, m.result] as const] : [])))
    const snapshot = readSnapshot(variant, variant, bundle, results)
    const validator = new SnapshotValidator(snapshot)
    const definitions = definitionsById(bundle)
    const builder = new InstanceBuilder(definitions)
    const refused: string[] = []
    for (const method of projected.methods.filter((m) => !m.tsOnly)) {
      const { message, result } = exampleMessages(method, definitions, builder)
      if (!validator.acceptsMessage(method.direction, method.method, message.params)) refused.push(`${method.method} params`)
      if (method.result !== undefined && !validator.accepts(method.result, result)) refused.push(`${method.method} result`)
      const page = readFileSync(join(ROOT, `generated/${variant}/docs/${method.method.replaceAll('/', '.')}.md`), 'utf8')
      expect(page).toContain(JSON.stringify(message))
    }
    expect(refused).toEqual([])
  })
})
