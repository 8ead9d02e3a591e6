// Scale figures of our server, measured over the wire against the CLI (stdio) on a home with many
// stored threads: start-up, thread/list, thread/resume of 1,000-turn threads, and the memory a
// loaded idle thread takes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildHome, makeTemplate, type BuiltHome } from './bench-home.js'
import { HeapProbe } from './heap-probe.js'
import { OurServer } from './our-server.js'
import type { Json, Message } from './recorded-connection.js'
import { sleep, timedRequest } from './timing.js'

export const TUI_PICKER_PARAMS: Json = { limit: 25, sortKey: 'updated_at', sourceKinds: ['cli', 'vscode'], archived: false }
const INITIALIZE_PARAMS: Json = { clientInfo: { name: 'codex-tui', title: null, version: '0.169.0' }, capabilities: { experimentalApi: true, optOutNotificationMethods: null } }

export interface ScaleOptions {
  repoRoot: string
  threads: number
  longThreads: number
  longTurns: number
  /** Threads loaded with thread/resume for the memory figure. */
  loadThreads: number
  starts: number
  listCalls: number
  progress: (line: string) => void
}

export interface ScaleResult {
  home: BuiltHome
  /** Spawn to the "listening on:" line, per start, ms. */
  toListening: number[]
  /** Spawn to the answer of the first thread/list (sent with initialize at spawn), per start, ms. */
  toFirstList: number[]
  idleRss: number
  list: { label: string; latencies: number[]; returned: number }[]
  /** The process's first thread/resume (a 1-turn thread), ms. */
  firstResume: number
  resumeFull: number[]
  resumeExcludingTurns: number[]
  resumeLoaded: number[]
  resumeFullBytes: number
  resumeShort: number[]
  memory: { before: { rss: number; heap: number }; after: { rss: number; heap: number }; threads: number }
}

export async function measureScale(options: ScaleOptions): Promise<ScaleResult> {
  options.progress('making a template thread with our server...')
  const template = await makeTemplate(options.repoRoot)
  const home = mkdtempSync(join(tmpdir(), 'bench-conversation-home-'))
  try {
    options.progress(`storing ${options.threads} threads (${options.longThreads} of ${options.longTurns} turns) through FileThreadStore...`)
    const built = await buildHome(home, template, options.threads, options.longThreads, options.longTurns)
    options.progress(`  stored in ${(built.setupMs / 1000).toFixed(1)} s`)

    options.progress('starting our server on that home...')
    const toListening: number[] = []
    const toFirstList: number[] = []
    let server: OurServer | undefined
    for (let start = 0; start < options.starts; start++) {
      await server?.stop()
      server = OurServer.start(options.repoRoot, home)
      const connection = server.connection
      // What a client that writes at once gets: initialize, initialized and thread/list, queued at spawn.
      const initialized = connection.request('initialize', INITIALIZE_PARAMS, undefined, 60_000)
      connection.notify('initialized')
      const listed = await connection.request('thread/list', {}, undefined, 60_000)
      const answeredAt = performance.now()
      if ((await initialized).error || listed.error) throw new Error(`start ${start + 1}: ${JSON.stringify((await initialized).error ?? listed.error)}`)
      toFirstList.push(answeredAt - server.spawnedAt)
      toListening.push((await server.listening) - server.spawnedAt)
    }
    const connection = server!.connection
    try {
      await sleep(500)
      const idleRss = server!.rss()

      options.progress('thread/list...')
      const lists = [
        { label: 'thread/list {} (default)', params: {} as Json, latencies: [] as number[], returned: 0 },
        { label: 'thread/list, TUI picker params', params: TUI_PICKER_PARAMS, latencies: [] as number[], returned: 0 },
      ]
      for (let call = 0; call < 20 + options.listCalls; call++) {
        for (const list of lists) {
          const { ms, result } = await timedRequest(connection, 'thread/list', list.params)
          if (call >= 20) list.latencies.push(ms)
          list.returned = ((result as Message).data as Json[]).length
        }
      }

      options.progress(`thread/resume of ${options.longTurns}-turn threads...`)
      // The first thread/resume of a process pays for one-time work (see firstResume); taken apart.
      const firstResume = (await timedRequest(connection, 'thread/resume', { threadId: built.shortIds[0]!, excludeTurns: true })).ms
      const resumeFull: number[] = []
      const resumeExcludingTurns: number[] = []
      let resumeFullBytes = 0
      for (const [index, threadId] of built.longIds.entries()) {
        const full = index % 2 === 0
        const { ms, result } = await timedRequest(connection, 'thread/resume', full ? { threadId } : { threadId, excludeTurns: true })
        const turns = ((result as Message).thread as Message).turns as Json[]
        if (full && turns.length !== options.longTurns) throw new Error(`thread/resume returned ${turns.length} turns, not ${options.longTurns}`)
        if (full) resumeFullBytes = JSON.stringify(result).length
        ;(full ? resumeFull : resumeExcludingTurns).push(ms)
      }
      const resumeLoaded: number[] = []
      for (let round = 0; round < 5; round++) resumeLoaded.push((await timedRequest(connection, 'thread/resume', { threadId: built.longIds[0]! })).ms)

      await server!.stop()
      options.progress(`memory: thread/resume of ${options.loadThreads} threads in a fresh server...`)
      server = OurServer.start(options.repoRoot, home, { inspect: true })
      const fresh = server.connection
      await fresh.initialize(true)
      await timedRequest(fresh, 'thread/list', {})
      // Before the baseline: the first thread/resume's one-time work is not a loaded thread's memory.
      await timedRequest(fresh, 'thread/resume', { threadId: built.longIds[0]!, excludeTurns: true })
      if (!server.inspectorAddress) throw new Error(`our server printed no inspector address; stderr:\n${server.stderr}`)
      const probe = await HeapProbe.connect(server.inspectorAddress)
      await sleep(1000)
      const beforeHeap = await probe.usedAfterGc()
      const before = { heap: beforeHeap, rss: server.rss() }
      const step = Math.max(1, Math.floor(built.shortIds.length / options.loadThreads))
      const chosen = built.shortIds.filter((_, index) => index % step === 0).slice(0, options.loadThreads)
      const resumeShort: number[] = []
      for (const threadId of chosen) resumeShort.push((await timedRequest(fresh, 'thread/resume', { threadId, excludeTurns: true })).ms)
      await sleep(1000)
      const afterHeap = await probe.usedAfterGc()
      const after = { heap: afterHeap, rss: server.rss() }
      probe.close()
      return {
        home: built, toListening, toFirstList, idleRss,
        list: lists.map(({ label, latencies, returned }) => ({ label, latencies, returned })),
        firstResume, resumeFull, resumeExcludingTurns, resumeLoaded, resumeFullBytes, resumeShort,
        memory: { before, after, threads: chosen.length },
      }
    } finally {
      await server?.stop()
    }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}
