// Steps that ask the client something: permissions, questions for the user, a call of a tool the
import type { ServerRequestMap as ServerRequestMap0169 } from '../../../generated/v0.169.0/experimental/index.js'
// client provides, an MCP tool call (with an elicitation), and the account-level requests (new
// ChatGPT tokens, an attestation, the time). What the client answers goes back into the turn: into
// the item, and into the `reply` the step asks the agent to write.
import type { JsonValue, ServerRequestMap, ServerRequestMethod, ThreadItem } from '../../../generated/experimental/index.js'
import { splitIntoDeltas } from '../agent/offline-agent.js'
import { newId } from '../clock.js'
import type { StepOf } from './scenario-format.js'
import { failure, INTERRUPTED, type Answer, type StepContext, type StepOutcome } from './step-context.js'

/** The form an elicitation asks for when the scenario gives none: one text field. */
const DEFAULT_FORM = { type: 'object', properties: { value: { type: 'string', title: 'Value' } }, required: ['value'] } as const

/** The agent's reply once the client answered: `{{answer}}` becomes the answer as JSON. */
async function replyWith(context: StepContext, reply: string | undefined, answer: unknown): Promise<StepOutcome> {
  if (reply === undefined) return undefined
  return context.respond(splitIntoDeltas(reply.replaceAll('{{answer}}', JSON.stringify(answer)), 3), 0)
}

/** An answer, or the turn's ending when there is none: interrupted, or (a failed answer) what `onFailure` says. */
function settled<M extends ServerRequestMethod>(answer: Answer<M>, onFailure: (message: string) => StepOutcome): { result: ServerRequestMap[M]['result'] } | { outcome: StepOutcome } {
  if (answer.kind === 'answered') return { result: answer.result }
  if (answer.kind === 'interrupted') return { outcome: INTERRUPTED }
  return { outcome: onFailure(answer.message) }
}

export async function askPermissions(context: StepContext, step: StepOf<'permissions'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const answer = await context.ask('item/permissions/requestApproval', {
    threadId: thread.id, turnId: turn.id, itemId: `call_${newId()}`, environmentId: 'local', startedAtMs: Date.now(), cwd: thread.meta.cwd,
    reason: step.reason ?? null,
    permissions: {
      network: step.network === undefined ? null : { enabled: step.network },
      fileSystem: step.read === undefined && step.write === undefined ? null : { read: step.read ?? null, write: step.write ?? null },
    },
  }, 'waitingOnApproval')
  thread.setStatus({ type: 'active', activeFlags: [] })
  const got = settled(answer, (message) => failure(`the permission request failed: ${message}`))
  if ('outcome' in got) return got.outcome
  await context.reportUsage(JSON.stringify(got.result))
  return replyWith(context, step.reply, got.result)
}

export async function askUser(context: StepContext, step: StepOf<'userInput'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const answer = await context.ask('item/tool/requestUserInput', {
    threadId: thread.id, turnId: turn.id, itemId: `call_${newId()}`,
    // As codex asks: every question offers a free-form answer unless it says otherwise.
    questions: step.questions.map(({ id, header, question, isOther, isSecret, options }) => ({
      id, header, question, isOther: isOther ?? true, isSecret: isSecret ?? false, options: options ?? null,
    })),
    isBlocking: true, autoResolutionMs: null,
  }, 'waitingOnUserInput')
  thread.setStatus({ type: 'active', activeFlags: [] })
  const got = settled(answer, (message) => failure(`the question to the user failed: ${message}`))
  if ('outcome' in got) return got.outcome
  await context.reportUsage(JSON.stringify(got.result.answers))
  return replyWith(context, step.reply, got.result.answers)
}

/** Calls a tool the client gave to thread/start; the client's result completes the item. */
export async function callDynamicTool(context: StepContext, step: StepOf<'dynamicTool'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const registered = thread.settings.dynamicTools?.[0]
  const tool = step.tool ?? registered?.name
  if (tool === undefined) return failure('the scenario calls a dynamic tool, but the thread was started without `dynamicTools` and the step names no tool')
  const namespace = step.namespace ?? (step.tool === undefined && registered?.type === 'namespace' ? registered.name : null)
  const toolName = step.tool === undefined && registered?.type === 'namespace' ? registered.tools[0]?.name ?? tool : tool
  const args = (step.arguments ?? {}) as JsonValue
  const started = Date.now()
  const item: ThreadItem & { type: 'dynamicToolCall' } = {
    type: 'dynamicToolCall', id: `call_${newId()}`, namespace, tool: toolName, arguments: args, status: 'inProgress',
    contentItems: null, success: null, durationMs: null, startedAtMs: started, completedAtMs: null,
  }
  context.started(item)
  const answer = await context.ask('item/tool/call', { threadId: thread.id, turnId: turn.id, callId: item.id, namespace, tool: toolName, arguments: args })
  if (answer.kind === 'interrupted') return INTERRUPTED
  const result = answer.kind === 'answered' ? answer.result : { contentItems: [{ type: 'inputText' as const, text: answer.message }], success: false }
  await context.complete({
    ...item, status: result.success ? 'completed' : 'failed', contentItems: result.contentItems, success: result.success,
    durationMs: Date.now() - started, completedAtMs: Date.now(),
  })
  await context.reportUsage(JSON.stringify(result.contentItems))
  return replyWith(context, step.reply, result)
}

/** Calls an MCP tool: progress, an elicitation when scripted, then the result or the error. */
export async function callMcpTool(context: StepContext, step: StepOf<'mcpTool'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const started = Date.now()
  const item: ThreadItem & { type: 'mcpToolCall' } = {
    type: 'mcpToolCall', id: `call_${newId()}`, server: step.server, tool: step.tool, status: 'inProgress',
    arguments: (step.arguments ?? {}) as JsonValue, mcpAppResourceUri: null, mcpAppUi: null, pluginId: null, appContext: null,
    readOnlyHint: null, result: null, error: null, durationMs: null, startedAtMs: started, completedAtMs: null,
  }
  context.started(item)
  for (const message of step.progress ?? []) {
    thread.emit('item/mcpToolCall/progress', { threadId: thread.id, turnId: turn.id, itemId: item.id, message })
  }
  let error = step.error
  if (step.elicitation) {
    const { message, url, requestedSchema } = step.elicitation
    const common = { serverName: step.server, threadId: thread.id, turnId: turn.id, _meta: null }
    const answer = await context.ask('mcpServer/elicitation/request', url === undefined
      ? { ...common, mode: 'form', message, requestedSchema: (requestedSchema ?? DEFAULT_FORM) as never }
      : { ...common, mode: 'url', message, url, elicitationId: `elicitation_${newId()}` }, 'waitingOnUserInput')
    thread.setStatus({ type: 'active', activeFlags: [] })
    if (answer.kind === 'interrupted') return INTERRUPTED
    if (answer.kind === 'failed') error ??= `elicitation failed: ${answer.message}`
    else if (answer.result.action !== 'accept') error ??= `the user chose ${answer.result.action} when asked: ${message}`
  }
  const content = (step.result ?? [{ type: 'text', text: `${step.tool} done` }]) as JsonValue[]
  await context.complete({
    ...item, status: error === undefined ? 'completed' : 'failed',
    result: error === undefined ? { content, structuredContent: null, _meta: null } : null,
    error: error === undefined ? null : { message: error }, durationMs: Date.now() - started, completedAtMs: Date.now(),
  })
  await context.reportUsage(JSON.stringify(content))
  return undefined
}

/** The model answered 401: codex asks a client that manages ChatGPT tokens for new ones; without them the turn fails. */
export async function refreshAuth(context: StepContext): Promise<StepOutcome> {
  const answer = await context.ask('account/chatgptAuthTokens/refresh', { reason: 'unauthorized', previousAccountId: null })
  const got = settled(answer, (message) => failure(`auth refresh request failed: ${message}`, 'unauthorized'))
  return 'outcome' in got ? got.outcome : undefined
}

/** codex asks for an attestation before a model request; without one it goes on, the header left out. */
export async function attest(context: StepContext): Promise<StepOutcome> {
  const answer = await context.ask('attestation/generate', {})
  return answer.kind === 'interrupted' ? INTERRUPTED : undefined
}

/**
 * codex asks a client that keeps the clock (sleep with an external clock) for the time; a client
 * that cannot answer is skipped. codex 0.171.0 removed the request, so it is typed by 0.169.0's
 * protocol, and a server speaking a later release refuses to send it (the step then goes on).
 */
export async function readClock(context: StepContext): Promise<StepOutcome> {
  const params: ServerRequestMap0169['currentTime/read']['params'] = { threadId: context.thread.id }
  const answer = await context.ask('currentTime/read' as ServerRequestMethod, params as never)
  if (answer.kind === 'failed') context.log.info(`thread ${context.thread.id}: currentTime/read not answered: ${answer.message}`)
  return answer.kind === 'interrupted' ? INTERRUPTED : undefined
}
