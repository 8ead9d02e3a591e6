// Thread sections: named, user-ordered groups of threads kept by the server (like folders in a
// sidebar), and moving threads into, within or out of them.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadSectionMoveParams = v2('ThreadSectionMoveParams', t.object({
  threadId: t.describe('Thread to move.', t.string()),
  sectionId: t.describe('Section to move it to; null takes it out of its section.', t.nullable(t.string())),
  beforeThreadId: t.option(t.string(), { description: 'Thread in the section to place it before; null or absent puts it last.' }),
}), 'Moves a thread into, within, or out of a section.')

export const ThreadSectionMoveResponse = v2('ThreadSectionMoveResponse', t.object({}), 'Empty: the thread was moved.')

export const ThreadSectionListParams = v2('ThreadSectionListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return.' }),
}), 'Lists the thread sections, one page at a time.')

export const ThreadSectionListResponse = v2('ThreadSectionListResponse', t.object({
  data: t.array(t.ref('ThreadSection')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of thread sections.')

export const ThreadSectionCreateParams = v2('ThreadSectionCreateParams', t.object({
  name: t.describe('Name shown to the user.', t.string()),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { default: null, description: 'How the section looks; null for the default look.' }),
}), 'Creates a thread section.')

export const ThreadSectionCreateResponse = v2('ThreadSectionCreateResponse', t.object({
  section: t.describe('The new section, with its server-assigned id.', t.ref('ThreadSection')),
}), 'The section that was created.')

export const ThreadSectionUpdateParams = v2('ThreadSectionUpdateParams', t.object({
  sectionId: t.describe('Id of the section to change.', t.string()),
  name: t.describe('New name shown to the user.', t.string()),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { description: 'Absent keeps the appearance, null clears it, a value replaces it.' }),
}), 'Renames a section and optionally changes its appearance.')

export const ThreadSectionUpdateResponse = v2('ThreadSectionUpdateResponse', t.object({
  section: t.describe('The section after the change.', t.ref('ThreadSection')),
}), 'The updated section.')

export const ThreadSectionDeleteParams = v2('ThreadSectionDeleteParams', t.object({
  sectionId: t.describe('Id of the section to delete.', t.string()),
}), 'Deletes a thread section.')

export const ThreadSectionDeleteResponse = v2('ThreadSectionDeleteResponse', t.object({}), 'Empty: the section is gone.')

export const ThreadSectionChangedNotification = v2('ThreadSectionChangedNotification', t.object({
  threadId: t.string(),
  sectionId: t.describe('Section the thread is now in; null when it was taken out of its section.', t.nullable(t.string())),
}), 'Sent to all clients when a thread was moved into, within, or out of a section.')
