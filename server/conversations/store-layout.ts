// Where the thread store keeps its files under the server's home folder:
//   threads/<id>.jsonl           history of each live thread (history-file.ts describes the format)
//   threads-archived/<id>.jsonl  history of each archived thread (moved here whole by archive)
//   threads-index.json           the index: a cache of every summary with the size and mtime of its
//                                file, rewritten atomically now and then and at close; files whose
//                                size or mtime differ, and files it does not list, are rescanned
//   threads.lock                 pid and start time of the process that has the store open
// Files whose name contains ".tmp-" are leftovers of an interrupted run, removed at start.
import { join } from 'node:path'
import { ThreadStoreError } from './errors.js'

export const HISTORY_EXTENSION = '.jsonl'

export class StoreLayout {
  readonly liveDir: string
  readonly archivedDir: string
  readonly indexFile: string
  readonly lockFile: string

  constructor(readonly home: string) {
    this.liveDir = join(home, 'threads')
    this.archivedDir = join(home, 'threads-archived')
    this.indexFile = join(home, 'threads-index.json')
    this.lockFile = join(home, 'threads.lock')
  }

  historyPath(threadId: string, archived: boolean): string {
    return join(archived ? this.archivedDir : this.liveDir, `${threadId}${HISTORY_EXTENSION}`)
  }
}

/** Ids become file names, so they are limited to characters that are safe in one on every system. */
export function checkStoreId(threadId: unknown): string {
  if (typeof threadId !== 'string' || !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(threadId)) {
    throw new ThreadStoreError('invalidThreadId', `invalid thread id ${JSON.stringify(threadId)}: use 1 to 200 letters, digits, '.', '_' or '-'`)
  }
  return threadId
}
