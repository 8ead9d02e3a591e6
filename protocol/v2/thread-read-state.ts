// Read state of threads: whether the user has seen a thread's latest activity, guarded by a
// revision so a stale view cannot mark newer activity as read.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadReadStateUpdateParams = v2('ThreadReadStateUpdateParams', t.object({
  threadId: t.string(),
  operation: t.ref('ThreadReadStateOperation'),
  expectedRevision: t.describe('Revision of the thread the user actually saw; if the thread has moved on, the update is rejected and needs a new user action.', t.string()),
}), 'Marks a thread read or unread.')

export const ThreadReadStateUpdateResponse = v2('ThreadReadStateUpdateResponse', t.object({
  readState: t.describe('The read state after the change.', t.ref('ThreadReadState')),
}), 'The thread\'s new read state.')

export const ThreadReadStateChangedNotification = v2('ThreadReadStateChangedNotification', t.object({
  threadId: t.string(),
  readState: t.ref('ThreadReadState'),
}), 'Sent when a thread\'s read state changes.')

export const ThreadReadStateOperation = v2('ThreadReadStateOperation', t.tagged('type', {
  read: {},
  unread: {},
}), 'Mark the thread read or unread.')
