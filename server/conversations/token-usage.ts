// Token usage of a thread: the last turn's counts and the running total.
import type { ThreadTokenUsage, TokenUsageBreakdown } from '../../generated/experimental/index.js'

/** The reference models' context window, reported with every usage update. */
export const MODEL_CONTEXT_WINDOW = 272_000

export function nextUsage(previous: ThreadTokenUsage | undefined, inputTokens: number, outputTokens: number): ThreadTokenUsage {
  return addUsage(previous, { totalTokens: inputTokens + outputTokens, inputTokens, cachedInputTokens: 0, outputTokens, reasoningOutputTokens: 0 })
}

/** `previous` with one more model response that used `last`. */
export function addUsage(previous: ThreadTokenUsage | undefined, last: TokenUsageBreakdown): ThreadTokenUsage {
  const before = previous?.total
  const sum = (key: 'totalTokens' | 'inputTokens' | 'cachedInputTokens' | 'outputTokens' | 'reasoningOutputTokens') => (before?.[key] ?? 0) + last[key]
  const total: TokenUsageBreakdown = {
    totalTokens: sum('totalTokens'), inputTokens: sum('inputTokens'), cachedInputTokens: sum('cachedInputTokens'),
    outputTokens: sum('outputTokens'), reasoningOutputTokens: sum('reasoningOutputTokens'),
  }
  return { total, last, modelContextWindow: MODEL_CONTEXT_WINDOW }
}
