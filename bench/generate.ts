// Benchmark of schema generation, side by side with codex's own generate commands in one run:
// cold regeneration of all four outputs into an empty folder, no-op regeneration, and --check.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { codexBinary, CODEX_OUTPUTS, type CodexOutputName } from '../generator/compat/codex-output.js'
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../protocol/versions.js'

const USAGE = `Usage: npm run bench:generate -- [--runs N] [--codex-bin PATH | --no-codex]

Times write-app-server-schema for the default (latest) codex version alone (--version; cold into an
empty folder, no-op, --check, and --check generating from scratch instead of reusing the cached
output of this generator) and for every supported version (cold, no-op, --check), and the latest
codex's four generate commands, taking turns, and prints medians and ratios. Timing starts once creating
files runs at the disk's usual speed (recent large deletions slow it down for a minute or so).
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
      codex = values['codex-bin'] ?? (await codexBinary(LATEST_VERSION))
    } catch (error) {
      process.stdout.write(`codex unavailable (${(error as Error).message}); timing ours only\n`)
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'bench-generate-'))
  const codexHome = mkdtempSync(join(tmpdir(), 'bench-codex-home-'))
  const timings: Record<string, number[]> = { node_start: [], ours_cold: [], ours_noop: [], ours_check: [], ours_check_uncached: [], all_cold: [], all_noop: [], all_check: [], codex_four: [], codex_json: [] }
  const node = (args: string[]) => time(process.execPath, [cli, ...args])
  const latest = ['--version', LATEST_VERSION]
  // Builds the cached bundle and both output caches once, outside the timings.
  node([...latest, '--out', join(scratch, 'warm')])
  node(['--out', join(scratch, 'warm')])
  await waitForQuietDisk(scratch)
  // Each case starts with the disk's pending writes flushed (outside the timing), so no case pays
  // for the writes of the one before it. Outputs are removed only at the end, as deleting files
  // slows down creating them for a while (see waitForQuietDisk). The tools take turns going first.
  const ours = (i: number) => {
    const out = join(scratch, `ours-${i}`)
    const all = join(scratch, `all-${i}`)
    timings.node_start!.push(time(process.execPath, ['-e', '0']))
    settle()
    timings.ours_cold!.push(node([...latest, '--out', out]))
    settle()
    timings.ours_noop!.push(node([...latest, '--out', out]))
    settle()
    timings.ours_check!.push(node([...latest, '--check', '--out', out]))
    settle()
    timings.ours_check_uncached!.push(node([...latest, '--check', '--no-cache', '--out', out]))
    settle()
    timings.all_cold!.push(node(['--out', all]))
    settle()
    timings.all_noop!.push(node(['--out', all]))
    settle()
    timings.all_check!.push(node(['--check', '--out', all]))
  }
  const theirs = (i: number, codex: string) => {
    const codexRun = (name: CodexOutputName, folder: string) =>
      time(codex, ['app-server', ...CODEX_OUTPUTS[name], '--out', join(scratch, folder, name)], { CODEX_HOME: codexHome })
    settle()
    let four = 0
    for (const name of Object.keys(CODEX_OUTPUTS) as CodexOutputName[]) four += codexRun(name, `codex-${i}`)
    timings.codex_four!.push(four)
    settle()
    timings.codex_json!.push(codexRun('json', `codex-json-${i}`))
  }
  for (let i = 0; i < runs; i++) {
    if (codex && i % 2 === 1) theirs(i, codex)
    ours(i)
    if (codex && i % 2 === 0) theirs(i, codex)
  }
  rmSync(scratch, { recursive: true, force: true })
  rmSync(codexHome, { recursive: true, force: true })
  settle() // written out, the freed inodes stop slowing file creation sooner (see waitForQuietDisk)
  const med = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, median(v)]))
  // The spread shows how noisy the machine was during the run.
  const figure = (key: string) => {
    const values = timings[key]!
    return values.length === 0 ? '-' : `${med[key]!.toFixed(0)} ms  (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`
  }
  const lines = [`bench:generate: median (min–max) of ${runs} runs, wall time including process start`, '']
  lines.push(`  node   starting and exiting, no script (the floor)   ${figure('node_start')}`)
  const n = SUPPORTED_VERSIONS.length
  lines.push(`  ours   ${LATEST_VERSION} (default) cold, its four outputs into an empty folder  ${figure('ours_cold')}`)
  lines.push(`  ours   ${LATEST_VERSION} no-op regeneration                 ${figure('ours_noop')}`)
  lines.push(`  ours   ${LATEST_VERSION} --check                            ${figure('ours_check')}`)
  lines.push(`  ours   ${LATEST_VERSION} --check --no-cache (from scratch)  ${figure('ours_check_uncached')}`)
  lines.push(`  ours   all ${n} versions cold                             ${figure('all_cold')}`)
  lines.push(`  ours   all ${n} versions no-op                            ${figure('all_noop')}`)
  lines.push(`  ours   all ${n} versions --check                          ${figure('all_check')}`)
  if (codex) {
    lines.push(`  codex  four generate commands (json, json --experimental, ts, ts --experimental)  ${figure('codex_four')}`)
    lines.push(`  codex  one generate-json-schema                      ${figure('codex_json')}`)
    lines.push('', 'ratios of medians (target):')
    lines.push(`  cold / codex four          ${(med.ours_cold! / med.codex_four!).toFixed(2)}  (≤ 0.50)`)
    lines.push(`  no-op / codex json         ${(med.ours_noop! / med.codex_json!).toFixed(2)}  (≤ 1.00)`)
    lines.push(`  --check / codex json       ${(med.ours_check! / med.codex_json!).toFixed(2)}  (≤ 1.00)`)
    lines.push(`  --check --no-cache / codex json  ${(med.ours_check_uncached! / med.codex_json!).toFixed(2)}`)
    lines.push(`  all cold / codex four      ${(med.all_cold! / med.codex_four!).toFixed(2)}  (≤ ${(0.5 * n).toFixed(2)}: ${n} versions × 0.50)`)
    lines.push(`  all no-op / codex json     ${(med.all_noop! / med.codex_json!).toFixed(2)}  (≤ ${n.toFixed(2)})`)
    lines.push(`  all --check / codex json   ${(med.all_check! / med.codex_json!).toFixed(2)}  (≤ ${n.toFixed(2)})`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

/**
 * On an ext4 file system without a journal (this machine's), creating a file scans past every
 * inode freed in the last one to six minutes; after thousands of files were deleted (a test run,
 * an earlier benchmark's cleanup) creation is up to 20 times slower than usual, for any tool, and
 * cold runs would measure that instead of the tools. So a probe that creates as many files as a
 * cold run must run at the usual speed before timing starts; the wait is printed.
 */
async function waitForQuietDisk(scratch: string): Promise<void> {
  // Shaped like a cold run: a few folders with hundreds of small files each.
  const probe = (round: number) => {
    const content = Buffer.alloc(2048, 'x')
    const started = performance.now()
    for (let f = 0; f < PROBE_FOLDERS; f++) {
      const folder = join(scratch, `probe-${round}`, `${f}`)
      mkdirSync(folder, { recursive: true })
      for (let i = 0; i < PROBE_FILES / PROBE_FOLDERS; i++) writeFileSync(join(folder, `${i}.json`), content)
    }
    return ((performance.now() - started) * 1000) / PROBE_FILES
  }
  const started = Date.now()
  for (let round = 0; ; round++) {
    const perFile = probe(round)
    if (perFile <= QUIET_MICROSECONDS_PER_FILE) {
      if (round > 0) process.stdout.write(`file creation back to ${perFile.toFixed(0)} µs per file after ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
      return
    }
    if (Date.now() - started > 8 * 60_000) {
      process.stdout.write(`warning: file creation still takes ${perFile.toFixed(0)} µs per file; cold figures measure the disk more than the tools\n`)
      return
    }
    if (round === 0) process.stdout.write(`file creation takes ${perFile.toFixed(0)} µs per file (files were deleted recently); waiting for it to settle\n`)
    await new Promise((resolve) => setTimeout(resolve, 10_000))
  }
}

// As many files as a cold run: a small probe can find a quiet corner of the inode table while
// the cold runs still land among freed inodes.
const PROBE_FILES = 2400
const PROBE_FOLDERS = 4
// Measured here: 35 to 80 µs per file on a quiet disk; 100 to 1,500 for about five minutes after
// tens of thousands of files were deleted, while cold runs still took up to twice as long.
const QUIET_MICROSECONDS_PER_FILE = 90

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
