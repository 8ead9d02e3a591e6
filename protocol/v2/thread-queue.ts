// The queue of a thread: user submissions waiting to run after the current turn, which clients
// can list, edit, reorder, delete, or start.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadQueueAddParams = v2('ThreadQueueAddParams', t.object({
  threadId: t.string(),
  input: t.describe('The user input to run later.', t.array(t.ref('UserInput'))),
  clientUserMessageId: t.describe('Client-chosen id of the user message, so the client can match it when it runs.', t.string()),
  responsesapiClientMetadata: t.option(t.map(t.string()), { description: 'Key/value metadata to send with the model request when this input runs.' }),
}), 'Adds a submission to the end of a thread\'s queue.')

export const ThreadQueueAddResponse = v2('ThreadQueueAddResponse', t.object({
  queuedSubmission: t.ref('QueuedSubmission'),
}), 'The submission as queued, with its server-assigned id.')

export const ThreadQueueListParams = v2('ThreadQueueListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; null uses the usual thread-list page size.' }),
}), 'Lists a thread\'s queued submissions in run order, one page at a time.')

export const ThreadQueueListResponse = v2('ThreadQueueListResponse', t.object({
  data: t.array(t.ref('QueuedSubmission')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of queued submissions.')

export const ThreadQueueUpdateParams = v2('ThreadQueueUpdateParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.string(),
  input: t.describe('Replacement input.', t.array(t.ref('UserInput'))),
  responsesapiClientMetadata: t.option(t.map(t.string()), { description: 'Replacement metadata when non-empty; null, absent or an empty map keeps the current metadata.' }),
}), 'Replaces the input of a queued submission.')

export const ThreadQueueUpdateResponse = v2('ThreadQueueUpdateResponse', t.object({
  queuedSubmission: t.describe('The submission after the change.', t.ref('QueuedSubmission')),
}), 'The updated submission.')

export const ThreadQueueDeleteParams = v2('ThreadQueueDeleteParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.string(),
}), 'Removes a submission from a thread\'s queue.')

export const ThreadQueueDeleteResponse = v2('ThreadQueueDeleteResponse', t.object({
  deleted: t.describe('False when no such submission was queued.', t.boolean()),
}), 'Whether a submission was removed.')

export const ThreadQueueReorderParams = v2('ThreadQueueReorderParams', t.object({
  threadId: t.string(),
  queuedSubmissionIds: t.describe('The queued submission ids in their new run order.', t.array(t.string())),
}), 'Puts a thread\'s queued submissions in a new order.')

export const ThreadQueueReorderResponse = v2('ThreadQueueReorderResponse', t.object({}), 'Empty: the queue was reordered.')

export const ThreadQueueStartParams = v2('ThreadQueueStartParams', t.object({
  threadId: t.string(),
  queuedSubmissionId: t.option(t.string(), { description: 'Submission to run; null runs the one at the head of the queue.' }),
}), 'Starts a turn now from a queued submission, taking it off the queue.')

export const ThreadQueueStartResponse = v2('ThreadQueueStartResponse', t.object({
  turn: t.describe('The turn that was started.', t.ref('Turn')),
}), 'The turn started from the queue.')

export const ThreadQueueChangedNotification = v2('ThreadQueueChangedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread\'s queue changes; call `thread/queue/list` to read it again.')

export const QueuedSubmission = v2('QueuedSubmission', t.object({
  id: t.describe('Server-assigned id of the queued submission.', t.string()),
  input: t.array(t.ref('UserInput')),
  clientUserMessageId: t.describe('The client\'s id for the user message.', t.string()),
  responsesapiClientMetadata: t.option(t.map(t.string()), { description: 'Metadata kept with the submission (survives reconnects) and sent with its model request.' }),
}), 'User input waiting in a thread\'s queue to run as a later turn.')
