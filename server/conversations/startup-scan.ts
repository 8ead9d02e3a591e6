// Brings the index up to date with the history files at start. Files the saved index describes
// with the same size and mtime are taken from it; the others (changed, new, or not in it) are
// read again. Repairs follow one rule: a line without its final '\n' is a write that never
// finished, so it was never acknowledged; it is cut off (and a file left empty removed, a create
// that never finished). Nothing else is ever changed: a file with a damaged complete line is kept
// as it is and reported when read.
import { ftruncateSync, closeSync, fsyncSync, openSync, readFileSync, readdirSync, rmSync, statSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log.js'
import { TEMP_MARK, fsyncDir } from './durable-fs.js'
import { parseHistory, summaryProblem } from './history-file.js'
import type { PersistedEntry } from './index-file.js'
import { HISTORY_EXTENSION, type StoreLayout } from './store-layout.js'
import type { IndexEntry } from './thread-index.js'

export interface ScanResult {
  entries: IndexEntry[]
  /** How many files were read again (0 when the saved index was current). */
  rescanned: number
}

export async function scanHistories(layout: StoreLayout, saved: Map<string, PersistedEntry>, log: Pick<Logger, 'warn'>): Promise<ScanResult> {
  removeLeftovers(layout.home)
  const found = new Map<string, IndexEntry>()
  let rescanned = 0
  for (const archived of [false, true]) {
    const dir = archived ? layout.archivedDir : layout.liveDir
    mkdirSync(dir, { recursive: true })
    let removed = false
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (name.includes(TEMP_MARK)) {
        rmSync(path, { force: true })
        continue
      }
      if (!name.endsWith(HISTORY_EXTENSION)) continue
      const id = name.slice(0, -HISTORY_EXTENSION.length)
      if (found.has(id)) {
        log.warn(`thread store: thread ${id} has a history in both ${layout.liveDir} and ${layout.archivedDir}; using the live one and leaving ${path} alone`)
        continue
      }
      const stat = statSync(path)
      const known = saved.get(id)
      if (known && known.archived === archived && known.size === stat.size && known.mtimeMs === stat.mtimeMs && !summaryProblem(known.summary) && known.summary.id === id) {
        found.set(id, { id, summary: known.summary, archived, size: stat.size, mtimeMs: stat.mtimeMs })
        continue
      }
      rescanned++
      const entry = rescan(id, path, archived, log)
      if (entry) found.set(id, entry)
      else removed = true
    }
    if (removed) await fsyncDir(dir)
  }
  return { entries: [...found.values()], rescanned }
}

/** Reads one history again; undefined when it held nothing acknowledged and was removed. */
function rescan(id: string, path: string, archived: boolean, log: Pick<Logger, 'warn'>): IndexEntry | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const message = `cannot read the history of thread ${id} (${path}): ${(error as Error).message}`
    log.warn(`thread store: ${message}`)
    return { id, summary: undefined, archived, size: 0, mtimeMs: 0, problem: { code: 'threadUnreadable', message } }
  }
  const parsed = parseHistory(bytes, false)
  if (parsed.tornBytes > 0) {
    log.warn(`thread store: ${path} ends with ${parsed.tornBytes} bytes of an unfinished write; cutting them off`)
    if (parsed.completeBytes === 0) {
      rmSync(path)
      return undefined
    }
    const fd = openSync(path, 'r+')
    try {
      ftruncateSync(fd, parsed.completeBytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } else if (bytes.length === 0) {
    log.warn(`thread store: ${path} is empty (a create that never finished); removing it`)
    rmSync(path)
    return undefined
  }
  const stat = statSync(path)
  if (parsed.corruption) {
    const message = `the history of thread ${id} (${path}) is corrupted at line ${parsed.corruption.line}: ${parsed.corruption.reason}`
    log.warn(`thread store: ${message}`)
    return { id, summary: undefined, archived, size: stat.size, mtimeMs: stat.mtimeMs, problem: { code: 'threadCorrupted', message, line: parsed.corruption.line } }
  }
  if (parsed.summary!.id !== id) {
    const message = `the history of thread ${id} (${path}) holds the summary of thread ${JSON.stringify(parsed.summary!.id)}`
    log.warn(`thread store: ${message}`)
    return { id, summary: undefined, archived, size: stat.size, mtimeMs: stat.mtimeMs, problem: { code: 'threadCorrupted', message, line: 1 } }
  }
  return { id, summary: parsed.summary, archived, size: stat.size, mtimeMs: stat.mtimeMs }
}

function removeLeftovers(home: string): void {
  for (const name of readdirSync(home)) {
    if (name.startsWith('threads') && name.includes(TEMP_MARK)) rmSync(join(home, name), { force: true })
  }
}
