// The whole generation in memory: definitions → model → both variants → every output file.
import type { ProtocolDefinition } from '../protocol/dsl/index.js'
import { emitDocs } from './emit/emit-docs.js'
import { BUNDLE_FILE, emitJson } from './emit/emit-json.js'
import { emitOpenRpc, OPENRPC_FILE } from './emit/emit-openrpc.js'
import { emitTs } from './emit/emit-ts.js'
import { buildModel } from './model/build-model.js'
import type { MetaModel, SchemaNode } from '../protocol/model/meta-model.js'
import { projectVariant, VARIANTS, type Variant } from './model/project-variant.js'
import { META_MODEL_FILE } from './layout.js'
import type { FileTree } from './output/file-tree.js'

export { META_MODEL_FILE, OWNED_FOLDERS } from './layout.js'

export interface VariantSummary {
  variant: Variant
  model: MetaModel
  jsonFiles: number
  tsFiles: number
}

export interface Generation {
  model: MetaModel
  files: FileTree
  variants: VariantSummary[]
}

export function generate(def: ProtocolDefinition): Generation {
  const model = buildModel(def)
  const files: FileTree = new Map()
  const variants = VARIANTS.map((variant) => {
    const projected = projectVariant(model, variant)
    const json = emitJson(projected)
    const ts = emitTs(projected)
    for (const [path, text] of json) files.set(`fixtures/${variant}/${path}`, text)
    for (const [path, text] of ts) files.set(`generated/${variant}/${path}`, text)
    const bundle = JSON.parse(json.get(BUNDLE_FILE)!) as SchemaNode
    files.set(`generated/${variant}/${OPENRPC_FILE}`, emitOpenRpc(projected, bundle))
    for (const [path, text] of emitDocs(projected, bundle)) files.set(`generated/${variant}/${path}`, text)
    return { variant, model: projected, jsonFiles: json.size, tsFiles: ts.size }
  })
  // Declaration order is meaningful in the model (fields, methods), so keys are not re-sorted here.
  files.set(META_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`)
  return { model, files, variants }
}

/** What the CLI prints about a generation; plain data, so it can be cached with the files. */
export interface GenerationSummary {
  codexVersion: string
  variants: { variant: Variant; methods: Record<string, number>; types: number; jsonFiles: number; tsFiles: number }[]
}

export function summarize(generation: Generation): GenerationSummary {
  return {
    codexVersion: generation.model.codexVersion,
    variants: generation.variants.map((v) => {
      const methods: Record<string, number> = {}
      for (const m of v.model.methods) methods[m.direction] = (methods[m.direction] ?? 0) + 1
      return { variant: v.variant, methods, types: v.model.types.length, jsonFiles: v.jsonFiles, tsFiles: v.tsFiles }
    }),
  }
}
