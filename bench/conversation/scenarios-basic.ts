// Scenario a (a plain turn, then every way of reading it back), its stable-client twin, and h (a turn
// with an outputSchema, like the TUI's title turn).
import type { Reply } from '../../test/server/helpers/fake-responses-api.js'
import { MODEL, type CodexRun } from './codex-run.js'
import { field, runTurn, startThread, tuiThreadStartParams } from './client-steps.js'
import type { Json, RecordedConnection } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

const hello: Reply = { kind: 'text', text: 'Hello from the fake model! You said: hello', deltas: 5 }

/** The thread/list params of the TUI's /resume picker (tui-client.md §7). */
export const pickerListParams: Json = {
  cursor: null, limit: 25, sortKey: 'updated_at', sortDirection: null, modelProviders: null,
  sourceKinds: ['cli', 'vscode'], archived: false, cwd: null, searchTerm: null, currentAccountOnly: true,
}

async function readBack(run: CodexRun, c1: RecordedConnection, threadId: string): Promise<void> {
  run.transcript.note('read the thread back')
  await c1.request('thread/read', { threadId, includeTurns: true })
  await c1.request('thread/read', { threadId, includeTurns: false })
  await c1.request('thread/read', { threadId })
  run.transcript.note('thread/list: default params, then the picker params')
  await c1.request('thread/list', {})
  await c1.request('thread/list', pickerListParams)
  run.transcript.note('thread/turns/list')
  await c1.request('thread/turns/list', { threadId })
  await c1.request('thread/turns/list', { threadId, limit: 1, sortDirection: 'desc', itemsView: 'notLoaded' })
  await c1.request('thread/turns/list', { threadId, limit: 1, sortDirection: 'asc', itemsView: 'full' })
  run.transcript.note('thread/items/list: both directions, limit 1, following cursors to the end')
  for (const sortDirection of ['asc', 'desc']) {
    let cursor: Json | undefined = null
    for (let page = 0; page < 6; page++) {
      const outcome = await c1.request('thread/items/list', { threadId, cursor, limit: 1, sortDirection })
      cursor = field(outcome, 'nextCursor')
      if (!cursor) break
    }
  }
  await c1.request('thread/items/list', { threadId })
  await c1.request('thread/items/list', { threadId, limit: 100, sortDirection: 'desc' })
  await c1.request('thread/loaded/list', { cursor: null, limit: null })
  await c1.request('thread/loaded/list', {})
}

async function basicTurn(run: CodexRun, experimentalApi: boolean): Promise<void> {
  const c1 = await run.connect('c1')
  await c1.initialize(experimentalApi)
  await c1.request('model/list', { modelProvider: null, cursor: null, limit: null, includeHidden: true })
  run.transcript.note('thread/start as the TUI sends it')
  const startParams = experimentalApi ? tuiThreadStartParams() : { sandbox: 'read-only', cwd: null, model: null, approvalPolicy: null, config: {}, ephemeral: false }
  const started = await c1.request('thread/start', startParams)
  const threadId = String(field(started, 'thread', 'id'))
  run.transcript.note('thread/read and turns/list before the first turn (not materialized)')
  await c1.request('thread/read', { threadId, includeTurns: false })
  await c1.request('thread/turns/list', { threadId, limit: 1 })
  await c1.request('thread/list', {})
  run.transcript.note('turn/start "hello" (with the settings keys the TUI sends), 5 deltas, until turn/completed')
  const tuiTurnSettings: Record<string, Json> = experimentalApi
    ? {
        cwd: run.workspace, runtimeWorkspaceRoots: [run.workspace], approvalPolicy: 'on-request', model: MODEL, serviceTier: 'default',
        collaborationMode: { mode: 'default', settings: { model: MODEL, reasoning_effort: null, developer_instructions: null } },
      }
    : { cwd: run.workspace, approvalPolicy: 'on-request', model: MODEL }
  await runTurn(c1, threadId, 'hello', tuiTurnSettings)
  await readBack(run, c1, threadId)
  run.transcript.note('a second turn, then turns/items lists again')
  await runTurn(c1, threadId, 'again')
  await c1.request('thread/turns/list', { threadId, limit: 1, sortDirection: 'desc' })
  const first = await c1.request('thread/turns/list', { threadId, limit: 1, sortDirection: 'asc' })
  const next = field(first, 'nextCursor')
  if (next) await c1.request('thread/turns/list', { threadId, cursor: next, limit: 1, sortDirection: 'asc' })
  const back = field(first, 'backwardsCursor')
  if (back) await c1.request('thread/turns/list', { threadId, cursor: back, limit: 1, sortDirection: 'desc' })
}

export const basicScenarios: Scenario[] = [
  {
    name: 'a-basic-turn',
    description: 'initialize (experimentalApi) → TUI thread/start → turn/start "hello" (5 deltas) → turn/completed; then thread/read, thread/list, thread/turns/list, thread/items/list with cursors, thread/loaded/list',
    transport: 'stdio',
    replies: [hello, { kind: 'text', text: 'Second reply.', deltas: 2 }],
    run: (run) => basicTurn(run, true),
  },
  {
    name: 'a-basic-turn-stable',
    description: 'the basic turn from a stable client (experimentalApi false): which fields and notifications change',
    transport: 'stdio',
    replies: [hello, { kind: 'text', text: 'Second reply.', deltas: 2 }],
    run: (run) => basicTurn(run, false),
  },
  {
    name: 'h-output-schema',
    description: 'the TUI title turn: ephemeral thread/start (threadSource thread_title), turn/start with outputSchema; what the model request carries and what comes back',
    transport: 'stdio',
    replies: [{ kind: 'text', text: '{"title":"Say hello"}', deltas: 3 }],
    run: async (run) => {
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      const threadId = await startThread(c1, { ephemeral: true, threadSource: 'thread_title', dynamicTools: [], config: { 'features.shell_tool': false } })
      await runTurn(c1, threadId, 'Generate a short title for this conversation: hello', {
        outputSchema: { type: 'object', properties: { title: { type: 'string', maxLength: 36 } }, required: ['title'], additionalProperties: false },
      })
      await c1.request('thread/unsubscribe', { threadId })
      await c1.request('thread/read', { threadId })
      await c1.request('thread/list', {})
    },
  },
]
