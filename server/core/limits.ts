// The bounds a server puts on each connection and on its queues, with their defaults.
import type { QueueLimits } from '../scheduling/scheduler.js'

export interface ConnectionLimits {
  /** Unsent output above which `notify()` asks producers to wait and reading from the client pauses. */
  outputHighWaterBytes: number
  /** Unsent output above which the client is taken as gone and the connection is closed. */
  maxOutputBytes: number
  /** Handlers of one connection running at once (more wait for a slot, in order). */
  maxRunningRequests: number
  /** Requests of one connection accepted but not answered yet. */
  maxPendingRequests: number
  /** Bytes of those requests. */
  maxPendingBytes: number
  /** Default time limit of server→client requests; none when undefined. */
  serverRequestTimeoutMs?: number | undefined
}

export type Limits = ConnectionLimits & QueueLimits

export const DEFAULT_LIMITS: Limits = {
  outputHighWaterBytes: 1024 * 1024,
  maxOutputBytes: 64 * 1024 * 1024,
  maxRunningRequests: 16,
  maxPendingRequests: 4096,
  maxPendingBytes: 256 * 1024 * 1024,
  maxQueuedJobs: 1024,
  maxQueuedBytes: 64 * 1024 * 1024,
}
