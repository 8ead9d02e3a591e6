// Runs the recording scenarios against the real codex app-server and writes one normalized JSONL
// transcript per scenario (first line: a header; then one line per message, in order).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CodexRun, findCodex, sleep } from './codex-run.js'
import type { Json } from './recorded-connection.js'
import { scenarios, type Scenario } from './scenarios.js'

export const OUTPUT_DIR = 'test/server/fixtures/codex-0.169.0/conversations'

export async function main(args: string[], repoRoot: string): Promise<number> {
  if (args.includes('--list') || args.includes('--help')) {
    for (const scenario of scenarios) process.stdout.write(`${scenario.name}\t${scenario.description}\n`)
    return 0
  }
  const codexBin = findCodex()
  if (!codexBin) {
    process.stderr.write('record-codex: no codex binary found; run `npm run compat` once or set CODEX_BIN\n')
    return 1
  }
  const wanted = args.filter((arg) => !arg.startsWith('--'))
  const unknown = wanted.filter((name) => !scenarios.some((scenario) => scenario.name === name))
  if (unknown.length) {
    process.stderr.write(`record-codex: unknown scenario ${unknown.join(', ')} (see --list)\n`)
    return 1
  }
  const chosen = wanted.length ? scenarios.filter((scenario) => wanted.includes(scenario.name)) : scenarios
  mkdirSync(join(repoRoot, OUTPUT_DIR), { recursive: true })
  let failures = 0
  for (const scenario of chosen) {
    process.stderr.write(`recording ${scenario.name}...\n`)
    try {
      await record(scenario, codexBin, join(repoRoot, OUTPUT_DIR), args.includes('--keep'))
    } catch (error) {
      failures++
      process.stderr.write(`record-codex: ${scenario.name} failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    }
  }
  return failures ? 1 : 0
}

async function record(scenario: Scenario, codexBin: string, outputDir: string, keep: boolean): Promise<void> {
  const run = await CodexRun.start({ codexBin, transport: scenario.transport, replies: scenario.replies, choose: scenario.choose, configExtra: scenario.configExtra })
  let error: unknown
  try {
    await scenario.run(run)
    await sleep(400) // late notifications still belong to the transcript
  } catch (caught) {
    error = caught
    run.transcript.note(`recorder: scenario threw: ${caught instanceof Error ? caught.message : String(caught)}`)
  }
  const normalizer = run.normalizer()
  const header = {
    scenario: scenario.name,
    description: scenario.description,
    codexVersion: '0.169.0',
    transport: scenario.transport,
    recordedWith: 'node bench/conversation/record-codex.js',
    unknownModelRoutes: run.fake.unknownRoutes,
  }
  const lines = [JSON.stringify(header), ...run.transcript.entries.map((entry) => JSON.stringify(normalizer.value(entry as unknown as Json)))]
  writeFileSync(join(outputDir, `${scenario.name}.jsonl`), `${lines.join('\n')}\n`)
  if (keep) {
    // The full request bodies, for looking at what codex sent beyond the transcript's summaries.
    writeFileSync(join(run.home, '..', 'model-requests.json'), JSON.stringify(run.fake.requests, null, 1))
  }
  if (keep) process.stderr.write(`  kept ${run.home}\n  codex stderr:\n${run.stderr}\n`)
  await run.stop(keep)
  if (error) throw error
}
