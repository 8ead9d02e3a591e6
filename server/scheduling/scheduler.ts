// Runs requests by queue key: one FIFO queue per key; different keys and unkeyed requests run in
// parallel. A queue runs one exclusive job at a time, or a batch of consecutive shared jobs from
// its head. Queues are bounded (jobs and bytes); a full queue refuses new jobs.

export interface Job {
  connectionId: number
  /** Size of the request, counted against the queue's byte limit while it waits. */
  bytes: number
  run(): Promise<void>
}

export interface QueueLimits {
  /** Jobs that may wait in one queue (running ones excluded). */
  maxQueuedJobs: number
  /** Request bytes that may wait in one queue. */
  maxQueuedBytes: number
}

interface Entry extends Job {
  shared: boolean
}

interface Queue {
  waiting: Entry[]
  running: number
  runningShared: boolean
  waitingBytes: number
}

export class Scheduler {
  private readonly queues = new Map<string, Queue>()

  constructor(private readonly limits: QueueLimits) {}

  /** Queues `job` under `key` and starts it when its turn comes; false when the queue is full. */
  submit(key: string, shared: boolean, job: Job): boolean {
    let queue = this.queues.get(key)
    if (!queue) {
      queue = { waiting: [], running: 0, runningShared: false, waitingBytes: 0 }
      this.queues.set(key, queue)
    }
    if (queue.waiting.length >= this.limits.maxQueuedJobs || queue.waitingBytes + job.bytes > this.limits.maxQueuedBytes) {
      if (queue.waiting.length > 0 || queue.running > 0) return false
    }
    queue.waiting.push({ ...job, run: job.run.bind(job), shared })
    queue.waitingBytes += job.bytes
    this.pump(key, queue)
    return true
  }

  /** Forgets the waiting jobs of a closed connection (its running ones are cancelled by the caller). */
  dropConnection(connectionId: number): void {
    for (const [key, queue] of this.queues) {
      const kept = queue.waiting.filter((entry) => entry.connectionId !== connectionId)
      if (kept.length === queue.waiting.length) continue
      queue.waiting = kept
      queue.waitingBytes = kept.reduce((sum, entry) => sum + entry.bytes, 0)
      this.pump(key, queue)
    }
  }

  /** Number of queues with waiting or running work (for tests and diagnostics). */
  get activeQueues(): number {
    return this.queues.size
  }

  private pump(key: string, queue: Queue): void {
    while (queue.waiting.length > 0) {
      const head = queue.waiting[0]!
      const canStart = queue.running === 0 || (queue.runningShared && head.shared)
      if (!canStart) break
      queue.waiting.shift()
      queue.waitingBytes -= head.bytes
      queue.running++
      queue.runningShared = head.shared
      void head.run().catch(() => {}).finally(() => {
        queue.running--
        this.pump(key, queue)
      })
      if (!head.shared) break
    }
    if (queue.running === 0 && queue.waiting.length === 0) this.queues.delete(key)
  }
}
