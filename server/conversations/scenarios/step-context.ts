// What a scenario step may do to the turn it runs in: announce and complete items (completed items
// are written to the thread's history before anyone hears of them), stream a message, report usage,
// wait, and ask the client something. The TurnRunner provides it.
import type { ServerRequestMap, ServerRequestMethod, ThreadItem, Turn, TurnError, TurnStatus } from '../../../generated/experimental/index.js'
import type { Logger } from '../../log.js'
import type { ProcessSupervisor } from '../../process/process-supervisor.js'
import type { LoadedThread } from '../loaded-thread.js'
import type { TurnDiff } from './file-changes.js'

/** How a turn ends. */
export type Ending = { status: Exclude<TurnStatus, 'inProgress'>; error: TurnError | null }

/** What a step leaves the turn with: an Ending when it stops here, 'steered' when steering cut a reply short. */
export type StepOutcome = Ending | 'steered' | undefined

/** A client's answer; `interrupted` when the turn was interrupted while waiting, `failed` when the client answered with an error or went away. */
export type Answer<M extends ServerRequestMethod> =
  | { kind: 'answered'; result: ServerRequestMap[M]['result'] }
  | { kind: 'interrupted' }
  | { kind: 'failed'; message: string }

export interface StepContext {
  readonly thread: LoadedThread
  readonly turn: Turn
  readonly log: Logger
  readonly processes: ProcessSupervisor
  /** Raised when the turn is interrupted. */
  readonly interruptSignal: AbortSignal
  /** The diff of everything this turn changed on disk. */
  readonly diff: TurnDiff
  /** item/started for an item in progress. */
  started(item: ThreadItem): void
  /** Adds a finished item to the turn, writes it to the history, then sends item/completed (with item/started first when `announceStart`). */
  complete(item: ThreadItem, announceStart?: boolean): Promise<void>
  /** An agent message streamed in these deltas, then completed and its usage reported; `inside` runs before it completes. */
  respond(deltas: string[], delayMs: number, phase?: 'commentary' | 'final_answer' | null, inside?: () => Promise<void>): Promise<'steered' | undefined>
  /** Token usage and rate limits after a model response that produced `output`. */
  reportUsage(output: string): Promise<void>
  /** Waits, cut short by an interrupt or steering. */
  pause(ms: number): Promise<void>
  /** Asks the client that follows the turn; the thread shows `flag` while it waits. */
  ask<M extends ServerRequestMethod>(method: M, params: ServerRequestMap[M]['params'], flag?: 'waitingOnApproval' | 'waitingOnUserInput'): Promise<Answer<M>>
}

/** An Ending of an interrupted turn. */
export const INTERRUPTED: Ending = { status: 'interrupted', error: null }

/** A failed turn's Ending with this message. */
export function failure(message: string, codexErrorInfo: TurnError['codexErrorInfo'] = 'other'): Ending {
  return { status: 'failed', error: { message, codexErrorInfo, additionalDetails: null, misalignment: null } }
}
