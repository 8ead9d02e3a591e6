// Where the two sides of a protocol-diff come from. An argument is, in this order: a folder (our
// layout with `stable/` and `experimental/`, or codex's compat cache layout with `json/` and
// `json-exp/`), `codex@X.Y.Z` (codex's own output, installed from npm as compat does), a supported
// version (our committed fixtures of it), or a git ref of this repository (its committed fixtures).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { codexOutputs } from '../compat/codex-output.js'
import { BUNDLE_FILE } from '../emit/emit-json.js'
import { isRecord } from '../model/schema-nodes.js'
import { readVersion, type ProtocolVersion } from './diff.js'

const run = promisify(execFile)

/** Where a supported version's committed fixtures and meta model live, relative to the repository. */
export interface VersionLayout {
  supported: readonly string[]
  fixtures(version: string, variant: 'stable' | 'experimental'): string
  metaModel(version: string): string
}

/** A usage problem with an argument: reported in one line, exit status 2. */
export class SourceError extends Error {}

export async function resolveSource(argument: string, repoRoot: string, layout: VersionLayout): Promise<ProtocolVersion> {
  const folder = resolve(argument)
  if (existsSync(folder)) return readFolder(argument, folder, await resultTypesAt(repoRoot, layout))
  const codex = /^codex@(\d+\.\d+\.\d+)$/.exec(argument)
  if (codex) return readFolder(argument, (await codexOutputs({ version: codex[1]! })).dir, await resultTypesAt(repoRoot, layout))
  if (layout.supported.includes(argument)) {
    const read = (path: string) => readJson(join(repoRoot, path), argument)
    return fromBundles(argument, await read(layout.fixtures(argument, 'stable')), await read(layout.fixtures(argument, 'experimental')), resultTypesOf(await read(layout.metaModel(argument))))
  }
  if (/^\d+\.\d+\.\d+$/.test(argument)) throw new SourceError(`${argument} is not a supported version (supported: ${layout.supported.join(', ')}); for another release use codex@${argument}`)
  return readGitRef(argument, repoRoot, layout)
}

async function readFolder(label: string, folder: string, resultTypes: Map<string, string>): Promise<ProtocolVersion> {
  for (const [stable, experimental] of [['stable', 'experimental'], ['json', 'json-exp']] as const) {
    const [a, b] = [join(folder, stable, BUNDLE_FILE), join(folder, experimental, BUNDLE_FILE)]
    if (existsSync(a) && existsSync(b)) return fromBundles(label, await readJson(a, label), await readJson(b, label), resultTypes)
  }
  throw new SourceError(`${label}: expected ${BUNDLE_FILE} in stable/ and experimental/ (this repository's fixtures) or in json/ and json-exp/ (codex's two generate-json-schema outputs)`)
}

async function readGitRef(ref: string, repoRoot: string, layout: VersionLayout): Promise<ProtocolVersion> {
  const git = (args: string[]) => run('git', args, { cwd: repoRoot, maxBuffer: 1 << 28 }).then(({ stdout }) => stdout)
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  } catch {
    throw new SourceError(`${ref} is not a folder, a supported version (${layout.supported.join(', ')}), codex@X.Y.Z, nor a git ref of this repository`)
  }
  // A ref from before versioned layouts holds the default version only, at the default paths.
  const latest = layout.supported[layout.supported.length - 1]!
  const show = async (path: string) => {
    try {
      return JSON.parse(await git(['show', `${ref}:${path}`])) as unknown
    } catch {
      throw new SourceError(`${ref}: has no ${path}`)
    }
  }
  return fromBundles(ref, await show(layout.fixtures(latest, 'stable')), await show(layout.fixtures(latest, 'experimental')), resultTypesOf(await show(layout.metaModel(latest))))
}

function fromBundles(label: string, stable: unknown, experimental: unknown, resultTypes: Map<string, string>): ProtocolVersion {
  try {
    return readVersion(label, stable, experimental, resultTypes)
  } catch (error) {
    throw new SourceError((error as Error).message)
  }
}

async function readJson(path: string, label: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new SourceError(`${label}: cannot read ${path}: ${(error as Error).message}`)
  }
}

/** Result types of requests, as this repository's meta model states them (codex's bundles do not). */
async function resultTypesAt(repoRoot: string, layout: VersionLayout): Promise<Map<string, string>> {
  const latest = layout.supported[layout.supported.length - 1]!
  return resultTypesOf(await readJson(join(repoRoot, layout.metaModel(latest)), 'meta model'))
}

function resultTypesOf(model: unknown): Map<string, string> {
  const types = new Map<string, string>()
  if (!isRecord(model) || !Array.isArray(model.methods)) return types
  for (const method of model.methods) {
    if (isRecord(method) && typeof method.method === 'string' && typeof method.result === 'string') types.set(method.method, method.result)
  }
  return types
}
