// Benchmark of schema generation, side by side with codex's own generate commands in one run:
// cold regeneration of all four outputs into an empty folder, no-op regeneration, and --check.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { codexBinary, CODEX_OUTPUTS, type CodexOutputName } from '../generator/compat/codex-output.js'

const USAGE = `Usage: npm run bench:generate -- [--runs N] [--codex-bin PATH | --no-codex]

Times write-app-server-schema (cold into an empty folder, no-op, --check, and --check generating
from scratch instead of reusing the cached output of this generator) and codex's four
generate commands, interleaved, and prints medians and ratios.
`

export async function main(argv: string[], repoRoot: string): Promise<number> {
  let values
  try {
    values = parseArgs({ args: argv, options: { runs: { type: 'string', default: '7' }, 'codex-bin': { type: 'string' }, 'no-codex': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values
  } catch (error) {
    process.stderr.write(`bench:generate: ${(error as Error).message} (see --help)\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    process.stderr.write('bench:generate: --runs takes a whole number from 1 to 50\n')
    return 2
  }
  const cli = join(repoRoot, 'bin', 'write-app-server-schema.js')
  let codex: string | undefined
  if (!values['no-codex']) {
    try {
      codex = values['codex-bin'] ?? (await codexBinary('0.169.0'))
    } catch (error) {
      process.stdout.write(`codex unavailable (${(error as Error).message}); timing ours only\n`)
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'bench-generate-'))
  const codexHome = mkdtempSync(join(tmpdir(), 'bench-codex-home-'))
  const timings: Record<string, number[]> = { ours_cold: [], ours_noop: [], ours_check: [], ours_check_uncached: [], codex_four: [], codex_json: [] }
  const node = (args: string[]) => time(process.execPath, [cli, ...args])
  node(['--out', join(scratch, 'warm')]) // builds the cached bundle once, outside the timings
  // Each case starts with the disk's pending writes flushed (outside the timing), so no case pays
  // for the writes of the one before it; both tools are measured the same way.
  for (let i = 0; i < runs; i++) {
    const out = join(scratch, `ours-${i}`)
    settle()
    timings.ours_cold!.push(node(['--out', out]))
    settle()
    timings.ours_noop!.push(node(['--out', out]))
    settle()
    timings.ours_check!.push(node(['--check', '--out', out]))
    settle()
    timings.ours_check_uncached!.push(node(['--check', '--no-cache', '--out', out]))
    if (codex) {
      const codexRun = (name: CodexOutputName, folder: string) =>
        time(codex, ['app-server', ...CODEX_OUTPUTS[name], '--out', join(scratch, folder, name)], { CODEX_HOME: codexHome })
      settle()
      let four = 0
      for (const name of Object.keys(CODEX_OUTPUTS) as CodexOutputName[]) four += codexRun(name, `codex-${i}`)
      timings.codex_four!.push(four)
      settle()
      timings.codex_json!.push(codexRun('json', `codex-json-${i}`))
    }
    for (const folder of [`ours-${i}`, `codex-${i}`, `codex-json-${i}`]) rmSync(join(scratch, folder), { recursive: true, force: true })
  }
  rmSync(scratch, { recursive: true, force: true })
  rmSync(codexHome, { recursive: true, force: true })
  const med = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)]))
  const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(0)} ms`)
  const lines = [`bench:generate: median of ${runs} runs (wall time, including process start)`, '']
  lines.push(`  ours   cold, all four outputs into an empty folder   ${ms(med.ours_cold)}`)
  lines.push(`  ours   no-op regeneration                            ${ms(med.ours_noop)}`)
  lines.push(`  ours   --check                                       ${ms(med.ours_check)}`)
  lines.push(`  ours   --check --no-cache (generating from scratch)  ${ms(med.ours_check_uncached)}`)
  if (codex) {
    lines.push(`  codex  four generate commands (json, json --experimental, ts, ts --experimental)  ${ms(med.codex_four)}`)
    lines.push(`  codex  one generate-json-schema                      ${ms(med.codex_json)}`)
    lines.push('', 'ratios (target):')
    lines.push(`  cold / codex four          ${(med.ours_cold! / med.codex_four!).toFixed(2)}  (≤ 0.50)`)
    lines.push(`  no-op / codex json         ${(med.ours_noop! / med.codex_json!).toFixed(2)}  (≤ 1.00)`)
    lines.push(`  --check / codex json       ${(med.ours_check! / med.codex_json!).toFixed(2)}  (≤ 1.00)`)
    lines.push(`  --check --no-cache / codex json  ${(med.ours_check_uncached! / med.codex_json!).toFixed(2)}`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

function settle(): void {
  spawnSync('sync')
}

function time(command: string, args: string[], env: Record<string, string> = {}): number {
  const started = performance.now()
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  const elapsed = performance.now() - started
  if (result.status !== 0 && !(args.includes('--check') && result.status === 1)) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.toString().split('\n')[0]}`)
  }
  return elapsed
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
