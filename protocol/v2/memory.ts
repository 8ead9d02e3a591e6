// The memory family: Codex's long-term memory built from past threads — turning it on or off per
// thread, reading a thread's memory summary, checking or resetting the memory store, and the
// citations that tie an answer to memory entries.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadMemoryModeSetParams = v2('ThreadMemoryModeSetParams', t.object({
  threadId: t.describe('Thread to change.', t.string()),
  mode: t.describe('Whether the thread uses memory.', t.ref('ThreadMemoryMode')),
}), 'Parameters of the experimental `thread/memoryMode/set`, which turns memory on or off for one thread.')

export const ThreadMemoryModeSetResponse = v2('ThreadMemoryModeSetResponse', t.object({}), 'Result of `thread/memoryMode/set`; empty on success.')

export const ThreadMemoryReadParams = v2('ThreadMemoryReadParams', t.object({
  threadId: t.describe('Thread whose memory to read; it must be loaded (started or resumed) first.', t.string()),
}), 'Parameters of the experimental `thread/memory/read`.')

export const ThreadMemoryReadResponse = v2('ThreadMemoryReadResponse', t.object({
  summary: t.option(t.string(), { description: 'Memory summary the thread uses; null when memory is off for it or no usable summary exists.' }),
}), 'Result of `thread/memory/read`.')

export const MemoryStatusParams = v2('MemoryStatusParams', t.object({
  minConsolidatedThreads: t.option(t.uint('uint32'), { description: 'How many distinct threads must have been consolidated for memory to count as ready; 1 to 4096, default 20.' }),
}), 'Parameters of the experimental `memory/status`.')

export const MemoryStatusResponse = v2('MemoryStatusResponse', t.object({
  v2ConsolidatedThreads: t.describe('Number of distinct threads consolidated into the current (v2) memory store so far.', t.uint('uint32')),
  v2Ready: t.describe('True when enough threads are consolidated and a valid memory summary exists.', t.boolean()),
}), 'Result of `memory/status`: how far the memory store has been built.')

export const MemoryCitation = v2('MemoryCitation', t.object({
  entries: t.describe('Memory passages the answer relied on.', t.array(t.ref('MemoryCitationEntry'))),
  threadIds: t.describe('Ids of the earlier threads those memories came from.', t.array(t.string())),
}), 'Memory that an agent message drew on.')

export const MemoryCitationEntry = v2('MemoryCitationEntry', t.object({
  path: t.describe('Memory file the passage is in.', t.string()),
  lineStart: t.describe('First line of the passage.', t.uint('uint32')),
  lineEnd: t.describe('Last line of the passage (inclusive).', t.uint('uint32')),
  note: t.describe('Short note on what was used from the passage.', t.string()),
}), 'One cited passage of a memory file.')

export const MemoryResetResponse = v2('MemoryResetResponse', t.object({}), 'Result of the experimental `memory/reset`, which clears the stored memories; empty on success.')

export const ThreadMemoryMode = v2('ThreadMemoryMode', t.enum(['enabled', 'disabled']), 'Whether memory is on for a thread.')
