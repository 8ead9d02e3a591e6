// The thread-terminals family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadBackgroundTerminalsCleanParams = v2('ThreadBackgroundTerminalsCleanParams', t.object({
  threadId: t.string(),
}))

export const ThreadBackgroundTerminalsCleanResponse = v2('ThreadBackgroundTerminalsCleanResponse', t.object({}))

export const ThreadBackgroundTerminalsListParams = v2('ThreadBackgroundTerminalsListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadBackgroundTerminalsListResponse = v2('ThreadBackgroundTerminalsListResponse', t.object({
  data: t.array(t.ref('ThreadBackgroundTerminal')),
  nextCursor: t.option(t.string()),
}))

export const ThreadBackgroundTerminalsTerminateParams = v2('ThreadBackgroundTerminalsTerminateParams', t.object({
  threadId: t.string(),
  processId: t.string(),
}))

export const ThreadBackgroundTerminalsTerminateResponse = v2('ThreadBackgroundTerminalsTerminateResponse', t.object({
  terminated: t.boolean(),
}))

export const ThreadBackgroundTerminal = v2('ThreadBackgroundTerminal', t.object({
  itemId: t.string(),
  processId: t.string(),
  command: t.string(),
  cwd: t.ref('LegacyAppPathString'),
  osPid: t.option(t.uint('uint32')),
  cpuPercent: t.option(t.number('double')),
  rssKb: t.option(t.uint('uint64')),
}))
