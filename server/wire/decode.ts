// Classifies one incoming text message the way codex's JSON-RPC envelope decoding does: requests,
// notifications, responses and errors; anything else is undecodable and dropped with a log line.
import { requestIdText } from './request-id.js'

export type Incoming =
  | { kind: 'request'; id: string; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'response'; id: string; result: unknown }
  | { kind: 'error'; id: string; error: { code: number; message: string; data?: unknown } }
  | { kind: 'undecodable'; reason: string }

const NOT_A_MESSAGE = 'data did not match any variant of untagged enum JSONRPCMessage'

export function decodeMessage(text: string): Incoming {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch (error) {
    return { kind: 'undecodable', reason: text.trim() === '' ? 'empty message' : (error as Error).message }
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { kind: 'undecodable', reason: NOT_A_MESSAGE }
  const fields = message as Record<string, unknown>
  if ('method' in fields) {
    const method = fields.method
    if (typeof method !== 'string') return { kind: 'undecodable', reason: NOT_A_MESSAGE }
    // A request whose id or trace does not decode is read as a notification, as codex does.
    if (fields.id !== undefined && validTrace(fields.trace)) {
      const id = requestIdText(fields.id, text)
      if (id !== undefined) return { kind: 'request', id, method, params: fields.params }
    }
    return { kind: 'notification', method, params: fields.params }
  }
  if (fields.id === undefined) return { kind: 'undecodable', reason: NOT_A_MESSAGE }
  const id = requestIdText(fields.id, text)
  if (id === undefined) return { kind: 'undecodable', reason: NOT_A_MESSAGE }
  if ('result' in fields) return { kind: 'response', id, result: fields.result }
  const error = fields.error
  if (isRecord(error) && typeof error.code === 'number' && Number.isInteger(error.code) && typeof error.message === 'string') {
    return { kind: 'error', id, error: { code: error.code, message: error.message, ...(error.data !== undefined ? { data: error.data } : {}) } }
  }
  return { kind: 'undecodable', reason: NOT_A_MESSAGE }
}

/** `trace` is optional; when present it is W3C trace context: an object of optional strings. */
function validTrace(trace: unknown): boolean {
  if (trace === undefined || trace === null) return true
  if (!isRecord(trace)) return false
  for (const key of ['traceparent', 'tracestate']) {
    const value = trace[key]
    if (value !== undefined && value !== null && typeof value !== 'string') return false
  }
  return true
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
