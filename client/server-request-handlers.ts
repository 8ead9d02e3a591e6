// The application's handlers for requests the server sends (approvals, user input, tool calls).
// Every server request gets exactly one answer: the handler's result, or an error saying why not
// (no handler, invalid params, an invalid result, a handler that threw).
import { AppServerError, ErrorCode, HandlerError, SchemaMismatchError } from './errors.js'
import type { Disposable } from './listeners.js'
import type { MessageValidator } from './validation/message-validator.js'
import { encodeError, encodeResult, type RequestId } from './wire.js'

export interface ServerRequestContext<M extends string = string> {
  method: M
  id: RequestId
  /** Aborted when the connection closes before the handler finished. */
  signal: AbortSignal
}

type AnyHandler = (params: unknown, context: ServerRequestContext) => unknown

export class ServerRequestHandlers {
  private readonly handlers = new Map<string, AnyHandler>()

  constructor(private readonly validator: MessageValidator | undefined, private readonly report: (error: Error) => void) {}

  register(method: string, handler: AnyHandler): Disposable {
    if (this.handlers.has(method)) throw new Error(`a handler for ${method} is already registered; dispose it first`)
    this.handlers.set(method, handler)
    return { dispose: () => { if (this.handlers.get(method) === handler) this.handlers.delete(method) } }
  }

  /** Runs the handler and sends its answer with `send` (which drops it when the connection is gone). */
  async answer(request: { id: RequestId; method: string; params: unknown }, signal: AbortSignal, send: (text: string) => void): Promise<void> {
    const { id, method, params } = request
    try {
      const problem = this.validator?.check('serverRequest', method, 'params', params)
      if (problem !== undefined) {
        this.report(new SchemaMismatchError(`received ${method} params: ${problem}`))
        send(encodeError(id, ErrorCode.invalidParams, `the client cannot read ${method}: ${problem}`))
        return
      }
      const handler = this.handlers.get(method)
      if (!handler) {
        send(encodeError(id, ErrorCode.methodNotFound, `the client has no handler for ${method}`))
        return
      }
      const result = await handler(params, { method, id, signal })
      const resultProblem = this.validator?.check('serverRequest', method, 'result', result)
      if (resultProblem !== undefined) {
        this.report(new SchemaMismatchError(`the ${method} handler's result: ${resultProblem}`))
        send(encodeError(id, ErrorCode.internalError, `the client's answer to ${method} is invalid: ${resultProblem}`))
        return
      }
      send(encodeResult(id, result))
    } catch (error) {
      if (error instanceof HandlerError) {
        send(encodeError(id, error.code, error.message, error.data))
        return
      }
      const message = error instanceof Error ? error.message : String(error)
      this.report(new AppServerError(ErrorCode.internalError, `the ${method} handler threw: ${message}`, { cause: error }))
      send(encodeError(id, ErrorCode.internalError, `the client failed to handle ${method}: ${message}`))
    }
  }
}
