// `npm run bench:conversation`: turn latency of our server next to the real codex app-server (with
// the fake Responses API), then the scale figures of our server on a home with many stored threads.
import { measureScale, type ScaleResult } from './bench-scale.js'
import { DELTAS, OUR_PROMPT, measureTurns, type TurnsResult } from './bench-turns.js'
import { findCodex } from './codex-run.js'
import { kb, mb, ms, spread, type Spread } from './timing.js'

const COMMAND = 'bench:conversation'
const USAGE = `usage: node bench/conversation.js [--turns N] [--threads N] [--no-codex]
  --turns N     measured turns per server (default 20; 3 warm-up turns each come first)
  --threads N   stored threads for the scale figures (default 10000, at least 100)
  --no-codex    measure our server only
CODEX_BIN overrides where the codex 0.169.0 binary is looked for.
`
const WARMUP_TURNS = 3
const LONG_THREADS = 10
const LONG_TURNS = 1000

interface Flags { turns: number; threads: number; codex: boolean }

class UsageError extends Error {}

function parseFlags(args: string[]): Flags | 'help' {
  const flags: Flags = { turns: 20, threads: 10_000, codex: true }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--no-codex') flags.codex = false
    else if (arg === '--turns' || arg === '--threads') {
      const value = args[++index]
      const number = Number(value)
      const min = arg === '--turns' ? 1 : 100
      if (value === undefined || !/^\d+$/.test(value) || number < min) throw new UsageError(`${arg} needs a whole number, ${min} or more, not ${JSON.stringify(value ?? '')}`)
      if (arg === '--turns') flags.turns = number
      else flags.threads = number
    } else throw new UsageError(`unknown argument ${JSON.stringify(arg)} (see --help)`)
  }
  return flags
}

export async function main(args: string[], repoRoot: string): Promise<number> {
  let flags
  try {
    flags = parseFlags(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${COMMAND}: ${error.message}\n`)
    return 2
  }
  if (flags === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  const codexBin = flags.codex ? findCodex() : undefined
  if (flags.codex && !codexBin) {
    process.stderr.write(`${COMMAND}: no codex 0.169.0 binary found; run \`npm run compat\` once, set CODEX_BIN, or pass --no-codex\n`)
    return 1
  }
  const progress = (line: string) => process.stderr.write(`${line}\n`)
  progress(`turns: ${flags.turns} measured (+${WARMUP_TURNS} warm-up) per server, alternating${codexBin ? ' ours/codex' : ''}...`)
  const turns = await measureTurns({ repoRoot, turns: flags.turns, warmupTurns: WARMUP_TURNS, codexBin, progress })
  const scale = await measureScale({
    repoRoot, threads: flags.threads, longThreads: LONG_THREADS, longTurns: LONG_TURNS,
    loadThreads: Math.min(500, flags.threads - LONG_THREADS), starts: 3, listCalls: 200, progress,
  })
  process.stdout.write(`${[...turnLines(turns), '', ...scaleLines(scale, flags.threads)].join('\n')}\n`)
  return 0
}

const figures = (s: Spread) => `${s.median.toFixed(2)} / ${s.p90.toFixed(2)} / ${s.min.toFixed(2)}–${s.max.toFixed(2)}`
const check = (ok: boolean, text: string) => `${ok ? 'met    ' : 'NOT met'}  ${text}`

function turnLines(result: TurnsResult): string[] {
  const ours = { total: spread(result.ours.map((t) => t.totalMs)), first: spread(result.ours.map((t) => t.firstDeltaMs)) }
  const codex = result.codex && { total: spread(result.codex.map((t) => t.totalMs)), first: spread(result.codex.map((t) => t.firstDeltaMs)) }
  const deltas = (timings: TurnsResult['ours']) => [...new Set(timings.map((t) => t.deltas))].join('/')
  const statuses = (timings: TurnsResult['ours']) => [...new Set(timings.map((t) => t.status))].join('/')
  const lines = [
    `turn/start -> turn/completed, reply of ${DELTAS} deltas (${result.replyText.length} chars), stdio, ${result.ours.length} turns each after ${WARMUP_TURNS} warm-up, taking turns`,
    `ours: bin/reference-app-server.js, prompt ${JSON.stringify(OUR_PROMPT)}; codex: ${result.codex ? 'codex app-server 0.169.0 with the fake Responses API (no delay)' : 'not measured (--no-codex)'}`,
    '',
    ['ms: median / p90 / min–max'.padEnd(36), 'ours'.padEnd(34), 'codex'.padEnd(34), 'codex/ours (median)'].join(''),
    ['turn/start -> turn/completed'.padEnd(36), figures(ours.total).padEnd(34), (codex ? figures(codex.total) : '-').padEnd(34), codex ? `${(codex.total.median / ours.total.median).toFixed(2)}x` : '-'].join(''),
    ['turn/start -> first delta'.padEnd(36), figures(ours.first).padEnd(34), (codex ? figures(codex.first) : '-').padEnd(34), codex ? `${(codex.first.median / ours.first.median).toFixed(2)}x` : '-'].join(''),
    `  deltas seen per turn: ours ${deltas(result.ours)}${result.codex ? `, codex ${deltas(result.codex)}` : ''}; turn status: ours ${statuses(result.ours)}${result.codex ? `, codex ${statuses(result.codex)}` : ''}`,
  ]
  if (codex) lines.push(check(codex.total.median >= 2 * ours.total.median, 'ours at least 2x faster than codex, turn/start -> turn/completed (median)'))
  return lines
}

function scaleLines(result: ScaleResult, threads: number): string[] {
  const row = (label: string, value: string, target = '') => `${label.padEnd(58)}${value.padStart(24)}${target ? `   ${target}` : ''}`
  const startList = spread(result.toFirstList)
  const listening = spread(result.toListening)
  const full = spread(result.resumeFull)
  const lines = [
    `ours at scale: the CLI over stdio, home with ${threads.toLocaleString('en-US')} stored threads (${LONG_THREADS} of ${LONG_TURNS} turns, the others 1 turn), ${mb(result.home.bytes)} on disk, stored in ${(result.home.setupMs / 1000).toFixed(1)} s through FileThreadStore`,
    '',
    row('server start: spawn -> "listening on:" (median of 3)', ms(listening.median, 0)),
    row('server start: spawn -> first thread/list answered (median of 3)', ms(startList.median, 0), `(each: ${result.toFirstList.map((v) => v.toFixed(0)).join(', ')})`),
    row('RSS, idle after start and thread/list', mb(result.idleRss)),
  ]
  for (const list of result.list) {
    const s = spread(list.latencies)
    lines.push(row(`${list.label} p50 / p95 (${list.returned} returned)`, `${s.median.toFixed(2)} / ${s.p95.toFixed(2)} ms`))
  }
  const resumeEx = spread(result.resumeExcludingTurns)
  const loaded = spread(result.resumeLoaded)
  const short = spread(result.resumeShort)
  const { before, after, threads: loadedThreads } = result.memory
  lines.push(
    row(`thread/resume ${LONG_TURNS}-turn thread, not loaded, median / max of ${full.count}`, `${full.median.toFixed(1)} / ${full.max.toFixed(1)} ms`, `(answer ${mb(result.resumeFullBytes)}; each: ${result.resumeFull.map((v) => v.toFixed(0)).join(', ')})`),
    row(`  same with excludeTurns: true (TUI), median / max of ${resumeEx.count}`, `${resumeEx.median.toFixed(1)} / ${resumeEx.max.toFixed(1)} ms`),
    row(`  same thread already loaded, median of ${loaded.count}`, ms(loaded.median, 1)),
    row(`thread/resume 1-turn thread, not loaded, p50 / p95 of ${short.count}`, `${short.median.toFixed(2)} / ${short.p95.toFixed(2)} ms`),
    row(`the process's first thread/resume (1-turn thread), before the above`, ms(result.firstResume, 1)),
    row(`memory per loaded idle 1-turn thread, heap after GC (/ ${loadedThreads})`, kb((after.heap - before.heap) / loadedThreads), `(heap ${mb(before.heap)} -> ${mb(after.heap)})`),
    row(`  RSS delta / ${loadedThreads}`, kb((after.rss - before.rss) / loadedThreads), `(RSS ${mb(before.rss)} -> ${mb(after.rss)})`),
    '',
    'targets:',
    check(startList.median < 1000, `server start with ${threads.toLocaleString('en-US')} threads < 1 s (spawn -> first thread/list answered)`),
    ...result.list.map((list) => check(spread(list.latencies).median < 10, `${list.label} p50 < 10 ms`)),
    check(full.max < 100, `thread/resume of a ${LONG_TURNS}-turn thread < 100 ms (every sample, full turns, not loaded)`),
    check(full.max + result.firstResume < 100, `  also as a process's first thread/resume (first resume + slowest sample)`),
  )
  return lines
}
