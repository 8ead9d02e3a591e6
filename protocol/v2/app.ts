// The app family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const AppsReadParams = v2('AppsReadParams', t.object({
  appIds: t.array(t.string()),
  threadId: t.option(t.string()),
  includeTools: t.optional(t.boolean()),
}))

export const AppsReadResponse = v2('AppsReadResponse', t.object({
  apps: t.array(t.ref('ConnectorMetadata')),
  missingAppIds: t.array(t.string()),
}))

export const AppsListParams = v2('AppsListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  threadId: t.option(t.string()),
  forceRefetch: t.optional(t.boolean()),
}))

export const AppsListResponse = v2('AppsListResponse', t.object({
  data: t.array(t.ref('AppInfo')),
  nextCursor: t.option(t.string()),
}))

export const AppsInstalledParams = v2('AppsInstalledParams', t.object({
  threadId: t.option(t.string()),
  forceRefresh: t.optional(t.boolean()),
}))

export const AppsInstalledResponse = v2('AppsInstalledResponse', t.object({
  apps: t.array(t.ref('InstalledApp')),
}))

export const AppListUpdatedNotification = v2('AppListUpdatedNotification', t.object({
  data: t.array(t.ref('AppInfo')),
}))

export const AppBranding = v2('AppBranding', t.object({
  category: t.option(t.string()),
  developer: t.option(t.string()),
  website: t.option(t.string()),
  privacyPolicy: t.option(t.string()),
  termsOfService: t.option(t.string()),
  isDiscoverableApp: t.boolean(),
}))

export const AppInfo = v2('AppInfo', t.object({
  id: t.string(),
  name: t.string(),
  description: t.option(t.string()),
  logoUrl: t.option(t.string()),
  logoUrlDark: t.option(t.string()),
  iconAssets: t.option(t.map(t.string())),
  iconDarkAssets: t.option(t.map(t.string())),
  distributionChannel: t.option(t.string()),
  branding: t.option(t.ref('AppBranding')),
  appMetadata: t.option(t.ref('AppMetadata')),
  labels: t.option(t.map(t.string())),
  installUrl: t.option(t.string()),
  isAccessible: t.optional(t.boolean({ default: false })),
  isEnabled: t.optional(t.boolean({ default: true })),
  pluginDisplayNames: t.optional(t.array(t.string(), { default: [] })),
}))

export const AppMetadata = v2('AppMetadata', t.object({
  review: t.option(t.ref('AppReview')),
  categories: t.option(t.array(t.string())),
  subCategories: t.option(t.array(t.string())),
  seoDescription: t.option(t.string()),
  screenshots: t.option(t.array(t.ref('AppScreenshot'))),
  developer: t.option(t.string()),
  version: t.option(t.string()),
  versionId: t.option(t.string()),
  versionNotes: t.option(t.string()),
  firstPartyRequiresInstall: t.option(t.boolean()),
  showInComposerWhenUnlinked: t.option(t.boolean()),
}))

export const AppReview = v2('AppReview', t.object({
  status: t.string(),
}))

export const AppScreenshot = v2('AppScreenshot', t.object({
  url: t.option(t.string()),
  fileId: t.option(t.string()),
  userPrompt: t.string(),
}))

export const AppToolSummary = v2('AppToolSummary', t.object({
  name: t.string(),
  title: t.option(t.string()),
  description: t.string(),
  isEnabled: t.optional(t.boolean({ default: true })),
  disabledReason: t.option(t.string()),
  isReadOnly: t.optional(t.boolean({ default: false })),
}))

export const ApprovalsReviewer = v2('ApprovalsReviewer', t.enum(['user', 'auto_review', 'guardian_subagent']))

export const ConnectorMetadata = v2('ConnectorMetadata', t.object({
  id: t.string(),
  name: t.string(),
  description: t.option(t.string()),
  iconUrl: t.option(t.string()),
  iconUrlDark: t.option(t.string()),
  distributionChannel: t.option(t.string()),
  installUrl: t.option(t.string()),
  pluginDisplayNames: t.optional(t.array(t.string(), { default: [] })),
  toolSummaries: t.option(t.array(t.ref('AppToolSummary'))),
}))

export const InstalledApp = v2('InstalledApp', t.object({
  id: t.string(),
  runtimeName: t.option(t.string()),
  enabled: t.boolean(),
  callable: t.boolean(),
}))
