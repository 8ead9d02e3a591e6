// Runs one turn of a thread with the offline agent: the notifications in codex's order, the items
// written to the history as they complete, approvals asked of the client that started the turn,
// commands run for real in the thread's cwd, steering, interruption and failure.
import type { CommandExecutionApprovalDecision, ThreadItem, Turn, TurnError, TurnStatus, UserInput } from '../../generated/experimental/index.js'
import type { ConnectionDirectory } from '../handlers/family.js'
import type { Logger } from '../log.js'
import { commandReport, planTurn, promptText, tokensOf, type AgentStep } from './agent/offline-agent.js'
import { runAgentCommand } from './agent-command.js'
import type { ActiveTurn, LoadedThread } from './loaded-thread.js'
import { newId, nowSeconds } from './clock.js'
import { nextUsage } from './token-usage.js'

export interface TurnRequest {
  input: UserInput[]
  clientUserMessageId: string | null
  outputSchema: unknown
  /** The connection that started the turn: approvals are asked of it. */
  connectionId: number
}

type Ending = { status: Exclude<TurnStatus, 'inProgress'>; error: TurnError | null }

export class TurnRunner implements ActiveTurn {
  readonly turn: Turn
  readonly done: Promise<void>
  private readonly aborted = new AbortController()
  private readonly steered: { input: UserInput[]; clientId: string | null }[] = []
  private readonly startedMs = Date.now()
  private outputText = ''
  private promptText: string
  private start!: () => void

  constructor(
    private readonly thread: LoadedThread,
    private readonly request: TurnRequest,
    private readonly connections: ConnectionDirectory,
    private readonly log: Logger,
    /** Called once the turn has completed. */
    private readonly onEnded: () => void,
    rootTurnId: string | null,
  ) {
    const id = newId()
    this.turn = {
      id, rootTurnId: rootTurnId ?? id, items: [], itemsView: 'notLoaded', status: 'inProgress',
      error: null, startedAt: null, completedAt: null, durationMs: null,
    }
    this.promptText = promptText(request.input)
    const started = new Promise<void>((resolve) => { this.start = resolve })
    this.done = started.then(() => this.run()).catch((error: unknown) => {
      this.log.error(`thread ${thread.id}: turn ${id} failed unexpectedly: ${(error as Error).stack ?? String(error)}`)
    })
  }

  /** The user message, written to the history before turn/start is answered. */
  async admit(): Promise<ThreadItem> {
    const item = userMessage(this.request.input, this.request.clientUserMessageId)
    this.turn.startedAt = nowSeconds()
    this.turn.items.push(item)
    this.thread.turns.push(this.turn)
    await this.thread.record([
      { type: 'turnStarted', turnId: this.turn.id, rootTurnId: this.turn.rootTurnId ?? null, startedAt: this.turn.startedAt },
      { type: 'item', turnId: this.turn.id, item },
    ])
    return item
  }

  /** Starts the work; called once turn/start has been answered. */
  begin(): void {
    this.start()
  }

  steer(input: UserInput[], clientId: string | null): void {
    this.steered.push({ input, clientId })
  }

  interrupt(): void {
    this.aborted.abort()
  }

  private get signal(): AbortSignal {
    return this.aborted.signal
  }

  private async run(): Promise<void> {
    const thread = this.thread
    thread.setStatus({ type: 'active', activeFlags: [] })
    thread.emit('turn/started', { threadId: thread.id, turn: { ...this.turn, items: [] } })
    const [userInput] = this.turn.items
    this.announce(userInput!, true)
    const plan = planTurn(this.request.input, this.request.outputSchema)
    let ending: Ending = { status: 'completed', error: null }
    for (const step of plan.steps) {
      if (this.signal.aborted) break
      const outcome = await this.perform(step, plan.delayMs)
      if (outcome) {
        ending = outcome
        break
      }
      await this.answerSteers(plan.delayMs)
    }
    if (ending.status === 'completed') await this.answerSteers(plan.delayMs)
    if (this.signal.aborted && ending.status === 'completed') ending = { status: 'interrupted', error: null }
    await this.finish(ending)
  }

  /** One step of the plan; an Ending when the turn must stop here. */
  private async perform(step: AgentStep, delayMs: number): Promise<Ending | undefined> {
    const { thread, turn } = this
    switch (step.kind) {
      case 'retry':
        thread.emit('error', {
          error: { message: `Reconnecting... ${step.attempt}/${step.of}`, codexErrorInfo: null, additionalDetails: 'the reference agent was asked to retry' },
          willRetry: true, threadId: thread.id, turnId: turn.id,
        })
        await this.pause(delayMs)
        return undefined
      case 'message':
        await this.streamMessage(step.deltas, delayMs)
        return undefined
      case 'command':
        return this.runCommand(step.command, delayMs)
      case 'fail': {
        const error: TurnError = { message: step.message, codexErrorInfo: 'other', additionalDetails: null }
        thread.emit('error', { error, willRetry: false, threadId: thread.id, turnId: turn.id })
        return { status: 'failed', error }
      }
    }
  }

  private async streamMessage(deltas: string[], delayMs: number): Promise<void> {
    const item: ThreadItem = { type: 'agentMessage', id: newId(), text: '', phase: null, memoryCitation: null }
    this.thread.emit('item/started', { item, threadId: this.thread.id, turnId: this.turn.id, startedAtMs: Date.now() })
    let text = ''
    for (const delta of deltas) {
      await this.pause(delayMs)
      // An interrupted message is neither completed nor kept in the history.
      if (this.signal.aborted) return
      text += delta
      this.thread.emit('item/agentMessage/delta', { threadId: this.thread.id, turnId: this.turn.id, itemId: item.id, delta })
    }
    this.outputText += text
    await this.complete({ ...item, text })
  }

  private async runCommand(command: string, delayMs: number): Promise<Ending | undefined> {
    const { thread, turn } = this
    const cwd = thread.meta.cwd
    const started: ThreadItem = {
      type: 'commandExecution', id: newId(), command, cwd, processId: null, source: 'agent', status: 'inProgress',
      commandActions: [{ type: 'unknown', command }], aggregatedOutput: null, exitCode: null, durationMs: null,
    }
    thread.emit('item/started', { item: started, threadId: thread.id, turnId: turn.id, startedAtMs: Date.now() })
    const decision = await this.askApproval(started.id, command, cwd)
    if (decision === undefined) return { status: 'interrupted', error: null }
    if (decision === 'cancel' || decision === 'decline') {
      await this.complete({ ...started, status: 'declined' })
      if (decision === 'cancel') return { status: 'interrupted', error: null }
      await this.streamMessage([`I did not run \`${command}\`.`], delayMs)
      return undefined
    }
    const result = await runAgentCommand(command, cwd, this.signal, (delta) => {
      thread.emit('item/commandExecution/outputDelta', { threadId: thread.id, turnId: turn.id, itemId: started.id, delta })
    })
    await this.complete({
      ...started, status: result.exitCode === 0 ? 'completed' : 'failed',
      aggregatedOutput: result.output, exitCode: result.exitCode, durationMs: result.durationMs,
    })
    if (this.signal.aborted) return { status: 'interrupted', error: null }
    await this.streamMessage([commandReport(command, result.exitCode)], delayMs)
    return undefined
  }

  /** The client's decision, or undefined when the turn was interrupted while waiting. */
  private async askApproval(itemId: string, command: string, cwd: string): Promise<'accept' | 'decline' | 'cancel' | undefined> {
    const { thread, turn } = this
    thread.setStatus({ type: 'active', activeFlags: ['waitingOnApproval'] })
    const availableDecisions: CommandExecutionApprovalDecision[] = ['accept', 'decline', 'cancel']
    const answer = this.connections.request(this.request.connectionId, 'item/commandExecution/requestApproval', {
      kind: 'command', threadId: thread.id, turnId: turn.id, itemId, startedAtMs: Date.now(), approvalId: null,
      environmentId: 'local', reason: 'the reference agent wants to run a command', networkApprovalContext: null,
      command, cwd, commandActions: [{ type: 'unknown', command }], proposedExecpolicyAmendment: null,
      proposedNetworkPolicyAmendments: null, availableDecisions,
    })
    const interrupted = new Promise<undefined>((resolve) => this.signal.addEventListener('abort', () => resolve(undefined), { once: true }))
    try {
      const response = await Promise.race([answer, interrupted])
      if (response === undefined) return undefined
      const decision = response.decision
      if (decision === 'decline' || decision === 'cancel') return decision
      return 'accept'
    } catch (error) {
      // The client went away or answered with an error: nothing runs, and the turn ends.
      this.log.warn(`thread ${thread.id}: approval of ${JSON.stringify(command)} failed: ${(error as Error).message}`)
      return 'cancel'
    } finally {
      if (!this.signal.aborted) thread.setStatus({ type: 'active', activeFlags: [] })
    }
  }

  /** Input given with turn/steer: its user message, then the agent's answer to it. */
  private async answerSteers(delayMs: number): Promise<void> {
    while (this.steered.length > 0 && !this.signal.aborted) {
      const { input, clientId } = this.steered.shift()!
      const item = userMessage(input, clientId)
      this.promptText += `\n${promptText(input)}`
      await this.complete(item, true)
      const plan = planTurn(input, undefined)
      for (const step of plan.steps) {
        if (step.kind === 'message') await this.streamMessage(step.deltas, delayMs)
      }
    }
  }

  /** Adds a finished item to the turn, announces it and writes it to the history. */
  private async complete(item: ThreadItem, announceStart = false): Promise<void> {
    this.turn.items.push(item)
    this.announce(item, announceStart)
    await this.thread.record([{ type: 'item', turnId: this.turn.id, item }])
  }

  /** item/completed, preceded by item/started for an item that had not been announced yet. */
  private announce(item: ThreadItem, withStart: boolean): void {
    const base = { item, threadId: this.thread.id, turnId: this.turn.id }
    if (withStart) this.thread.emit('item/started', { ...base, startedAtMs: Date.now() })
    this.thread.emit('item/completed', { ...base, completedAtMs: Date.now() })
  }

  private async finish(ending: Ending): Promise<void> {
    const { thread, turn } = this
    const usage = nextUsage(thread.tokenUsage?.usage, tokensOf(this.promptText), tokensOf(this.outputText))
    thread.tokenUsage = { turnId: turn.id, usage }
    thread.emit('thread/tokenUsage/updated', { threadId: thread.id, turnId: turn.id, tokenUsage: usage })
    turn.status = ending.status
    turn.error = ending.error
    turn.completedAt = nowSeconds()
    turn.durationMs = Date.now() - this.startedMs
    await thread.record([
      { type: 'tokenUsage', turnId: turn.id, usage },
      { type: 'turnEnded', turnId: turn.id, status: ending.status, error: ending.error, completedAt: turn.completedAt, durationMs: turn.durationMs },
    ])
    thread.running = undefined
    thread.setStatus(ending.status === 'failed' ? { type: 'systemError' } : { type: 'idle' })
    thread.emit('turn/completed', { threadId: thread.id, turn: { ...turn, items: summaryItems(turn, ending.status), itemsView: 'summary' } })
    this.onEnded()
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      }, { once: true })
    })
  }
}

function userMessage(input: UserInput[], clientId: string | null): ThreadItem {
  return { type: 'userMessage', id: newId(), clientId, content: input }
}

/** What turn/completed carries: the agent's last message (none for an interrupted turn). */
function summaryItems(turn: Turn, status: TurnStatus): ThreadItem[] {
  if (status === 'interrupted') return []
  const last = [...turn.items].reverse().find((item) => item.type === 'agentMessage')
  return last ? [last] : []
}
