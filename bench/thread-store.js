#!/usr/bin/env node
// Figures of the thread store (server/conversations) against the targets: opening a home with
// 10,000 stored threads, thread lists over them, reading a 1,000-turn thread and the latency of
// one append (with its fsync). Works in a temporary home folder, removed at the end. Usage:
//   npm run bench:thread-store [-- --threads N]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { importBundled } from '../bin/run-bundled.js'
import { percentile } from './server/load.js'

const args = process.argv.slice(2)
const threadsIndex = args.indexOf('--threads')
const THREADS = threadsIndex >= 0 ? Number(args[threadsIndex + 1]) : 10_000
if (!Number.isInteger(THREADS) || THREADS < 2) {
  process.stderr.write(`bench:thread-store: --threads must be a whole number, 2 or more, not ${JSON.stringify(args[threadsIndex + 1])}\n`)
  process.exit(1)
}
const TURNS = 1000
const { FileThreadStore } = await importBundled('server/conversations/file-thread-store.ts', 'bench:thread-store')

const home = mkdtempSync(join(tmpdir(), 'bench-thread-store-'))
const ms = (value) => `${value.toFixed(2)} ms`
const report = (label, value, target) => process.stdout.write(`${label.padEnd(44)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}\n`)

try {
  // Setup: 10,000 threads, several per millisecond, spread over cwds, sources and providers.
  let store = await FileThreadStore.open(home)
  const base = Date.now() - THREADS
  const kinds = ['cli', 'vscode', 'exec', 'appServer', 'subAgent']
  const started = performance.now()
  for (let first = 0; first < THREADS; first += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, THREADS - first) }, (_, k) => {
        const n = first + k
        return store.create(
          {
            id: `thread-${String(n).padStart(6, '0')}`,
            createdAtMs: base + Math.floor(n / 3),
            updatedAtMs: base + Math.floor(n / 3) + (n % 11),
            cwd: `/work/project-${n % 20}`,
            sourceKind: kinds[n % kinds.length],
            modelProvider: n % 4 === 0 ? 'ollama' : 'openai',
            preview: `Thread number ${n}: fix the build of module ${n % 97}`,
            name: n % 10 === 0 ? `Named thread ${n}` : null,
          },
          [{ type: 'userMessage', text: `hello ${n}` }],
        )
      }),
    )
  }
  report(`create ${THREADS} threads (setup)`, ms(performance.now() - started))

  // A 1,000-turn thread, appended turn by turn: the latency of each append (one fsync) is measured.
  const longId = 'thread-000000'
  const appendLatencies = []
  for (let turn = 0; turn < TURNS; turn++) {
    const records = [
      { type: 'turnStarted', turnId: `turn-${turn}` },
      { type: 'item', turnId: `turn-${turn}`, item: { type: 'userMessage', id: `u-${turn}`, content: [{ type: 'text', text: `Question ${turn} `.repeat(8) }] } },
      { type: 'item', turnId: `turn-${turn}`, item: { type: 'agentMessage', id: `a-${turn}`, text: `Answer ${turn}: `.repeat(40) } },
      { type: 'turnCompleted', turnId: `turn-${turn}`, status: 'completed' },
    ]
    const at = performance.now()
    await store.append(longId, records, { updatedAtMs: Date.now() })
    appendLatencies.push(performance.now() - at)
  }
  report('append p50 (one turn, fsynced)', ms(percentile(appendLatencies, 0.5)))
  report('append p95', ms(percentile(appendLatencies, 0.95)))
  // Group commit: appends made together to one thread share their fsyncs.
  let at = performance.now()
  await Promise.all(Array.from({ length: 200 }, (_, n) => store.append('thread-000001', [{ type: 'item', n }])))
  report('200 concurrent appends to one thread', ms(performance.now() - at))
  await store.close()

  // Start with the saved index (the normal case), then with no index at all (every history read).
  at = performance.now()
  store = await FileThreadStore.open(home)
  report(`open with ${THREADS} threads (index saved)`, ms(performance.now() - at), '< 1000 ms')
  await store.close()
  rmSync(join(home, 'threads-index.json'))
  at = performance.now()
  store = await FileThreadStore.open(home)
  report(`open with ${THREADS} threads (index rebuilt)`, ms(performance.now() - at))

  // Lists: the TUI picker's query and others, first pages and pages further on.
  const queries = [
    { limit: 25, sortKey: 'updated_at', sourceKinds: ['cli', 'vscode'], archived: false },
    { limit: 25 },
    { limit: 25, sortKey: 'recency_at', sortDirection: 'asc' },
    { limit: 25, cwd: '/work/project-7/', modelProviders: ['ollama'] },
    { limit: 25, searchTerm: 'module 42' },
    { limit: 25, searchTerm: 'no thread says this' },
  ]
  const listLatencies = []
  for (let round = 0; round < 200; round++) {
    for (const query of queries) {
      let cursor = null
      for (let page = 0; page < 3; page++) {
        const at = performance.now()
        const result = store.list({ ...query, cursor })
        listLatencies.push(performance.now() - at)
        cursor = result.nextCursor
        if (!cursor) break
      }
    }
  }
  report(`list p50 (${THREADS} threads, ${listLatencies.length} calls)`, ms(percentile(listLatencies, 0.5)), '< 10 ms')
  report('list p95', ms(percentile(listLatencies, 0.95)))

  const readLatencies = []
  let records = 0
  for (let round = 0; round < 20; round++) {
    const at = performance.now()
    records = (await store.read(longId)).records.length
    readLatencies.push(performance.now() - at)
  }
  report(`read ${TURNS}-turn thread p50 (${records} records)`, ms(percentile(readLatencies, 0.5)), '< 100 ms')
  await store.close()
} finally {
  rmSync(home, { recursive: true, force: true })
}
