#!/usr/bin/env node
// What the typed client costs, against the reference server over a websocket: requests per second
// through the client next to a bare loop (raw `ws`, ids matched without parsing) on the same server,
// taking turns; and the client's CPU time at a paced 1,000 requests/s with schema validation on
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
const ROUNDS = 3
const PACED_RATE = 1000
const durationMs = seconds * 1000
const clientInfo = { name: 'bench', version: '1.0.0' }

const { connect, websocket, loadSchemaValidator } = await importBundled('client/index.ts', 'bench:client')

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

/** Sends `rate` requests a second for `ms`, in batches every 10 ms; returns the client's CPU time per request. */
async function paced(client, method, params, rate, ms) {
  const perTick = rate / 100
  const pending = []
  const cpu = process.cpuUsage()
  const started = performance.now()
  let sent = 0
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate) + perTick
    while (sent < due) {
      pending.push(client.request(method, params))
      sent++
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await Promise.all(pending)
  const used = process.cpuUsage(cpu)
  const elapsed = performance.now() - started
  return { cpuPerRequestUs: (used.user + used.system) / sent, rate: sent / (elapsed / 1000) }
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

  // Warm-up: JIT, the server's validators, the client's compiled schemas.
  await drive([bare], 1, 500)
  await driveClient(plain, 1, 500)
  await driveClient(validated, 1, 300)
  await validated.request('model/list', {})

  const results = { bare: [], client: [], bare8: [], client8: [] }
  for (let round = 0; round < ROUNDS; round++) {
    process.stderr.write(`round ${round + 1}/${ROUNDS}...\n`)
    results.bare.push(await drive([bare], 1, durationMs))
    results.client.push(await driveClient(plain, 1, durationMs))
    results.bare8.push(await drive([bare], 8, durationMs))
    results.client8.push(await driveClient(plain, 8, durationMs))
  }
  process.stderr.write('paced 1k req/s, validation off and on...\n')
  const cost = {}
  for (const [method, params] of [['thread/loaded/list', {}], ['model/list', {}]]) {
    const off = []
    const on = []
    for (let round = 0; round < ROUNDS; round++) {
      off.push(await paced(plain, method, params, PACED_RATE, durationMs))
      on.push(await paced(validated, method, params, PACED_RATE, durationMs))
    }
    cost[method] = { off: median(off.map((r) => r.cpuPerRequestUs)), on: median(on.map((r) => r.cpuPerRequestUs)), rate: median([...off, ...on].map((r) => r.rate)) }
  }
  bare.close()
  await plain.close()
  await validated.close()

  const perSecond = (runs) => median(runs.map((r) => r.completed / (r.elapsed / 1000)))
  const p50 = (runs) => percentile(runs.flatMap((r) => r.latencies), 0.5)
  const lines = [`thread/loaded/list on the reference server over one websocket, ${seconds} s per case, ${ROUNDS} rounds taking turns (medians)`, '']
  lines.push(['case'.padEnd(34), 'bare loop'.padStart(12), 'client'.padStart(12), 'client/bare'.padStart(13), '   p50 ms bare/client'].join(''))
  const sequential = perSecond(results.client) / perSecond(results.bare)
  for (const [name, b, c] of [['sequential', results.bare, results.client], ['8 in flight', results.bare8, results.client8]]) {
    lines.push([name.padEnd(34), rate(perSecond(b)).padStart(12), rate(perSecond(c)).padStart(12), `${(perSecond(c) / perSecond(b)).toFixed(2)}x`.padStart(13), `   ${p50(b).toFixed(3)}/${p50(c).toFixed(3)}`].join(''))
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function rate(value) {
  return `${Math.round(value).toLocaleString('en-US')}/s`
}
