// The JSON-RPC envelope as codex speaks it: no "jsonrpc" member, ids that are strings or 64-bit
// integers, and an optional W3C trace context on requests.
import { t, typesIn } from './dsl/index.js'

const rootType = typesIn('root')

// Codex declares the id in its v2 module but also writes RequestId.json at the top level.
export const RequestId = typesIn('v2')('RequestId', t.anyOf([t.string(), t.int('int64')]), {
  description: 'Identifies a request so its response can be matched to it: a string or a signed 64-bit integer, echoed exactly.',
  fileFolder: 'root',
})

export const W3cTraceContext = rootType('W3cTraceContext', t.object({
  traceparent: t.option(t.string()),
  tracestate: t.option(t.string()),
}), 'W3C Trace Context headers that link a request to a distributed trace.')

export const JSONRPCRequest = rootType('JSONRPCRequest', t.object({
  id: t.ref(RequestId),
  method: t.describe('Wire name of the method, e.g. `thread/start`.', t.string()),
  params: t.optional(t.describe('The method\'s params; left out for methods without params.', t.json())),
  trace: t.option(t.ref(W3cTraceContext), { description: 'Trace context of the caller, if it traces.' }),
}), 'A message that expects a response carrying the same id.')

export const JSONRPCNotification = rootType('JSONRPCNotification', t.object({
  method: t.string(),
  params: t.optional(t.json()),
}), 'A message that expects no response.')

export const JSONRPCResponse = rootType('JSONRPCResponse', t.object({
  id: t.ref(RequestId),
  result: t.json(),
}), 'The successful answer to the request with the same id.')

export const JSONRPCErrorError = rootType('JSONRPCErrorError', t.object({
  code: t.describe('JSON-RPC error code, e.g. -32600 for an invalid request.', t.int('int64')),
  data: t.optional(t.describe('Extra machine-readable detail, when the server has any.', t.json())),
  message: t.describe('Human-readable explanation.', t.string()),
}), 'The error carried by a failed response.')

export const JSONRPCError = rootType('JSONRPCError', t.object({
  error: t.ref(JSONRPCErrorError),
  id: t.ref(RequestId),
}), 'The failed answer to the request with the same id.')

export const JSONRPCMessage = rootType('JSONRPCMessage', t.anyOf([
  t.ref(JSONRPCRequest),
  t.ref(JSONRPCNotification),
  t.ref(JSONRPCResponse),
  t.ref(JSONRPCError),
]), 'Any message that can travel in either direction.')

/** Emitted as their own files even though no method refers to them. */
export const envelopeTypes = [RequestId, JSONRPCMessage, JSONRPCRequest, JSONRPCNotification, JSONRPCResponse, JSONRPCError, JSONRPCErrorError]
