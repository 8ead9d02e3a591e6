// `write-app-server-schema`: regenerates fixtures/ and generated/ from protocol/, or with `--check`
// reports drift without writing.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ProtocolDefinition } from '../protocol/dsl/index.js'
import type { GenerationSummary } from './generate.js'
import { metaModelFile } from './layout.js'
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../protocol/versions.js'
import type { DefinitionError } from './model/build-model.js'
import type { MetaModel } from '../protocol/model/meta-model.js'
import { applyDiff, diffTree, textOf, type FileContent, type TreeDiff } from './output/file-tree.js'
import { cachePathFor, readCachedTree, writeCachedTree } from './output/generation-cache.js'
import { KnownFiles } from './output/known-files.js'

const NAME = 'write-app-server-schema'
const FIX_COMMAND = 'npm run write-app-server-schema'

const USAGE = `Usage: ${NAME} [--check] [--out DIR] [--version V] [--no-cache]

Regenerates the JSON Schema fixtures (fixtures/) and TypeScript types (generated/) of the
Codex app-server protocol from the definitions in protocol/, in a stable and an experimental variant,
for every supported codex version (${SUPPORTED_VERSIONS.join(', ')}). The latest (${LATEST_VERSION})
is written to fixtures/{stable,experimental} and generated/{stable,experimental}; each older one
below a v<version> folder (fixtures/v${SUPPORTED_VERSIONS[0]}/stable, …).
Writes only files whose content changed and removes files that are no longer produced.

Options:
  --check      write nothing; exit 1 and explain if the committed files differ from the definitions
  --out DIR    write (or check) the tree under DIR instead of the repository
  --version V  only this supported codex version's output (the others are left alone)
  --no-cache   generate from the definitions even if this exact generator ran before, and read
               every file instead of trusting the record of files it wrote or verified
  -h, --help   show this help
`

/** Thrown for problems the user can fix; printed as one line each, exit code attached. */
class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message)
  }
}

export interface MainOptions {
  /** The bundle entry this command runs from; its build folder keeps the output cache and the record of known files. */
  bundlePath?: string
}

export async function main(argv: string[], repoRoot: string, { bundlePath }: MainOptions = {}): Promise<number> {
  // Date.now rather than performance.now: the latter loads perf_hooks, a cost on every run.
  const started = Date.now()
  let options
  try {
    options = parseOptions(argv)
  } catch (error) {
    return fail(error)
  }
  if (options.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const root = options.out ? resolve(options.out) : repoRoot
  const versions = options.version ? [options.version] : undefined
  const build = options['no-cache'] ? undefined : bundlePath
  // What this build last verified under this root; not used once the output cache is distrusted.
  let known = build ? KnownFiles.open(dirname(build), root, options.version) : undefined
  let generation: Generated
  let diff: TreeDiff
  try {
    generation = await generateOrReuse(build, versions)
    diff = await diffAgainst(root, generation, known)
    // A difference found with cached output is acted on only if the cache is intact.
    if (hasChanges(diff) && generation.intact && !generation.intact()) {
      known = undefined
      generation = await generateOrReuse(undefined, versions)
      diff = await diffAgainst(root, generation, known)
    }
  } catch (error) {
    return fail(error)
  }
  const elapsed = () => `${Date.now() - started} ms`
  if (options.check) {
    if (!hasChanges(diff)) {
      await known?.record(root, generation.files.keys(), diff.stamps)
      process.stdout.write(`${NAME} --check: ${generation.files.size} files match the definitions (${elapsed()})\n`)
      return 0
    }
    const models = generation.summary.versions.map(({ codexVersion }) => {
      const file = metaModelFile(codexVersion, LATEST_VERSION)
      return { before: readCommittedModel(root, file), after: JSON.parse(textOf(generation.files.get(file))) as MetaModel }
    })
    // Loaded only on drift (and the generator only on a cache miss): a clean run stays small.
    const { reportDrift } = await import('./check/drift-report.js')
    process.stdout.write(reportDrift({ diff, files: generation.files, models, fixCommand: options.out ? `${FIX_COMMAND} -- --out ${options.out}` : FIX_COMMAND }))
    return 1
  }
  try {
    const written = applyDiff(root, generation.files, diff)
    await known?.record(root, generation.files.keys(), new Map([...diff.stamps, ...written]))
  } catch (error) {
    return fail(fileError(error))
  }
  process.stdout.write(summaryText(generation.summary, diff, root === repoRoot ? '' : ` under ${root}`, elapsed()))
  return 0
}

interface Generated {
  files: ReadonlyMap<string, FileContent>
  summary: GenerationSummary
  /** Set when the files came from the output cache. */
  intact?: () => boolean
}

function hasChanges(diff: TreeDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length > 0
}

async function diffAgainst(root: string, generation: Generated, known: KnownFiles | undefined): Promise<TreeDiff> {
  try {
    return await diffTree(root, generation.files, generation.summary.owned, known)
  } catch (error) {
    throw fileError(error)
  }
}

/** Generates, or reuses what the same bundle generated before (see generation-cache.ts). */
async function generateOrReuse(bundlePath: string | undefined, versions: string[] | undefined): Promise<Generated> {
  const cachePath = bundlePath ? cachePathFor(bundlePath, versions?.[0]) : undefined
  const cached = cachePath ? readCachedTree<GenerationSummary>(cachePath) : undefined
  if (cached) return cached
  const { generate, summarize } = await import('./generate.js')
  const generation = generate(await loadProtocol(), { versions })
  const result = { files: generation.files, summary: summarize(generation) }
  if (cachePath) writeCachedTree(cachePath, result.summary, result.files)
  return result
}

function parseOptions(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { check: { type: 'boolean' }, out: { type: 'string' }, version: { type: 'string' }, 'no-cache': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`)
    if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a folder (see --help)')
    if (values.version !== undefined && !(SUPPORTED_VERSIONS as readonly string[]).includes(values.version)) {
      throw new UsageError(`unknown codex version "${values.version}" (supported: ${SUPPORTED_VERSIONS.join(', ')})`)
    }
    return values
  } catch (error) {
    if (error instanceof UsageError) throw error
    // Node's own wording runs on about positionals; the first sentence is what the user needs.
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '')
    throw new UsageError(`${message} (see --help)`)
  }
}

async function loadProtocol(): Promise<ProtocolDefinition> {
  try {
    return (await import('../protocol/index.js')).protocol
  } catch (error) {
    const where = (error as Error).stack?.split('\n').find((line) => line.includes('/protocol/'))?.trim()
    throw new UsageError(`the definitions failed to load: ${(error as Error).message}${where ? ` (${where})` : ''}`, 1)
  }
}

function readCommittedModel(root: string, file: string): MetaModel | undefined {
  try {
    return JSON.parse(readFileSync(resolve(root, file), 'utf8')) as MetaModel
  } catch {
    return undefined
  }
}

function summaryText(summary: GenerationSummary, diff: TreeDiff, where: string, elapsed: string): string {
  const lines = [`${NAME}: codex protocol, latest ${summary.codexVersion}`]
  for (const { codexVersion, variants } of summary.versions) {
    for (const v of variants) {
      const count = (direction: string) => v.methods[direction] ?? 0
      lines.push(`  ${codexVersion.padEnd(8)} ${v.variant.padEnd(12)} ${count('clientRequest')} client requests, ${count('serverRequest')} server requests, ` +
        `${count('serverNotification')} server notifications, ${count('clientNotification')} client notifications, ` +
        `${v.types} types → ${v.jsonFiles} JSON + ${v.tsFiles} TS files`)
    }
  }
  lines.push(!hasChanges(diff)
    ? `  no changes: ${diff.unchanged} files up to date${where} (${elapsed})`
    : `  wrote ${diff.added.length + diff.changed.length} files (${diff.added.length} new), removed ${diff.removed.length}, ${diff.unchanged} unchanged${where} (${elapsed})`)
  return `${lines.join('\n')}\n`
}

/** A file-system failure under the output folder, as one line (Node's message names the path). */
function fileError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code
  return code ? new UsageError(`cannot read or write the output folder: ${(error as Error).message}`, 1) : error
}

function fail(error: unknown): number {
  if (error instanceof Error && error.name === 'DefinitionError') {
    for (const problem of (error as DefinitionError).problems) process.stderr.write(`${NAME}: definition error: ${problem}\n`)
    return 1
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${NAME}: ${error.message}\n`)
    return error.exitCode
  }
  throw error
}
