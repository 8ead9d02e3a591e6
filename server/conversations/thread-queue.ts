// The queues of a server's threads: user submissions waiting to run as the thread's next turns.
// A queue is written to its thread's history at each change (so it survives a restart) and its
// thread's subscribers hear `thread/queue/changed`. Like codex 0.169.0, an idle loaded thread runs
// the head of its queue at once, and a thread whose turn completed runs the next one; a turn that
// was interrupted or failed leaves the queue waiting for thread/queue/start. Observed:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl.
import type { QueuedSubmission, UserInput } from '../../generated/experimental/index.js'
import { newId } from './clock.js'
import { conversationErrors } from './conversation-errors.js'
import type { LoadedThread } from './loaded-thread.js'
import { threadFamilyErrors } from './thread-family-errors.js'
import type { ThreadManager } from './thread-manager.js'
import type { TurnRunner } from './turn-runner.js'
import { admitTurn } from './turn-start.js'

export class ThreadQueues {
  /** Queues read so far, by thread id; every change goes through here, so they stay current. */
  private readonly queues = new Map<string, QueuedSubmission[]>()
  /** The last change of each thread's queue: changes (requests, and drains after a turn) run one at a time. */
  private readonly changing = new Map<string, Promise<unknown>>()

  constructor(private readonly manager: ThreadManager) {
    manager.onTurnEnded((thread) => {
      if (thread.turns.at(-1)?.status !== 'completed') return
      void this.exclusive(thread.id, () => this.drain(thread)).catch((error: unknown) => this.failedDrain(thread, error))
    })
  }

  /** The thread's queue, in run order; codex's error for a thread neither loaded nor stored. */
  async read(threadId: string): Promise<QueuedSubmission[]> {
    const known = this.queues.get(threadId)
    if (known) return known
    const loaded = this.manager.loaded.get(threadId)
    let queue: QueuedSubmission[]
    if (loaded && !loaded.isMaterialized) {
      queue = []
    } else {
      const stored = await this.manager.readStored(threadId)
      if (!stored) throw threadFamilyErrors.queueThreadUnknown(threadId)
      queue = stored.queue
    }
    this.queues.set(threadId, queue)
    return queue
  }

  add(threadId: string, input: UserInput[], clientUserMessageId: string, metadata: QueuedSubmission['responsesapiClientMetadata']): Promise<QueuedSubmission> {
    return this.exclusive(threadId, async () => {
      const queue = await this.read(threadId)
      checkInput(input)
      const submission: QueuedSubmission = { id: newId(), input, clientUserMessageId, responsesapiClientMetadata: metadata }
      await this.write(threadId, [...queue, submission])
      const loaded = this.manager.loaded.get(threadId)
      if (loaded) await this.drain(loaded)
      return submission
    })
  }

  /** Replaces a submission's input, and its metadata when new metadata is given (an empty map keeps it). */
  update(threadId: string, submissionId: string, input: UserInput[], metadata: QueuedSubmission['responsesapiClientMetadata'] | undefined): Promise<QueuedSubmission> {
    return this.exclusive(threadId, async () => {
      const queue = await this.read(threadId)
      checkInput(input)
      const current = queue.find((submission) => submission.id === submissionId)
      if (!current) throw threadFamilyErrors.submissionNotFound(submissionId)
      const keepMetadata = metadata == null || Object.keys(metadata).length === 0
      const updated = { ...current, input, responsesapiClientMetadata: keepMetadata ? current.responsesapiClientMetadata : metadata }
      await this.write(threadId, queue.map((submission) => (submission === current ? updated : submission)))
      return updated
    })
  }

  delete(threadId: string, submissionId: string): Promise<boolean> {
    return this.exclusive(threadId, async () => {
      const queue = await this.read(threadId)
      if (!queue.some((submission) => submission.id === submissionId)) return false
      await this.write(threadId, queue.filter((submission) => submission.id !== submissionId))
      return true
    })
  }

  /** Puts the queue in the order of `ids`, which must name every queued submission once. */
  reorder(threadId: string, ids: string[]): Promise<void> {
    return this.exclusive(threadId, async () => {
      const queue = await this.read(threadId)
      const byId = new Map(queue.map((submission) => [submission.id, submission]))
      if (ids.length !== queue.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) throw threadFamilyErrors.reorderMismatch()
      await this.write(threadId, ids.map((id) => byId.get(id)!))
    })
  }

  /** Takes a submission (the head when none is named) off the queue and admits its turn; the caller begins it. */
  start(threadId: string, submissionId: string | null): Promise<TurnRunner> {
    return this.exclusive(threadId, async () => {
      const queue = await this.read(threadId)
      const submission = submissionId === null ? queue[0] : queue.find((candidate) => candidate.id === submissionId)
      if (!submission) throw submissionId === null ? threadFamilyErrors.queueEmpty() : threadFamilyErrors.submissionNotFound(submissionId)
      const thread = this.manager.loadedOr(threadId, conversationErrors.threadNotFound)
      if (thread.running) throw threadFamilyErrors.turnBusy()
      return this.admit(thread, queue, submission)
    })
  }

  /** Runs `change` once the thread's earlier queue changes are over. */
  private exclusive<T>(threadId: string, change: () => Promise<T>): Promise<T> {
    const run = (this.changing.get(threadId) ?? Promise.resolve()).then(change)
    const settled = run.catch(() => undefined)
    this.changing.set(threadId, settled)
    void settled.then(() => { if (this.changing.get(threadId) === settled) this.changing.delete(threadId) })
    return run
  }

  /** An idle loaded thread runs the head of its queue. */
  private async drain(thread: LoadedThread): Promise<void> {
    if (thread.running || this.manager.loaded.get(thread.id) !== thread) return
    const queue = await this.read(thread.id)
    const head = queue[0]
    if (!head) return
    const runner = await this.admit(thread, queue, head)
    runner.begin()
  }

  private async admit(thread: LoadedThread, queue: QueuedSubmission[], submission: QueuedSubmission): Promise<TurnRunner> {
    await this.write(thread.id, queue.filter((candidate) => candidate !== submission))
    return admitTurn(this.manager, thread, {
      input: submission.input, clientUserMessageId: submission.clientUserMessageId, outputSchema: undefined,
    }, null)
  }

  /** Writes the queue to the thread's history, then tells the thread's subscribers. */
  private async write(threadId: string, queue: QueuedSubmission[]): Promise<void> {
    const record = { type: 'queueChanged' as const, queue }
    const loaded = this.manager.loaded.get(threadId)
    if (loaded) {
      await loaded.record([record])
    } else {
      const store = await this.manager.store()
      const stored = store.summary(threadId)
      if (!stored) throw threadFamilyErrors.queueThreadUnknown(threadId)
      await store.append(stored.meta, [record])
    }
    this.queues.set(threadId, queue)
    loaded?.emit('thread/queue/changed', { threadId })
  }

  private failedDrain(thread: LoadedThread, error: unknown): void {
    this.manager.log.error(`thread ${thread.id}: cannot start the next queued submission: ${(error as Error).stack ?? String(error)}`)
  }
}

/** codex queues only user input that says something. */
function checkInput(input: UserInput[]): void {
  if (input.length === 0) throw threadFamilyErrors.onlyUserInput()
}

/** A subscriber to receive the requests of a turn nobody in particular started; -1 when none. */
