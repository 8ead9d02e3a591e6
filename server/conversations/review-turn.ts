// A review turn (review/start, delivery inline) in the order codex 0.169.0 sends it
// (test/server/fixtures/codex-0.169.0/conversations/k-review.jsonl). codex runs the reviewer as a
// turn inside the review turn, and clients see both:
//   enteredReviewMode started/completed → status active → turn/started (the inner turn's id, its
//   rootTurnId the review turn) → the prompt as a userMessage → the reviewer's message started
//   (never completed: codex turns it into the review) → exitedReviewMode with the review text →
//   an agentMessage with the same text → read state → idle → turn/completed (the review turn).
// No token usage or rate limits are sent. In the history the inner turn holds the prompt and never
// ends (it reads back as interrupted); the review turn holds the two mode items and the message.
// A turn running when the review is asked for is interrupted first, and the review follows its end.
// Once the inner turn has started, turn/interrupt names it (codex's active turn is the inner one).
import type { ThreadItem, Turn } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import type { Logger } from '../log.js'
import { newId, nowSeconds } from './clock.js'
import type { ActiveTurn, LoadedThread } from './loaded-thread.js'
import type { ReviewRequest } from './review-target.js'

/** How long the offline reviewer takes to reply. */
const REVIEWER_REPLY_MS = 150

export class ReviewTurn implements ActiveTurn {
  /** The review turn: review/start's answer and turn/completed name it. */
  private readonly review: Turn
  /** The reviewer's turn inside it, once started. */
  private inner: Turn | undefined
  readonly done: Promise<void>
  private readonly interrupted = new AbortController()
  private readonly startedMs = Date.now()
  private start!: () => void

  /**
   * Takes the thread's running slot now, or, when `previous` runs, once it has ended (`begin`
   * interrupts it); the review runs once `begin` is called.
   */
  constructor(
    private readonly thread: LoadedThread,
    private readonly request: ReviewRequest,
    private readonly previous: ActiveTurn | undefined,
    private readonly log: Logger,
    private readonly onEnded: () => void,
  ) {
    const id = newId()
    this.review = {
      id, rootTurnId: id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: null, completedAt: null, durationMs: null,
    }
    if (!previous) thread.running = this
    this.done = new Promise<void>((resolve) => { this.start = resolve }).then(() => this.run()).catch((error: unknown) => this.failed(error))
  }

  get turn(): Turn {
    return this.inner ?? this.review
  }

  /** The turn as review/start answers it: not started yet, its label as a user message with the turn's id. */
  get answer(): Turn {
    const label: ThreadItem = { type: 'userMessage', id: this.review.id, clientId: null, content: [{ type: 'text', text: this.request.display, text_elements: [] }], startedAtMs: null, completedAtMs: null }
    return { ...this.review, rootTurnId: null, items: [label], itemsView: 'notLoaded', startedAt: null }
  }

  begin(): void {
    if (!this.previous) return this.start()
    this.previous.interrupt()
    // Whatever way the previous turn ended, the review follows it.
    const follow = () => {
      this.thread.running = this
      this.start()
    }
    this.previous.done.then(follow, follow)
  }

  // A review takes no further input: steering it is refused rather than lost.
  steer(): void {
    throw new RpcError(ErrorCode.invalidRequest, 'the running turn (a review) cannot be steered')
  }

  interrupt(): void {
    this.interrupted.abort()
  }

  private async run(): Promise<void> {
    const { thread, review: turn } = this
    turn.startedAt = nowSeconds()
    const inner: Turn = {
      id: newId(), rootTurnId: turn.id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: turn.startedAt, completedAt: null, durationMs: null,
    }
    const entered = this.item({ type: 'enteredReviewMode', id: newId(), review: this.request.display })
    // The inner turn is written first, as codex lists it first.
    await thread.record([
      { type: 'turnStarted', turnId: inner.id, rootTurnId: turn.id, startedAt: inner.startedAt! },
      { type: 'turnStarted', turnId: turn.id, rootTurnId: turn.id, startedAt: turn.startedAt },
      { type: 'item', turnId: turn.id, item: entered },
    ])
    thread.turns.push(inner, turn)
    turn.items.push(entered)
    this.announce(entered)
    thread.setStatus({ type: 'active', activeFlags: [] })
    this.inner = inner
    thread.emit('turn/started', { threadId: thread.id, turn: { ...inner, items: [] } })

    const prompt = this.item({ type: 'userMessage', id: newId(), clientId: null, content: [{ type: 'text', text: this.request.prompt, text_elements: [] }] })
    await thread.record([{ type: 'item', turnId: inner.id, item: prompt }])
    inner.items.push(prompt)
    this.announce(prompt)
    if (this.interrupted.signal.aborted) return this.finish('interrupted', inner)

    // The reviewer's own reply starts streaming; codex never completes it, it becomes the review.
    thread.emit('item/started', {
      item: { type: 'agentMessage', moderation: null, id: `msg_${newId()}`, text: '', phase: null, memoryCitation: null, delivery: null, questions: null, startedAtMs: Date.now(), completedAtMs: null },
      threadId: thread.id, turnId: turn.id, startedAtMs: Date.now(),
    })
    await this.think()
    if (this.interrupted.signal.aborted) return this.finish('interrupted', inner)
    const text = `The reference agent reviewed ${this.request.display} and found nothing to flag.`
    const exited = this.item({ type: 'exitedReviewMode', id: newId(), review: text })
    const message = this.item({ type: 'agentMessage', moderation: null, id: `msg_${newId()}`, text, phase: null, memoryCitation: null, delivery: null, questions: null })
    await thread.record([{ type: 'item', turnId: turn.id, item: exited }, { type: 'item', turnId: turn.id, item: message }])
    turn.items.push(exited, message)
    this.announce(exited)
    this.announce(message)
    await this.finish('completed', inner)
  }

  /** The reviewer's time to reply (codex's took about as long); cut short by an interrupt. */
  private think(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.interrupted.signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, REVIEWER_REPLY_MS)
      this.interrupted.signal.addEventListener('abort', done, { once: true })
    })
  }

  private async finish(status: 'completed' | 'interrupted', inner: Turn): Promise<void> {
    const { thread, review: turn } = this
    Object.assign(turn, { status, completedAt: nowSeconds(), durationMs: Date.now() - this.startedMs })
    // The inner turn never ends in codex's history: it reads back as interrupted, with no end time.
    inner.status = 'interrupted'
    await thread.record([{ type: 'turnEnded', turnId: turn.id, status, error: null, completedAt: turn.completedAt!, durationMs: turn.durationMs! }])
    thread.running = undefined
    if (status === 'completed' && !thread.meta.ephemeral) thread.markUnread(turn.id)
    thread.setStatus({ type: 'idle' })
    const shown = status === 'completed'
      ? { items: turn.items.filter((item) => item.type === 'agentMessage').slice(-1), itemsView: 'summary' as const }
      : { items: [], itemsView: 'notLoaded' as const }
    thread.emit('turn/completed', { threadId: thread.id, turn: { ...turn, ...shown } })
    this.onEnded()
  }

  /** A finished item of this turn (started and completed now). */
  private item<T extends Omit<ThreadItem, 'startedAtMs' | 'completedAtMs'>>(fields: T): ThreadItem {
    const now = Date.now()
    return { ...fields, startedAtMs: now, completedAtMs: now } as unknown as ThreadItem
  }

  /** item/started then item/completed, both under the review turn's id (as codex sends them). */
  private announce(item: ThreadItem): void {
    const base = { threadId: this.thread.id, turnId: this.review.id }
    this.thread.emit('item/started', { ...base, item: { ...item, completedAtMs: null }, startedAtMs: Date.now() })
    this.thread.emit('item/completed', { ...base, item, contentTokenCount: null, completedAtMs: Date.now() })
  }

  /** A bug or a write that failed: clients still hear that the turn ended, as failed. */
  private failed(error: unknown): void {
    const { thread, review: turn } = this
    this.log.error(`thread ${thread.id}: review turn ${turn.id} failed: ${(error as Error).stack ?? String(error)}`)
    if (thread.running === this) thread.running = undefined
    const message = `the reference server could not finish the review: ${(error as Error).message}`
    Object.assign(turn, { status: 'failed', error: { message, codexErrorInfo: 'other', additionalDetails: null, misalignment: null } })
    thread.setStatus({ type: 'systemError' })
    thread.emit('turn/completed', { threadId: thread.id, turn: { ...turn, items: [], itemsView: 'notLoaded' } })
    this.onEnded()
  }
}
