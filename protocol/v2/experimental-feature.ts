// The experimental-feature family: listing Codex's feature flags with their lifecycle stage and
// state, and switching them on or off for the running server.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ExperimentalFeatureListParams = v2('ExperimentalFeatureListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of features to return; the server picks a page size when absent.' }),
  threadId: t.option(t.string(), { description: 'Loaded thread whose configuration (including project config for its working directory) decides the `enabled` values; the global configuration when absent.' }),
}), 'Parameters of `experimentalFeature/list`.')

export const ExperimentalFeatureListResponse = v2('ExperimentalFeatureListResponse', t.object({
  data: t.describe('Features on this page.', t.array(t.ref('ExperimentalFeature'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of feature flags from `experimentalFeature/list`.')

export const ExperimentalFeatureEnablementSetParams = v2('ExperimentalFeatureEnablementSetParams', t.object({
  enablement: t.describe('Feature name to on/off; features not named keep their state (an empty map changes nothing).', t.map(t.boolean())),
}), 'Parameters of `experimentalFeature/enablement/set`, which turns features on or off for the whole server process at runtime.')

export const ExperimentalFeatureEnablementSetResponse = v2('ExperimentalFeatureEnablementSetResponse', t.object({
  enablement: t.describe('The entries that were applied, by feature name.', t.map(t.boolean())),
}), 'Result of `experimentalFeature/enablement/set`.')

export const ExperimentalFeature = v2('ExperimentalFeature', t.object({
  name: t.describe('Feature key, as used in config.toml and in command-line feature toggles.', t.string()),
  stage: t.describe('Where the feature is in its lifecycle.', t.ref('ExperimentalFeatureStage')),
  displayName: t.option(t.string(), { description: 'Name to show in a features UI; null unless the feature is in beta.' }),
  description: t.option(t.string(), { description: 'Short explanation of the feature for users; null unless the feature is in beta.' }),
  announcement: t.option(t.string(), { description: 'Text to show users when the feature is introduced; null unless the feature is in beta.' }),
  enabled: t.describe('Whether the feature is on in the effective configuration.', t.boolean()),
  defaultEnabled: t.describe('Whether the feature is on when nothing configures it.', t.boolean()),
}), 'A Codex feature flag and its current state.')

export const ExperimentalFeatureStage = v2('ExperimentalFeatureStage', t.oneOf([
  t.literal('beta'),
  t.literal('underDevelopment'),
  t.literal('stable'),
  t.literal('deprecated'),
  t.literal('removed'),
]), 'Lifecycle stage of a feature flag: `beta` (offered to users to try), `underDevelopment`, `stable`, `deprecated` or `removed`.')
