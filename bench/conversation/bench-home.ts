// A home folder with many stored threads for the scale figures. One real thread is made first by
// our server (CLI, one thread/start and one turn), so the records are exactly what the server
// writes; it is then copied, with fresh ids, times, folders, sources and prompts, through the
// engine's store (FileConversationStore over FileThreadStore), which is how the server stores them.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { v7 } from 'uuid'
import { FileConversationStore } from '../../server/conversations/file-conversation-store.js'
import { FileThreadStore } from '../../server/conversations/file-thread-store.js'
import { replayThread, type ThreadMeta, type ThreadRecord } from '../../server/conversations/thread-records.js'
import { startThread } from './client-steps.js'
import { OurServer } from './our-server.js'
import { timedTurn } from './timing.js'

const TEMPLATE_PROMPT = 'Fix the failing build of the parser module'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const TIME_KEYS = new Set(['createdAt', 'updatedAt', 'recencyAt', 'startedAt', 'completedAt'])
const SOURCES = ['vscode', 'vscode', 'vscode', 'vscode', 'cli', 'cli', 'cli', 'exec', 'exec', 'appServer'] as const

/** What the server wrote for one thread with one turn, and the strings to replace in copies. */
export interface TemplateThread {
  records: ThreadRecord[]
  home: string
  cwd: string
  prompt: string
}

export interface BuiltHome {
  /** Threads with one turn, newest last. */
  shortIds: string[]
  /** Threads of `longTurns` turns each. */
  longIds: string[]
  setupMs: number
  bytes: number
}

/** Runs our server once to get a real thread's records. */
export async function makeTemplate(repoRoot: string): Promise<TemplateThread> {
  const root = mkdtempSync(join(tmpdir(), 'bench-conversation-template-'))
  const home = join(root, 'home')
  const cwd = join(root, 'workspace')
  mkdirSync(cwd)
  try {
    const server = OurServer.start(repoRoot, home, { cwd })
    let threadId
    try {
      await server.connection.initialize(true)
      threadId = await startThread(server.connection)
      const turn = await timedTurn(server.connection, threadId, TEMPLATE_PROMPT)
      if (turn.status !== 'completed') throw new Error(`the template turn ended ${turn.status}`)
    } finally {
      await server.stop()
    }
    const store = await FileThreadStore.open(home)
    try {
      const history = await store.read(threadId)
      return { records: history.records as unknown as ThreadRecord[], home, cwd, prompt: TEMPLATE_PROMPT }
    } finally {
      await store.close()
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** Stores `threads` threads in `home`: `longThreads` of them with `longTurns` turns, the others with one. */
export async function buildHome(home: string, template: TemplateThread, threads: number, longThreads: number, longTurns: number): Promise<BuiltHome> {
  const started = performance.now()
  const store = new FileConversationStore(await FileThreadStore.open(home))
  const copier = new TemplateCopier(template, home)
  const nowSeconds = Math.floor(Date.now() / 1000)
  const shortCount = threads - longThreads
  const shortIds: string[] = []
  const longIds: string[] = []
  try {
    // About one thread an hour over the past year, with a few per minute at times.
    for (let first = 0; first < shortCount; first += 100) {
      const batch = Array.from({ length: Math.min(100, shortCount - first) }, (_, k) => first + k)
      await Promise.all(batch.map(async (n) => {
        const records = copier.copy(n, nowSeconds - (shortCount - n) * 3000 - 86_400)
        const meta = replayThread(records).meta
        await store.create(meta, records)
        shortIds[n] = meta.id
      }))
    }
    for (let n = 0; n < longThreads; n++) {
      const at = nowSeconds - 86_400 + n * 60
      const first = copier.copy(shortCount + n, at)
      const records: ThreadRecord[] = [first[0]!]
      for (let turn = 0; turn < longTurns; turn++) {
        records.push(...copier.copy(shortCount + n, at + turn, first[0]!).slice(1))
      }
      const meta: ThreadMeta = replayThread(records).meta
      await store.create(meta, [records[0]!])
      const turnRecords = records.length - 1
      const perAppend = Math.ceil(turnRecords / 20)
      for (let from = 1; from < records.length; from += perAppend) await store.append(meta, records.slice(from, from + perAppend))
      longIds.push(meta.id)
    }
  } finally {
    await store.close()
  }
  return { shortIds, longIds, setupMs: performance.now() - started, bytes: folderBytes(home) }
}

/** Makes copies of the template thread that differ the way real threads do. */
class TemplateCopier {
  private readonly text: string

  constructor(private readonly template: TemplateThread, private readonly home: string) {
    this.text = JSON.stringify(template.records)
  }

  /**
   * The records of copy `n`, its times moved to start at `atSeconds`. With `threadRecord`, the
   * records continue that thread (its id kept, the other ids fresh).
   */
  copy(n: number, atSeconds: number, threadRecord?: ThreadRecord): ThreadRecord[] {
    const ids = new Map<string, string>()
    const templateThread = this.template.records[0] as Extract<ThreadRecord, { type: 'thread' }>
    if (threadRecord) ids.set(templateThread.thread.id, (threadRecord as Extract<ThreadRecord, { type: 'thread' }>).thread.id)
    const prompt = `Thread ${n}: fix the failing build of module ${n % 97} in project ${n % 20}`
    const text = this.text
      .replace(UUID, (id) => ids.get(id) ?? ids.set(id, v7()).get(id)!)
      .split(JSON.stringify(this.template.home).slice(1, -1)).join(JSON.stringify(this.home).slice(1, -1))
      .split(JSON.stringify(this.template.cwd).slice(1, -1)).join(`/work/project-${n % 20}`)
      .split(JSON.stringify(this.template.prompt).slice(1, -1)).join(JSON.stringify(prompt).slice(1, -1))
    const records = JSON.parse(text) as ThreadRecord[]
    const shift = atSeconds - templateThread.thread.createdAt
    shiftTimes(records, shift)
    const thread = records[0] as Extract<ThreadRecord, { type: 'thread' }>
    thread.thread.source = SOURCES[n % SOURCES.length]!
    if (n % 10 === 3) thread.thread.name = `Named thread ${n}`
    return records
  }
}

function shiftTimes(value: unknown, seconds: number): void {
  if (Array.isArray(value)) {
    for (const element of value) shiftTimes(element, seconds)
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const [key, field] of Object.entries(record)) {
      if (TIME_KEYS.has(key) && typeof field === 'number') record[key] = field + seconds
      else shiftTimes(field, seconds)
    }
  }
}

function folderBytes(folder: string): number {
  let total = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size
  }
  return total
}
