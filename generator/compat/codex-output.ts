// Obtains codex's own generated output for a version: installs `@openai/codex@<version>` from the
// npm registry into a cache folder outside the repository (or uses a given binary), runs its four
// generate commands with a throwaway CODEX_HOME, and keeps the result for later runs.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const CODEX_OUTPUTS = {
  json: ['generate-json-schema'],
  'json-exp': ['generate-json-schema', '--experimental'],
  ts: ['generate-ts'],
  'ts-exp': ['generate-ts', '--experimental'],
} as const

export type CodexOutputName = keyof typeof CODEX_OUTPUTS

export function cacheRoot(): string {
  return process.env.CODEX_COMPAT_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'codex-app-server-toolkit')
}

/** Path of the codex binary for a version, installing the npm package into the cache if needed. */
export async function codexBinary(version: string): Promise<string> {
  const prefix = join(cacheRoot(), `codex-${version}`)
  const bin = join(prefix, 'node_modules', '.bin', 'codex')
  if (existsSync(bin)) return bin
  await mkdir(prefix, { recursive: true })
  try {
    await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `@openai/codex@${version}`], { maxBuffer: 1 << 24 })
  } catch (error) {
    throw new Error(`could not install @openai/codex@${version} from the npm registry: ${firstLine(error)}`)
  }
  if (!existsSync(bin)) throw new Error(`@openai/codex@${version} installed, but it has no codex binary at ${bin}`)
  return bin
}

/** Runs one generate command of codex into `out`, with a throwaway CODEX_HOME. */
export async function runCodexGenerate(bin: string, name: CodexOutputName, out: string): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'codex-home-'))
  try {
    await run(bin, ['app-server', ...CODEX_OUTPUTS[name], '--out', out], { env: { ...process.env, CODEX_HOME: home }, maxBuffer: 1 << 24 })
  } catch (error) {
    throw new Error(`${bin} app-server ${CODEX_OUTPUTS[name].join(' ')} failed: ${firstLine(error)}`)
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}

/** The release a codex binary says it is (`codex --version` prints `codex-cli 0.171.0`). */
export async function codexBinaryVersion(bin: string): Promise<string> {
  try {
    const { stdout } = await run(bin, ['--version'], { maxBuffer: 1 << 20 })
    const match = /(\d+\.\d+\.\d+\S*)/.exec(stdout)
    if (!match) throw new Error(`it printed ${JSON.stringify(stdout.trim().slice(0, 80))}`)
    return match[1]!
  } catch (error) {
    throw new Error(`cannot tell the version of ${bin} (codex --version): ${firstLine(error)}`)
  }
}

export interface CodexOutputs {
  /** Folder holding `json`, `json-exp`, `ts`, `ts-exp`. */
  dir: string
  /** Removes the folder when it was made for this run only (a given binary's output). */
  dispose(): Promise<void>
}

/**
 * Codex's four outputs. Those of an installed version are cached by version; those of a given
 * binary are generated into a temporary folder that `dispose()` removes.
 */
export async function codexOutputs(options: { version: string; codexBin?: string }): Promise<CodexOutputs> {
  const bin = options.codexBin ?? (await codexBinary(options.version))
  const target = options.codexBin ? await mkdtemp(join(tmpdir(), 'codex-generated-')) : join(cacheRoot(), `codex-${options.version}-generated`)
  const dispose = options.codexBin ? () => rm(target, { recursive: true, force: true }) : async () => {}
  if (!options.codexBin && existsSync(join(target, 'ts-exp'))) return { dir: target, dispose }
  const staging = `${target}.${process.pid}.tmp`
  try {
    await rm(staging, { recursive: true, force: true })
    for (const name of Object.keys(CODEX_OUTPUTS) as CodexOutputName[]) await runCodexGenerate(bin, name, join(staging, name))
    await rm(target, { recursive: true, force: true })
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    await dispose()
    throw error
  }
  return { dir: target, dispose }
}

function firstLine(error: unknown): string {
  const e = error as { stderr?: string; message?: string }
  return (e.stderr?.trim() || e.message || String(error)).split('\n').filter((l) => !l.startsWith('WARNING'))[0] ?? String(error)
}
