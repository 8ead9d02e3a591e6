// The goal of each thread: read from its history (the last goalChanged record), changed one request
// at a time, and written back. A thread without a history file yet (before its first turn, or
// ephemeral) keeps its goal here until the file exists; the next touch writes it there.
import type { ThreadGoal } from '../../generated/experimental/index.js'
import { conversationErrors } from './conversation-errors.js'
import type { ThreadManager } from './thread-manager.js'

export class ThreadGoals {
  private readonly unwritten = new Map<string, ThreadGoal | null>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly manager: ThreadManager) {}

  /** The goal of a live thread (loaded or stored); codex answers others "thread not found". */
  get(threadId: string): Promise<ThreadGoal | null> {
    return this.oneAtATime(async () => (await this.slot(threadId)).goal)
  }

  /**
   * Replaces the goal with what `change` makes of it (it may throw to refuse); resolves with the
   * goals before and after once the change is stored.
   */
  change(threadId: string, change: (goal: ThreadGoal | null) => ThreadGoal | null): Promise<{ before: ThreadGoal | null; after: ThreadGoal | null }> {
    return this.oneAtATime(async () => {
      const slot = await this.slot(threadId)
      const after = change(slot.goal)
      if (after !== slot.goal) await slot.save(after)
      return { before: slot.goal, after }
    })
  }

  /** The thread is gone: its goal too. */
  forget(threadId: string): void {
    this.unwritten.delete(threadId)
  }

  // A change reads, alters and writes the goal: one at a time, so that none is lost.
  private oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async slot(threadId: string): Promise<{ goal: ThreadGoal | null; save: (goal: ThreadGoal | null) => Promise<void> }> {
    const loaded = this.manager.loaded.get(threadId)
    if (loaded && !loaded.isMaterialized) {
      return { goal: this.unwritten.get(threadId) ?? null, save: async (goal) => void this.unwritten.set(threadId, goal) }
    }
    const stored = await this.manager.readStored(threadId)
    if (!stored || stored.archived) throw conversationErrors.threadNotFound(threadId)
    const save = async (goal: ThreadGoal | null) => {
      const record = { type: 'goalChanged' as const, goal }
      const current = this.manager.loaded.get(threadId)
      if (current) return current.record([record])
      const store = await this.manager.store()
      await store.append(store.summary(threadId)?.meta ?? stored.meta, [record])
    }
    if (!this.unwritten.has(threadId)) return { goal: stored.goal, save }
    const goal = this.unwritten.get(threadId) ?? null
    await save(goal)
    this.unwritten.delete(threadId)
    return { goal, save }
  }
}
