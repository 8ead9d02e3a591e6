// `npm run compat`: compares our JSON Schema output with codex's own, per method, type and fixture
// file, in both variants, and explains every difference or fails.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { BUNDLE_FILE } from '../emit/emit-json.js'
import { generate } from '../generate.js'
import { versionPrefix } from '../layout.js'
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import type { MetaModel, SchemaNode } from '../../protocol/model/meta-model.js'
import { codexBinaryVersion, codexOutputs, type CodexOutputs } from './codex-output.js'
import { textOf } from '../output/file-tree.js'
import { bundleDefinitions, compareVariant, reachableFrom, UNION_NAMES, unionArms, type CompatRow } from './compare.js'
import { DEVIATIONS_FILE, explain, readDeviations, type RuleFacts, type SchemaDeviation } from './deviations.js'

const NAME = 'compat'
const USAGE = `Usage: npm run compat -- [--version V] [--codex-bin PATH | --codex-out DIR] [--scope all|defined] [--verbose]

Compares the JSON Schema fixtures generated from protocol/ with codex's own generate-json-schema
output (stable and --experimental), per method, per type and per fixture file, ignoring
descriptions, titles and key order. Deliberate differences are listed in ${DEVIATIONS_FILE}.
Differences are named by kind and member (field added, enum value added, arm added, type changed);
types codex keeps that are probably results of methods protocol/ does not define are "unknown".
Exits 1 on any difference that is not listed there.

Options:
  --version V       supported codex version to compare (${SUPPORTED_VERSIONS.join(', ')}; default: the latest)
  --codex-bin PATH  use this codex binary instead of installing @openai/codex@V from npm; the
                    report names the version the binary reports, and without --version that
                    version is compared when it is supported (otherwise the latest)
  --codex-out DIR   use codex output already generated into DIR/{json,json-exp}
  --scope S         all (default): codex's whole surface; defined: only what our definitions cover
  --verbose         list every method and type, not only the differences
  -h, --help        show this help
`

const VARIANT_FOLDERS = { stable: 'json', experimental: 'json-exp' } as const
const ENVELOPE = ['RequestId', 'JSONRPCMessage', 'JSONRPCRequest', 'JSONRPCNotification', 'JSONRPCResponse', 'JSONRPCError', 'JSONRPCErrorError']

export async function main(argv: string[], repoRoot: string): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: { version: { type: 'string' }, 'codex-bin': { type: 'string' }, 'codex-out': { type: 'string' }, scope: { type: 'string', default: 'all' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values
    if (values.scope !== 'all' && values.scope !== 'defined') throw new Error(`--scope must be "all" or "defined", not "${values.scope}"`)
    if (values['codex-bin'] && values['codex-out']) throw new Error('--codex-bin and --codex-out cannot be used together')
    if (values.version !== undefined && !(SUPPORTED_VERSIONS as readonly string[]).includes(values.version)) {
      throw new Error(`unknown codex version "${values.version}" (supported: ${SUPPORTED_VERSIONS.join(', ')})`)
    }
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message} (see --help)\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  let outputs: CodexOutputs | undefined
  try {
    const codexBin = values['codex-bin'] ? resolve(values['codex-bin']) : undefined
    // A given binary is asked what it is: the report names that, and it picks our version to compare.
    const binaryVersion = codexBin ? await codexBinaryVersion(codexBin) : undefined
    const version = values.version ?? (binaryVersion && isSupported(binaryVersion) ? binaryVersion : LATEST_VERSION)
    const codexVersion = binaryVersion ?? (values['codex-out'] ? `output in ${values['codex-out']}` : version)
    const { protocol } = await import('../../protocol/index.js')
    const generation = generate(protocol, { versions: [version] })
    outputs = values['codex-out'] ? { dir: resolve(values['codex-out']), dispose: async () => {} } : await codexOutputs({ version, codexBin })
    const codexDir = outputs.dir
    const deviations = await readDeviations(join(repoRoot, DEVIATIONS_FILE))
    const rows: CompatRow[] = []
    const facts: RuleFacts = { experimentalMethods: new Set(generation.model.methods.filter((m) => m.experimental).map((m) => m.method)), unreachableInCodex: new Map() }
    const defined = new Map<string, Set<string>>()
    const ourMethods = new Set(generation.model.methods.map((m) => m.method))
    for (const [variant, folder] of Object.entries(VARIANT_FOLDERS)) {
      const codexBundle = JSON.parse(await readFile(join(codexDir, folder, BUNDLE_FILE), 'utf8')) as SchemaNode
      const prefix = `fixtures/${versionPrefix(version, LATEST_VERSION)}${variant}/`
      const oursBundle = JSON.parse(textOf(generation.files.get(`${prefix}${BUNDLE_FILE}`))) as SchemaNode
      const oursFiles = [...generation.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length))
      const codexDefs = bundleDefinitions(codexBundle)
      const variantRoots = rootsInCodex(codexDefs, generation.model, (m) => variant === 'experimental' || !facts.experimentalMethods.has(m))
      const reachable = reachableFrom(codexDefs, variantRoots)
      const unknown = probableResultsOfUndefined(codexDefs, ourMethods, reachable)
      const variantRows = compareVariant({ variant, codexBundle, oursBundle, codexFiles: await listFiles(join(codexDir, folder)), oursFiles })
      rows.push(...variantRows.map((row) => markUnknown(row, unknown)))
      facts.unreachableInCodex.set(variant, new Set([...codexDefs.keys()].filter((n) => !UNION_NAMES.includes(n) && !reachable.has(n) && !unknown.has(n))))
      defined.set(variant, reachableFrom(codexDefs, rootsInCodex(codexDefs, generation.model, (m) => ourMethods.has(m))))
    }
    const inScope = values.scope === 'all' ? rows : rows.filter((row) => row.status !== 'missing' || isDefined(row, generation.model, defined.get(row.variant)!))
    process.stdout.write(report(inScope, deviations.schema, facts, { ours: version, codex: codexVersion, bin: codexBin }, values.scope, Boolean(values.verbose)))
    return inScope.some((row) => row.status !== 'equal' && !explain(row, deviations.schema, facts)) ? 1 : 0
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message}\n`)
    return 1
  } finally {
    await outputs?.dispose()
  }
}

function isSupported(version: string): boolean {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version)
}

/**
 * Types codex's output has that no root reaches but that are probably the results of codex
 * methods our definitions lack (`FooParams` of an undefined method → `FooResponse`), with what
 * only they reach. Codex's JSON does not say which type a method returns, so these are unknown,
 * not deliberate orphans.
 */
function probableResultsOfUndefined(codexDefs: Map<string, unknown>, ourMethods: Set<string>, reachable: Set<string>): Map<string, string> {
  const unknown = new Map<string, string>()
  for (const [key, arm] of unionArms(codexDefs)) {
    const method = key.split(' ')[1]!
    if (ourMethods.has(method)) continue
    const params = JSON.stringify((arm as SchemaNode).properties)
    for (const match of params.matchAll(/"\$ref":"[^"]*\/([^"/]+)Params"/g)) {
      const result = `${match[1]}Response`
      if (!codexDefs.has(result) || reachable.has(result)) continue
      for (const name of reachableFrom(codexDefs, [result])) if (!reachable.has(name) && !unknown.has(name)) unknown.set(name, method)
    }
  }
  return unknown
}

function markUnknown(row: CompatRow, unknown: Map<string, string>): CompatRow {
  if (row.status !== 'missing' || row.kind === 'method') return row
  const name = row.kind === 'file' ? row.name.replace(/^.*\//, '').replace(/\.json$/, '') : row.name
  const method = unknown.get(name)
  return method ? { ...row, status: 'unknown', detail: `probably reached from the result of codex's ${method}, which protocol/ does not define` } : row
}

/** Codex payload types of the methods `keep` accepts (params from its unions, results from our model), plus the envelope. */
function rootsInCodex(codexDefs: Map<string, unknown>, model: MetaModel, keep: (method: string) => boolean): string[] {
  const roots = [...ENVELOPE]
  for (const [key, arm] of unionArms(codexDefs)) {
    const method = key.split(' ')[1]!
    if (!keep(method)) continue
    const params = JSON.stringify((arm as SchemaNode).properties)
    for (const match of params.matchAll(/"\$ref":"[^"]*\/([^"/]+)"/g)) roots.push(match[1]!)
  }
  for (const m of model.methods) if (m.result && keep(m.method)) roots.push(m.result)
  return roots
}

function isDefined(row: CompatRow, model: MetaModel, reached: Set<string>): boolean {
  if (row.kind === 'method') return model.methods.some((m) => m.method === row.name.split(' ')[1])
  const name = row.kind === 'file' ? row.name.replace(/^.*\//, '').replace(/\.json$/, '') : row.name
  return reached.has(name) || UNION_NAMES.includes(name) || name.startsWith('codex_app_server_protocol')
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) await walk(full)
      else out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  await walk(dir)
  return out.sort()
}

function report(rows: CompatRow[], deviations: SchemaDeviation[], facts: RuleFacts, versions: { ours: string; codex: string; bin?: string }, scope: string, verbose: boolean): string {
  const against = `codex ${versions.codex}${versions.bin ? ` (${versions.bin})` : ''}`
  const lines = [`compat: our ${versions.ours} fixtures vs ${against} generate-json-schema (scope: ${scope})`, '']
  if (versions.codex !== versions.ours && !versions.codex.startsWith('output in')) lines.push(`note: the binary is codex ${versions.codex}, compared with our definitions of ${versions.ours}`, '')
  lines.push(`${'variant'.padEnd(13)}${'kind'.padEnd(8)}${'equal'.padStart(7)}${'deviation'.padStart(11)}${'different'.padStart(11)}${'missing'.padStart(9)}${'extra'.padStart(7)}${'unknown'.padStart(9)}`)
  const unexplained: string[] = []
  const byDeviation = new Map<string, CompatRow[]>()
  for (const variant of Object.keys(VARIANT_FOLDERS)) {
    for (const kind of ['method', 'type', 'file'] as const) {
      const group = rows.filter((r) => r.variant === variant && r.kind === kind)
      const count = { equal: 0, deviation: 0, different: 0, missing: 0, extra: 0, unknown: 0 }
      for (const row of group) {
        if (row.status === 'equal') {
          count.equal++
          continue
        }
        const deviation = explain(row, deviations, facts)
        if (deviation) {
          count.deviation++
          byDeviation.set(deviation.id, [...(byDeviation.get(deviation.id) ?? []), row])
        } else {
          count[row.status]++
          unexplained.push(`  ${variant} ${kind} ${row.name}: ${row.status}${row.detail ? ` (${row.detail})` : ''}`)
        }
      }
      lines.push(`${variant.padEnd(13)}${kind.padEnd(8)}${String(count.equal).padStart(7)}${String(count.deviation).padStart(11)}${String(count.different).padStart(11)}${String(count.missing).padStart(9)}${String(count.extra).padStart(7)}${String(count.unknown).padStart(9)}`)
    }
  }
  if (byDeviation.size > 0) {
    lines.push('', 'Deliberate deviations:')
    for (const d of deviations) {
      const covered = byDeviation.get(d.id)
      if (!covered) continue
      lines.push(`  ${d.id} (${covered.length}): ${d.reason}`)
      if (verbose) lines.push(...covered.map((r) => `      ${r.variant} ${r.kind} ${r.name}: ${r.status}`))
    }
  }
  if (verbose) {
    lines.push('', 'Equal:', ...rows.filter((r) => r.status === 'equal').map((r) => `  ${r.variant} ${r.kind} ${r.name}`))
  }
  lines.push('', unexplained.length === 0 ? 'No unexplained differences.' : `Unexplained differences (${unexplained.length}):`, ...unexplained.slice(0, verbose ? undefined : 200))
  if (!verbose && unexplained.length > 200) lines.push(`  … ${unexplained.length - 200} more (--verbose lists all)`)
  return `${lines.join('\n')}\n`
}
