// What a turn asks the clients following its thread (approvals, questions, tool calls), as codex
// 0.169.0 does it (test/server/fixtures/codex-0.169.0/conversations/j-server-requests.jsonl):
// - the request goes to every subscriber of the thread under one id; the first answer wins, and
//   every subscriber then hears serverRequest/resolved, before the turn goes on;
// - there is no time limit: a request waits until answered or the turn is interrupted;
// - a subscriber that drops takes nothing with it: the request still waits, and a client that
//   subscribes later (thread/resume) is sent it again, under the same id;
// - an interrupt withdraws it (a late answer is ignored) and serverRequest/resolved follows the
//   turn's turn/completed.
// A malformed answer or a JSON-RPC error rejects the ask with an RpcError (the core logs one line).
// A request whose params name no thread (account/chatgptAuthTokens/refresh, attestation/generate)
// goes to the same subscribers but is not announced: serverRequest/resolved needs a thread id.
// Nor is item/tool/call, which codex never announces (j-tool-items.jsonl).
import type { ServerRequestMap } from '../../generated/experimental/index.js'
import { threadIdOf } from '../core/server-requests.js'
import type { ServerRequestMethod } from '../handler-types.js'
import type { ConnectionDirectory, SharedServerRequest } from '../handlers/family.js'
import type { LoadedThread } from './loaded-thread.js'

/** Requests codex answers without a serverRequest/resolved. */
const UNANNOUNCED: ReadonlySet<ServerRequestMethod> = new Set(['item/tool/call'])

export class ClientRequests {
  /** Requests waiting for an answer, by thread id. */
  private readonly waiting = new Map<string, Set<SharedServerRequest<unknown>>>()

  constructor(private readonly connections: ConnectionDirectory) {}

  /** Asks the thread's subscribers; rejects with `signal`'s reason once it is raised. */
  ask<M extends ServerRequestMethod>(thread: LoadedThread, method: M, params: ServerRequestMap[M]['params'], signal: AbortSignal): Promise<ServerRequestMap[M]['result']> {
    if (signal.aborted) return Promise.reject(abortReason(signal))
    const request = this.connections.requestShared(thread.subscribers, method, params)
    this.track(thread.id, request)
    const announced = threadIdOf(params) !== undefined && !UNANNOUNCED.has(method)
    const resolved = () => {
      if (announced) thread.emit('serverRequest/resolved', { threadId: thread.id, requestId: request.id })
    }
    return new Promise((resolve, reject) => {
      const interrupted = () => {
        if (!request.withdraw()) return
        this.untrack(thread.id, request)
        // codex tells the subscribers once the interrupted turn has completed.
        const turnEnded = thread.running?.done ?? Promise.resolve()
        void turnEnded.then(resolved, resolved)
        reject(abortReason(signal))
      }
      signal.addEventListener('abort', interrupted, { once: true })
      const settled = () => {
        signal.removeEventListener('abort', interrupted)
        this.untrack(thread.id, request)
        resolved()
      }
      request.answer.then(
        (result) => { settled(); resolve(result) },
        (error: unknown) => { settled(); reject(error) },
      )
    })
  }

  /** A connection subscribed to the thread: it is sent what the thread is waiting for. */
  subscribed(threadId: string, connectionId: number): void {
    for (const request of this.waiting.get(threadId) ?? []) request.sendTo(connectionId)
  }

  /** How many requests of the thread wait for an answer. */
  waitingFor(threadId: string): number {
    return this.waiting.get(threadId)?.size ?? 0
  }

  private track(threadId: string, request: SharedServerRequest<unknown>): void {
    let requests = this.waiting.get(threadId)
    if (!requests) this.waiting.set(threadId, (requests = new Set()))
    requests.add(request)
  }

  private untrack(threadId: string, request: SharedServerRequest<unknown>): void {
    const requests = this.waiting.get(threadId)
    if (!requests?.delete(request) || requests.size > 0) return
    this.waiting.delete(threadId)
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('the turn was interrupted')
}
