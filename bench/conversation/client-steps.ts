// Client steps shared by the scenarios, with params shaped the way the codex TUI 0.169.0 sends them
// (see /work/shared/reference/codex-0.169.0/tui-client.md §2 row 11 and §3).
import { randomUUID } from 'node:crypto'
import type { Json, Message, RecordedConnection } from './recorded-connection.js'

const objectSchema = (properties: Record<string, Json> = {}) => ({ type: 'object', properties, additionalProperties: false })

/** thread/start as the TUI sends it at startup; `overrides` replace keys. */
export function tuiThreadStartParams(overrides: Record<string, Json> = {}): Json {
  return {
    model: null,
    modelProvider: null,
    serviceTier: null,
    cwd: null,
    approvalPolicy: null,
    approvalsReviewer: null,
    sandbox: 'read-only',
    permissions: null,
    config: {},
    serviceName: null,
    baseInstructions: null,
    developerInstructions: null,
    personality: null,
    ephemeral: false,
    historyMode: 'paginated',
    sessionStartSource: null,
    threadSource: 'user',
    environments: null,
    dynamicTools: [{
      type: 'namespace',
      name: 'codex_tui',
      description: 'Threads of this client',
      tools: ['list_threads', 'list_archived_threads', 'read_thread', 'wait_threads', 'set_thread_title', 'set_thread_archived']
        .map((name) => ({ type: 'function', name, description: `${name.replace(/_/g, ' ')}`, inputSchema: objectSchema() })),
    }],
    ...overrides,
  }
}

export function turnStartParams(threadId: string, text: string, overrides: Record<string, Json> = {}): Json {
  return {
    threadId,
    clientUserMessageId: randomUUID(),
    input: [{ type: 'text', text, text_elements: [] }],
    turnTrigger: 'user',
    ...overrides,
  }
}

export async function startThread(connection: RecordedConnection, overrides: Record<string, Json> = {}): Promise<string> {
  const outcome = await connection.request('thread/start', tuiThreadStartParams(overrides), `startup-thread-start-${randomUUID()}`)
  const thread = (outcome.result as Message | undefined)?.thread as Message | undefined
  if (!thread) throw new Error(`thread/start failed: ${JSON.stringify(outcome.error)}`)
  return String(thread.id)
}

/** Sends turn/start and waits for that thread's turn/completed; returns the turn id (or undefined). */
export async function runTurn(connection: RecordedConnection, threadId: string, text: string, overrides: Record<string, Json> = {}, timeoutMs = 30_000): Promise<string | undefined> {
  const completed = connection.waitForNotification('turn/completed', timeoutMs, (params) => params.threadId === threadId)
  const outcome = await connection.request('turn/start', turnStartParams(threadId, text, overrides))
  if (outcome.error) return undefined
  await completed
  return String(((outcome.result as Message).turn as Message).id)
}

/** Starts a turn without waiting for its end; resolves with the turn id once `turn/started` arrived. */
export async function beginTurn(connection: RecordedConnection, threadId: string, text: string, overrides: Record<string, Json> = {}): Promise<string | undefined> {
  const started = connection.waitForNotification('turn/started', 20_000, (params) => params.threadId === threadId)
  const outcome = await connection.request('turn/start', turnStartParams(threadId, text, overrides))
  if (outcome.error) return undefined
  await started
  return String(((outcome.result as Message).turn as Message).id)
}

export function field(outcome: { result?: Json }, ...path: string[]): Json | undefined {
  let value: Json | undefined = outcome.result
  for (const key of path) value = value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined
  return value
}
