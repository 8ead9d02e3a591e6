// The plugin family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const PluginListParams = v2('PluginListParams', t.object({
  cwds: t.option(t.array(t.ref('AbsolutePathBuf'))),
  marketplaceKinds: t.option(t.array(t.ref('PluginListMarketplaceKind'))),
  forceRefetch: t.optional(t.boolean()),
}))

export const PluginListResponse = v2('PluginListResponse', t.object({
  marketplaces: t.array(t.ref('PluginMarketplaceEntry')),
  marketplaceLoadErrors: t.optional(t.array(t.ref('MarketplaceLoadErrorInfo'), { default: [] })),
  featuredPluginIds: t.optional(t.array(t.string(), { default: [] })),
}))

export const PluginSearchParams = v2('PluginSearchParams', t.object({
  searchTerm: t.string(),
  scope: t.option(t.ref('PluginSearchScope')),
  cwds: t.option(t.array(t.ref('AbsolutePathBuf'))),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
}))

export const PluginSearchResponse = v2('PluginSearchResponse', t.object({
  data: t.array(t.ref('PluginSearchResult')),
  nextCursor: t.option(t.string()),
}))

export const PluginInstalledParams = v2('PluginInstalledParams', t.object({
  cwds: t.option(t.array(t.ref('AbsolutePathBuf'))),
  installSuggestionPluginNames: t.option(t.array(t.string())),
}))

export const PluginInstalledResponse = v2('PluginInstalledResponse', t.object({
  marketplaces: t.array(t.ref('PluginMarketplaceEntry')),
  marketplaceLoadErrors: t.optional(t.array(t.ref('MarketplaceLoadErrorInfo'), { default: [] })),
}))

export const PluginReconcileParams = v2('PluginReconcileParams', t.object({
  reason: t.option(t.string()),
}))

export const PluginReconcileResponse = v2('PluginReconcileResponse', t.object({
  changedPlugins: t.array(t.ref('PluginReconcileChangedPlugin')),
  failedRemotePluginIds: t.array(t.string()),
  failedMaterializationRemotePluginIds: t.array(t.string()),
}))

export const PluginReadParams = v2('PluginReadParams', t.object({
  marketplacePath: t.option(t.ref('AbsolutePathBuf')),
  remoteMarketplaceName: t.option(t.string()),
  pluginName: t.string(),
}))

export const PluginReadResponse = v2('PluginReadResponse', t.object({
  plugin: t.ref('PluginDetail'),
}))

export const PluginSkillReadParams = v2('PluginSkillReadParams', t.object({
  remoteMarketplaceName: t.string(),
  remotePluginId: t.string(),
  skillName: t.string(),
}))

export const PluginSkillReadResponse = v2('PluginSkillReadResponse', t.object({
  contents: t.option(t.string()),
}))

export const PluginShareSaveParams = v2('PluginShareSaveParams', t.object({
  pluginPath: t.ref('AbsolutePathBuf'),
  remotePluginId: t.option(t.string()),
  discoverability: t.option(t.ref('PluginShareDiscoverability')),
  shareTargets: t.option(t.array(t.ref('PluginShareTarget'))),
}))

export const PluginShareSaveResponse = v2('PluginShareSaveResponse', t.object({
  remotePluginId: t.string(),
  shareUrl: t.string(),
  canPublishToWorkspace: t.option(t.boolean(), { default: null }),
}))

export const PluginShareUpdateTargetsParams = v2('PluginShareUpdateTargetsParams', t.object({
  remotePluginId: t.string(),
  discoverability: t.ref('PluginShareUpdateDiscoverability'),
  shareTargets: t.array(t.ref('PluginShareTarget')),
}))

export const PluginShareUpdateTargetsResponse = v2('PluginShareUpdateTargetsResponse', t.object({
  principals: t.array(t.ref('PluginSharePrincipal')),
  discoverability: t.ref('PluginShareDiscoverability'),
}))

export const PluginShareListParams = v2('PluginShareListParams', t.object({}))

export const PluginShareListResponse = v2('PluginShareListResponse', t.object({
  data: t.array(t.ref('PluginShareListItem')),
}))

export const PluginShareCheckoutParams = v2('PluginShareCheckoutParams', t.object({
  remotePluginId: t.string(),
}))

export const PluginShareCheckoutResponse = v2('PluginShareCheckoutResponse', t.object({
  remotePluginId: t.string(),
  pluginId: t.string(),
  pluginName: t.string(),
  pluginPath: t.ref('AbsolutePathBuf'),
  marketplaceName: t.string(),
  marketplacePath: t.ref('AbsolutePathBuf'),
  remoteVersion: t.option(t.string()),
}))

export const PluginShareDeleteParams = v2('PluginShareDeleteParams', t.object({
  remotePluginId: t.string(),
}))

export const PluginShareDeleteResponse = v2('PluginShareDeleteResponse', t.object({}))

export const PluginInstallParams = v2('PluginInstallParams', t.object({
  marketplacePath: t.option(t.ref('AbsolutePathBuf')),
  remoteMarketplaceName: t.option(t.string()),
  installAttemptId: t.option(t.string()),
  pluginName: t.string(),
}))

export const PluginInstallResponse = v2('PluginInstallResponse', t.object({
  authPolicy: t.ref('PluginAuthPolicy'),
  appsNeedingAuth: t.array(t.ref('AppSummary')),
}))

export const PluginUninstallParams = v2('PluginUninstallParams', t.object({
  pluginId: t.string(),
}))

export const PluginUninstallResponse = v2('PluginUninstallResponse', t.object({}))

export const AppSummary = v2('AppSummary', t.object({
  id: t.string(),
  name: t.string(),
  description: t.option(t.string()),
  installUrl: t.option(t.string()),
  category: t.option(t.string()),
}))

export const AppTemplateSummary = v2('AppTemplateSummary', t.object({
  templateId: t.string(),
  name: t.string(),
  description: t.option(t.string()),
  category: t.option(t.string()),
  canonicalConnectorId: t.option(t.string()),
  logoUrl: t.option(t.string()),
  logoUrlDark: t.option(t.string()),
  materializedAppIds: t.array(t.string()),
  reason: t.option(t.ref('AppTemplateUnavailableReason')),
}))

export const AppTemplateUnavailableReason = v2('AppTemplateUnavailableReason', t.enum(['NOT_CONFIGURED_FOR_WORKSPACE', 'NO_ACTIVE_WORKSPACE']))

export const MarketplaceInterface = v2('MarketplaceInterface', t.object({
  displayName: t.option(t.string()),
}))

export const MarketplaceLoadErrorInfo = v2('MarketplaceLoadErrorInfo', t.object({
  marketplacePath: t.ref('AbsolutePathBuf'),
  message: t.string(),
}))

export const PluginAuthPolicy = v2('PluginAuthPolicy', t.enum(['ON_INSTALL', 'ON_USE']))

export const PluginAvailability = v2('PluginAvailability', t.oneOf([
  t.literal('DISABLED_BY_ADMIN'),
  t.literal('AVAILABLE'),
]))

export const PluginDetail = v2('PluginDetail', t.object({
  marketplaceName: t.string(),
  marketplacePath: t.option(t.ref('AbsolutePathBuf')),
  summary: t.ref('PluginSummary'),
  shareUrl: t.option(t.string()),
  description: t.option(t.string()),
  skills: t.array(t.ref('SkillSummary')),
  onboardingSkill: t.option(t.ref('SkillSummary'), { default: null }),
  hooks: t.array(t.ref('PluginHookSummary')),
  apps: t.array(t.ref('AppSummary')),
  appTemplates: t.array(t.ref('AppTemplateSummary')),
  mcpServers: t.array(t.string()),
  scheduledTasks: t.option(t.array(t.ref('ScheduledTaskSummary'))),
}))

export const PluginDisabledReason = v2('PluginDisabledReason', t.enum(['disabled_by_admin', 'plan_not_eligible', 'required_app_unavailable', 'unknown']))

export const PluginHookSummary = v2('PluginHookSummary', t.object({
  key: t.string(),
  eventName: t.ref('HookEventName'),
}))

export const PluginInstallPolicy = v2('PluginInstallPolicy', t.enum(['NOT_AVAILABLE', 'AVAILABLE', 'INSTALLED_BY_DEFAULT']))

export const PluginInstallPolicySource = v2('PluginInstallPolicySource', t.enum(['WORKSPACE_SETTING', 'IMPLICIT_CANONICAL_APP']))

export const PluginInterface = v2('PluginInterface', t.object({
  displayName: t.option(t.string()),
  shortDescription: t.option(t.string()),
  longDescription: t.option(t.string()),
  developerName: t.option(t.string()),
  category: t.option(t.string()),
  capabilities: t.array(t.string()),
  websiteUrl: t.option(t.string()),
  privacyPolicyUrl: t.option(t.string()),
  termsOfServiceUrl: t.option(t.string()),
  defaultPrompt: t.option(t.array(t.string())),
  brandColor: t.option(t.string()),
  composerIcon: t.option(t.ref('AbsolutePathBuf')),
  composerIconUrl: t.option(t.string()),
  logo: t.option(t.ref('AbsolutePathBuf')),
  logoDark: t.option(t.ref('AbsolutePathBuf')),
  logoUrl: t.option(t.string()),
  logoUrlDark: t.option(t.string()),
  screenshots: t.array(t.ref('AbsolutePathBuf')),
  screenshotUrls: t.array(t.string()),
}))

export const PluginListMarketplaceKind = v2('PluginListMarketplaceKind', t.enum(['local', 'vertical', 'workspace-directory', 'shared-with-me', 'created-by-me-remote']))

export const PluginMarketplaceEntry = v2('PluginMarketplaceEntry', t.object({
  name: t.string(),
  path: t.option(t.ref('AbsolutePathBuf')),
  interface: t.option(t.ref('MarketplaceInterface')),
  plugins: t.array(t.ref('PluginSummary')),
}))

export const PluginReconcileChangedPlugin = v2('PluginReconcileChangedPlugin', t.object({
  id: t.string(),
  hasMcps: t.boolean(),
  hasApps: t.boolean(),
  hasHooks: t.boolean(),
  hasSkills: t.boolean(),
}))

export const PluginSearchResult = v2('PluginSearchResult', t.object({
  plugin: t.ref('PluginSummary'),
  marketplaceName: t.string(),
  marketplacePath: t.option(t.ref('AbsolutePathBuf')),
}))

export const PluginSearchScope = v2('PluginSearchScope', t.enum(['global', 'workspace', 'personal']))

export const PluginShareContext = v2('PluginShareContext', t.object({
  remotePluginId: t.string(),
  remoteVersion: t.option(t.string(), { default: null }),
  discoverability: t.option(t.ref('PluginShareDiscoverability')),
  shareUrl: t.option(t.string()),
  creatorAccountUserId: t.option(t.string()),
  creatorName: t.option(t.string()),
  sharePrincipals: t.option(t.array(t.ref('PluginSharePrincipal'))),
  canPublishToWorkspace: t.option(t.boolean(), { default: null }),
}))

export const PluginShareDiscoverability = v2('PluginShareDiscoverability', t.enum(['LISTED', 'UNLISTED', 'PRIVATE']))

export const PluginShareListItem = v2('PluginShareListItem', t.object({
  plugin: t.ref('PluginSummary'),
  localPluginPath: t.option(t.ref('AbsolutePathBuf')),
}))

export const PluginSharePrincipal = v2('PluginSharePrincipal', t.object({
  principalType: t.ref('PluginSharePrincipalType'),
  principalId: t.string(),
  role: t.ref('PluginSharePrincipalRole'),
  name: t.string(),
}))

export const PluginSharePrincipalRole = v2('PluginSharePrincipalRole', t.enum(['reader', 'editor', 'owner']))

export const PluginSharePrincipalType = v2('PluginSharePrincipalType', t.enum(['user', 'group', 'workspace']))

export const PluginShareTarget = v2('PluginShareTarget', t.object({
  principalType: t.ref('PluginSharePrincipalType'),
  principalId: t.string(),
  role: t.ref('PluginShareTargetRole'),
}))

export const PluginShareTargetRole = v2('PluginShareTargetRole', t.enum(['reader', 'editor']))

export const PluginShareUpdateDiscoverability = v2('PluginShareUpdateDiscoverability', t.enum(['UNLISTED', 'PRIVATE', 'LISTED']))

export const PluginSource = v2('PluginSource', t.tagged('type', {
  local: {
    path: t.ref('AbsolutePathBuf'),
  },
  git: {
    url: t.string(),
    path: t.option(t.string()),
    refName: t.option(t.string()),
    sha: t.option(t.string()),
  },
  npm: {
    package: t.string(),
    version: t.option(t.string()),
    registry: t.option(t.string()),
  },
  remote: {},
}))

export const PluginSummary = v2('PluginSummary', t.object({
  id: t.string(),
  remotePluginId: t.option(t.string()),
  version: t.option(t.string(), { default: null }),
  localVersion: t.option(t.string(), { default: null }),
  name: t.string(),
  shareContext: t.option(t.ref('PluginShareContext')),
  source: t.ref('PluginSource'),
  installed: t.boolean(),
  installedAt: t.option(t.int('int64'), { default: null }),
  enabled: t.boolean(),
  installPolicy: t.ref('PluginInstallPolicy'),
  installPolicySource: t.option(t.ref('PluginInstallPolicySource')),
  mustShowInstallationInterstitial: t.option(t.boolean(), { default: null }),
  authPolicy: t.ref('PluginAuthPolicy'),
  availability: t.optional(t.ref('PluginAvailability', { default: "AVAILABLE" })),
  disabledReason: t.option(t.ref('PluginDisabledReason'), { default: null }),
  eligiblePlanTypes: t.option(t.array(t.string()), { default: null }),
  interface: t.option(t.ref('PluginInterface')),
  keywords: t.optional(t.array(t.string(), { default: [] })),
}))

export const ScheduledTaskSchedule = v2('ScheduledTaskSchedule', t.tagged('type', {
  hourly: {
    intervalHours: t.uint('uint32'),
    days: t.option(t.array(t.ref('ScheduledTaskWeekday'))),
  },
  daily: {
    time: t.string(),
  },
  weekdays: {
    time: t.string(),
  },
  weekly: {
    days: t.array(t.ref('ScheduledTaskWeekday')),
    time: t.string(),
  },
}))

export const ScheduledTaskSummary = v2('ScheduledTaskSummary', t.object({
  key: t.string(),
  name: t.string(),
  prompt: t.string(),
  schedule: t.ref('ScheduledTaskSchedule'),
}))

export const ScheduledTaskWeekday = v2('ScheduledTaskWeekday', t.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']))

export const SkillSummary = v2('SkillSummary', t.object({
  name: t.string(),
  description: t.string(),
  shortDescription: t.option(t.string()),
  interface: t.option(t.ref('SkillInterface')),
  path: t.option(t.ref('LegacyAppPathString')),
  enabled: t.boolean(),
}))
