// The default ThreadStore: one append-only JSON Lines file per thread under the home folder
// (store-layout.ts has the layout, history-file.ts the format), an in-memory index kept current
// and saved now and then, and a lock so that one process at a time owns the folder.
import { open, rename, unlink } from 'node:fs/promises'
import { mkdirSync } from 'node:fs'
import type { Logger } from '../log.js'
import { DirSyncer } from './durable-fs.js'
import { ThreadStoreError } from './errors.js'
import { encodeLines, parseHistory, summaryLine, summaryProblem } from './history-file.js'
import { HomeLock } from './home-lock.js'
import { loadIndexFile, saveIndexFile } from './index-file.js'
import { scanHistories } from './startup-scan.js'
import { StoreLayout, checkStoreId } from './store-layout.js'
import { ThreadIndex, type IndexEntry } from './thread-index.js'
import { SUMMARY_RECORD_TYPE, type StoredThread, type ThreadHistory, type ThreadListPage, type ThreadListQuery, type ThreadRecord, type ThreadStore, type ThreadSummary } from './thread-store.js'
import { ThreadWriter } from './thread-writer.js'

export interface FileThreadStoreOptions {
  /** Where repairs and problems found are reported (one line each). */
  readonly log?: Pick<Logger, 'warn' | 'info'>
  /** How long after a change the index file is saved; default 2000 ms. */
  readonly indexSaveDelayMs?: number
}

/** What open() found, for the server's start-up log. */
export interface OpenReport {
  readonly threads: number
  readonly rescanned: number
  readonly indexProblem?: string
}

export class FileThreadStore implements ThreadStore {
  private readonly index = new ThreadIndex()
  private readonly writers = new Map<string, ThreadWriter>()
  private readonly dirSyncers: { live: DirSyncer; archived: DirSyncer }
  private saveTimer: NodeJS.Timeout | undefined
  private saving: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly layout: StoreLayout,
    private readonly lock: HomeLock,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
    private readonly saveDelayMs: number,
    readonly openReport: OpenReport,
    entries: IndexEntry[],
  ) {
    this.index.load(entries)
    this.dirSyncers = { live: new DirSyncer(layout.liveDir), archived: new DirSyncer(layout.archivedDir) }
  }

  /**
   * Takes the home folder's lock (throws `storeLocked` if a live process has it), loads the index,
   * brings it up to date with the files and removes what an interrupted run left behind.
   */
  static async open(home: string, options: FileThreadStoreOptions = {}): Promise<FileThreadStore> {
    const log = options.log ?? { warn: () => {}, info: () => {} }
    const layout = new StoreLayout(home)
    mkdirSync(home, { recursive: true })
    const lock = HomeLock.acquire(layout.lockFile)
    try {
      const saved = loadIndexFile(layout.indexFile)
      if (saved.problem) log.warn(`thread store: ${saved.problem}; rebuilding it from the histories`)
      const scan = await scanHistories(layout, saved.entries, log)
      const report = { threads: scan.entries.length, rescanned: scan.rescanned, indexProblem: saved.problem }
      const store = new FileThreadStore(layout, lock, log, options.indexSaveDelayMs ?? 2000, report, scan.entries)
      if (scan.rescanned > 0 || scan.entries.length !== saved.entries.size) store.indexChanged()
      return store
    } catch (error) {
      lock.release()
      throw error
    }
  }

  async create(summary: ThreadSummary, records: readonly ThreadRecord[] = []): Promise<StoredThread> {
    this.checkOpen()
    checkSummary(summary)
    const threadId = checkStoreId(summary.id)
    checkRecords(records)
    if (this.index.entries.has(threadId) || this.creating.has(threadId)) {
      throw new ThreadStoreError('threadExists', `thread ${threadId} already exists`, { threadId })
    }
    const entry: IndexEntry = { id: threadId, summary: undefined, archived: false, size: 0, mtimeMs: 0 }
    // Until its file is durable the entry is only in `creating`: appends may queue behind it, but
    // get() and list() do not see it.
    this.creating.set(threadId, entry)
    this.queuedSummaries.set(threadId, summary)
    const writer = this.writerFor(entry)
    try {
      await writer.write(encodeLines([summaryLine(summary), ...records]), true, () => {
        entry.summary = summary
        if (this.queuedSummaries.get(threadId) === summary) this.queuedSummaries.delete(threadId)
        this.index.put(entry)
        this.indexChanged()
      })
    } catch (error) {
      if (!entry.summary) {
        this.writers.delete(threadId)
        this.queuedSummaries.delete(threadId)
      }
      throw error
    } finally {
      this.creating.delete(threadId)
    }
    return this.stored(entry)
  }

  async append(threadId: string, records: readonly ThreadRecord[], summaryPatch?: Partial<ThreadSummary>): Promise<StoredThread> {
    this.checkOpen()
    checkRecords(records)
    const entry = this.healthyEntry(threadId)
    const writer = this.writerFor(entry)
    const lines: object[] = [...records]
    let next: ThreadSummary | undefined
    if (summaryPatch) {
      // Merged onto the newest summary queued, so that patches in flight build on each other.
      next = mergeSummary(this.queuedSummaries.get(threadId) ?? entry.summary!, summaryPatch)
      checkSummary(next)
      if (next.id !== threadId) throw new ThreadStoreError('invalidSummary', `a summary patch cannot change the id of thread ${threadId}`, { threadId })
      this.queuedSummaries.set(threadId, next)
      lines.push(summaryLine(next))
    }
    if (lines.length === 0) return writer.exclusive(async () => this.stored(entry))
    const settled = () => {
      if (next && this.queuedSummaries.get(threadId) === next) this.queuedSummaries.delete(threadId)
    }
    try {
      await writer.write(encodeLines(lines), false, () => {
        if (next) {
          entry.summary = next
          this.index.put(entry)
        }
        this.indexChanged()
      })
    } finally {
      // A failed patch must not become the base of the next one.
      settled()
    }
    return this.stored(entry)
  }

  updateSummary(threadId: string, summaryPatch: Partial<ThreadSummary>): Promise<StoredThread> {
    return this.append(threadId, [], summaryPatch)
  }

  async read(threadId: string): Promise<ThreadHistory> {
    this.checkOpen()
    const entry = this.healthyEntry(threadId)
    // Only the acknowledged bytes: a write in progress past them is not part of the history yet.
    // The file is opened in turn with the thread's writes and moves, so it is where the index says
    // and its acknowledged size is known; reading it then needs no turn (a move keeps the handle valid).
    const { path, size, handle } = await this.writerFor(entry).exclusive(async () => {
      const path = this.pathOf(entry)
      if (!entry.summary) return { path, size: 0, handle: undefined }
      return { path, size: entry.size, handle: await open(path, 'r').catch((error: Error) => unreadable(threadId, path, error)) }
    })
    if (!handle) throw new ThreadStoreError('threadNotFound', `thread not found: ${threadId}`, { threadId })
    let bytes: Buffer
    try {
      bytes = await handle.readFile()
    } catch (error) {
      throw unreadable(threadId, path, error)
    } finally {
      await handle.close()
    }
    const parsed = parseHistory(bytes.subarray(0, size), true)
    if (parsed.tornBytes > 0) {
      this.log.warn(`thread store: ${path} has ${parsed.tornBytes} bytes past its last complete line; skipping them`)
    }
    if (parsed.corruption) {
      const { line, reason } = parsed.corruption
      const message = `the history of thread ${threadId} (${path}) is corrupted at line ${line}: ${reason}`
      // Damaged behind our back: from now on the thread is treated as a start would (never written to).
      entry.problem = { code: 'threadCorrupted', message, line }
      entry.summary = undefined
      this.index.put(entry)
      this.log.warn(`thread store: ${message}`)
      throw new ThreadStoreError('threadCorrupted', message, { threadId, path, line })
    }
    return { ...this.stored(entry), summary: parsed.summary!, records: parsed.records }
  }

  get(threadId: string): StoredThread | undefined {
    const entry = this.index.entries.get(threadId)
    return entry?.summary && !entry.problem ? this.stored(entry) : undefined
  }

  list(query: ThreadListQuery): ThreadListPage {
    this.checkOpen()
    const page = this.index.page(query)
    return { data: page.entries.map((entry) => this.stored(entry)), nextCursor: page.nextCursor, backwardsCursor: page.backwardsCursor }
  }

  async archive(threadId: string): Promise<StoredThread> {
    return this.move(threadId, true)
  }

  async unarchive(threadId: string): Promise<StoredThread> {
    return this.move(threadId, false)
  }

  async delete(threadId: string): Promise<void> {
    this.checkOpen()
    const entry = this.index.entries.get(threadId) ?? this.creating.get(threadId)
    if (!entry) throw new ThreadStoreError('threadNotFound', `thread not found: ${threadId}`, { threadId })
    await this.writerFor(entry).exclusive(async () => {
      // A delete queued twice, or behind a create that failed, finds nothing left to remove.
      if (this.index.entries.get(threadId) !== entry) throw new ThreadStoreError('threadNotFound', `thread not found: ${threadId}`, { threadId })
      const path = this.pathOf(entry)
      try {
        await unlink(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new ThreadStoreError('writeFailed', `could not delete the history of thread ${threadId} (${path}): ${(error as Error).message}`, { threadId, path }, { cause: error })
        }
      }
      // The name must be gone on disk before we say the thread is.
      await (entry.archived ? this.dirSyncers.archived : this.dirSyncers.live).sync()
      this.index.remove(entry)
      this.queuedSummaries.delete(threadId)
      this.indexChanged()
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.saveTimer)
    await Promise.all([...this.writers.values()].map((writer) => writer.idle()))
    await this.saving
    try {
      await saveIndexFile(this.layout.indexFile, this.index.entries.values())
    } finally {
      this.lock.release()
    }
  }

  /** Summaries queued by appends not yet durable, newest per thread. */
  private readonly queuedSummaries = new Map<string, ThreadSummary>()
  /** Threads whose create() is not durable yet. */
  private readonly creating = new Map<string, IndexEntry>()

  private move(threadId: string, toArchived: boolean): Promise<StoredThread> {
    this.checkOpen()
    const entry = this.healthyEntry(threadId)
    return this.writerFor(entry).exclusive(async () => {
      if (entry.archived !== toArchived) {
        const from = this.pathOf(entry)
        const to = this.layout.historyPath(threadId, toArchived)
        await rename(from, to)
        // Both folders: the new name must be durable, and the old one gone, before we say so.
        await Promise.all([this.dirSyncers.live.sync(), this.dirSyncers.archived.sync()])
        entry.archived = toArchived
        this.indexChanged()
      }
      return this.stored(entry)
    })
  }

  private healthyEntry(threadId: string): IndexEntry {
    const entry = this.index.entries.get(threadId) ?? this.creating.get(threadId)
    if (!entry) throw new ThreadStoreError('threadNotFound', `thread not found: ${threadId}`, { threadId })
    if (entry.problem) throw new ThreadStoreError(entry.problem.code, entry.problem.message, { threadId, path: this.pathOf(entry), line: entry.problem.line })
    return entry
  }

  private writerFor(entry: IndexEntry): ThreadWriter {
    let writer = this.writers.get(entry.id)
    if (!writer) {
      const created: ThreadWriter = new ThreadWriter({
        threadId: entry.id,
        path: () => this.pathOf(entry),
        ackedSize: () => entry.size,
        durable: (size, mtimeMs) => {
          entry.size = size
          entry.mtimeMs = mtimeMs
        },
        syncFolder: () => (entry.archived ? this.dirSyncers.archived : this.dirSyncers.live).sync(),
        // An idle writer holds nothing worth keeping; a later operation makes a new one.
        idle: () => {
          if (this.writers.get(entry.id) === created) this.writers.delete(entry.id)
        },
      })
      writer = created
      this.writers.set(entry.id, writer)
    }
    return writer
  }

  private pathOf(entry: IndexEntry): string {
    return this.layout.historyPath(entry.id, entry.archived)
  }

  private stored(entry: IndexEntry): StoredThread {
    return { summary: entry.summary!, archived: entry.archived, path: this.pathOf(entry) }
  }

  /** Saves the index a little later, once for a burst of changes. */
  private indexChanged(): void {
    if (this.saveTimer || this.closed) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      this.saving = this.saving
        .then(() => saveIndexFile(this.layout.indexFile, this.index.entries.values()))
        .catch((error: Error) => this.log.warn(`thread store: could not save the index ${this.layout.indexFile}: ${error.message}`))
    }, this.saveDelayMs)
    this.saveTimer.unref()
  }

  private checkOpen(): void {
    if (this.closed) throw new ThreadStoreError('storeClosed', `the thread store of ${this.layout.home} is closed`)
  }
}

function unreadable(threadId: string, path: string, cause: unknown): never {
  throw new ThreadStoreError('threadUnreadable', `cannot read the history of thread ${threadId} (${path}): ${(cause as Error).message}`, { threadId, path }, { cause })
}

function mergeSummary(base: ThreadSummary, patch: Partial<ThreadSummary>): ThreadSummary {
  const merged: Record<string, unknown> = { ...base }
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[field]
    else merged[field] = value
  }
  return merged as ThreadSummary
}

function checkSummary(summary: unknown): void {
  const problem = summaryProblem(summary)
  if (problem) throw new ThreadStoreError('invalidSummary', `invalid thread summary: ${problem}`)
}

function checkRecords(records: readonly ThreadRecord[]): void {
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.type !== 'string') {
      throw new ThreadStoreError('invalidRecord', `record ${index} is not a JSON object with a string "type"`)
    }
    if (record.type === SUMMARY_RECORD_TYPE) {
      throw new ThreadStoreError('invalidRecord', `record ${index} uses the type "${SUMMARY_RECORD_TYPE}", which the store keeps for itself`)
    }
  })
}
