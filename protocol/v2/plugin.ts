// The plugin family: plugins (bundles of skills, apps, MCP servers, hooks and scheduled tasks) —
// browsing and searching marketplaces, reading, installing and uninstalling plugins, keeping
// installed ones in sync, and sharing plugins with other people.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const PluginListParams = v2('PluginListParams', t.object({
  cwds: t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Working directories whose repository marketplaces to include; only user-wide marketplaces and the official curated one when absent.' }),
  marketplaceKinds: t.option(t.array(t.ref('PluginListMarketplaceKind')), { description: 'Kinds of marketplace to include; local ones (plus the default remote catalog where that is switched on) when absent.' }),
  forceRefetch: t.optional(t.describe('Fetch the remote catalog again instead of using the cached copy.', t.boolean())),
}), 'Parameters of `plugin/list`.')

export const PluginListResponse = v2('PluginListResponse', t.object({
  marketplaces: t.describe('Marketplaces with their plugins.', t.array(t.ref('PluginMarketplaceEntry'))),
  marketplaceLoadErrors: t.optional(t.describe('Marketplaces that failed to load.', t.array(t.ref('MarketplaceLoadErrorInfo'), { default: [] }))),
  featuredPluginIds: t.optional(t.describe('Ids of plugins to highlight.', t.array(t.string(), { default: [] }))),
}), 'Result of `plugin/list`.')

export const PluginSearchParams = v2('PluginSearchParams', t.object({
  searchTerm: t.describe('Text to search for.', t.string()),
  scope: t.option(t.ref('PluginSearchScope'), { description: 'Where to search.' }),
  cwds: t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Working directories whose repository marketplaces to include.' }),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of results to return; the server picks a page size when absent.' }),
}), 'Parameters of the experimental `plugin/search`.')

export const PluginSearchResponse = v2('PluginSearchResponse', t.object({
  data: t.describe('Matching plugins on this page.', t.array(t.ref('PluginSearchResult'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of results from `plugin/search`.')

export const PluginInstalledParams = v2('PluginInstalledParams', t.object({
  cwds: t.option(t.array(t.ref('AbsolutePathBuf')), { description: 'Working directories whose repository marketplaces to include.' }),
  installSuggestionPluginNames: t.option(t.array(t.string()), { description: 'Names of plugins that are not installed but should be included when available locally (for offering to install them).' }),
}), 'Parameters of `plugin/installed`, which lists installed plugins.')

export const PluginInstalledResponse = v2('PluginInstalledResponse', t.object({
  marketplaces: t.describe('Marketplaces with their installed plugins.', t.array(t.ref('PluginMarketplaceEntry'))),
  marketplaceLoadErrors: t.optional(t.describe('Marketplaces that failed to load.', t.array(t.ref('MarketplaceLoadErrorInfo'), { default: [] }))),
}), 'Result of `plugin/installed`.')

export const PluginReconcileParams = v2('PluginReconcileParams', t.object({
  reason: t.option(t.string(), { description: 'Why the client asks, recorded with the attempt.' }),
}), 'Parameters of `plugin/reconcile`, which brings installed plugins up to date with their sources and the account\'s remote plugins.')

export const PluginReconcileResponse = v2('PluginReconcileResponse', t.object({
  changedPlugins: t.describe('Plugins whose contents, enablement or installation changed in this pass (compared with the previous cached state); unchanged plugins are left out.', t.array(t.ref('PluginReconcileChangedPlugin'))),
  failedRemotePluginIds: t.describe('Remote plugin ids whose update failed.', t.array(t.string())),
  failedMaterializationRemotePluginIds: t.describe('Those of the failures whose files could not be fetched; an older cached version may still be in use.', t.array(t.string())),
}), 'Result of `plugin/reconcile`: what this pass changed. It is neither a sign that the changes are live yet nor a full diff since an earlier call.')

export const PluginReadParams = v2('PluginReadParams', t.object({
  marketplacePath: t.option(t.ref('AbsolutePathBuf'), { description: 'Marketplace file of a local marketplace; give this or `remoteMarketplaceName`.' }),
  remoteMarketplaceName: t.option(t.string(), { description: 'Name of a remote marketplace; give this or `marketplacePath`.' }),
  pluginName: t.describe('Name of the plugin in that marketplace.', t.string()),
}), 'Parameters of `plugin/read`, which returns the full details of one plugin.')

export const PluginReadResponse = v2('PluginReadResponse', t.object({
  plugin: t.describe('The plugin\'s details.', t.ref('PluginDetail')),
}), 'Result of `plugin/read`.')

export const PluginSkillReadParams = v2('PluginSkillReadParams', t.object({
  remoteMarketplaceName: t.describe('Remote marketplace of the plugin.', t.string()),
  remotePluginId: t.describe('Remote id of the plugin.', t.string()),
  skillName: t.describe('Name of the skill.', t.string()),
}), 'Parameters of `plugin/skill/read`, which fetches the text of a skill in a remote plugin without installing it.')

export const PluginSkillReadResponse = v2('PluginSkillReadResponse', t.object({
  contents: t.option(t.string(), { description: 'The skill file\'s text; null when it is not available.' }),
}), 'Result of `plugin/skill/read`.')

export const PluginShareSaveParams = v2('PluginShareSaveParams', t.object({
  pluginPath: t.describe('Absolute path of the local plugin to share.', t.ref('AbsolutePathBuf')),
  remotePluginId: t.option(t.string(), { description: 'Remote id of an earlier share to update; a new share when absent.' }),
  discoverability: t.option(t.ref('PluginShareDiscoverability'), { description: 'Who can find the shared plugin.' }),
  shareTargets: t.option(t.array(t.ref('PluginShareTarget')), { description: 'People, groups or workspaces to share with.' }),
}), 'Parameters of `plugin/share/save`, which uploads a local plugin to share it (or updates an existing share).')

export const PluginShareSaveResponse = v2('PluginShareSaveResponse', t.object({
  remotePluginId: t.describe('Remote id of the shared plugin.', t.string()),
  shareUrl: t.describe('Link to the shared plugin.', t.string()),
  canPublishToWorkspace: t.option(t.boolean(), { default: null, description: 'Whether the user may list it in the workspace directory; null when not known.' }),
}), 'Result of `plugin/share/save`.')

export const PluginShareUpdateTargetsParams = v2('PluginShareUpdateTargetsParams', t.object({
  remotePluginId: t.describe('Remote id of the shared plugin.', t.string()),
  discoverability: t.describe('Who can find the plugin.', t.ref('PluginShareUpdateDiscoverability')),
  shareTargets: t.describe('The full new list of people, groups or workspaces to share with.', t.array(t.ref('PluginShareTarget'))),
}), 'Parameters of `plugin/share/updateTargets`, which changes who a shared plugin is shared with.')

export const PluginShareUpdateTargetsResponse = v2('PluginShareUpdateTargetsResponse', t.object({
  principals: t.describe('Who has access now.', t.array(t.ref('PluginSharePrincipal'))),
  discoverability: t.describe('Who can find the plugin now.', t.ref('PluginShareDiscoverability')),
}), 'Result of `plugin/share/updateTargets`.')

export const PluginShareListParams = v2('PluginShareListParams', t.object({}), 'Parameters of `plugin/share/list`; no fields.')

export const PluginShareListResponse = v2('PluginShareListResponse', t.object({
  data: t.describe('The shared plugins.', t.array(t.ref('PluginShareListItem'))),
}), 'Result of `plugin/share/list`: plugins the user has shared.')

export const PluginShareCheckoutParams = v2('PluginShareCheckoutParams', t.object({
  remotePluginId: t.describe('Remote id of the shared plugin.', t.string()),
}), 'Parameters of `plugin/share/checkout`, which downloads a shared plugin into a local marketplace.')

export const PluginShareCheckoutResponse = v2('PluginShareCheckoutResponse', t.object({
  remotePluginId: t.describe('Remote id of the plugin.', t.string()),
  pluginId: t.describe('Local id of the plugin (`name@marketplace`).', t.string()),
  pluginName: t.describe('Name of the plugin.', t.string()),
  pluginPath: t.describe('Where the plugin\'s files were written.', t.ref('AbsolutePathBuf')),
  marketplaceName: t.describe('Local marketplace that now lists it.', t.string()),
  marketplacePath: t.describe('Marketplace file of that marketplace.', t.ref('AbsolutePathBuf')),
  remoteVersion: t.option(t.string(), { description: 'Version of the shared release that was fetched, when known.' }),
}), 'Result of `plugin/share/checkout`.')

export const PluginShareDeleteParams = v2('PluginShareDeleteParams', t.object({
  remotePluginId: t.describe('Remote id of the shared plugin.', t.string()),
}), 'Parameters of `plugin/share/delete`, which removes a shared plugin.')

export const PluginShareDeleteResponse = v2('PluginShareDeleteResponse', t.object({}), 'Result of `plugin/share/delete`; empty on success.')

export const PluginInstallParams = v2('PluginInstallParams', t.object({
  marketplacePath: t.option(t.ref('AbsolutePathBuf'), { description: 'Marketplace file of a local marketplace; give this or `remoteMarketplaceName`.' }),
  remoteMarketplaceName: t.option(t.string(), { description: 'Name of a remote marketplace; give this or `marketplacePath`.' }),
  installAttemptId: t.option(t.string(), { description: 'Client-generated id tying together the events of one installation attempt.' }),
  pluginName: t.describe('Name of the plugin in that marketplace.', t.string()),
}), 'Parameters of `plugin/install`.')

export const PluginInstallResponse = v2('PluginInstallResponse', t.object({
  authPolicy: t.describe('When the plugin\'s apps need the user to sign in.', t.ref('PluginAuthPolicy')),
  appsNeedingAuth: t.describe('Apps of the plugin the user still has to connect.', t.array(t.ref('AppSummary'))),
}), 'Result of `plugin/install`.')

export const PluginUninstallParams = v2('PluginUninstallParams', t.object({
  pluginId: t.describe('Id of the plugin (`name@marketplace`).', t.string()),
}), 'Parameters of `plugin/uninstall`.')

export const PluginUninstallResponse = v2('PluginUninstallResponse', t.object({}), 'Result of `plugin/uninstall`; empty on success.')

export const AppSummary = v2('AppSummary', t.object({
  id: t.describe('App id.', t.string()),
  name: t.describe('Display name.', t.string()),
  description: t.option(t.string(), { description: 'What the app does.' }),
  installUrl: t.option(t.string(), { description: 'Where the user can install or connect the app.' }),
  category: t.option(t.string(), { description: 'Catalog category.' }),
}), 'Short description of an app that a plugin includes.')

export const AppTemplateSummary = v2('AppTemplateSummary', t.object({
  templateId: t.describe('Template id.', t.string()),
  name: t.describe('Display name.', t.string()),
  description: t.option(t.string(), { description: 'What apps made from it do.' }),
  category: t.option(t.string(), { description: 'Catalog category.' }),
  canonicalConnectorId: t.option(t.string(), { description: 'Connector the template stands for, when there is one.' }),
  logoUrl: t.option(t.string(), { description: 'Logo URL for light backgrounds.' }),
  logoUrlDark: t.option(t.string(), { description: 'Logo URL for dark backgrounds.' }),
  materializedAppIds: t.describe('Ids of apps already created from the template.', t.array(t.string())),
  reason: t.option(t.ref('AppTemplateUnavailableReason'), { description: 'Why the template cannot be used; null when it can.' }),
}), 'A template in a plugin from which workspace apps can be created.')

export const AppTemplateUnavailableReason = v2('AppTemplateUnavailableReason', t.enum(['NOT_CONFIGURED_FOR_WORKSPACE', 'NO_ACTIVE_WORKSPACE']), 'Why an app template cannot be used: the workspace has not set it up, or there is no active workspace.')

export const MarketplaceInterface = v2('MarketplaceInterface', t.object({
  displayName: t.option(t.string(), { description: 'Name to show for the marketplace.' }),
}), 'How a marketplace presents itself in a user interface.')

export const MarketplaceLoadErrorInfo = v2('MarketplaceLoadErrorInfo', t.object({
  marketplacePath: t.describe('Marketplace file that failed to load.', t.ref('AbsolutePathBuf')),
  message: t.describe('What went wrong.', t.string()),
}), 'A marketplace that could not be loaded.')

export const PluginAuthPolicy = v2('PluginAuthPolicy', t.enum(['ON_INSTALL', 'ON_USE']), 'When a plugin\'s apps ask the user to sign in: at install time or on first use.')

export const PluginAvailability = v2('PluginAvailability', t.oneOf([
  t.literal('DISABLED_BY_ADMIN'),
  t.literal('AVAILABLE'),
]), 'Whether a plugin may be installed and used, or an administrator has turned it off.')

export const PluginDetail = v2('PluginDetail', t.object({
  marketplaceName: t.describe('Marketplace the plugin comes from.', t.string()),
  marketplacePath: t.option(t.ref('AbsolutePathBuf'), { description: 'Marketplace file, for local marketplaces.' }),
  summary: t.describe('The plugin\'s summary.', t.ref('PluginSummary')),
  shareUrl: t.option(t.string(), { description: 'Link to the plugin, when it is shared.' }),
  description: t.option(t.string(), { description: 'Long description.' }),
  skills: t.describe('Skills the plugin provides.', t.array(t.ref('SkillSummary'))),
  onboardingSkill: t.option(t.ref('SkillSummary'), { default: null, description: 'Skill to run when the user starts with the plugin; null when none is declared, or it or the plugin is disabled.' }),
  hooks: t.describe('Hooks the plugin provides.', t.array(t.ref('PluginHookSummary'))),
  apps: t.describe('Apps the plugin includes.', t.array(t.ref('AppSummary'))),
  appTemplates: t.describe('App templates the plugin includes.', t.array(t.ref('AppTemplateSummary'))),
  mcpServers: t.describe('Names of the MCP servers the plugin provides.', t.array(t.string())),
  scheduledTasks: t.option(t.array(t.ref('ScheduledTaskSummary')), { description: 'Recurring tasks the plugin defines.' }),
}), 'Everything a plugin contains, as returned by `plugin/read`.')

export const PluginDisabledReason = v2('PluginDisabledReason', t.enum(['disabled_by_admin', 'plan_not_eligible', 'required_app_unavailable', 'unknown']), 'Why a remote plugin cannot be used: an administrator turned it off, the account\'s plan does not include it, an app it needs is unavailable, or unknown.')

export const PluginHookSummary = v2('PluginHookSummary', t.object({
  key: t.describe('Identifier of the hook.', t.string()),
  eventName: t.describe('Event the hook runs on.', t.ref('HookEventName')),
}), 'A hook a plugin provides.')

export const PluginInstallPolicy = v2('PluginInstallPolicy', t.enum(['NOT_AVAILABLE', 'AVAILABLE', 'INSTALLED_BY_DEFAULT']), 'Whether a plugin can be installed, and whether it comes installed by default.')

export const PluginInstallPolicySource = v2('PluginInstallPolicySource', t.enum(['WORKSPACE_SETTING', 'IMPLICIT_CANONICAL_APP']), 'What set a plugin\'s install policy: a workspace setting, or the plugin standing for an app the workspace already uses.')

export const PluginInterface = v2('PluginInterface', t.object({
  displayName: t.option(t.string(), { description: 'Name to show.' }),
  shortDescription: t.option(t.string(), { description: 'One-line summary.' }),
  longDescription: t.option(t.string(), { description: 'Full description.' }),
  developerName: t.option(t.string(), { description: 'Who makes the plugin.' }),
  category: t.option(t.string(), { description: 'Catalog category.' }),
  capabilities: t.describe('Labels for what the plugin can do.', t.array(t.string())),
  websiteUrl: t.option(t.string(), { description: 'URL of the plugin\'s website.' }),
  privacyPolicyUrl: t.option(t.string(), { description: 'URL of the privacy policy.' }),
  termsOfServiceUrl: t.option(t.string(), { description: 'URL of the terms of service.' }),
  defaultPrompt: t.option(t.array(t.string()), { description: 'Suggested prompts to start with (at most 3, each at most 512 characters).' }),
  brandColor: t.option(t.string(), { description: 'Accent color for the plugin in a UI.' }),
  composerIcon: t.option(t.ref('AbsolutePathBuf'), { description: 'Local path of the icon for the prompt composer, from the installed package.' }),
  composerIconUrl: t.option(t.string(), { description: 'URL of the composer icon, from the catalog.' }),
  logo: t.option(t.ref('AbsolutePathBuf'), { description: 'Local path of the logo, from the installed package.' }),
  logoDark: t.option(t.ref('AbsolutePathBuf'), { description: 'Local path of the dark-mode logo, from the installed package.' }),
  logoUrl: t.option(t.string(), { description: 'URL of the logo, from the catalog.' }),
  logoUrlDark: t.option(t.string(), { description: 'URL of the dark-mode logo, from the catalog.' }),
  screenshots: t.describe('Local paths of screenshots, from the installed package.', t.array(t.ref('AbsolutePathBuf'))),
  screenshotUrls: t.describe('URLs of screenshots, from the catalog.', t.array(t.string())),
}), 'How a plugin presents itself in a user interface. Local paths come from an installed package, URLs from the catalog.')

export const PluginListMarketplaceKind = v2('PluginListMarketplaceKind', t.enum(['local', 'vertical', 'workspace-directory', 'shared-with-me', 'created-by-me-remote']), 'A kind of marketplace `plugin/list` can include: local marketplaces, curated topic catalogs, the workspace\'s plugin directory, plugins shared with the user, or plugins the user has shared.')

export const PluginMarketplaceEntry = v2('PluginMarketplaceEntry', t.object({
  name: t.describe('Name of the marketplace.', t.string()),
  path: t.option(t.ref('AbsolutePathBuf'), { description: 'Marketplace file for local marketplaces; null for remote catalogs.' }),
  interface: t.option(t.ref('MarketplaceInterface'), { description: 'Display details, when given.' }),
  plugins: t.describe('Plugins listed in the marketplace.', t.array(t.ref('PluginSummary'))),
}), 'A marketplace and its plugins.')

export const PluginReconcileChangedPlugin = v2('PluginReconcileChangedPlugin', t.object({
  id: t.describe('The plugin\'s id on this machine, `name@marketplace` (the same value as `PluginSummary.id`).', t.string()),
  hasMcps: t.describe('Whether the change touches MCP servers.', t.boolean()),
  hasApps: t.describe('Whether the change touches apps.', t.boolean()),
  hasHooks: t.describe('Whether the change touches hooks.', t.boolean()),
  hasSkills: t.describe('Whether the change touches skills (the old or new version declares skill folders).', t.boolean()),
}), 'A plugin changed by `plugin/reconcile`, with the kinds of runtime content the change may affect (as declared by the old and new versions, before any policy filtering).')

export const PluginSearchResult = v2('PluginSearchResult', t.object({
  plugin: t.describe('The matching plugin.', t.ref('PluginSummary')),
  marketplaceName: t.describe('Marketplace it comes from.', t.string()),
  marketplacePath: t.option(t.ref('AbsolutePathBuf'), { description: 'Marketplace file, for local marketplaces.' }),
}), 'One plugin found by `plugin/search`.')

export const PluginSearchScope = v2('PluginSearchScope', t.enum(['global', 'workspace', 'personal']), 'Where `plugin/search` looks: the public catalog, the workspace\'s plugins, or the user\'s own.')

export const PluginShareContext = v2('PluginShareContext', t.object({
  remotePluginId: t.describe('Remote id of the shared plugin.', t.string()),
  remoteVersion: t.option(t.string(), { default: null, description: 'Version of the shared release, when known.' }),
  discoverability: t.option(t.ref('PluginShareDiscoverability'), { description: 'Who can find it.' }),
  shareUrl: t.option(t.string(), { description: 'Link to it.' }),
  creatorAccountUserId: t.option(t.string(), { description: 'Account user id of whoever shared it.' }),
  creatorName: t.option(t.string(), { description: 'Name of whoever shared it.' }),
  sharePrincipals: t.option(t.array(t.ref('PluginSharePrincipal')), { description: 'Who has access.' }),
  canPublishToWorkspace: t.option(t.boolean(), { default: null, description: 'Whether the user may list it in the workspace directory; null when not known.' }),
}), 'Sharing details of a plugin that was shared by or with the user.')

export const PluginShareDiscoverability = v2('PluginShareDiscoverability', t.enum(['LISTED', 'UNLISTED', 'PRIVATE']), 'Who can find a shared plugin: `LISTED` (shown in the directory), `UNLISTED` (reachable through its link) or `PRIVATE` (only the people it is shared with).')

export const PluginShareListItem = v2('PluginShareListItem', t.object({
  plugin: t.describe('The shared plugin.', t.ref('PluginSummary')),
  localPluginPath: t.option(t.ref('AbsolutePathBuf'), { description: 'Local copy of the plugin, when there is one.' }),
}), 'A plugin the user has shared.')

export const PluginSharePrincipal = v2('PluginSharePrincipal', t.object({
  principalType: t.describe('Kind of principal.', t.ref('PluginSharePrincipalType')),
  principalId: t.describe('Id of the user, group or workspace.', t.string()),
  role: t.describe('What it may do with the plugin.', t.ref('PluginSharePrincipalRole')),
  name: t.describe('Display name.', t.string()),
}), 'A user, group or workspace with access to a shared plugin.')

export const PluginSharePrincipalRole = v2('PluginSharePrincipalRole', t.enum(['reader', 'editor', 'owner']), 'Access level on a shared plugin: use it, change it, or own it.')

export const PluginSharePrincipalType = v2('PluginSharePrincipalType', t.enum(['user', 'group', 'workspace']), 'Kind of principal a plugin can be shared with.')

export const PluginShareTarget = v2('PluginShareTarget', t.object({
  principalType: t.describe('Kind of principal.', t.ref('PluginSharePrincipalType')),
  principalId: t.describe('Id of the user, group or workspace.', t.string()),
  role: t.describe('Access to grant.', t.ref('PluginShareTargetRole')),
}), 'Someone to share a plugin with, and the access to grant.')

export const PluginShareTargetRole = v2('PluginShareTargetRole', t.enum(['reader', 'editor']), 'Access that can be granted when sharing a plugin: use it, or also change it.')

export const PluginShareUpdateDiscoverability = v2('PluginShareUpdateDiscoverability', t.enum(['UNLISTED', 'PRIVATE', 'LISTED']), 'Who can find a shared plugin, as set by `plugin/share/updateTargets` (same meanings as `PluginShareDiscoverability`).')

export const PluginSource = v2('PluginSource', t.tagged('type', {
  local: {
    path: t.describe('Absolute path of the plugin folder.', t.ref('AbsolutePathBuf')),
  },
  git: {
    url: t.describe('URL of the Git repository.', t.string()),
    path: t.option(t.string(), { description: 'Folder of the plugin inside the repository; the root when absent.' }),
    refName: t.option(t.string(), { description: 'Branch or tag to use.' }),
    sha: t.option(t.string(), { description: 'Exact commit to use.' }),
  },
  npm: {
    package: t.describe('npm package name.', t.string()),
    version: t.option(t.string(), { description: 'Version or version range; the latest when absent.' }),
    registry: t.option(t.string(), { description: 'HTTPS URL of the registry; credentials come from the user\'s npm configuration.' }),
  },
  remote: {},
}), 'Where a plugin\'s files come from: a local folder, a Git repository, an npm package, or the remote plugin service.')

export const PluginSummary = v2('PluginSummary', t.object({
  id: t.describe('Local id of the plugin (`name@marketplace`).', t.string()),
  remotePluginId: t.option(t.string(), { description: 'Id in the remote plugin service, when it has one.' }),
  version: t.option(t.string(), { default: null, description: 'Version the remote catalog offers, when known.' }),
  localVersion: t.option(t.string(), { default: null, description: 'Version of the package on disk, when known.' }),
  name: t.describe('Plugin name.', t.string()),
  shareContext: t.option(t.ref('PluginShareContext'), { description: 'Sharing details, when the plugin is shared.' }),
  source: t.describe('Where the plugin\'s files come from.', t.ref('PluginSource')),
  installed: t.describe('Whether the plugin is installed.', t.boolean()),
  installedAt: t.option(t.int('int64'), { default: null, description: 'When a remote plugin was installed, in Unix epoch seconds; null when not known.' }),
  enabled: t.describe('Whether the plugin is on.', t.boolean()),
  installPolicy: t.describe('Whether the plugin can be installed, or comes installed by default.', t.ref('PluginInstallPolicy')),
  installPolicySource: t.option(t.ref('PluginInstallPolicySource'), { description: 'What set `installPolicy`, when known.' }),
  mustShowInstallationInterstitial: t.option(t.boolean(), { default: null, description: 'Whether the client must show a confirmation screen before installing.' }),
  authPolicy: t.describe('When the plugin\'s apps ask the user to sign in.', t.ref('PluginAuthPolicy')),
  availability: t.optional(t.describe('Whether the plugin may be installed and used (default `AVAILABLE`).', t.ref('PluginAvailability', { default: "AVAILABLE" }))),
  disabledReason: t.option(t.ref('PluginDisabledReason'), { default: null, description: 'Reason the plugin service gives for a remote plugin being unavailable, if any.' }),
  eligiblePlanTypes: t.option(t.array(t.string()), { default: null, description: 'Plan identifiers (as the plugin service names them) that may install the plugin.' }),
  interface: t.option(t.ref('PluginInterface'), { description: 'Display details, when given.' }),
  keywords: t.optional(t.describe('Search keywords.', t.array(t.string(), { default: [] }))),
}), 'A plugin as listed in a marketplace, with its install and availability state.')

export const ScheduledTaskSchedule = v2('ScheduledTaskSchedule', t.tagged('type', {
  hourly: {
    intervalHours: t.describe('Run every this many hours.', t.uint('uint32')),
    days: t.option(t.array(t.ref('ScheduledTaskWeekday')), { description: 'Only on these days; every day when absent.' }),
  },
  daily: {
    time: t.describe('Time of day to run.', t.string()),
  },
  weekdays: {
    time: t.describe('Time of day to run, Monday to Friday.', t.string()),
  },
  weekly: {
    days: t.describe('Days of the week to run on.', t.array(t.ref('ScheduledTaskWeekday'))),
    time: t.describe('Time of day to run.', t.string()),
  },
}), 'When a scheduled task runs: every few hours, daily, on weekdays, or on chosen days of the week.')

export const ScheduledTaskSummary = v2('ScheduledTaskSummary', t.object({
  key: t.describe('Identifier of the task within the plugin.', t.string()),
  name: t.describe('Display name.', t.string()),
  prompt: t.describe('Prompt the task runs.', t.string()),
  schedule: t.describe('When it runs.', t.ref('ScheduledTaskSchedule')),
}), 'A recurring task a plugin defines: a prompt run on a schedule.')

export const ScheduledTaskWeekday = v2('ScheduledTaskWeekday', t.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']), 'A day of the week, as a two-letter code.')

export const SkillSummary = v2('SkillSummary', t.object({
  name: t.describe('Name of the skill.', t.string()),
  description: t.describe('What the skill does and when to use it.', t.string()),
  shortDescription: t.option(t.string(), { description: 'Older one-line summary; prefer `interface.shortDescription`.' }),
  interface: t.option(t.ref('SkillInterface'), { description: 'Display details, when given.' }),
  path: t.option(t.ref('LegacyAppPathString'), { description: 'Path of the skill\'s definition file, when installed locally.' }),
  enabled: t.describe('Whether the skill is on.', t.boolean()),
}), 'A skill included in a plugin.')
