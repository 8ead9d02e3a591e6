// The thread-queue family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadQueueAddParams = v2('ThreadQueueAddParams', t.object({
  threadId: t.string(),
  input: t.array(t.ref('UserInput')),
  clientUserMessageId: t.string(),
  responsesapiClientMetadata: t.option(t.map(t.string())),
}))

export const ThreadQueueAddResponse = v2('ThreadQueueAddResponse', t.object({
  queuedSubmission: t.ref('QueuedSubmission'),
}))

export const ThreadQueueListParams = v2('ThreadQueueListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadQueueListResponse = v2('ThreadQueueListResponse', t.object({
  data: t.array(t.ref('QueuedSubmission')),
  nextCursor: t.option(t.string()),
}))

export const ThreadQueueUpdateParams = v2('ThreadQueueUpdateParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.string(),
  input: t.array(t.ref('UserInput')),
  responsesapiClientMetadata: t.option(t.map(t.string())),
}))

export const ThreadQueueUpdateResponse = v2('ThreadQueueUpdateResponse', t.object({
  queuedSubmission: t.ref('QueuedSubmission'),
}))

export const ThreadQueueDeleteParams = v2('ThreadQueueDeleteParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.string(),
}))

export const ThreadQueueDeleteResponse = v2('ThreadQueueDeleteResponse', t.object({
  deleted: t.boolean(),
}))

export const ThreadQueueReorderParams = v2('ThreadQueueReorderParams', t.object({
  threadId: t.string(),
  queuedSubmissionIds: t.array(t.string()),
}))

export const ThreadQueueReorderResponse = v2('ThreadQueueReorderResponse', t.object({}))

export const ThreadQueueStartParams = v2('ThreadQueueStartParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.option(t.string()),
}))

export const ThreadQueueStartResponse = v2('ThreadQueueStartResponse', t.object({
  turn: t.ref('Turn'),
}))

export const ThreadQueueChangedNotification = v2('ThreadQueueChangedNotification', t.object({
  threadId: t.string(),
}))

export const QueuedSubmission = v2('QueuedSubmission', t.object({
  id: t.string(),
  input: t.array(t.ref('UserInput')),
  clientUserMessageId: t.string(),
  responsesapiClientMetadata: t.option(t.map(t.string())),
}))
