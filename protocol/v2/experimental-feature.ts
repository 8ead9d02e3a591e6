// The experimental-feature family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ExperimentalFeatureListParams = v2('ExperimentalFeatureListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  threadId: t.option(t.string()),
}))

export const ExperimentalFeatureListResponse = v2('ExperimentalFeatureListResponse', t.object({
  data: t.array(t.ref('ExperimentalFeature')),
  nextCursor: t.option(t.string()),
}))

export const ExperimentalFeatureEnablementSetParams = v2('ExperimentalFeatureEnablementSetParams', t.object({
  enablement: t.map(t.boolean()),
}))

export const ExperimentalFeatureEnablementSetResponse = v2('ExperimentalFeatureEnablementSetResponse', t.object({
  enablement: t.map(t.boolean()),
}))

export const ExperimentalFeature = v2('ExperimentalFeature', t.object({
  name: t.string(),
  stage: t.ref('ExperimentalFeatureStage'),
  displayName: t.option(t.string()),
  description: t.option(t.string()),
  announcement: t.option(t.string()),
  enabled: t.boolean(),
  defaultEnabled: t.boolean(),
}))

export const ExperimentalFeatureStage = v2('ExperimentalFeatureStage', t.oneOf([
  t.literal('beta'),
  t.literal('underDevelopment'),
  t.literal('stable'),
  t.literal('deprecated'),
  t.literal('removed'),
]))
