// Thread attachments: client-defined records (type, identity key, JSON payload) stored with a
// thread, plus a reverse lookup of which threads hold a given attachment.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadAttachmentAddParams = v2('ThreadAttachmentAddParams', t.object({
  threadId: t.string(),
  attachmentType: t.describe('Client-chosen kind of attachment, e.g. a ticket or pull request.', t.string()),
  identityKey: t.describe('Identifies the attachment within its type on this thread; adding the same type and key again returns the existing attachment.', t.string()),
  payload: t.describe('Arbitrary JSON stored with the attachment.', t.json()),
}), 'Attaches a record to a thread, or finds the one already attached under the same type and identity key.')

export const ThreadAttachmentAddResponse = v2('ThreadAttachmentAddResponse', t.object({
  outcome: t.describe('Whether the attachment was new or already there.', t.ref('ThreadAttachmentAddOutcome')),
  attachment: t.describe('The stored attachment (the existing one when `outcome` is `existing`).', t.ref('ThreadAttachment')),
}), 'The attachment that now sits on the thread.')

export const ThreadAttachmentListParams = v2('ThreadAttachmentListParams', t.object({
  threadId: t.string(),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
}), 'Lists the attachments of one thread, one page at a time.')

export const ThreadAttachmentListResponse = v2('ThreadAttachmentListResponse', t.object({
  data: t.array(t.ref('ThreadAttachment')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of a thread\'s attachments.')

export const ThreadAttachmentOwnerListParams = v2('ThreadAttachmentOwnerListParams', t.object({
  attachmentType: t.string(),
  identityKey: t.string(),
  archived: t.option(t.boolean(), { description: 'false: only threads that are not archived; null or absent: all threads.' }),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
}), 'Finds the threads on this server that hold an attachment with the given type and identity key.')

export const ThreadAttachmentOwnerListResponse = v2('ThreadAttachmentOwnerListResponse', t.object({
  data: t.array(t.ref('ThreadAttachmentOwner')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of threads holding the attachment, including threads that have no user messages of their own.')

export const ThreadAttachmentRemoveParams = v2('ThreadAttachmentRemoveParams', t.object({
  threadId: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
}), 'Removes the attachment with the given type and identity key from a thread.')

export const ThreadAttachmentRemoveResponse = v2('ThreadAttachmentRemoveResponse', t.object({}), 'Empty: the attachment is gone.')

export const ThreadAttachmentUpdatedNotification = v2('ThreadAttachmentUpdatedNotification', t.object({
  threadId: t.string(),
  attachmentType: t.string(),
  identityKey: t.string(),
  attachmentId: t.describe('Server-assigned id of the attachment.', t.string()),
  operation: t.ref('ThreadAttachmentOperation'),
}), 'Sent when an attachment is added to or removed from a thread.')

export const ThreadAttachment = v2('ThreadAttachment', t.object({
  id: t.describe('Server-assigned id.', t.string()),
  attachmentType: t.describe('Client-chosen kind of attachment.', t.string()),
  identityKey: t.describe('Identifies the attachment within its type on the thread.', t.string()),
  payload: t.describe('The JSON stored with the attachment.', t.json()),
  createdAt: t.describe('When it was attached, as a Unix timestamp.', t.int('int64')),
}), 'A client-defined record stored with a thread, apart from its conversation history.')

export const ThreadAttachmentAddOutcome = v2('ThreadAttachmentAddOutcome', t.enum(['created', 'existing']), 'Whether adding an attachment created it or found it already there.')

export const ThreadAttachmentOperation = v2('ThreadAttachmentOperation', t.enum(['created', 'deleted']), 'What happened to an attachment.')

export const ThreadAttachmentOwner = v2('ThreadAttachmentOwner', t.object({
  threadId: t.string(),
  archived: t.describe('Whether the thread is archived (says nothing about whether a turn is running).', t.boolean()),
}), 'A thread that holds the attachment that was looked up.')
