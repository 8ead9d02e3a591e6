// The account figures a turn reports: rate limits (none known offline, unless a scenario says
// otherwise) and token usage with the figures a scenario gives.
import type { RateLimitSnapshot, ThreadTokenUsage } from '../../../generated/experimental/index.js'
import { addUsage } from '../token-usage.js'
import type { StepOf } from './scenario-format.js'

/** What rate limits an offline server has: none known. */
export const RATE_LIMITS: RateLimitSnapshot = {
  limitId: 'codex', limitName: null, normalModelSlug: null, primary: null, secondary: null, credits: null,
  individualLimit: null, spendControlReached: null, planType: null, rateLimitReachedType: null,
}

/** The rate limits a `rateLimits` step describes; windows reset an hour from now. */
export function scriptedRateLimits(step: StepOf<'rateLimits'>): RateLimitSnapshot {
  const resetsAt = Math.floor(Date.now() / 1000) + 3600
  const window = (usedPercent: number, windowDurationMins: number) => ({ usedPercent, windowDurationMins, resetsAt })
  return {
    ...RATE_LIMITS,
    primary: window(step.usedPercent, step.windowMinutes ?? 300),
    secondary: step.secondaryUsedPercent === undefined ? null : window(step.secondaryUsedPercent, 10_080),
  }
}

/** `previous` plus a response with the figures of a `usage` step. */
export function scriptedUsage(previous: ThreadTokenUsage | undefined, step: StepOf<'usage'>): ThreadTokenUsage {
  const cachedInputTokens = step.cachedInputTokens ?? 0
  const reasoningOutputTokens = step.reasoningOutputTokens ?? 0
  return addUsage(previous, {
    totalTokens: step.inputTokens + step.outputTokens, inputTokens: step.inputTokens, cachedInputTokens, outputTokens: step.outputTokens, reasoningOutputTokens,
  })
}
