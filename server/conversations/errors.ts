// The one error type the thread store throws. `code` says what went wrong so the engine can turn it
// into codex's JSON-RPC error; `message` is one line that says what and where.

export type ThreadStoreErrorCode =
  | 'storeLocked' // another live process holds the home folder's lock
  | 'storeClosed' // the store was closed
  | 'invalidThreadId' // an id that cannot name a file
  | 'invalidSummary' // a summary missing a field the store needs, or of the wrong type
  | 'invalidRecord' // a record that is not a JSON object with a string `type`, or uses the reserved type
  | 'threadExists' // create() of an id already stored
  | 'threadNotFound' // an id the store does not know
  | 'threadCorrupted' // a history file with a damaged line before its last one, or no summary
  | 'threadUnreadable' // a history file the OS refuses to read
  | 'invalidCursor' // a list cursor this store never issued (or for another sort key)
  | 'invalidQuery' // a list query with a bad limit
  | 'writeFailed' // the OS refused a write or fsync; nothing was acknowledged

export class ThreadStoreError extends Error {
  override readonly name = 'ThreadStoreError'
  constructor(
    readonly code: ThreadStoreErrorCode,
    message: string,
    readonly details: { threadId?: string; path?: string; line?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
