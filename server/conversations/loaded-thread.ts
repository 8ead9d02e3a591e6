// A thread held in memory by the server: its metadata and turns, its runtime status, the
// connections subscribed to it (its notifications go to each), the turn running now, and the
// way its history reaches the disk.
import type { ServerNotificationMap, Thread, ThreadReadState, ThreadStatus, ThreadTokenUsage, Turn, UserInput } from '../../generated/experimental/index.js'
import { newId } from './clock.js'
import type { ServerNotificationMethod } from '../handler-types.js'
import type { ConnectionDirectory } from '../handlers/family.js'
import type { ThreadMeta, ThreadRecord } from './thread-records.js'
import type { ThreadSettings } from './thread-settings.js'

/** Where a thread's records are written; resolves once they are on disk. */
export interface ThreadPersistence {
  /** Writes a thread's first records (its history file appears with them). */
  create(meta: ThreadMeta, records: ThreadRecord[]): Promise<void>
  append(meta: ThreadMeta, records: ThreadRecord[]): Promise<void>
}

/** What a running turn exposes to the methods that act on it. */
export interface ActiveTurn {
  readonly turn: Turn
  /** Adds input to the running turn (turn/steer). */
  steer(input: UserInput[], clientId: string | null): void
  /** Stops the turn; it completes as interrupted. */
  interrupt(): void
  /** Settles once the turn has completed. */
  readonly done: Promise<void>
}

export class LoadedThread {
  status: ThreadStatus = { type: 'idle' }
  readonly subscribers = new Set<number>()
  running: ActiveTurn | undefined
  tokenUsage: { turnId: string; usage: ThreadTokenUsage } | undefined
  /** The first turn the subscribers have not read yet, and the revision of that state. */
  readState: ThreadReadState = { firstUnread: null, revision: newId() }
  /** Timer that unloads the thread while nobody subscribes and nothing runs. */
  idleTimer: NodeJS.Timeout | undefined
  /** Whether its history file exists (codex writes it with the first turn). */
  private materialized: boolean

  constructor(
    public meta: ThreadMeta,
    public settings: ThreadSettings,
    readonly turns: Turn[],
    private readonly connections: ConnectionDirectory,
    private readonly persistence: ThreadPersistence,
    options: { materialized: boolean; tokenUsage?: LoadedThread['tokenUsage'] },
  ) {
    this.materialized = options.materialized
    this.tokenUsage = options.tokenUsage
  }

  get id(): string {
    return this.meta.id
  }

  get isMaterialized(): boolean {
    return this.materialized
  }

  /** Sends a notification to every subscriber of the thread. */
  emit<M extends ServerNotificationMethod>(method: M, params: ServerNotificationMap[M]['params']): void {
    for (const connectionId of this.subscribers) this.connections.notify(connectionId, method, params)
  }

  /** Changes the runtime status; every client hears of it, subscribed or not (as codex does). */
  setStatus(status: ThreadStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.status)) return
    this.status = status
    this.connections.broadcast('thread/status/changed', { threadId: this.id, status })
  }

  /** A turn finished that nobody has read: it becomes the first unread one unless an earlier one is. */
  markUnread(turnId: string): void {
    this.readState = { firstUnread: this.readState.firstUnread ?? { type: 'turn', turnId }, revision: newId() }
    this.emit('thread/readState/changed', { threadId: this.id, readState: this.readState })
  }

  /** Writes records to the thread's history (nothing for an ephemeral thread). */
  async record(records: ThreadRecord[]): Promise<void> {
    if (this.meta.ephemeral) return
    if (!this.materialized) {
      this.materialized = true
      try {
        await this.persistence.create(this.meta, [{ type: 'thread', thread: this.meta, settings: this.settings }, ...records])
      } catch (error) {
        // Nothing was stored: the next record tries to create the history again.
        this.materialized = false
        throw error
      }
    } else {
      await this.persistence.append(this.meta, records)
    }
  }

  /** Changes metadata and records the change once the history file exists. */
  async changeMeta(changes: Partial<ThreadMeta>): Promise<void> {
    this.meta = { ...this.meta, ...changes }
    if (this.materialized) await this.record([{ type: 'metaChanged', changes }])
  }

  /** Changes the settings (a turn asked for others) and records the change. */
  async changeSettings(settings: ThreadSettings): Promise<void> {
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return
    this.settings = settings
    if (this.materialized) await this.record([{ type: 'settingsChanged', settings }])
  }

  /** The thread as sent to clients; turns only when asked for. */
  toThread(includeTurns: boolean): Thread {
    const cwd = this.meta.cwd
    return {
      ...this.meta,
      // A loaded thread runs in the one local environment.
      environments: [{ environmentId: 'local', cwd, runtimeWorkspaceRoots: [cwd] }],
      extra: null,
      canAcceptDirectInput: true,
      status: this.status,
      turns: includeTurns ? this.turns.map(copyTurn) : [],
    }
  }
}

/** A stored thread that is not loaded, as clients see it: no environment, status `notLoaded`. */
export function notLoadedThread(meta: ThreadMeta, turns: Turn[] = []): Thread {
  return { ...meta, environments: null, extra: null, canAcceptDirectInput: null, status: { type: 'notLoaded' }, turns }
}

function copyTurn(turn: Turn): Turn {
  return { ...turn, items: [...turn.items] }
}
