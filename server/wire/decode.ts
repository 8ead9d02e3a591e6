// Classifies one incoming text message the way codex's JSON-RPC envelope decoding does. codex tries
// four shapes in turn (request, notification, response, error) and takes the first that fits; each
// shape may be written as an object or, as serde allows, as an array of its fields in declaration
// order (`["x","thread/loaded/list",{}]`). A shape does not fit when one of its own fields is
// repeated. Anything that fits no shape is undecodable and dropped with a log line.
import { scanJson, type TopLevel } from './json-scan.js'
import { int64Text } from './request-id.js'
import { isRecord } from '../../protocol/model/json-data.js'

export type Incoming =
  | { kind: 'request'; id: string; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'response'; id: string; result: unknown }
  | { kind: 'error'; id: string; error: { code: number; message: string; data?: unknown } }
  | { kind: 'undecodable'; reason: string }

const NOT_A_MESSAGE = 'data did not match any variant of untagged enum JSONRPCMessage'

/** The fields of each shape in declaration order, and how many of them are required. */
const SHAPES = {
  request: { fields: ['id', 'method', 'params', 'trace'], required: 2 },
  notification: { fields: ['method', 'params'], required: 1 },
  response: { fields: ['id', 'result'], required: 2 },
  error: { fields: ['error', 'id'], required: 2 },
} as const
type Shape = keyof typeof SHAPES

/** A field as read for one shape: absent, or its value and (for ids) its raw text. */
type Field = { present: false } | { present: true; value: unknown; raw: string | undefined }

export function decodeMessage(text: string): Incoming {
  const scan = scanJson(text, { rawMembers: ['id'], rawElements: 2 })
  if (!scan.ok) return { kind: 'undecodable', reason: scan.reason }
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch (error) {
    return { kind: 'undecodable', reason: text.trim() === '' ? 'empty message' : (error as Error).message }
  }
  const fieldsOf = (shape: Shape) => readShape(scan.top, message, shape)

  const request = fieldsOf('request')
  if (request) {
    const [id, method, params, trace] = request as [Field, Field, Field, Field]
    const idText = requestId(id)
    if (idText !== undefined && method.present && typeof method.value === 'string' && validTrace(trace)) {
      return { kind: 'request', id: idText, method: method.value, params: valueOf(params) }
    }
  }
  const notification = fieldsOf('notification')
  if (notification) {
    const [method, params] = notification as [Field, Field]
    if (method.present && typeof method.value === 'string') return { kind: 'notification', method: method.value, params: valueOf(params) }
  }
  const response = fieldsOf('response')
  if (response) {
    const [id, result] = response as [Field, Field]
    const idText = requestId(id)
    if (idText !== undefined && result.present) return { kind: 'response', id: idText, result: result.value }
  }
  const failure = fieldsOf('error')
  if (failure) {
    const [error, id] = failure as [Field, Field]
    const idText = requestId(id)
    const value = valueOf(error)
    if (idText !== undefined && isRecord(value) && isInteger(value.code) && typeof value.message === 'string') {
      return { kind: 'error', id: idText, error: { code: value.code, message: value.message, ...(value.data !== undefined ? { data: value.data } : {}) } }
    }
  }
  return { kind: 'undecodable', reason: NOT_A_MESSAGE }
}

/** The shape's fields from an object or an array message; undefined when the shape cannot fit. */
function readShape(top: TopLevel, message: unknown, shape: Shape): Field[] | undefined {
  const { fields, required } = SHAPES[shape]
  if (top.kind === 'object' && isRecord(message)) {
    if (fields.some((field) => top.duplicates.has(field))) return undefined
    const read = fields.map((field): Field => (Object.hasOwn(message, field)
      ? { present: true, value: message[field], raw: top.raw.get(field) }
      : { present: false }))
    return read.slice(0, required).every((field) => field.present) ? read : undefined
  }
  if (top.kind === 'array' && Array.isArray(message)) {
    if (message.length < required || message.length > fields.length) return undefined
    return fields.map((_, index): Field => (index < message.length
      ? { present: true, value: message[index], raw: top.raw[index] }
      : { present: false }))
  }
  return undefined
}

/** JSON text of a valid request id (a string, or an integer in the int64 range), else undefined. */
function requestId(field: Field): string | undefined {
  if (!field.present) return undefined
  if (typeof field.value === 'string') return JSON.stringify(field.value)
  if (typeof field.value !== 'number' || field.raw === undefined) return undefined
  return int64Text(field.raw)
}

/** `trace` is optional; when present it is W3C trace context: an object of optional strings. */
function validTrace(field: Field): boolean {
  const trace = valueOf(field)
  if (trace === undefined || trace === null) return true
  if (!isRecord(trace)) return false
  for (const key of ['traceparent', 'tracestate']) {
    const value = trace[key]
    if (value !== undefined && value !== null && typeof value !== 'string') return false
  }
  return true
}

function valueOf(field: Field): unknown {
  return field.present ? field.value : undefined
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

