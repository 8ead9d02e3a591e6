// The app family: ChatGPT apps (connectors) the agent can use as tools — browsing the catalog,
// reading details of specific apps, and the apps installed for the account — plus who reviews
// approval requests.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const AppsReadParams = v2('AppsReadParams', t.object({
  appIds: t.describe('Ids of the apps to read; at most 100, duplicates are dropped and the first-seen order is kept.', t.array(t.string())),
  threadId: t.option(t.string(), { description: 'Loaded thread whose configuration applies; the global configuration when absent.' }),
  includeTools: t.optional(t.describe('Also return summaries of each app\'s public tools, for display.', t.boolean())),
}), 'Parameters of `app/read`, which fetches details of specific apps.')

export const AppsReadResponse = v2('AppsReadResponse', t.object({
  apps: t.describe('Details of the apps that were found.', t.array(t.ref('ConnectorMetadata'))),
  missingAppIds: t.describe('Requested ids that matched no app.', t.array(t.string())),
}), 'Result of `app/read`.')

export const AppsListParams = v2('AppsListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of apps to return; the server picks a page size when absent.' }),
  threadId: t.option(t.string(), { description: 'Thread whose configuration decides which app features are available; the global configuration when absent.' }),
  forceRefetch: t.optional(t.describe('Skip caches and fetch fresh data.', t.boolean())),
}), 'Parameters of `app/list`, which pages through the apps available to the user.')

export const AppsListResponse = v2('AppsListResponse', t.object({
  data: t.describe('Apps on this page.', t.array(t.ref('AppInfo'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of apps from `app/list`.')

export const AppsInstalledParams = v2('AppsInstalledParams', t.object({
  threadId: t.option(t.string(), { description: 'Loaded thread whose configuration applies; the global configuration when absent.' }),
  forceRefresh: t.optional(t.describe('Reload the connectors and their tools before answering (when apps are allowed).', t.boolean())),
}), 'Parameters of `app/installed`, which reports the apps currently installed and usable by the agent.')

export const AppsInstalledResponse = v2('AppsInstalledResponse', t.object({
  apps: t.describe('Installed apps, all taken from the same consistent snapshot.', t.array(t.ref('InstalledApp'))),
}), 'Result of `app/installed`.')

export const AppListUpdatedNotification = v2('AppListUpdatedNotification', t.object({
  data: t.describe('The full, updated list of apps.', t.array(t.ref('AppInfo'))),
}), 'Sent when the list of available apps changes (for example once background loading finishes).')

export const AppBranding = v2('AppBranding', t.object({
  category: t.option(t.string(), { description: 'Catalog category.' }),
  developer: t.option(t.string(), { description: 'Who makes the app.' }),
  website: t.option(t.string(), { description: 'URL of the app\'s website.' }),
  privacyPolicy: t.option(t.string(), { description: 'URL of the privacy policy.' }),
  termsOfService: t.option(t.string(), { description: 'URL of the terms of service.' }),
  isDiscoverableApp: t.describe('Whether the app is listed publicly in the app directory.', t.boolean()),
}), 'Publisher details of an app.')

export const AppInfo = v2('AppInfo', t.object({
  id: t.describe('App id.', t.string()),
  name: t.describe('Display name.', t.string()),
  description: t.option(t.string(), { description: 'What the app does.' }),
  logoUrl: t.option(t.string(), { description: 'Logo URL for light backgrounds.' }),
  logoUrlDark: t.option(t.string(), { description: 'Logo URL for dark backgrounds.' }),
  iconAssets: t.option(t.map(t.string()), { description: 'Icon URLs by variant, for light backgrounds.' }),
  iconDarkAssets: t.option(t.map(t.string()), { description: 'Icon URLs by variant, for dark backgrounds.' }),
  distributionChannel: t.option(t.string(), { description: 'How the app is distributed.' }),
  branding: t.option(t.ref('AppBranding'), { description: 'Publisher details.' }),
  appMetadata: t.option(t.ref('AppMetadata'), { description: 'Directory listing details.' }),
  labels: t.option(t.map(t.string()), { description: 'Free-form key/value labels.' }),
  installUrl: t.option(t.string(), { description: 'Where the user can install or connect the app.' }),
  isAccessible: t.optional(t.describe('Whether the user has the app connected and can use it (default false).', t.boolean({ default: false }))),
  isEnabled: t.optional(t.describe('Whether the app is enabled in config.toml (`[apps.<id>] enabled`; default true).', t.boolean({ default: true }))),
  pluginDisplayNames: t.optional(t.describe('Display names of the plugins that include this app.', t.array(t.string(), { default: [] }))),
}), 'An app as listed by `app/list`.')

export const AppMetadata = v2('AppMetadata', t.object({
  review: t.option(t.ref('AppReview'), { description: 'Directory review state.' }),
  categories: t.option(t.array(t.string()), { description: 'Directory categories.' }),
  subCategories: t.option(t.array(t.string()), { description: 'Directory subcategories.' }),
  seoDescription: t.option(t.string(), { description: 'Longer marketing description.' }),
  screenshots: t.option(t.array(t.ref('AppScreenshot')), { description: 'Screenshots for the listing.' }),
  developer: t.option(t.string(), { description: 'Who makes the app.' }),
  version: t.option(t.string(), { description: 'Published version.' }),
  versionId: t.option(t.string(), { description: 'Id of the published version.' }),
  versionNotes: t.option(t.string(), { description: 'Release notes of that version.' }),
  firstPartyRequiresInstall: t.option(t.boolean(), { description: 'For first-party apps: whether the user still has to install it.' }),
  showInComposerWhenUnlinked: t.option(t.boolean(), { description: 'Whether to offer the app in the prompt composer even before the user connects it.' }),
}), 'App directory listing details of an app.')

export const AppReview = v2('AppReview', t.object({
  status: t.describe('Review status, as reported by the app directory.', t.string()),
}), 'Review state of an app in the app directory.')

export const AppScreenshot = v2('AppScreenshot', t.object({
  url: t.option(t.string(), { description: 'Image URL, when hosted at a URL.' }),
  fileId: t.option(t.string(), { description: 'Id of the image file, when stored as a file.' }),
  userPrompt: t.describe('Example prompt the screenshot illustrates.', t.string()),
}), 'A screenshot of an app in use.')

export const AppToolSummary = v2('AppToolSummary', t.object({
  name: t.describe('Tool name.', t.string()),
  title: t.option(t.string(), { description: 'Human-friendly title.' }),
  description: t.describe('What the tool does.', t.string()),
  isEnabled: t.optional(t.describe('Whether the tool may be used (default true).', t.boolean({ default: true }))),
  disabledReason: t.option(t.string(), { description: 'Why the tool is disabled; null when it is enabled.' }),
  isReadOnly: t.optional(t.describe('Whether the tool only reads data and changes nothing (default false).', t.boolean({ default: false }))),
}), 'Display summary of one tool of an app.')

export const ApprovalsReviewer = v2('ApprovalsReviewer', t.enum(['user', 'auto_review', 'guardian_subagent']), 'Who decides approval requests (commands that leave the sandbox, network access, MCP tool approvals and the like): `user` (the default), `auto_review` (a reviewing subagent decides based on risk), or `guardian_subagent` (older name for `auto_review`).')

export const ConnectorMetadata = v2('ConnectorMetadata', t.object({
  id: t.describe('App id.', t.string()),
  name: t.describe('Display name.', t.string()),
  description: t.option(t.string(), { description: 'What the app does.' }),
  iconUrl: t.option(t.string(), { description: 'Icon URL for light backgrounds.' }),
  iconUrlDark: t.option(t.string(), { description: 'Icon URL for dark backgrounds.' }),
  distributionChannel: t.option(t.string(), { description: 'How the app is distributed.' }),
  installUrl: t.option(t.string(), { description: 'Where the user can install or connect the app.' }),
  pluginDisplayNames: t.optional(t.describe('Display names of the plugins that include this app.', t.array(t.string(), { default: [] }))),
  toolSummaries: t.option(t.array(t.ref('AppToolSummary')), { description: 'The app\'s public tools; present only when `includeTools` was set.' }),
}), 'Details of one app returned by `app/read`.')

export const InstalledApp = v2('InstalledApp', t.object({
  id: t.describe('App id.', t.string()),
  runtimeName: t.option(t.string(), { description: 'Name found in the loaded tool catalog, on a best-effort basis; use `app/read` for authoritative details.' }),
  enabled: t.describe('Whether the app is enabled once every configuration layer (global, workspace, local, managed) is applied.', t.boolean()),
  callable: t.describe('Whether the agent can actually call it: enabled and with at least one real tool that policy lets the model see.', t.boolean()),
}), 'State of one installed app as the agent sees it.')
