// The whole generation in memory: definitions → one model per codex version → both variants →
// every output file.
import type { ProtocolDefinition } from '../protocol/dsl/index.js'
import { emitDocs } from './emit/emit-docs.js'
import { BUNDLE_FILE, emitJson } from './emit/emit-json.js'
import { emitOpenRpc, OPENRPC_FILE } from './emit/emit-openrpc.js'
import { emitTs } from './emit/emit-ts.js'
import { buildModel, DefinitionError, latestVersion } from './model/build-model.js'
import type { MetaModel } from '../protocol/model/meta-model.js'
import { projectVariant, VARIANTS, type Variant } from './model/project-variant.js'
import { versionAnnotationProblems } from './model/project-version.js'
import { toPlain } from './model/schema-nodes.js'
import { metaModelFile, ownedPaths, versionPrefix } from './layout.js'
import type { FileTree } from './output/file-tree.js'
import type { SchemaNode } from '../protocol/model/meta-model.js'

export interface VariantSummary {
  variant: Variant
  model: MetaModel
  jsonFiles: number
  tsFiles: number
}

export interface VersionGeneration {
  version: string
  model: MetaModel
  variants: VariantSummary[]
}

export interface Generation {
  /** The latest version's model (the default). */
  model: MetaModel
  files: FileTree
  /** The latest version's variants. */
  variants: VariantSummary[]
  /** Every generated version, oldest first. */
  versions: VersionGeneration[]
  /** The output folders and files this generation owns (see layout.ts). */
  owned: string[]
}

export interface GenerateOptions {
  /** Generate only these versions (default: every supported one). */
  versions?: readonly string[]
}

export function generate(def: ProtocolDefinition, options: GenerateOptions = {}): Generation {
  const latest = latestVersion(def)
  const versions = options.versions ?? def.versions
  const annotationProblems = versionAnnotationProblems(def, new Map([...def.standaloneTypes, ...def.types].map((t) => [t.name, toPlain(t.schema) as SchemaNode])))
  if (annotationProblems.length > 0) throw new DefinitionError(annotationProblems)
  const files: FileTree = new Map()
  const generated: VersionGeneration[] = []
  const problems = new Map<string, string[]>()
  for (const version of versions) {
    let model: MetaModel
    try {
      model = buildModel(def, version)
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error
      problems.set(version, error.problems)
      continue
    }
    const base = versionPrefix(version, latest)
    const variants = VARIANTS.map((variant) => {
      const projected = projectVariant(model, variant)
      const json = emitJson(projected)
      const ts = emitTs(projected)
      for (const [path, text] of json) files.set(`fixtures/${base}${variant}/${path}`, text)
      for (const [path, text] of ts) files.set(`generated/${base}${variant}/${path}`, text)
      const bundle = JSON.parse(json.get(BUNDLE_FILE)!) as SchemaNode
      files.set(`generated/${base}${variant}/${OPENRPC_FILE}`, emitOpenRpc(projected, bundle))
      for (const [path, text] of emitDocs(projected, bundle)) files.set(`generated/${base}${variant}/${path}`, text)
      return { variant, model: projected, jsonFiles: json.size, tsFiles: ts.size }
    })
    // Declaration order is meaningful in the model (fields, methods), so keys are not re-sorted here.
    files.set(metaModelFile(version, latest), `${JSON.stringify(model, null, 2)}\n`)
    generated.push({ version, model, variants })
  }
  if (problems.size > 0) throw new DefinitionError(versionedProblems(problems, versions.length))
  const main = generated.find((g) => g.version === latest) ?? generated[generated.length - 1]!
  return { model: main.model, files, variants: main.variants, versions: generated, owned: ownedPaths(versions, latest, versions.length === def.versions.length) }
}

// A problem every generated version has is said once, as it is; the others name their version.
function versionedProblems(byVersion: Map<string, string[]>, versionCount: number): string[] {
  const count = new Map<string, number>()
  for (const list of byVersion.values()) for (const problem of new Set(list)) count.set(problem, (count.get(problem) ?? 0) + 1)
  const out: string[] = []
  for (const [version, list] of byVersion) {
    for (const problem of list) {
      if (count.get(problem) === versionCount) out.push(problem)
      else out.push(problem.includes(`codex ${version}`) ? problem : `codex ${version}: ${problem}`)
    }
  }
  return [...new Set(out)]
}

/** What the CLI prints about a generation; plain data, so it can be cached with the files. */
export interface GenerationSummary {
  codexVersion: string
  versions: { codexVersion: string; variants: { variant: Variant; methods: Record<string, number>; types: number; jsonFiles: number; tsFiles: number }[] }[]
  owned: string[]
}

export function summarize(generation: Generation): GenerationSummary {
  return {
    codexVersion: generation.model.codexVersion,
    versions: generation.versions.map((g) => ({
      codexVersion: g.version,
      variants: g.variants.map((v) => {
        const methods: Record<string, number> = {}
        for (const m of v.model.methods) methods[m.direction] = (methods[m.direction] ?? 0) + 1
        return { variant: v.variant, methods, types: v.model.types.length, jsonFiles: v.jsonFiles, tsFiles: v.tsFiles }
      }),
    })),
    owned: generation.owned,
  }
}
