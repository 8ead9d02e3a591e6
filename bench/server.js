#!/usr/bin/env node
// Throughput, latency and memory of the reference server next to the real codex app-server, in one
// run on this machine: `thread/loaded/list` after initialize over stdio (sequential), websocket
// (one connection, sequential) and websocket (16 connections x 8 pipelined). Usage:
//   npm run bench:server [-- --seconds N] [-- --no-codex]
// CODEX_BIN overrides where the codex binary is looked for.
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { findCodex, launch } from './server/launch.js'
import { StdioConnection, WsConnection, drive, percentile } from './server/load.js'
import { treeRss } from './server/process-tree.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
if (args.includes('--help')) {
  process.stdout.write('usage: node bench/server.js [--seconds N] [--no-codex]\n')
  process.exit(0)
}
const secondsIndex = args.indexOf('--seconds')
const seconds = secondsIndex >= 0 ? Number(args[secondsIndex + 1]) : 3
if (!(seconds > 0)) {
  process.stderr.write(`bench:server: --seconds must be a positive number, not ${JSON.stringify(args[secondsIndex + 1])}\n`)
  process.exit(1)
}
const codexBin = args.includes('--no-codex') ? undefined : findCodex()
const durationMs = seconds * 1000
const warmupMs = Math.min(1000, durationMs / 3)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function measureStdio(kind) {
  const server = await launch({ kind, repoRoot, codexBin, transport: 'stdio' })
  try {
    const connection = new StdioConnection(server.child)
    await connection.initialize(1)
    await drive([connection], 1, warmupMs)
    return summarise(await drive([connection], 1, durationMs))
  } finally {
    await server.stop()
  }
}

async function measureWebsocket(kind) {
  const server = await launch({ kind, repoRoot, codexBin, transport: 'ws' })
  try {
    const first = await WsConnection.open(server.address)
    await first.initialize(1)
    await sleep(1000)
    const idleRss = treeRss(server.child.pid)
    await drive([first], 1, warmupMs)
    const sequential = summarise(await drive([first], 1, durationMs))
    const many = await Promise.all(Array.from({ length: 16 }, () => WsConnection.open(server.address)))
    await Promise.all(many.map((connection, index) => connection.initialize(index + 2)))
    await drive(many, 8, warmupMs)
    let loadedRss = 0
    const sampler = setInterval(() => { loadedRss = Math.max(loadedRss, treeRss(server.child.pid).total) }, 100)
    const pipelined = summarise(await drive(many, 8, durationMs))
    clearInterval(sampler)
    for (const connection of [first, ...many]) connection.close()
    return { sequential, pipelined, idleRss, loadedRss }
  } finally {
    await server.stop()
  }
}

function summarise({ completed, elapsed, latencies, errors }) {
  return { perSecond: completed / (elapsed / 1000), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors }
}

const servers = codexBin ? ['ours', 'codex'] : ['ours']
const results = {}
for (const kind of servers) {
  process.stderr.write(`measuring ${kind}...\n`)
  const stdio = await measureStdio(kind)
  const websocket = await measureWebsocket(kind)
  results[kind] = { stdio, ...websocket }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const rate = (value) => `${Math.round(value).toLocaleString('en-US')}/s`
const ms = (value) => value.toFixed(3)
const ratio = (ours, codex) => (codex ? `${(ours / codex).toFixed(2)}x` : '-')
const rows = [
  ['stdio, sequential', (r) => r.stdio],
  ['websocket, 1 connection, sequential', (r) => r.sequential],
  ['websocket, 16 connections x 8 pipelined', (r) => r.pipelined],
]
const ours = results.ours
const codex = results.codex
const lines = []
lines.push(`thread/loaded/list after initialize, ${seconds} s per case (after ${warmupMs} ms warm-up); latencies in ms`)
lines.push('')
lines.push(['case'.padEnd(42), 'ours'.padStart(12), 'codex'.padStart(12), 'ours/codex'.padStart(11), '  ours p50/p99', '   codex p50/p99'].join(''))
for (const [name, pick] of rows) {
  const a = pick(ours)
  const b = codex && pick(codex)
  lines.push([
    name.padEnd(42),
    rate(a.perSecond).padStart(12),
    (b ? rate(b.perSecond) : '-').padStart(12),
    ratio(a.perSecond, b?.perSecond).padStart(11),
    `  ${ms(a.p50)}/${ms(a.p99)}`.padEnd(15),
    b ? `   ${ms(b.p50)}/${ms(b.p99)}` : '',
  ].join(''))
}
lines.push('')
lines.push(['memory (RSS, whole process tree)'.padEnd(42), 'ours'.padStart(12), 'codex'.padStart(12), 'ours/codex'.padStart(11)].join(''))
lines.push(['idle (started, one client initialized)'.padEnd(42), mb(ours.idleRss.total).padStart(12), (codex ? mb(codex.idleRss.total) : '-').padStart(12), ratio(ours.idleRss.total, codex?.idleRss.total).padStart(11)].join(''))
lines.push(['loaded (peak during 16 x 8)'.padEnd(42), mb(ours.loadedRss).padStart(12), (codex ? mb(codex.loadedRss) : '-').padStart(12), ratio(ours.loadedRss, codex?.loadedRss).padStart(11)].join(''))
if (codex) {
  const processes = (tree) => tree.processes.map((p) => `${p.name} ${mb(p.rss)}`).join(' + ')
  lines.push(`  idle processes: ours ${processes(ours.idleRss)}; codex ${processes(codex.idleRss)}`)
  lines.push('')
  const check = (ok, text) => `${ok ? 'met    ' : 'NOT met'}  ${text}`
  lines.push('targets:')
  lines.push(check(ours.pipelined.perSecond >= 2 * codex.pipelined.perSecond, '>= 2x codex throughput, websocket 16 x 8'))
  lines.push(check(ours.stdio.perSecond >= codex.stdio.perSecond, '>= codex throughput, stdio sequential'))
  lines.push(check(ours.sequential.perSecond >= codex.sequential.perSecond, '>= codex throughput, websocket sequential'))
  lines.push(check(ours.idleRss.total <= 0.6 * codex.idleRss.total, '<= 0.6x codex idle RSS (process trees)'))
}
const errors = Object.values(results).flatMap((r) => [r.stdio, r.sequential, r.pipelined]).reduce((sum, r) => sum + r.errors, 0)
if (errors > 0) lines.push(`warning: ${errors} requests were answered with errors`)
process.stdout.write(`${lines.join('\n')}\n`)
