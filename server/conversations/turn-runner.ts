// Runs one turn of a thread with the offline agent, in the order codex 0.169.0 sends things (see
// test/server/fixtures/codex-0.169.0/conversations/): each model response is followed by token
// usage and rate limits; approvals are asked of the client that started the turn; commands run for
// real in the thread's cwd; steering replaces the reply being streamed; an interrupted reply is
// neither completed nor kept.
import type { RateLimitSnapshot, ServerRequestMap, ServerRequestMethod, ThreadItem, Turn, TurnError, TurnStatus, UserInput } from '../../generated/experimental/index.js'
import type { ConnectionDirectory } from '../handlers/family.js'
import type { Logger } from '../log.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import { commandReport, planTurn, promptText, splitIntoDeltas, tokensOf, type AgentStep } from './agent/offline-agent.js'
import { runAgentCommand } from './agent-command.js'
import { newId, nowSeconds } from './clock.js'
import type { ActiveTurn, LoadedThread } from './loaded-thread.js'
import { nextUsage } from './token-usage.js'
import { approvalRequest, commandItem } from './command-item.js'

export interface TurnRequest {
  input: UserInput[]
  clientUserMessageId: string | null
  outputSchema: unknown
  /** The connection that started the turn: approvals are asked of it. */
  connectionId: number
}

/** What a turn uses of its server. */
export interface TurnServices {
  connections: ConnectionDirectory
  log: Logger
  processes: ProcessSupervisor
  /** Asks the clients following the turn; rejects once `signal` is raised or the answer is an error. */
  ask<M extends ServerRequestMethod>(method: M, params: ServerRequestMap[M]['params'], signal: AbortSignal): Promise<ServerRequestMap[M]['result']>
  /** Called once the turn has completed. */
  onEnded: () => void
}

type Ending = { status: Exclude<TurnStatus, 'inProgress'>; error: TurnError | null }

/** What rate limits an offline server has: none known. */
export const RATE_LIMITS: RateLimitSnapshot = {
  limitId: 'codex', limitName: null, normalModelSlug: null, primary: null, secondary: null, credits: null,
  individualLimit: null, spendControlReached: null, planType: null, rateLimitReachedType: null,
}
/** codex retries a broken stream this many times; its retry notices count against it. */
const STREAM_RETRIES = 5

export class TurnRunner implements ActiveTurn {
  readonly turn: Turn
  readonly done: Promise<void>
  private readonly interrupted = new AbortController()
  /** Aborted when steering input arrives, to stop the reply being streamed. */
  private steering = new AbortController()
  private readonly steered: { input: UserInput[]; clientId: string | null }[] = []
  private readonly startedMs = Date.now()
  private start!: () => void

  constructor(
    private readonly thread: LoadedThread,
    private readonly request: TurnRequest,
    private readonly services: TurnServices,
    rootTurnId: string | null,
  ) {
    const id = newId()
    this.turn = {
      id, rootTurnId: rootTurnId ?? id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: null, completedAt: null, durationMs: null,
    }
    const started = new Promise<void>((resolve) => { this.start = resolve })
    this.done = started.then(() => this.run())
  }

  /** Adds the turn and its user message to the thread and writes both, before turn/start is answered. */
  async admit(): Promise<void> {
    const now = Date.now()
    const item: ThreadItem = { ...userMessage(this.request.input, this.request.clientUserMessageId), startedAtMs: now, completedAtMs: now }
    this.turn.startedAt = nowSeconds()
    this.turn.items.push(item)
    this.thread.turns.push(this.turn)
    // A turn that cannot be written is not kept: the request fails and the thread is as before.
    try {
      await this.thread.record([
        { type: 'turnStarted', turnId: this.turn.id, rootTurnId: this.turn.rootTurnId ?? null, startedAt: this.turn.startedAt },
        { type: 'item', turnId: this.turn.id, item },
      ])
    } catch (error) {
      this.thread.turns.splice(this.thread.turns.indexOf(this.turn), 1)
      throw error
    }
  }

  /** Starts the work; called once turn/start has been answered. */
  begin(): void {
    this.start()
  }

  steer(input: UserInput[], clientId: string | null): void {
    this.steered.push({ input, clientId })
    this.steering.abort()
  }

  interrupt(): void {
    this.interrupted.abort()
  }

  private get isInterrupted(): boolean {
    return this.interrupted.signal.aborted
  }

  private async run(): Promise<void> {
    let ending: Ending
    try {
      ending = await this.play()
    } catch (error) {
      // A bug must not leave the thread with a turn that never ends: the turn fails instead.
      this.services.log.error(`thread ${this.thread.id}: turn ${this.turn.id} failed: ${(error as Error).stack ?? String(error)}`)
      ending = { status: 'failed', error: { message: `the reference agent failed: ${(error as Error).message}`, codexErrorInfo: 'other', additionalDetails: null, misalignment: null } }
    }
    try {
      await this.finish(ending)
    } catch (error) {
      // The end could not be written: clients still hear that the turn ended, as failed.
      this.services.log.error(`thread ${this.thread.id}: cannot finish turn ${this.turn.id}: ${(error as Error).stack ?? String(error)}`)
      const message = `the reference server could not record the end of the turn: ${(error as Error).message}`
      Object.assign(this.turn, { status: 'failed', error: { message, codexErrorInfo: 'other', additionalDetails: null, misalignment: null } })
      this.thread.running = undefined
      this.thread.setStatus({ type: 'systemError' })
      this.thread.emit('turn/completed', { threadId: this.thread.id, turn: { ...this.turn, items: [], itemsView: 'notLoaded' } })
      this.services.onEnded()
    }
  }

  /** The turn's steps, from its start to the ending they reach. */
  private async play(): Promise<Ending> {
    const { thread, turn } = this
    thread.setStatus({ type: 'active', activeFlags: [] })
    thread.emit('turn/started', { threadId: thread.id, turn: { ...turn, items: [] } })
    const [userInput] = turn.items
    this.announce(userInput!, true)
    const plan = planTurn(this.request.input, this.request.outputSchema)
    const delayMs = plan.delayMs
    let steps = plan.steps
    for (let index = 0; index < steps.length && !this.isInterrupted; index++) {
      const outcome = await this.perform(steps[index]!, delayMs)
      if (outcome === 'steered') {
        // The reply gives way to the steering input, which is answered instead.
        steps = await this.takeSteering()
        index = -1
        continue
      }
      if (outcome) return this.isInterrupted ? { status: 'interrupted', error: null } : outcome
    }
    return this.isInterrupted ? { status: 'interrupted', error: null } : { status: 'completed', error: null }
  }

  /** One step; an Ending when the turn stops here, 'steered' when steering input cut it short. */
  private async perform(step: AgentStep, delayMs: number): Promise<Ending | 'steered' | undefined> {
    const { thread, turn } = this
    switch (step.kind) {
      case 'retry':
        thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
        thread.emit('error', {
          error: {
            message: `Reconnecting... ${step.attempt}/${STREAM_RETRIES}`,
            codexErrorInfo: { responseStreamDisconnected: { httpStatusCode: null } },
            additionalDetails: 'stream disconnected before completion: the reference agent was asked to retry', misalignment: null,
          },
          willRetry: true, threadId: thread.id, turnId: turn.id,
        })
        await this.pause(delayMs)
        return undefined
      case 'message':
        return this.respond(step.deltas, delayMs)
      case 'command':
        return this.runCommand(step.command, delayMs)
      case 'fail':
        return { status: 'failed', error: { message: step.message, codexErrorInfo: 'other', additionalDetails: null, misalignment: null } }
    }
  }

  /** A model response that is a message: streamed, completed, then usage. */
  private async respond(deltas: string[], delayMs: number): Promise<'steered' | undefined> {
    const startedAtMs = Date.now()
    const item: ThreadItem = {
      type: 'agentMessage', moderation: null, id: `msg_${newId()}`, text: '', phase: null, memoryCitation: null,
      delivery: null, questions: null, startedAtMs, completedAtMs: null,
    }
    this.thread.emit('item/started', { item, threadId: this.thread.id, turnId: this.turn.id, startedAtMs })
    let text = ''
    for (const delta of deltas) {
      await this.pause(delayMs)
      if (this.isInterrupted) return undefined
      if (this.steering.signal.aborted) return 'steered'
      text += delta
      this.thread.emit('item/agentMessage/delta', { threadId: this.thread.id, turnId: this.turn.id, itemId: item.id, delta })
    }
    await this.complete({ ...item, text, completedAtMs: Date.now() })
    await this.reportUsage(text)
    return this.steering.signal.aborted ? 'steered' : undefined
  }

  private async runCommand(command: string, delayMs: number): Promise<Ending | 'steered' | undefined> {
    const { thread, turn } = this
    const item = commandItem(command, thread.meta.cwd)
    thread.setStatus({ type: 'active', activeFlags: ['waitingOnApproval'] })
    thread.emit('item/started', { item, threadId: thread.id, turnId: turn.id, startedAtMs: Date.now() })
    const decision = await this.askApproval(item, command)
    if (decision === undefined) return { status: 'interrupted', error: null }
    if (decision !== 'accept') {
      await this.complete({ ...item, status: 'declined', completedAtMs: Date.now() })
      thread.setStatus({ type: 'active', activeFlags: [] })
      await this.reportUsage(command)
      if (decision === 'cancel') return { status: 'interrupted', error: null }
      return this.respond(splitIntoDeltas(`I did not run \`${command}\`.`, 2), delayMs)
    }
    thread.setStatus({ type: 'active', activeFlags: [] })
    const result = await runAgentCommand(this.services.processes, command, thread.meta.cwd, this.interrupted.signal, (delta) => {
      thread.emit('item/commandExecution/outputDelta', { threadId: thread.id, turnId: turn.id, itemId: item.id, delta })
    }, undefined, { sandbox: thread.settings.sandbox })
    await this.complete({
      ...item, status: result.exitCode === 0 ? 'completed' : 'failed', aggregatedOutput: result.output,
      exitCode: result.exitCode, durationMs: result.durationMs, completedAtMs: Date.now(),
    })
    await this.reportUsage(command)
    if (this.isInterrupted) return { status: 'interrupted', error: null }
    return this.respond(splitIntoDeltas(commandReport(command, result.exitCode), 2), delayMs)
  }

  /** The client's decision, or undefined when the turn was interrupted while waiting. */
  private async askApproval(item: ThreadItem & { type: 'commandExecution' }, command: string): Promise<'accept' | 'decline' | 'cancel' | undefined> {
    const answer = this.services.ask('item/commandExecution/requestApproval', approvalRequest(this.thread.id, this.turn.id, item, command), this.interrupted.signal)
    // An answer (or failure) that comes after an interrupt is of no use, and must not go unhandled.
    answer.catch(() => undefined)
    let stop!: () => void
    const interrupted = new Promise<undefined>((resolve) => {
      stop = () => resolve(undefined)
      this.interrupted.signal.addEventListener('abort', stop, { once: true })
    })
    try {
      const response = await Promise.race([answer, interrupted])
      if (response === undefined) return undefined
      const { decision } = response
      return decision === 'decline' || decision === 'cancel' ? decision : 'accept'
    } catch (error) {
      if (this.isInterrupted) return undefined
      // The client answered with an error or a malformed answer: nothing runs, and the turn ends.
      this.services.log.warn(`thread ${this.thread.id}: approval of ${JSON.stringify(command)} failed: ${(error as Error).message}`)
      return 'cancel'
    } finally {
      this.interrupted.signal.removeEventListener('abort', stop)
    }
  }

  /** Announces the steering input as user messages; the steps that answer it. */
  private async takeSteering(): Promise<AgentStep[]> {
    this.steering = new AbortController()
    const inputs = this.steered.splice(0)
    for (const { input, clientId } of inputs) {
      const now = Date.now()
      await this.complete({ ...userMessage(input, clientId), startedAtMs: now, completedAtMs: now }, true)
    }
    return planTurn(inputs.flatMap((entry) => entry.input), undefined).steps
  }

  /** Adds a finished item to the turn and writes it to the history, then announces it. */
  private async complete(item: ThreadItem, announceStart = false): Promise<void> {
    this.turn.items.push(item)
    // On disk before any client hears of it: a crash never takes back an announced item.
    await this.thread.record([{ type: 'item', turnId: this.turn.id, item }])
    this.announce(item, announceStart)
  }

  /** item/completed, preceded by item/started for an item that had not been announced yet. */
  private announce(item: ThreadItem, withStart: boolean): void {
    const base = { item, threadId: this.thread.id, turnId: this.turn.id }
    if (withStart) this.thread.emit('item/started', { ...base, item: { ...item, completedAtMs: null }, startedAtMs: Date.now() })
    this.thread.emit('item/completed', { ...base, contentTokenCount: null, completedAtMs: Date.now() })
  }

  /** Token usage and rate limits after a model response that produced `output`. */
  private async reportUsage(output: string): Promise<void> {
    const { thread, turn } = this
    const usage = nextUsage(thread.tokenUsage?.usage, tokensOf(promptText(this.request.input)), tokensOf(output))
    thread.tokenUsage = { turnId: turn.id, usage }
    await thread.record([{ type: 'tokenUsage', turnId: turn.id, usage }])
    thread.emit('thread/tokenUsage/updated', { threadId: thread.id, turnId: turn.id, tokenUsage: usage })
    thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
  }

  private async finish(ending: Ending): Promise<void> {
    const { thread, turn } = this
    turn.status = ending.status
    turn.error = ending.error
    turn.completedAt = nowSeconds()
    turn.durationMs = Date.now() - this.startedMs
    await thread.record([
      { type: 'turnEnded', turnId: turn.id, status: ending.status, error: ending.error, completedAt: turn.completedAt, durationMs: turn.durationMs },
    ])
    thread.running = undefined
    // codex's order: a failure sets the status first and reports the error after it; a finished
    // turn marks itself unread before the status returns to idle.
    if (ending.status === 'failed') {
      thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
      thread.setStatus({ type: 'systemError' })
      thread.emit('error', { error: ending.error!, willRetry: false, threadId: thread.id, turnId: turn.id })
    }
    if (ending.status !== 'interrupted' && !thread.meta.ephemeral) thread.markUnread(turn.id)
    if (ending.status !== 'failed') thread.setStatus({ type: 'idle' })
    const shown = ending.status === 'completed'
      ? { items: lastAnswer(turn), itemsView: 'summary' as const }
      : { items: [], itemsView: 'notLoaded' as const }
    thread.emit('turn/completed', { threadId: thread.id, turn: { ...turn, ...shown } })
    this.services.onEnded()
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.isInterrupted) return Promise.resolve()
    const steering = this.steering.signal
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        // One pause per delta: its listeners go with it, so they never pile up on the signals.
        this.interrupted.signal.removeEventListener('abort', done)
        steering.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.interrupted.signal.addEventListener('abort', done, { once: true })
      steering.addEventListener('abort', done, { once: true })
    })
  }
}

function userMessage(input: UserInput[], clientId: string | null): ThreadItem {
  return { type: 'userMessage', id: newId(), clientId, content: input }
}

/** What turn/completed carries for a finished turn: the agent's last message. */
function lastAnswer(turn: Turn): ThreadItem[] {
  const last = turn.items.findLast((item) => item.type === 'agentMessage')
  return last ? [last] : []
}
