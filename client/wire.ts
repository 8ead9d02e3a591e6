// Reading one message from the server: JSON-RPC 2.0 as codex speaks it (no `jsonrpc` member, and
// `emittedAtMs` on notifications). Anything else is classified as malformed, with one line saying why.

export type RequestId = number | string

export type Incoming =
  | { kind: 'response'; id: RequestId; result: unknown }
  | { kind: 'errorResponse'; id: RequestId; code: number; message: string; data: unknown }
  | { kind: 'request'; id: RequestId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown; emittedAtMs: number | undefined }
  | { kind: 'malformed'; problem: string; id: RequestId | undefined }

export function readMessage(text: string): Incoming {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { kind: 'malformed', problem: `not JSON (${(error as Error).message})`, id: salvageId(text) }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'malformed', problem: `not a JSON object but ${Array.isArray(value) ? 'an array' : typeof value}`, id: undefined }
  }
  const message = value as Record<string, unknown>
  const id = message.id
  const hasId = typeof id === 'number' || typeof id === 'string'
  if (typeof message.method === 'string') {
    if (hasId) return { kind: 'request', id, method: message.method, params: message.params }
    const emitted = message.emittedAtMs
    return { kind: 'notification', method: message.method, params: message.params, emittedAtMs: typeof emitted === 'number' ? emitted : undefined }
  }
  if (!hasId) return { kind: 'malformed', problem: 'a message with neither a method nor a valid id', id: undefined }
  if ('result' in message) return { kind: 'response', id, result: message.result }
  const error = message.error
  if (typeof error === 'object' && error !== null) {
    const { code, message: text, data } = error as Record<string, unknown>
    if (typeof code === 'number' && typeof text === 'string') return { kind: 'errorResponse', id, code, message: text, data }
  }
  return { kind: 'malformed', problem: 'a response with neither `result` nor an `error` {code, message}', id }
}

const ID_MEMBER = String.raw`"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")`
const LEADING_ID = new RegExp(String.raw`^\s*\{\s*${ID_MEMBER}`)
const TRAILING_ID = new RegExp(String.raw`,\s*${ID_MEMBER}\s*\}\s*$`)
const METHOD_KEY = /"method"\s*:/

/**
 * The id of a response that does not parse, when its text still shows one, so its request can fail
 * at once. Only where codex puts it counts: first (`{"id":…,"result":…}`) or, in an error answer
 * without a method, last (`{"error":…,"id":…}`); an id elsewhere may belong to the payload.
 */
function salvageId(text: string): RequestId | undefined {
  const match = LEADING_ID.exec(text) ?? (METHOD_KEY.test(text) ? null : TRAILING_ID.exec(text))
  if (!match) return undefined
  try {
    return JSON.parse(match[1]!) as RequestId
  } catch {
    return undefined
  }
}

/** The text of a request, notification or response; `params` is left out when undefined, as codex does. */
export function encodeRequest(id: RequestId | undefined, method: string, params: unknown): string {
  if (id === undefined) return JSON.stringify(params === undefined ? { method } : { method, params })
  return JSON.stringify(params === undefined ? { id, method } : { id, method, params })
}

export function encodeResult(id: RequestId, result: unknown): string {
  return JSON.stringify({ id, result })
}

export function encodeError(id: RequestId, code: number, message: string, data?: unknown): string {
  return JSON.stringify({ id, error: data === undefined ? { code, message } : { code, message, data } })
}
