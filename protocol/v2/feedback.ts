// The feedback family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const FeedbackUploadParams = v2('FeedbackUploadParams', t.object({
  classification: t.string(),
  reason: t.option(t.string()),
  threadId: t.option(t.string()),
  includeLogs: t.optional(t.boolean()),
  extraLogFiles: t.option(t.array(t.string())),
  tags: t.option(t.map(t.string())),
}))

export const FeedbackUploadResponse = v2('FeedbackUploadResponse', t.object({
  threadId: t.string(),
  promptHash: t.option(t.string(), { default: null }),
}))

export const FeedbackSaveParams = v2('FeedbackSaveParams', t.object({
  savePath: t.ref('LegacyAppPathString'),
  classification: t.string(),
  reason: t.option(t.string()),
  threadId: t.option(t.string()),
  includeLogs: t.optional(t.boolean()),
  extraLogFiles: t.option(t.array(t.string())),
  tags: t.option(t.map(t.string())),
}))

export const FeedbackSaveResponse = v2('FeedbackSaveResponse', t.object({
  savedPath: t.ref('LegacyAppPathString'),
  threadId: t.string(),
  promptHash: t.option(t.string()),
}))
