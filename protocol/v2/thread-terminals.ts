// Background terminals of a thread: long-running processes the agent started and left running,
// which clients can list and stop.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadBackgroundTerminalsCleanParams = v2('ThreadBackgroundTerminalsCleanParams', t.object({
  threadId: t.string(),
}), 'Stops every background terminal of a thread.')

export const ThreadBackgroundTerminalsCleanResponse = v2('ThreadBackgroundTerminalsCleanResponse', t.object({}), 'Empty: the terminals were stopped.')

export const ThreadBackgroundTerminalsListParams = v2('ThreadBackgroundTerminalsListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return.' }),
}), 'Lists the background terminals of a thread, one page at a time.')

export const ThreadBackgroundTerminalsListResponse = v2('ThreadBackgroundTerminalsListResponse', t.object({
  data: t.array(t.ref('ThreadBackgroundTerminal')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of background terminals.')

export const ThreadBackgroundTerminalsTerminateParams = v2('ThreadBackgroundTerminalsTerminateParams', t.object({
  threadId: t.string(),
  processId: t.describe('The terminal\'s `processId` as listed.', t.string()),
}), 'Stops one background terminal of a thread.')

export const ThreadBackgroundTerminalsTerminateResponse = v2('ThreadBackgroundTerminalsTerminateResponse', t.object({
  terminated: t.describe('False when no such terminal was running.', t.boolean()),
}), 'Whether a terminal was stopped.')

export const ThreadBackgroundTerminal = v2('ThreadBackgroundTerminal', t.object({
  itemId: t.describe('Id of the command item that started the process.', t.string()),
  processId: t.describe('Id the server uses for this terminal session.', t.string()),
  command: t.describe('The command line that is running.', t.string()),
  cwd: t.describe('Working directory of the process.', t.ref('LegacyAppPathString')),
  osPid: t.option(t.uint('uint32'), { description: 'Operating system process id, when known.' }),
  cpuPercent: t.option(t.number('double'), { description: 'Current CPU use in percent, when measured.' }),
  rssKb: t.option(t.uint('uint64'), { description: 'Resident memory in KiB, when measured.' }),
}), 'A process the agent started in a thread that keeps running in the background.')
