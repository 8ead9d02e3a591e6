// Round trip through the importer: import our own experimental bundle into definition source,
// swap it in for protocol/v1 and protocol/v2 in a copy of the repository, regenerate, and get the
// same JSON Schema fixtures back (descriptions aside: the importer leaves them to people).
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { isNamedType } from '../../protocol/dsl/index.js'
import type { MetaModel } from '../../protocol/model/meta-model.js'
import { copyRepo, REPO, removeCopy } from '../cli/helpers/repo-copy.js'
import { runNode } from '../cli/helpers/run-node.js'

const FAMILY_FOLDERS = ['v1', 'v2']
const BUNDLE = 'fixtures/experimental/codex_app_server_protocol.schemas.json'

let copy: string

/** Type name → family (`v2/thread`) of the repository's definitions, read from the modules. */
async function familiesOfTypes(): Promise<Map<string, string[]>> {
  const families = new Map<string, string[]>()
  for (const folder of FAMILY_FOLDERS) {
    for (const file of (await readdir(join(REPO, 'protocol', folder))).filter((f) => f.endsWith('.ts')).sort()) {
      const module = (await import(join(REPO, 'protocol', folder, file))) as Record<string, unknown>
      families.set(`${folder}/${file.slice(0, -3)}`, Object.values(module).filter(isNamedType).map((t) => t.name))
    }
  }
  return families
}

/** The reasons of the committed model's experimental members, as the importer's TSV. */
function reasonsTsv(model: MetaModel): string {
  const rows = model.experimental.flatMap((entry) => {
    if (entry.kind === 'field' && !entry.field.includes('.')) return [`${entry.type}\t${entry.field}\t${entry.reason}`]
    if (entry.kind === 'variant') return [`${entry.type}\t${entry.variant}\t${entry.reason}`]
    return []
  })
  return `type_name\tfield_or_variant\treason\n${rows.join('\n')}\n`
}

/**
 * A JSON Schema document without `description` annotations (property and type names untouched).
 * What a description alone causes goes too: the `allOf` wrapper around a described `$ref`, and the
 * object form of the schema `true`.
 */
function withoutDescriptions(value: unknown, isNameMap = false, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutDescriptions(item))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (!isNameMap && k === 'description') continue
    if (!isNameMap && (k === 'default' || k === 'enum')) out[k] = v
    else out[k] = withoutDescriptions(v, isNameMap ? k === 'v2' && key === 'definitions' : k === 'properties' || k === 'definitions', k)
  }
  if (isNameMap) return out
  const keys = Object.keys(out)
  if (keys.length === 0) return true
  if (keys.length === 1 && Array.isArray(out.allOf) && out.allOf.length === 1) return out.allOf[0]
  return out
}

async function jsonFixtures(root: string): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>()
  for (const variant of ['stable', 'experimental']) {
    const dir = join(root, 'fixtures', variant)
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(root.length + 1), withoutDescriptions(JSON.parse(await readFile(path, 'utf8'))))
    }
  }
  return files
}

let before: Map<string, unknown>
let after: Map<string, unknown>

beforeAll(async () => {
  copy = await copyRepo('import-roundtrip')
  const generator = (args: string[] = []) => runNode(copy, 'bin/write-app-server-schema.js', args)
  expect((await generator()).code).toBe(0)
  before = await jsonFixtures(copy)

  const families = await familiesOfTypes()
  const familyOf: Record<string, string> = {}
  for (const [family, names] of families) for (const name of names) familyOf[name] = family
  const bundle = JSON.parse(await readFile(join(copy, BUNDLE), 'utf8')) as { definitions: Record<string, unknown> & { v2: Record<string, unknown> } }
  const bundled = [...Object.keys(bundle.definitions).filter((n) => n !== 'v2'), ...Object.keys(bundle.definitions.v2)]
  // Wrappers and unions the generator writes itself are not definitions to import.
  const notOurs = bundled.filter((name) => !(name in familyOf))
  await writeFile(join(copy, 'families.json'), JSON.stringify(familyOf))
  const model = JSON.parse(await readFile(join(copy, 'generated/meta-model.json'), 'utf8')) as MetaModel
  await writeFile(join(copy, 'reasons.tsv'), reasonsTsv(model))

  const imported = await runNode(copy, 'bin/import-json-schema.js', [
    '--bundle', BUNDLE, '--ts-dir', 'generated/experimental', '--families', 'families.json', '--reasons', 'reasons.tsv',
    ...(notOurs.length > 0 ? ['--exclude', notOurs.join(',')] : []), '--out', 'imported',
  ])
  expect(imported.stderr).toBe('')
  expect(imported.code).toBe(0)

  // Swap the imported families in. Types the JSON bundle cannot carry (TypeScript-only methods)
  // stay in their original file, kept beside the import and re-exported from it.
  for (const folder of FAMILY_FOLDERS) await rename(join(copy, 'protocol', folder), join(copy, `original-${folder}`))
  const bundledNames = new Set(bundled)
  for (const [family, names] of families) {
    const [folder, file] = family.split('/') as [string, string]
    await mkdir(join(copy, 'protocol', folder), { recursive: true })
    const original = join(copy, `original-${folder}`, `${file}.ts`)
    const importedFile = join(copy, 'imported', `${family}.ts`)
    const kept = names.filter((name) => !bundledNames.has(name))
    if (!existsSync(importedFile)) {
      await writeFile(join(copy, 'protocol', family + '.ts'), await readFile(original, 'utf8'))
      continue
    }
    let source = await readFile(importedFile, 'utf8')
    if (kept.length > 0) {
      await writeFile(join(copy, 'protocol', folder, `${file}.kept.ts`), await readFile(original, 'utf8'))
      source += `\nexport { ${kept.join(', ')} } from './${file}.kept.js'\n`
    }
    await writeFile(join(copy, 'protocol', `${family}.ts`), source)
  }
  await rm(join(copy, 'imported'), { recursive: true })

  const regenerated = await generator()
  expect(regenerated.stderr).toBe('')
  expect(regenerated.code).toBe(0)
  after = await jsonFixtures(copy)
}, 120_000)

afterAll(async () => {
  if (copy) await removeCopy(copy)
})

test('the imported definitions regenerate the same set of fixture files', () => {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
})

test('the bundles are structurally equal to the originals, descriptions aside', () => {
  for (const variant of ['stable', 'experimental']) {
    for (const bundle of ['codex_app_server_protocol.schemas.json', 'codex_app_server_protocol.v2.schemas.json']) {
      const path = `fixtures/${variant}/${bundle}`
      expect(after.get(path), path).toEqual(before.get(path))
    }
  }
})

test('every per-type fixture is structurally equal too', () => {
  const differing = [...before].filter(([path, doc]) => JSON.stringify(after.get(path)) !== JSON.stringify(doc)).map(([path]) => path)
  expect(differing).toEqual([])
})
