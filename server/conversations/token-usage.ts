// Token usage of a thread: the last turn's counts and the running total.
import type { ThreadTokenUsage, TokenUsageBreakdown } from '../../generated/experimental/index.js'

/** The reference models' context window, reported with every usage update. */
export const MODEL_CONTEXT_WINDOW = 272_000

export function nextUsage(previous: ThreadTokenUsage | undefined, inputTokens: number, outputTokens: number): ThreadTokenUsage {
  const last: TokenUsageBreakdown = {
    totalTokens: inputTokens + outputTokens, inputTokens, cachedInputTokens: 0, outputTokens, reasoningOutputTokens: 0,
  }
  const before = previous?.total
  const total: TokenUsageBreakdown = {
    totalTokens: (before?.totalTokens ?? 0) + last.totalTokens,
    inputTokens: (before?.inputTokens ?? 0) + inputTokens,
    cachedInputTokens: before?.cachedInputTokens ?? 0,
    outputTokens: (before?.outputTokens ?? 0) + outputTokens,
    reasoningOutputTokens: before?.reasoningOutputTokens ?? 0,
  }
  return { total, last, modelContextWindow: MODEL_CONTEXT_WINDOW }
}
