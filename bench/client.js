#!/usr/bin/env node
// What the typed client costs, against the reference server over a websocket: requests per second
// through the client next to a bare loop (raw `ws`, ids matched without parsing) on the same server,
// taking turns in short slices; and the client's CPU time at a paced 1,000 requests/s with schema validation on
// and off. Usage: npm run bench:client [-- --seconds N]
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importBundled } from '../bin/run-bundled.js'
import { launch } from './server/launch.js'
import { WsConnection, drive, percentile } from './server/load.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
if (args.includes('--help')) {
  process.stdout.write('usage: node bench/client.js [--seconds N]\n')
  process.exit(0)
}
const secondsIndex = args.indexOf('--seconds')
const seconds = secondsIndex >= 0 ? Number(args[secondsIndex + 1]) : 3
if (!(seconds > 0)) {
  process.stderr.write(`bench:client: --seconds must be a positive number, not ${JSON.stringify(args[secondsIndex + 1])}\n`)
  process.exit(1)
}
const SLICE_MS = 250
const PACED_RATE = 1000
const durationMs = seconds * 1000
const clientInfo = { name: 'bench', version: '1.0.0' }

const { connect, websocket } = await importBundled('client/index.ts', 'bench:client')
const { loadSchemaValidator } = await importBundled('client/validation/index.ts', 'bench:client')

/** Keeps `depth` client requests in flight for `durationMs`; the same shape as the bare loop's `drive`. */
async function driveClient(client, depth, ms) {
  let completed = 0
  const latencies = []
  const deadline = performance.now() + ms
  const started = performance.now()
  const lane = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now()
      await client.request('thread/loaded/list', {})
      latencies.push(performance.now() - sent)
      completed++
    }
  }
  await Promise.all(Array.from({ length: depth }, lane))
  return { completed, elapsed: performance.now() - started, latencies }
}

/** Sends `rate` requests a second for `ms`, in batches every 10 ms; returns the client's CPU time and the count. */
async function paced(client, method, params, rate, ms) {
  const pending = []
  const cpu = process.cpuUsage()
  const started = performance.now()
  let sent = 0
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate) + rate / 100
    while (sent < due) {
      pending.push(client.request(method, params))
      sent++
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await Promise.all(pending)
  const used = process.cpuUsage(cpu)
  return { cpuUs: used.user + used.system, sent, elapsed: performance.now() - started }
}

/** Runs each case for `sliceMs` in turn until each has had `totalMs`; sums what they return. */
async function alternate(cases, totalMs, sliceMs = SLICE_MS) {
  const totals = cases.map(() => ({}))
  for (let done = 0; done < totalMs; done += sliceMs) {
    for (const [index, run] of cases.entries()) {
      const result = await run(sliceMs)
      for (const [key, value] of Object.entries(result)) {
        const total = totals[index]
        total[key] = Array.isArray(value) ? (total[key] ?? []).concat(value) : (total[key] ?? 0) + value
      }
    }
  }
  return totals
}

const server = await launch({ kind: 'ours', repoRoot, transport: 'ws' })
try {
  const bare = await WsConnection.open(server.address)
  await bare.initialize(1)
  const plain = await connect({ variant: 'stable', transport: websocket({ url: server.address }) })
  await plain.initialize({ clientInfo })
  const validator = loadSchemaValidator('stable', repoRoot)
  const validated = await connect({ variant: 'stable', transport: websocket({ url: server.address }), validator })
  await validated.initialize({ clientInfo })

  // Warm-up: the JIT (a compiled schema validator runs several times slower until it is optimised) and the server's validators.
  await drive([bare], 1, 500)
  await driveClient(plain, 1, 500)
  for (const client of [plain, validated]) {
    for (const method of ['thread/loaded/list', 'model/list']) await paced(client, method, {}, PACED_RATE, 1000)
  }

  // The machine is shared and its load drifts: the cases take turns in short slices, so each sees the same conditions.
  process.stderr.write(`throughput, ${seconds} s per case in ${SLICE_MS} ms slices...\n`)
  const [bare1, client1, bare8, client8] = await alternate([
    (ms) => drive([bare], 1, ms),
    (ms) => driveClient(plain, 1, ms),
    (ms) => drive([bare], 8, ms),
    (ms) => driveClient(plain, 8, ms),
  ], durationMs)
  process.stderr.write('paced 1k req/s, validation off and on...\n')
  const cost = {}
  for (const [method, params] of [['thread/loaded/list', {}], ['model/list', {}]]) {
    const [off, on] = await alternate([
      (ms) => paced(plain, method, params, PACED_RATE, ms),
      (ms) => paced(validated, method, params, PACED_RATE, ms),
    ], durationMs, 1000)
    cost[method] = { off: off.cpuUs / off.sent, on: on.cpuUs / on.sent, rate: (off.sent + on.sent) / ((off.elapsed + on.elapsed) / 1000) }
  }
  bare.close()
  await plain.close()
  await validated.close()

  const perSecond = (run) => run.completed / (run.elapsed / 1000)
  const lines = [`thread/loaded/list on the reference server over one websocket, ${seconds} s per case, taking turns in ${SLICE_MS} ms slices`, '']
  lines.push(['case'.padEnd(34), 'bare loop'.padStart(12), 'client'.padStart(12), 'client/bare'.padStart(13), '   p50 ms bare/client'].join(''))
  const sequential = perSecond(client1) / perSecond(bare1)
  for (const [name, b, c] of [['sequential', bare1, client1], ['8 in flight', bare8, client8]]) {
    lines.push([name.padEnd(34), rate(perSecond(b)).padStart(12), rate(perSecond(c)).padStart(12), `${(perSecond(c) / perSecond(b)).toFixed(2)}x`.padStart(13), `   ${percentile(b.latencies, 0.5).toFixed(3)}/${percentile(c.latencies, 0.5).toFixed(3)}`].join(''))
  }
  lines.push('', `client CPU time per request at ${PACED_RATE} req/s (µs), schema validation off and on`, '')
  lines.push(['method'.padEnd(34), 'off'.padStart(12), 'on'.padStart(12), 'cost'.padStart(13), '   achieved rate'].join(''))
  for (const [method, { off, on, rate: achieved }] of Object.entries(cost)) {
    lines.push([method.padEnd(34), off.toFixed(1).padStart(12), on.toFixed(1).padStart(12), `${(((on - off) / off) * 100).toFixed(1)}%`.padStart(13), `   ${Math.round(achieved)}/s`].join(''))
  }
  const worstCost = Math.max(...Object.values(cost).map(({ off, on }) => (on - off) / off))
  const check = (ok, text) => `${ok ? 'met    ' : 'NOT met'}  ${text}`
  lines.push('', 'targets:')
  lines.push(check(sequential >= 0.9, '>= 0.9x the bare loop, sequential'))
  lines.push(check(worstCost < 0.2, '< 20% client CPU for validation at 1k req/s'))
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  await server.stop()
}

function rate(value) {
  return `${Math.round(value).toLocaleString('en-US')}/s`
}
