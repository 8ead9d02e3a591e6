// Timed client steps for the conversation benchmark and the figures made of them.
import { performance } from 'node:perf_hooks'
import { turnStartParams } from './client-steps.js'
import type { Json, Message, RecordedConnection } from './recorded-connection.js'

export interface TurnTiming {
  /** From sending turn/start to receiving turn/completed, ms. */
  totalMs: number
  /** From sending turn/start to the first item/agentMessage/delta, ms. */
  firstDeltaMs: number
  deltas: number
  /** The turn's status in turn/completed. */
  status: string
}

/** Sends turn/start and times the turn from the messages as they arrive (watched synchronously). */
export async function timedTurn(connection: RecordedConnection, threadId: string, text: string): Promise<TurnTiming> {
  let firstDeltaAt: number | undefined
  let deltas = 0
  const completed = connection.waitFor((message) => {
    const params = (message.params ?? {}) as Message
    if (message.method === 'item/agentMessage/delta' && params.threadId === threadId) {
      firstDeltaAt ??= performance.now()
      deltas++
    }
    return message.method === 'turn/completed' && params.threadId === threadId
  }, 60_000, 'turn/completed')
  const sentAt = performance.now()
  const [outcome, done] = await Promise.all([connection.request('turn/start', turnStartParams(threadId, text), undefined, 60_000), completed.then((m) => [m, performance.now()] as const)])
  if (outcome.error) throw new Error(`turn/start failed: ${outcome.error.message}`)
  const [message, completedAt] = done
  if (!message) throw new Error('no turn/completed within 60 s')
  const turn = ((message.params as Message).turn ?? {}) as Message
  return {
    totalMs: completedAt - sentAt,
    firstDeltaMs: (firstDeltaAt ?? completedAt) - sentAt,
    deltas,
    status: String(turn.status),
  }
}

/** Sends a request and times it to its answer; throws on an error answer. */
export async function timedRequest(connection: RecordedConnection, method: string, params: Json): Promise<{ ms: number; result: Json | undefined }> {
  const sentAt = performance.now()
  const outcome = await connection.request(method, params, undefined, 60_000)
  const ms = performance.now() - sentAt
  if (outcome.error) throw new Error(`${method} failed: ${outcome.error.message}`)
  return { ms, result: outcome.result }
}

/** The value below which `fraction` of `values` lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!
}

export interface Spread { median: number; p90: number; p95: number; min: number; max: number; count: number }

export function spread(values: readonly number[]): Spread {
  return {
    median: percentile(values, 0.5), p90: percentile(values, 0.9), p95: percentile(values, 0.95),
    min: Math.min(...values), max: Math.max(...values), count: values.length,
  }
}

export const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))
