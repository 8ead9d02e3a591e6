// Everything a request can fail with is an AppServerError carrying a numeric `code`: the JSON-RPC
// code the server answered with, or one of the client's own codes (small positive numbers, as
// vscode-jsonrpc does, so they never collide with a code a server sends).

export const ErrorCode = {
  /** JSON-RPC 2.0: the server could not parse the message (codex never sends it). */
  parseError: -32700,
  /** JSON-RPC 2.0; codex's answer to bad params, unknown methods, `Not initialized`, domain errors. */
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  /** JSON-RPC 2.0; codex's answer to operating-system errors and bugs. */
  internalError: -32603,
  /** codex: `Server overloaded; retry later.` */
  serverOverloaded: -32001,
  /** Client: the connection closed (or could not be used) before the answer came. */
  connectionClosed: 1,
  /** Client: no answer within `timeoutMs`. */
  requestTimeout: 2,
  /** Client: the caller's AbortSignal fired. */
  requestCancelled: 3,
  /** Client: the answer could not be read (not JSON, or not a JSON-RPC response). */
  malformedResponse: 4,
  /** Client: a message did not match the protocol's schemas (validation on). */
  schemaMismatch: 5,
} as const

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode] | number

export class AppServerError extends Error {
  override name = 'AppServerError'
  constructor(readonly code: ErrorCodeValue, message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The server answered the request with a JSON-RPC error. */
export class ResponseError extends AppServerError {
  override name = 'ResponseError'
  constructor(code: number, message: string, readonly method: string, readonly data?: unknown) {
    super(code, message)
  }
}

/** The connection closed, failed, or was never usable; `reason` says what happened. */
export class ConnectionClosedError extends AppServerError {
  override name = 'ConnectionClosedError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.connectionClosed, message, options)
  }
}

export class RequestTimeoutError extends AppServerError {
  override name = 'RequestTimeoutError'
  constructor(readonly method: string, readonly timeoutMs: number) {
    super(ErrorCode.requestTimeout, `${method}: no answer within ${timeoutMs} ms`)
  }
}

export class RequestCancelledError extends AppServerError {
  override name = 'RequestCancelledError'
  constructor(readonly method: string, reason: unknown) {
    super(ErrorCode.requestCancelled, `${method}: cancelled${reason instanceof Error ? ` (${reason.message})` : ''}`, { cause: reason })
  }
}

/** A message from the server that is not JSON or not a JSON-RPC message. */
export class MalformedMessageError extends AppServerError {
  override name = 'MalformedMessageError'
  constructor(message: string) {
    super(ErrorCode.malformedResponse, message)
  }
}

/** A message (sent or received) that does not match the schemas of the client's protocol variant. */
export class SchemaMismatchError extends AppServerError {
  override name = 'SchemaMismatchError'
  constructor(message: string) {
    super(ErrorCode.schemaMismatch, message)
  }
}

/** A request other than `initialize` on a connection that has not initialized (codex's code and words). */
export class NotInitializedError extends AppServerError {
  override name = 'NotInitializedError'
  constructor(method: string) {
    super(ErrorCode.invalidRequest, `Not initialized: call initialize() before sending ${method}`)
  }
}

/** Thrown by a server-request handler to answer with a specific JSON-RPC error. */
export class HandlerError extends AppServerError {
  override name = 'HandlerError'
  constructor(code: number, message: string, readonly data?: unknown) {
    super(code, message)
  }
}
