// The threads of one server: those loaded in memory (with their subscribers and running turns),
// how a stored thread is loaded and a loaded one unloaded, and the store behind them, opened on
// first use. Subscriptions are per connection; a connection that closes leaves every thread it
// subscribed to, exactly as if it had unsubscribed.
import type { ConnectionInfo } from '../handler-types.js'
import type { ConnectionDirectory } from '../handlers/family.js'
import type { Logger } from '../log.js'
import type { ConversationStore } from './conversation-store.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import { ClientRequests } from './client-requests.js'
import { LoadedThread, type ThreadPersistence } from './loaded-thread.js'
import { ThreadGoals } from './thread-goals.js'
import { unreadableHistory } from './conversation-errors.js'
import { replayThread, type ReplayedThread } from './thread-records.js'
import type { ScenarioLibrary } from './scenarios/scenario-loader.js'

/** codex unloads a thread nobody subscribes to after this long. */
export const DEFAULT_IDLE_UNLOAD_MS = 30 * 60 * 1000

export interface ThreadManagerOptions {
  log: Logger
  connections: ConnectionDirectory
  openStore: () => Promise<ConversationStore>
  idleUnloadMs: number
  /** Runs the commands the agent is allowed to run, tied to the server's life. */
  processes: ProcessSupervisor
  /** The scenarios turns may play, and the one they play by default (`--scenario`). */
  scenarios: ScenarioLibrary
  defaultScenario?: string | undefined
}

export type UnsubscribeStatus = 'unsubscribed' | 'notSubscribed' | 'notLoaded'

export class ThreadManager {
  readonly loaded = new Map<string, LoadedThread>()
  private storeOpening: Promise<ConversationStore> | undefined
  private readonly turnEndListeners: Array<(thread: LoadedThread) => void> = []
  readonly goals = new ThreadGoals(this)
  readonly persistence: ThreadPersistence = {
    create: async (meta, records) => (await this.store()).create(meta, records),
    append: async (meta, records) => (await this.store()).append(meta, records),
  }

  /** What running turns ask the clients following their thread. */
  readonly requests: ClientRequests

  constructor(private readonly options: ThreadManagerOptions) {
    this.requests = new ClientRequests(options.connections)
  }

  get connections(): ConnectionDirectory {
    return this.options.connections
  }

  get processes(): ProcessSupervisor {
    return this.options.processes
  }

  get log(): Logger {
    return this.options.log
  }

  get scenarios(): ScenarioLibrary {
    return this.options.scenarios
  }

  get defaultScenario(): string | undefined {
    return this.options.defaultScenario
  }

  store(): Promise<ConversationStore> {
    return (this.storeOpening ??= this.options.openStore())
  }

  /** A stored thread rebuilt from its history, without loading it; undefined when not stored. */
  async readStored(threadId: string): Promise<(ReplayedThread & { archived: boolean }) | undefined> {
    const store = await this.store()
    let records
    try {
      records = await store.read(threadId)
    } catch (error) {
      throw unreadableHistory(error) ?? error
    }
    if (records === undefined) return undefined
    return { ...replayThread(records), archived: store.summary(threadId)?.archived ?? false }
  }

  /** A thread loaded now; codex answers any other id with `missing`. */
  loadedOr(threadId: string, missing: (threadId: string) => Error): LoadedThread {
    const loaded = this.loaded.get(threadId)
    if (!loaded) throw missing(threadId)
    return loaded
  }

  /**
   * A loaded thread, or a stored one loaded now. codex answers an unknown id with `missing` and an
   * archived one with `archived` (by default the same).
   */
  async open(threadId: string, missing: (threadId: string) => Error, archived: (threadId: string) => Error = missing): Promise<LoadedThread> {
    const loaded = this.loaded.get(threadId)
    if (loaded) return loaded
    const stored = await this.readStored(threadId)
    if (!stored) throw missing(threadId)
    if (stored.archived) throw archived(threadId)
    return this.fromReplay(stored)
  }

  /** Keeps a new or stored thread in memory. */
  add(thread: LoadedThread): LoadedThread {
    this.loaded.set(thread.id, thread)
    return thread
  }

  /** Loads a stored thread (idle, no subscribers); the loaded one when it already is. */
  fromReplay(replayed: ReplayedThread): LoadedThread {
    const existing = this.loaded.get(replayed.meta.id)
    if (existing) return existing
    const thread = this.add(new LoadedThread(replayed.meta, replayed.settings, replayed.turns, this.connections, this.persistence, {
      materialized: true, tokenUsage: replayed.tokenUsage,
    }))
    this.scheduleIdleUnload(thread)
    return thread
  }

  /** The connection follows the thread; one that closed meanwhile does not (its teardown has run). */
  subscribe(thread: LoadedThread, connection: ConnectionInfo): void {
    if (connection.closed.aborted) {
      if (thread.subscribers.size === 0) this.scheduleIdleUnload(thread)
      return
    }
    thread.subscribers.add(connection.id)
    this.cancelIdleUnload(thread)
  }

  unsubscribe(threadId: string, connectionId: number): UnsubscribeStatus {
    const thread = this.loaded.get(threadId)
    if (!thread) return 'notLoaded'
    if (!thread.subscribers.has(connectionId)) return 'notSubscribed'
    this.leave(thread, connectionId)
    return 'unsubscribed'
  }

  connectionClosed(connectionId: number): void {
    for (const thread of [...this.loaded.values()]) {
      if (thread.subscribers.has(connectionId)) this.leave(thread, connectionId)
    }
  }

  /**
   * The connection stops following the thread. A thread nobody follows stays loaded (codex keeps
   * it) until it has been idle, with no running turn, for the idle period.
   */
  private leave(thread: LoadedThread, connectionId: number): void {
    thread.subscribers.delete(connectionId)
    if (thread.subscribers.size === 0) this.scheduleIdleUnload(thread)
  }

  /** A turn ended: a thread left without subscribers goes after the idle period. */
  turnEnded(thread: LoadedThread): void {
    if (thread.subscribers.size === 0) this.scheduleIdleUnload(thread)
    for (const listener of this.turnEndListeners) listener(thread)
  }

  /** Calls `listener` each time a turn of a loaded thread has ended (after its turn/completed). */
  onTurnEnded(listener: (thread: LoadedThread) => void): void {
    this.turnEndListeners.push(listener)
  }

  private scheduleIdleUnload(thread: LoadedThread): void {
    if (thread.subscribers.size > 0 || thread.running || this.loaded.get(thread.id) !== thread) return
    this.cancelIdleUnload(thread)
    thread.idleTimer = setTimeout(() => void this.unload(thread, 'idle'), this.options.idleUnloadMs)
    thread.idleTimer.unref()
  }

  private cancelIdleUnload(thread: LoadedThread): void {
    clearTimeout(thread.idleTimer)
    thread.idleTimer = undefined
  }

  /**
   * Takes the thread out of memory; everyone hears its status. An idle unload also tells its
   * subscribers with thread/closed; archiving does not (codex sends only the status then).
   */
  async unload(thread: LoadedThread, reason: 'idle' | 'archived'): Promise<void> {
    this.cancelIdleUnload(thread)
    if (this.loaded.get(thread.id) !== thread) return
    // A running turn is interrupted and ends first, so its subscribers still hear turn/completed.
    const running = thread.running
    if (running) {
      running.interrupt()
      await running.done
      if (this.loaded.get(thread.id) !== thread) return
    }
    if (reason === 'idle') thread.emit('thread/closed', { threadId: thread.id })
    thread.setStatus({ type: 'notLoaded' })
    thread.subscribers.clear()
    this.loaded.delete(thread.id)
    // A goal set before the first turn lives only in memory, and goes with the thread.
    if (!thread.isMaterialized) this.goals.forget(thread.id)
  }

  /** The server is closing: running turns stop, the store is released. */
  async close(): Promise<void> {
    const running = [...this.loaded.values()].flatMap((thread) => (thread.running ? [thread.running] : []))
    for (const turn of running) turn.interrupt()
    await Promise.all(running.map((turn) => turn.done))
    for (const thread of this.loaded.values()) this.cancelIdleUnload(thread)
    this.loaded.clear()
    if (this.storeOpening) await (await this.storeOpening.catch(() => undefined))?.close()
  }
}
