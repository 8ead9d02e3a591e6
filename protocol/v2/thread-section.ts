// The thread-section family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadSectionMoveParams = v2('ThreadSectionMoveParams', t.object({
  threadId: t.string(),
  sectionId: t.nullable(t.string()),
  beforeThreadId: t.option(t.string()),
}))

export const ThreadSectionMoveResponse = v2('ThreadSectionMoveResponse', t.object({}))

export const ThreadSectionListParams = v2('ThreadSectionListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const ThreadSectionListResponse = v2('ThreadSectionListResponse', t.object({
  data: t.array(t.ref('ThreadSection')),
  nextCursor: t.option(t.string()),
}))

export const ThreadSectionCreateParams = v2('ThreadSectionCreateParams', t.object({
  name: t.string(),
  appearance: t.option(t.ref('ThreadSectionAppearance'), { default: null }),
}))

export const ThreadSectionCreateResponse = v2('ThreadSectionCreateResponse', t.object({
  section: t.ref('ThreadSection'),
}))

export const ThreadSectionUpdateParams = v2('ThreadSectionUpdateParams', t.object({
  sectionId: t.string(),
  name: t.string(),
  appearance: t.option(t.ref('ThreadSectionAppearance')),
}))

export const ThreadSectionUpdateResponse = v2('ThreadSectionUpdateResponse', t.object({
  section: t.ref('ThreadSection'),
}))

export const ThreadSectionDeleteParams = v2('ThreadSectionDeleteParams', t.object({
  sectionId: t.string(),
}))

export const ThreadSectionDeleteResponse = v2('ThreadSectionDeleteResponse', t.object({}))

export const ThreadSectionChangedNotification = v2('ThreadSectionChangedNotification', t.object({
  threadId: t.string(),
  sectionId: t.nullable(t.string()),
}))
