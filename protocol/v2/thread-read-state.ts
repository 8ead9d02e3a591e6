// The thread-read-state family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadReadStateUpdateParams = v2('ThreadReadStateUpdateParams', t.object({
  threadId: t.string(),
  operation: t.ref('ThreadReadStateOperation'),
  expectedRevision: t.string(),
}))

export const ThreadReadStateUpdateResponse = v2('ThreadReadStateUpdateResponse', t.object({
  readState: t.ref('ThreadReadState'),
}))

export const ThreadReadStateChangedNotification = v2('ThreadReadStateChangedNotification', t.object({
  threadId: t.string(),
  readState: t.ref('ThreadReadState'),
}))

export const ThreadReadStateOperation = v2('ThreadReadStateOperation', t.tagged('type', {
  read: {},
  unread: {},
}))
