// Steps that only produce items and notifications: reasoning, plans, web searches, images,
// compaction, sub-agents, sleep, hook prompts, tool output, review mode, and the turn-level
// notices (retries, usage, reroutes, rate limits). Each item as codex sends it: item/started, its
// deltas, item/completed.
import { resolve } from 'node:path'
import type { ThreadItem } from '../../../generated/experimental/index.js'
import { splitIntoDeltas } from '../agent/offline-agent.js'
import { newId } from '../clock.js'
import { compaction } from '../user-actions.js'
import { RATE_LIMITS, scriptedRateLimits, scriptedUsage } from './account-figures.js'
import type { StepOf } from './scenario-format.js'
import type { StepContext, StepOutcome } from './step-context.js'

/** codex retries a broken stream this many times; its retry notices count against it. */
export const STREAM_RETRIES = 5
/** Deltas of streamed reasoning and plan text when the step does not say. */
const DEFAULT_DELTAS = 3
/** A 1×1 transparent PNG, the image an imageGeneration step makes unless it gives one. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

function ids(context: StepContext) {
  return { threadId: context.thread.id, turnId: context.turn.id }
}

/** A retryable stream error (`Reconnecting... n/5`); the turn goes on after it. */
export async function retryOnce(context: StepContext, attempt: number, delayMs: number): Promise<void> {
  context.thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
  context.thread.emit('error', {
    error: {
      message: `Reconnecting... ${attempt}/${STREAM_RETRIES}`,
      codexErrorInfo: { responseStreamDisconnected: { httpStatusCode: null } },
      additionalDetails: 'stream disconnected before completion: the reference agent was asked to retry', misalignment: null,
    },
    willRetry: true, ...ids(context),
  })
  await context.pause(delayMs)
}

export async function reason(context: StepContext, step: StepOf<'reasoning'>): Promise<StepOutcome> {
  const item = { type: 'reasoning' as const, id: `rs_${newId()}`, summary: [] as string[], content: [] as string[], startedAtMs: Date.now(), completedAtMs: null }
  context.started(item)
  const deltas = step.deltas ?? DEFAULT_DELTAS
  for (const [summaryIndex, part] of (step.summary ?? []).entries()) {
    if (summaryIndex > 0) context.thread.emit('item/reasoning/summaryPartAdded', { ...ids(context), itemId: item.id, summaryIndex })
    for (const delta of splitIntoDeltas(part, deltas)) context.thread.emit('item/reasoning/summaryTextDelta', { ...ids(context), itemId: item.id, delta, summaryIndex })
  }
  for (const [contentIndex, part] of (step.content ?? []).entries()) {
    for (const delta of splitIntoDeltas(part, deltas)) context.thread.emit('item/reasoning/textDelta', { ...ids(context), itemId: item.id, delta, contentIndex })
  }
  await context.complete({ ...item, summary: step.summary ?? [], content: step.content ?? [], completedAtMs: Date.now() })
  return undefined
}

/** The checklist (turn/plan/updated), then the plan item streamed with item/plan/delta. */
export async function plan(context: StepContext, step: StepOf<'plan'>): Promise<StepOutcome> {
  if (step.steps) context.thread.emit('turn/plan/updated', { ...ids(context), explanation: step.explanation ?? null, plan: step.steps })
  if (step.text !== undefined) await streamPlan(context, step.text, step.deltas ?? DEFAULT_DELTAS)
  return undefined
}

/** A plan item as codex streams a proposed plan: its id is the turn's, with `-plan`. */
export async function streamPlan(context: StepContext, text: string, deltas: number = DEFAULT_DELTAS): Promise<void> {
  const taken = new Set(context.turn.items.map((item) => item.id))
  let id = `${context.turn.id}-plan`
  for (let n = 2; taken.has(id); n++) id = `${context.turn.id}-plan-${n}`
  const item = { type: 'plan' as const, id, text: '', startedAtMs: Date.now(), completedAtMs: null }
  context.started(item)
  for (const delta of splitIntoDeltas(text, deltas)) context.thread.emit('item/plan/delta', { ...ids(context), itemId: item.id, delta })
  await context.complete({ ...item, text, completedAtMs: Date.now() })
}

/** An item that starts in one shape and completes in another. */
async function startThenComplete(context: StepContext, started: ThreadItem, completed: ThreadItem, output: string): Promise<StepOutcome> {
  context.started(started)
  await context.complete(completed)
  await context.reportUsage(output)
  return undefined
}

export function webSearch(context: StepContext, step: StepOf<'webSearch'>): Promise<StepOutcome> {
  const base = { type: 'webSearch' as const, id: `ws_${newId()}`, startedAtMs: Date.now() }
  return startThenComplete(context,
    { ...base, query: '', action: { type: 'other' }, results: null, completedAtMs: null },
    { ...base, query: step.query, action: { type: 'search', query: step.query, queries: null }, results: null, completedAtMs: Date.now() },
    step.query)
}

export function imageView(context: StepContext, step: StepOf<'imageView'>): Promise<StepOutcome> {
  // codex shows the path resolved against the thread's cwd.
  const item = { type: 'imageView' as const, id: `call_${newId()}`, path: resolve(context.thread.meta.cwd, step.path), startedAtMs: Date.now() }
  return startThenComplete(context, { ...item, completedAtMs: null }, { ...item, completedAtMs: Date.now() }, step.path)
}

export function imageGeneration(context: StepContext, step: StepOf<'imageGeneration'>): Promise<StepOutcome> {
  const base = {
    type: 'imageGeneration' as const, id: `ig_${newId()}`, failure: null, generationId: null, inputImages: [], savedPath: null,
    transparentBackground: null, startedAtMs: Date.now(),
  }
  return startThenComplete(context,
    { ...base, status: 'in_progress', revisedPrompt: null, result: '', completedAtMs: null },
    { ...base, status: 'completed', revisedPrompt: step.revisedPrompt ?? null, result: step.result ?? TINY_PNG, completedAtMs: Date.now() },
    step.revisedPrompt ?? 'image')
}

/** Compaction as thread/compact/start does it, inside this turn. */
export async function compact(context: StepContext): Promise<StepOutcome> {
  const item = await compaction(context.thread)({ turn: context.turn, signal: context.interruptSignal, started: (started) => context.started(started) })
  await context.complete(item)
  return undefined
}

/** A sub-agent spawned, its activity, then waited for until it reports back. */
export async function subAgent(context: StepContext, step: StepOf<'subAgent'>): Promise<StepOutcome> {
  const agentThreadId = newId()
  const model = step.model ?? context.thread.settings.model
  const call = (tool: 'spawnAgent' | 'wait', states: Record<string, { status: 'running' | 'completed'; message: string | null }>) => {
    const item = {
      type: 'collabAgentToolCall' as const, id: `call_${newId()}`, tool, senderThreadId: context.thread.id,
      prompt: tool === 'spawnAgent' ? step.prompt : null, model: tool === 'spawnAgent' ? model : null, reasoningEffort: null, startedAtMs: Date.now(),
    }
    return startThenComplete(context,
      { ...item, status: 'inProgress', receiverThreadIds: tool === 'spawnAgent' ? [] : [agentThreadId], agentsStates: {}, completedAtMs: null },
      { ...item, status: 'completed', receiverThreadIds: [agentThreadId], agentsStates: states, completedAtMs: Date.now() },
      tool)
  }
  const activity = (kind: 'started' | 'completed') => {
    const now = Date.now()
    return context.complete({
      type: 'subAgentActivity', id: newId(), agentThreadId, agentPath: 'worker', kind, model: kind === 'started' ? model : null,
      reasoningEffort: null, startedAtMs: now, completedAtMs: now,
    }, true)
  }
  await call('spawnAgent', { [agentThreadId]: { status: 'running', message: null } })
  await activity('started')
  await call('wait', { [agentThreadId]: { status: 'completed', message: step.message ?? 'Done.' } })
  await activity('completed')
  return undefined
}

export async function sleep(context: StepContext, step: StepOf<'sleep'>): Promise<StepOutcome> {
  const item = { type: 'sleep' as const, id: `call_${newId()}`, durationMs: step.ms, startedAtMs: Date.now() }
  context.started({ ...item, completedAtMs: null })
  await context.pause(step.ms)
  await context.complete({ ...item, completedAtMs: Date.now() })
  return undefined
}

/** An item that is complete as soon as it appears: item/started and item/completed together. */
export async function instant(context: StepContext, item: ThreadItem): Promise<StepOutcome> {
  const now = Date.now()
  await context.complete({ ...item, startedAtMs: now, completedAtMs: now }, true)
  return undefined
}

export async function review(context: StepContext, step: StepOf<'review'>): Promise<StepOutcome> {
  await instant(context, { type: 'enteredReviewMode', id: newId(), review: step.review })
  return instant(context, { type: 'exitedReviewMode', id: newId(), review: step.result })
}

export async function usage(context: StepContext, step: StepOf<'usage'>): Promise<StepOutcome> {
  const { thread, turn } = context
  const tokenUsage = scriptedUsage(thread.tokenUsage?.usage, step)
  thread.tokenUsage = { turnId: turn.id, usage: tokenUsage }
  await thread.record([{ type: 'tokenUsage', turnId: turn.id, usage: tokenUsage }])
  thread.emit('thread/tokenUsage/updated', { ...ids(context), tokenUsage })
  return undefined
}

export function reroute(context: StepContext, step: StepOf<'reroute'>): StepOutcome {
  context.thread.emit('model/rerouted', { ...ids(context), fromModel: context.thread.settings.model, toModel: step.toModel, reason: 'highRiskCyberActivity' })
  return undefined
}

export function rateLimits(context: StepContext, step: StepOf<'rateLimits'>): StepOutcome {
  context.thread.emit('account/rateLimits/updated', { rateLimits: scriptedRateLimits(step) })
  return undefined
}
