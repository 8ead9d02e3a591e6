// The thread-attachment family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadAttachmentAddParams = v2('ThreadAttachmentAddParams', t.object({
  threadId: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
  payload: t.json(),
}))

export const ThreadAttachmentAddResponse = v2('ThreadAttachmentAddResponse', t.object({
  outcome: t.ref('ThreadAttachmentAddOutcome'),
  attachment: t.ref('ThreadAttachment'),
}))

export const ThreadAttachmentListParams = v2('ThreadAttachmentListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadAttachmentListResponse = v2('ThreadAttachmentListResponse', t.object({
  data: t.array(t.ref('ThreadAttachment')),
  nextCursor: t.option(t.string()),
}))

export const ThreadAttachmentOwnerListParams = v2('ThreadAttachmentOwnerListParams', t.object({
  attachmentType: t.string(),
  identityKey: t.string(),
  archived: t.option(t.boolean()),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadAttachmentOwnerListResponse = v2('ThreadAttachmentOwnerListResponse', t.object({
  data: t.array(t.ref('ThreadAttachmentOwner')),
  nextCursor: t.option(t.string()),
}))

export const ThreadAttachmentRemoveParams = v2('ThreadAttachmentRemoveParams', t.object({
  threadId: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
}))

export const ThreadAttachmentRemoveResponse = v2('ThreadAttachmentRemoveResponse', t.object({}))

export const ThreadAttachmentUpdatedNotification = v2('ThreadAttachmentUpdatedNotification', t.object({
  threadId: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
  attachmentId: t.string(),
  operation: t.ref('ThreadAttachmentOperation'),
}))

export const ThreadAttachment = v2('ThreadAttachment', t.object({
  id: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
  payload: t.json(),
  createdAt: t.int('int64'),
}))

export const ThreadAttachmentAddOutcome = v2('ThreadAttachmentAddOutcome', t.enum(['created', 'existing']))

export const ThreadAttachmentOperation = v2('ThreadAttachmentOperation', t.enum(['created', 'deleted']))

export const ThreadAttachmentOwner = v2('ThreadAttachmentOwner', t.object({
  threadId: t.string(),
  archived: t.boolean(),
}))
