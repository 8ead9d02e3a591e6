// The conversation family: thread/* and turn/* requests over one server's threads (a
// ThreadManager and its store, opened on first use).
import { ScenarioLibrary } from '../conversations/scenarios/scenario-loader.js'
import type { ConversationStore } from '../conversations/conversation-store.js'
import { ThreadManager } from '../conversations/thread-manager.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { reviewHandlers } from './review.js'
import { threadHistoryHandlers } from './thread-history.js'
import { threadActionHandlers } from './thread-actions.js'
import { threadManageHandlers } from './thread-manage.js'
import { threadStateHandlers } from './thread-state.js'
import { threadHandlers } from './thread.js'
import { turnHandlers } from './turn.js'
import { threadControlHandlers, THREAD_CONTROL_REFUSALS } from './thread-controls.js'
import { threadLookupHandlers } from './thread-lookup.js'
import { threadPredictionHandlers, PREDICTION_REFUSALS } from './thread-prediction.js'
import { threadTerminalHandlers } from './thread-terminals.js'
import { memoryHandlers } from './memory.js'
import { threadQueueHandlers } from './thread-queue.js'
import { threadSectionHandlers } from './thread-sections.js'

export interface ConversationOptions {
  openStore: () => Promise<ConversationStore>
  /** Where the history file of a thread is (reported as the thread's `path`). */
  historyPath: (threadId: string) => string
  /** How long a thread nobody subscribes to stays loaded. */
  idleUnloadMs: number
  /** Runs the commands the agent is allowed to run. */
  processes: ProcessSupervisor
  /** The scenario every turn plays unless its prompt names another (`--scenario`). */
  defaultScenario?: string | undefined
}

export class ConversationFamily implements HandlerFamily {
  readonly name = 'conversation'
  readonly manager: ThreadManager
  readonly handlers
  readonly offlineErrors = [...THREAD_CONTROL_REFUSALS, ...PREDICTION_REFUSALS]

  constructor(environment: FamilyEnvironment, options: ConversationOptions) {
    this.manager = new ThreadManager({
      log: environment.log, connections: environment.connections, openStore: options.openStore, idleUnloadMs: options.idleUnloadMs, processes: options.processes,
      scenarios: ScenarioLibrary.ofHome(environment.home), defaultScenario: options.defaultScenario,
    })
    this.handlers = {
      ...threadHandlers(this.manager, environment, options.historyPath),
      ...threadStateHandlers(this.manager),
      ...threadHistoryHandlers(this.manager),
      ...turnHandlers(this.manager),
      ...threadActionHandlers(this.manager),
      ...threadManageHandlers(this.manager),
      ...reviewHandlers(this.manager),
      ...threadControlHandlers(this.manager, environment.home),
      ...threadLookupHandlers(this.manager),
      ...threadPredictionHandlers(this.manager),
      ...threadTerminalHandlers(this.manager),
      ...memoryHandlers(this.manager),
      ...threadQueueHandlers(this.manager),
      ...threadSectionHandlers(this.manager, environment.home),
    }
  }

  async start(): Promise<void> {
    await this.manager.store()
  }

  connectionClosed(connectionId: number): void {
    this.manager.connectionClosed(connectionId)
  }

  close(): Promise<void> {
    return this.manager.close()
  }
}
