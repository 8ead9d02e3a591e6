// The skills family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const SkillsListParams = v2('SkillsListParams', t.object({
  cwds: t.optional(t.array(t.string())),
  forceReload: t.optional(t.boolean()),
}))

export const SkillsListResponse = v2('SkillsListResponse', t.object({
  data: t.array(t.ref('SkillsListEntry')),
}))

export const SkillsExtraRootsSetParams = v2('SkillsExtraRootsSetParams', t.object({
  extraRoots: t.array(t.ref('AbsolutePathBuf')),
}))

export const SkillsExtraRootsSetResponse = v2('SkillsExtraRootsSetResponse', t.object({}))

export const SkillsConfigWriteParams = v2('SkillsConfigWriteParams', t.object({
  path: t.option(t.ref('AbsolutePathBuf')),
  name: t.option(t.string()),
  enabled: t.boolean(),
}))

export const SkillsConfigWriteResponse = v2('SkillsConfigWriteResponse', t.object({
  effectiveEnabled: t.boolean(),
}))

export const SkillsChangedNotification = v2('SkillsChangedNotification', t.object({}))

export const SkillDependencies = v2('SkillDependencies', t.object({
  tools: t.array(t.ref('SkillToolDependency')),
}))

export const SkillErrorInfo = v2('SkillErrorInfo', t.object({
  path: t.string(),
  message: t.string(),
}))

export const SkillInterface = v2('SkillInterface', t.object({
  displayName: t.option(t.string()),
  shortDescription: t.option(t.string()),
  iconSmall: t.option(t.ref('AbsolutePathBuf')),
  iconLarge: t.option(t.ref('AbsolutePathBuf')),
  iconSmallUrl: t.option(t.string()),
  iconLargeUrl: t.option(t.string()),
  brandColor: t.option(t.string()),
  defaultPrompt: t.option(t.string()),
}))

export const SkillMetadata = v2('SkillMetadata', t.object({
  name: t.string(),
  description: t.string(),
  shortDescription: t.option(t.string()),
  interface: t.option(t.ref('SkillInterface')),
  dependencies: t.option(t.ref('SkillDependencies')),
  path: t.ref('LegacyAppPathString'),
  scope: t.ref('SkillScope'),
  enabled: t.boolean(),
  pluginId: t.option(t.string()),
}))

export const SkillScope = v2('SkillScope', t.enum(['user', 'repo', 'system', 'admin']))

export const SkillToolDependency = v2('SkillToolDependency', t.object({
  type: t.string(),
  value: t.string(),
  description: t.option(t.string()),
  transport: t.option(t.string()),
  command: t.option(t.string()),
  url: t.option(t.string()),
}))

export const SkillsListEntry = v2('SkillsListEntry', t.object({
  cwd: t.string(),
  skills: t.array(t.ref('SkillMetadata')),
  errors: t.array(t.ref('SkillErrorInfo')),
}))
