// The work of the turns a user starts without a prompt: a shell command typed in the thread (run
// for real in its cwd, output streamed) and a compaction of its history (the offline agent writes a
// deterministic summary, as codex asks its model for one).
import type { ThreadItem, ThreadTokenUsage } from '../../generated/experimental/index.js'
import { promptText, tokensOf } from './agent/offline-agent.js'
import { runAgentCommand } from './agent-command.js'
import { commandItem } from './command-item.js'
import { newId } from './clock.js'
import type { LoadedThread } from './loaded-thread.js'
import type { StandaloneWork } from './standalone-turn.js'
import { nextUsage } from './token-usage.js'
import { RATE_LIMITS } from './turn-runner.js'
import type { ProcessSupervisor } from '../process/process-supervisor.js'

/** codex gives a user's shell command an hour when the client names no limit. */
export const USER_SHELL_TIMEOUT_MS = 60 * 60 * 1000
/** The exit code the process layer reports for a command stopped by its time limit. */
const TIMED_OUT_EXIT = 124

/** Runs `command` in the thread's cwd as the user's own: a `userShell` command item. */
export function userShellCommand(processes: ProcessSupervisor, thread: LoadedThread, command: string, timeoutMs: number) {
  return async ({ turn, signal, started }: StandaloneWork): Promise<ThreadItem> => {
    const item = { ...commandItem(command, thread.meta.cwd), id: newId(), source: 'userShell' as const }
    started(item)
    const result = await runAgentCommand(processes, command, thread.meta.cwd, signal, (delta) => {
      thread.emit('item/commandExecution/outputDelta', { threadId: thread.id, turnId: turn.id, itemId: item.id, delta })
    }, timeoutMs)
    const timedOut = result.exitCode === TIMED_OUT_EXIT && result.durationMs >= timeoutMs && !signal.aborted
    // codex reports a command stopped by its limit as failed with exit code -1 and an error text
    // in place of its output.
    return {
      ...item,
      status: result.exitCode === 0 ? 'completed' : 'failed',
      aggregatedOutput: timedOut ? `execution error: timed out after ${timeoutMs} ms\n${result.output}` : result.output,
      exitCode: timedOut ? -1 : result.exitCode,
      durationMs: result.durationMs,
      completedAtMs: Date.now(),
    }
  }
}

/** Compacts the thread's history: a `contextCompaction` item, the summary kept for the model. */
export function compaction(thread: LoadedThread) {
  return async ({ turn, started }: StandaloneWork): Promise<ThreadItem> => {
    const item: ThreadItem = { type: 'contextCompaction', id: newId(), startedAtMs: Date.now(), completedAtMs: null }
    started(item)
    const summary = summarize(thread)
    // As codex reports it: the usage of the summary request, then the (smaller) context that
    // remains, each followed by the rate limits.
    thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
    const usage = nextUsage(thread.tokenUsage?.usage, tokensOf(historyText(thread)), tokensOf(summary))
    const remaining: ThreadTokenUsage = {
      ...usage,
      last: { totalTokens: tokensOf(summary), inputTokens: 0, cachedInputTokens: 0, cacheWriteInputTokens: 0, outputTokens: 0, reasoningOutputTokens: 0 },
    }
    for (const report of [usage, remaining]) {
      thread.tokenUsage = { turnId: turn.id, usage: report }
      thread.emit('thread/tokenUsage/updated', { threadId: thread.id, turnId: turn.id, tokenUsage: report })
      thread.emit('account/rateLimits/updated', { rateLimits: RATE_LIMITS })
    }
    await thread.record([
      { type: 'tokenUsage', turnId: turn.id, usage: remaining },
      // What the model sees of the history from now on.
      { type: 'modelItems', items: [{ type: 'compaction_summary', text: summary }] },
    ])
    return { ...item, completedAtMs: Date.now() }
  }
}

/** A deterministic summary: what the user asked and ran, turn by turn. */
function summarize(thread: LoadedThread): string {
  const lines = thread.turns.flatMap((turn) => turn.items.flatMap((item) => {
    if (item.type === 'userMessage') return [`- the user asked: ${promptText(item.content)}`]
    if (item.type === 'commandExecution') return [`- ran \`${item.commandActions[0]?.type === 'unknown' ? item.commandActions[0].command : item.command}\` (exit ${item.exitCode ?? 'none'})`]
    return []
  }))
  return lines.length ? `Summary of the conversation so far:\n${lines.join('\n')}` : 'Summary of the conversation so far: nothing has happened yet.'
}

function historyText(thread: LoadedThread): string {
  return thread.turns.flatMap((turn) => turn.items.map((item) => JSON.stringify(item))).join('\n')
}
