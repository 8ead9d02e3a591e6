// A turn of one item that the user starts without a prompt: a shell command typed in the thread
// (thread/shellCommand) or a compaction of its history (thread/compact/start). codex wraps each in a
// turn of its own, in this order: status active, turn/started, item/started, the work's own
// notifications, item/completed, status idle, turn/completed (no items shown, none marked unread).
import type { ThreadItem, Turn } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import type { Logger } from '../log.js'
import { newId, nowSeconds } from './clock.js'
import type { ActiveTurn, LoadedThread } from './loaded-thread.js'

/** What the work of the turn is given: its turn, a signal raised by turn/interrupt, and how to announce the item. */
export interface StandaloneWork {
  readonly turn: Turn
  readonly signal: AbortSignal
  /** Sends item/started for the item the turn is about. */
  started(item: ThreadItem): void
}

export class StandaloneTurn implements ActiveTurn {
  readonly turn: Turn
  readonly done: Promise<void>
  private readonly interrupted = new AbortController()
  private readonly startedMs = Date.now()

  /** Takes the thread's running slot now; `work` starts once `begin` is called and returns the finished item. */
  constructor(
    private readonly thread: LoadedThread,
    private readonly work: (work: StandaloneWork) => Promise<ThreadItem>,
    private readonly log: Logger,
    private readonly onEnded: () => void,
  ) {
    const id = newId()
    this.turn = {
      id, rootTurnId: id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: null, completedAt: null, durationMs: null,
    }
    thread.running = this
    let start!: () => void
    this.done = new Promise<void>((resolve) => { start = resolve }).then(() => this.run()).catch((error: unknown) => {
      log.error(`thread ${thread.id}: turn ${id} failed unexpectedly: ${(error as Error).stack ?? String(error)}`)
      if (thread.running === this) thread.running = undefined
      // Clients still hear that the turn ended, and how.
      const message = `the reference server could not finish the turn: ${(error as Error).message}`
      Object.assign(this.turn, { status: 'failed', error: { message, codexErrorInfo: 'other', additionalDetails: null, misalignment: null } })
      thread.setStatus({ type: 'systemError' })
      thread.emit('turn/completed', { threadId: thread.id, turn: { ...this.turn, items: [], itemsView: 'notLoaded' } })
      onEnded()
    })
    this.begin = start
  }

  /** Starts the work; called once the request has been answered. */
  readonly begin: () => void

  // Nothing in such a turn can take more input: steering it is refused rather than lost.
  steer(): void {
    throw new RpcError(ErrorCode.invalidRequest, 'the running turn (a user shell command or a compaction) cannot be steered')
  }

  interrupt(): void {
    this.interrupted.abort()
  }

  private async run(): Promise<void> {
    const { thread, turn } = this
    turn.startedAt = nowSeconds()
    thread.setStatus({ type: 'active', activeFlags: [] })
    // Each record is on disk before clients hear of what it holds.
    await thread.record([{ type: 'turnStarted', turnId: turn.id, rootTurnId: turn.rootTurnId ?? null, startedAt: turn.startedAt }])
    thread.emit('turn/started', { threadId: thread.id, turn: { ...turn, items: [] } })
    thread.turns.push(turn)
    const item = await this.work({
      turn, signal: this.interrupted.signal,
      started: (started) => thread.emit('item/started', { item: started, threadId: thread.id, turnId: turn.id, startedAtMs: Date.now() }),
    })
    turn.items.push(item)
    await thread.record([{ type: 'item', turnId: turn.id, item }])
    thread.emit('item/completed', { item, threadId: thread.id, turnId: turn.id, contentTokenCount: null, completedAtMs: Date.now() })
    const status = this.interrupted.signal.aborted ? 'interrupted' : 'completed'
    Object.assign(turn, { status, completedAt: nowSeconds(), durationMs: Date.now() - this.startedMs })
    await thread.record([
      { type: 'turnEnded', turnId: turn.id, status, error: null, completedAt: turn.completedAt!, durationMs: turn.durationMs! },
    ])
    thread.running = undefined
    thread.setStatus({ type: 'idle' })
    thread.emit('turn/completed', { threadId: thread.id, turn: { ...turn, items: [], itemsView: 'notLoaded' } })
    this.onEnded()
  }
}
