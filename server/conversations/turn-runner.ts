// Runs one turn of a thread with the offline agent, in the order codex 0.169.0 sends things (see
// test/server/fixtures/codex-0.169.0/conversations/): each model response is followed by token
// usage and rate limits; whatever the agent asks a client goes through the turn's one `ask`;
// commands run and files change for real in the thread's cwd; a turn plays a scenario
// (scenarios/) when its prompt or the server names one; steering replaces the reply being
// streamed; an interrupted reply is neither completed nor kept. The steps themselves live in
// scenarios/; this class is the StepContext they act on.
import type { ServerRequestMap, ServerRequestMethod, ThreadItem, Turn, UserInput } from '../../generated/experimental/index.js'
import type { ConnectionDirectory } from '../handlers/family.js'
import type { Logger } from '../log.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import { planTurn, promptText, tokensOf, type AgentStep } from './agent/offline-agent.js'
import { newId, nowSeconds } from './clock.js'
import type { ActiveTurn, LoadedThread } from './loaded-thread.js'
import { nextUsage } from './token-usage.js'
import { RATE_LIMITS } from './scenarios/account-figures.js'
import { TurnDiff } from './scenarios/file-changes.js'
import { playStep } from './scenarios/play-step.js'
import { ScenarioError, type ScenarioLibrary } from './scenarios/scenario-loader.js'
import { failure, INTERRUPTED, type Answer, type Ending, type StepContext, type StepOutcome } from './scenarios/step-context.js'
import { runCommand } from './scenarios/steps-changes.js'
import { retryOnce } from './scenarios/steps-items.js'

export { RATE_LIMITS }

export interface TurnRequest {
  input: UserInput[]
  clientUserMessageId: string | null
  outputSchema: unknown
  /** The turn's collaboration mode (turn/start `collaborationMode.mode`). */
  mode?: 'plan' | 'default' | undefined
}

/** What a turn uses of its server. */
export interface TurnServices {
  connections: ConnectionDirectory
  log: Logger
  processes: ProcessSupervisor
  /** The server's scenarios (its home's folder and the built-ins). */
  scenarios: ScenarioLibrary
  /** The scenario every turn plays unless its prompt names another (`--scenario`). */
  defaultScenario?: string | undefined
  /**
   * Asks the client(s) following the turn; the only way steps reach a client. Rejects when
   * `signal` is raised (the turn was interrupted), when the client answers with an error, or goes away.
   */
  ask<M extends ServerRequestMethod>(method: M, params: ServerRequestMap[M]['params'], signal: AbortSignal): Promise<ServerRequestMap[M]['result']>
  /** Called once the turn has completed. */
  onEnded: () => void
}

/** `ask` for a turn whose requests go to the one connection that started it. */
export function askConnection(connections: ConnectionDirectory, connectionId: number): TurnServices['ask'] {
  return (method, params, signal) => new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const stop = () => reject(signal.reason)
    signal.addEventListener('abort', stop, { once: true })
    // A late answer (after an interrupt) settles nothing, and must not go unhandled.
    connections.request(connectionId, method, params).then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

export class TurnRunner implements ActiveTurn, StepContext {
  readonly turn: Turn
  readonly done: Promise<void>
  private readonly interrupted = new AbortController()
  /** Aborted when steering input arrives, to stop the reply being streamed. */
  private steering = new AbortController()
  private readonly steered: { input: UserInput[]; clientId: string | null }[] = []
  private readonly startedMs = Date.now()
  private start!: () => void
  readonly diff: TurnDiff

  constructor(
    readonly thread: LoadedThread,
    private readonly request: TurnRequest,
    private readonly services: TurnServices,
    rootTurnId: string | null,
  ) {
    const id = newId()
    this.turn = {
      id, rootTurnId: rootTurnId ?? id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: null, completedAt: null, durationMs: null,
    }
    this.diff = new TurnDiff(thread.meta.cwd)
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

  get interruptSignal(): AbortSignal {
    return this.interrupted.signal
  }

  get log(): Logger {
    return this.services.log
  }

  get processes(): ProcessSupervisor {
    return this.services.processes
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
    const plan = planTurn(this.request.input, this.options(this.request.outputSchema))
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

  private options(outputSchema: unknown) {
    return { outputSchema, mode: this.request.mode, defaultScenario: this.services.defaultScenario }
  }

  /** One step; an Ending when the turn stops here, 'steered' when steering input cut it short. */
  private async perform(step: AgentStep, delayMs: number): Promise<StepOutcome> {
    switch (step.kind) {
      case 'retry':
        await retryOnce(this, step.attempt, delayMs)
        return undefined
      case 'message':
        return this.respond(step.deltas, delayMs)
      case 'command':
        return runCommand(this, { type: 'command', command: step.command }, delayMs, true)
      case 'fail':
        return failure(step.message)
      case 'play':
        return playStep(this, step.step)
      case 'scenario':
        return this.playScenario(step.name)
    }
  }

  /** Plays a scenario's steps; one that cannot be loaded fails the turn with the loader's one line. */
  private async playScenario(name: string): Promise<StepOutcome> {
    let scenario
    try {
      scenario = await this.services.scenarios.load(name)
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error
      return failure(error.message)
    }
    for (const step of scenario.steps) {
      const outcome = await playStep(this, step)
      if (outcome) return outcome
      if (this.isInterrupted) return INTERRUPTED
    }
    return undefined
  }

  /** A model response that is a message: streamed, completed, then usage. */
  async respond(deltas: string[], delayMs: number, phase: 'commentary' | 'final_answer' | null = null, inside?: () => Promise<void>): Promise<'steered' | undefined> {
    const startedAtMs = Date.now()
    const item: ThreadItem = {
      type: 'agentMessage', moderation: null, id: `msg_${newId()}`, text: '', phase, memoryCitation: null,
      delivery: null, questions: null, startedAtMs, completedAtMs: null,
    }
    this.started(item)
    let text = ''
    for (const delta of deltas) {
      await this.pause(delayMs)
      if (this.isInterrupted) return undefined
      if (this.steering.signal.aborted) return 'steered'
      text += delta
      this.thread.emit('item/agentMessage/delta', { threadId: this.thread.id, turnId: this.turn.id, itemId: item.id, delta })
    }
    await inside?.()
    await this.complete({ ...item, text, completedAtMs: Date.now() })
    await this.reportUsage(text)
    return this.steering.signal.aborted ? 'steered' : undefined
  }

  /** The client's answer, through the turn's one way to ask. */
  async ask<M extends ServerRequestMethod>(method: M, params: ServerRequestMap[M]['params'], flag?: 'waitingOnApproval' | 'waitingOnUserInput'): Promise<Answer<M>> {
    if (flag) this.thread.setStatus({ type: 'active', activeFlags: [flag] })
    try {
      return { kind: 'answered', result: await this.services.ask(method, params, this.interrupted.signal) }
    } catch (error) {
      if (this.isInterrupted) return { kind: 'interrupted' }
      return { kind: 'failed', message: (error as Error).message }
    }
  }

  /** item/started for an item in progress. */
  started(item: ThreadItem): void {
    this.thread.emit('item/started', { item, threadId: this.thread.id, turnId: this.turn.id, startedAtMs: Date.now() })
  }

  /** Announces the steering input as user messages; the steps that answer it. */
  private async takeSteering(): Promise<AgentStep[]> {
    this.steering = new AbortController()
    const inputs = this.steered.splice(0)
    for (const { input, clientId } of inputs) {
      const now = Date.now()
      await this.complete({ ...userMessage(input, clientId), startedAtMs: now, completedAtMs: now }, true)
    }
    return planTurn(inputs.flatMap((entry) => entry.input), this.options(undefined)).steps
  }

  /** Adds a finished item to the turn and writes it to the history, then announces it. */
  async complete(item: ThreadItem, announceStart = false): Promise<void> {
    this.turn.items.push(item)
    // On disk before any client hears of it: a crash never takes back an announced item.
    await this.thread.record([{ type: 'item', turnId: this.turn.id, item }])
    this.announce(item, announceStart)
  }

  /** item/completed, preceded by item/started for an item that had not been announced yet. */
  private announce(item: ThreadItem, withStart: boolean): void {
    const base = { item, threadId: this.thread.id, turnId: this.turn.id }
    if (withStart) this.started({ ...item, completedAtMs: null })
    this.thread.emit('item/completed', { ...base, contentTokenCount: null, completedAtMs: Date.now() })
  }

  /** Token usage and rate limits after a model response that produced `output`. */
  async reportUsage(output: string): Promise<void> {
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

  pause(ms: number): Promise<void> {
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
