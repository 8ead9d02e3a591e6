// json-schema-to-typescript as an independent oracle: the types it derives from our experimental
// JSON Schema bundle and the types our emitter writes to generated/experimental must be mutually
// assignable. Sample: a few types of every protocol/v2 family, every union type, every type with
// experimental members, and the message unions. One jstt run and one TypeScript program in all.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compile, type JSONSchema } from 'json-schema-to-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { isNamedType } from '../../protocol/dsl/index.js'
import type { MetaModel } from '../../protocol/model/meta-model.js'

const REPO = join(import.meta.dirname, '..', '..')
const GENERATED = join(REPO, 'generated', 'experimental')
const TYPES_PER_FAMILY = 3
const MESSAGE_UNIONS = ['ClientRequest', 'ServerRequest', 'ServerNotification', 'ClientNotification']

type Definitions = Record<string, JSONSchema> & { v2: Record<string, JSONSchema> }

interface Sample {
  /** Type name in both the bundle and generated/experimental. */
  name: string
  /** Why it is in the sample. */
  reasons: Set<string>
}

let workDir: string
let bundle: { definitions: Definitions }
let model: MetaModel
const samples = new Map<string, Sample>()
let familyCount = 0

function add(name: string, reason: string) {
  const sample = samples.get(name) ?? { name, reasons: new Set<string>() }
  sample.reasons.add(reason)
  samples.set(name, sample)
}

function inBundle(name: string): boolean {
  return name in bundle.definitions.v2 || (name !== 'v2' && name in bundle.definitions)
}

/**
 * The bundle's definitions in one flat map, references rewritten to match. jstt takes the nested
 * `definitions.v2` map of codex's layout for a schema and then misreads properties named like its
 * own keywords (`extends`) inside it.
 */
function flatDefinitions(): Record<string, JSONSchema> {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(Object.entries(value).map(([key, v]) =>
      [key, key === '$ref' && typeof v === 'string' ? v.replace('#/definitions/v2/', '#/definitions/') : rewrite(v)]))
  }
  const { v2, ...root } = bundle.definitions
  const flat: Record<string, JSONSchema> = {}
  for (const [name, schema] of [...Object.entries(root), ...Object.entries(v2)]) {
    expect(flat[name], `${name} is declared in both namespaces`).toBeUndefined()
    flat[name] = forOracle(rewrite(schema)) as JSONSchema
  }
  return flat
}

/**
 * Shapes jstt reads differently from JSON Schema, adjusted in its input only:
 * - `default` and `description` are dropped: they are no types, but jstt intersects an `allOf`
 *   beside a string default with `string`, and reads a schema with only a description (any
 *   value) as an object;
 * - a closed object without properties is given its exact type, `Record<string, never>`: jstt
 *   writes an empty interface, which TypeScript reads as "any value but null".
 */
function forOracle(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forOracle)
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default' || key === 'description') continue
    if (key === 'properties' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([field, schema]) => [field, forOracle(schema)]))
    } else if (['items', 'additionalProperties', 'oneOf', 'anyOf', 'allOf'].includes(key)) {
      out[key] = forOracle(value)
    } else {
      out[key] = value
    }
  }
  if (out.type === 'object' && out.additionalProperties === false && out.properties === undefined && !out.oneOf && !out.anyOf) {
    out.tsType = 'Record<string, never>'
  }
  return out
}

/** Names exported by generated/experimental/index.ts. */
async function generatedNames(): Promise<Set<string>> {
  const index = await readFile(join(GENERATED, 'index.ts'), 'utf8')
  return new Set([...index.matchAll(/^export type \{ (\w+) \} from /gm)].map((m) => m[1]!))
}

async function chooseSample(): Promise<void> {
  const available = await generatedNames()
  const usable = (name: string) => available.has(name) && inBundle(name)
  const familyFiles = (await readdir(join(REPO, 'protocol', 'v2'))).filter((f) => f.endsWith('.ts')).sort()
  familyCount = familyFiles.length
  for (const file of familyFiles) {
    const module = (await import(join(REPO, 'protocol', 'v2', file))) as Record<string, unknown>
    const declared = Object.values(module).filter(isNamedType)
    // A family the latest codex release removed (current-time) has no type in the latest output.
    if (declared.every((t) => t.versions?.removed !== undefined)) {
      familyCount--
      continue
    }
    const names = declared.map((t) => t.name).filter(usable)
    expect(names.length, `family ${file} has no type in both the bundle and the generated TS`).toBeGreaterThan(0)
    for (const name of names.slice(0, TYPES_PER_FAMILY)) add(name, `family ${file}`)
  }
  for (const name of [...Object.keys(bundle.definitions), ...Object.keys(bundle.definitions.v2)]) {
    const schema = bundle.definitions.v2[name] ?? bundle.definitions[name]
    if (name !== 'v2' && usable(name) && typeof schema === 'object' && (schema.oneOf || schema.anyOf)) add(name, 'union')
  }
  for (const entry of model.experimental) if (entry.kind !== 'method' && usable(entry.type)) add(entry.type, 'experimental members')
  for (const name of MESSAGE_UNIONS) add(name, 'message union')
}

/** Our side of the comparison: TS-only methods are in the TS unions but, by design, not in JSON. */
function ourType(name: string): string {
  if (!MESSAGE_UNIONS.includes(name)) return `G.${name}`
  const tsOnly = model.methods.filter((m) => m.tsOnly).map((m) => JSON.stringify(m.method))
  return tsOnly.length > 0 ? `Exclude<G.${name}, { method: ${tsOnly.join(' | ')} }>` : `G.${name}`
}

interface Check {
  name: string
  direction: string
}

let mismatches: string[] = []
let checked = 0

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'jstt-oracle-'))
  bundle = JSON.parse(await readFile(join(REPO, 'fixtures/experimental/codex_app_server_protocol.schemas.json'), 'utf8'))
  model = JSON.parse(await readFile(join(REPO, 'generated/meta-model.json'), 'utf8'))
  await chooseSample()

  // One root object whose properties refer to every sampled type: jstt names its types its own
  // way (and renames collisions), so the comparison goes through `OracleRoot["Name"]`.
  const names = [...samples.keys()].sort()
  const root: JSONSchema = {
    title: 'OracleRoot',
    type: 'object',
    additionalProperties: false,
    required: names,
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/definitions/${name}` }])),
    definitions: flatDefinitions(),
  }
  const oracle = await compile(root, 'OracleRoot', {
    bannerComment: '',
    format: false,
    // Map values are `| undefined` in our TS, as in codex's.
    strictIndexSignatures: true,
    // JSON-value positions: ours is JsonValue, jstt's `unknown` would not be assignable to it.
    unknownAny: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
  })
  await writeFile(join(workDir, 'oracle.ts'), oracle)

  const checks: Check[] = []
  const lines = [`import type { OracleRoot } from './oracle.js'`, `import type * as G from ${JSON.stringify(join(GENERATED, 'index.js'))}`, '']
  names.forEach((name, i) => {
    const theirs = `OracleRoot[${JSON.stringify(name)}]`
    lines.push(`declare const oracle${i}: ${theirs}; export const ours${i}: ${ourType(name)} = oracle${i};`)
    checks.push({ name, direction: 'oracle type → our type' })
    lines.push(`declare const ourValue${i}: ${ourType(name)}; export const theirs${i}: ${theirs} = ourValue${i};`)
    checks.push({ name, direction: 'our type → oracle type' })
  })
  await writeFile(join(workDir, 'check.ts'), `${lines.join('\n')}\n`)

  const program = ts.createProgram([join(workDir, 'check.ts')], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
    skipLibCheck: true,
  })
  const firstCheckLine = 3
  mismatches = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n').slice(-3).join(' / ')
    if (d.file?.fileName !== join(workDir, 'check.ts')) return `${d.file?.fileName ?? '(program)'}: ${message}`
    const check = checks[d.file.getLineAndCharacterOfPosition(d.start ?? 0).line - firstCheckLine]
    return check ? `${check.name} (${check.direction}): ${message}` : message
  })
  checked = names.length
}, 120_000)

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

test('the sample covers every family, every union type and every type with experimental members', () => {
  const reasons = [...samples.values()].flatMap((s) => [...s.reasons])
  expect(reasons.filter((r) => r === 'union').length).toBeGreaterThan(80)
  expect(reasons.filter((r) => r === 'experimental members').length).toBeGreaterThan(15)
  expect(reasons.filter((r) => r === 'message union').length).toBe(MESSAGE_UNIONS.length)
  expect(new Set(reasons.filter((r) => r.startsWith('family '))).size).toBe(familyCount)
  expect(checked).toBe(samples.size)
})

test('the oracle types and our types are mutually assignable', () => {
  expect(mismatches).toEqual([])
})
