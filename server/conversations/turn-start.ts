// Starting a turn of a loaded thread with the offline agent, shared by turn/start and by the
// thread's queue (thread/queue/*), which starts turns from queued submissions.
import type { Turn } from '../../generated/experimental/index.js'
import { promptText } from './agent/offline-agent.js'
import { nowSeconds } from './clock.js'
import type { LoadedThread } from './loaded-thread.js'
import type { ThreadManager } from './thread-manager.js'
import { TurnRunner, type TurnRequest } from './turn-runner.js'

/** Characters of the first prompt kept as the thread's preview. */
const PREVIEW_LENGTH = 200

/**
 * Makes a turn of `request` the thread's running turn and writes its start; the caller begins it
 * (once its answer is out). The thread must have no running turn.
 */
export async function admitTurn(manager: ThreadManager, thread: LoadedThread, request: TurnRequest, rootTurnId: string | null): Promise<TurnRunner> {
  const runner = new TurnRunner(thread, request, {
    connections: manager.connections, log: manager.log, processes: manager.processes, scenarios: manager.scenarios, defaultScenario: manager.defaultScenario,
    ask: (method, params, signal) => manager.requests.ask(thread, method, params, signal), onEnded: () => manager.turnEnded(thread),
  }, rootTurnId)
  thread.running = runner
  const changes = { updatedAt: nowSeconds(), recencyAt: nowSeconds(), ...(thread.meta.preview === '' ? { preview: promptText(request.input).slice(0, PREVIEW_LENGTH) } : {}) }
  thread.meta = { ...thread.meta, ...changes }
  try {
    await runner.admit()
  } catch (error) {
    thread.running = undefined
    throw error
  }
  return runner
}

/** A just-admitted turn as the answer that started it shows it. */
export function turnAsAdmitted(turn: Turn): Turn {
  return { ...turn, items: [], itemsView: 'notLoaded', startedAt: null }
}
