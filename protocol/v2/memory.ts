// The memory family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadMemoryModeSetParams = v2('ThreadMemoryModeSetParams', t.object({
  threadId: t.string(),
  mode: t.ref('ThreadMemoryMode'),
}))

export const ThreadMemoryModeSetResponse = v2('ThreadMemoryModeSetResponse', t.object({}))

export const ThreadMemoryReadParams = v2('ThreadMemoryReadParams', t.object({
  threadId: t.string(),
}))

export const ThreadMemoryReadResponse = v2('ThreadMemoryReadResponse', t.object({
  summary: t.option(t.string()),
}))

export const MemoryStatusParams = v2('MemoryStatusParams', t.object({
  minConsolidatedThreads: t.option(t.uint('uint32')),
}))

export const MemoryStatusResponse = v2('MemoryStatusResponse', t.object({
  v2ConsolidatedThreads: t.uint('uint32'),
  v2Ready: t.boolean(),
}))

export const MemoryCitation = v2('MemoryCitation', t.object({
  entries: t.array(t.ref('MemoryCitationEntry')),
  threadIds: t.array(t.string()),
}))

export const MemoryCitationEntry = v2('MemoryCitationEntry', t.object({
  path: t.string(),
  lineStart: t.uint('uint32'),
  lineEnd: t.uint('uint32'),
  note: t.string(),
}))

export const MemoryResetResponse = v2('MemoryResetResponse', t.object({}))

export const ThreadMemoryMode = v2('ThreadMemoryMode', t.enum(['enabled', 'disabled']))
