// The config family: reading the effective configuration and its layers, writing values to
// config.toml, the requirements administrators enforce, and the configuration types they use.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ConfigReadParams = v2('ConfigReadParams', t.object({
  includeLayers: t.optional(t.describe('Also return every configuration layer (default false).', t.boolean())),
  cwd: t.option(t.string(), { description: 'Directory to resolve project configuration for, so project layers between it and the repository root are included; no project layers when absent.' }),
}), 'Parameters of `config/read`.')

export const ConfigReadResponse = v2('ConfigReadResponse', t.object({
  config: t.describe('The effective configuration after merging all layers.', t.ref('Config')),
  origins: t.describe('For each setting (by dotted key path), the layer its value comes from.', t.map(t.ref('ConfigLayerMetadata'))),
  layers: t.option(t.array(t.ref('ConfigLayer')), { description: 'All layers with their own values; present only when `includeLayers` was set.' }),
}), 'Result of `config/read`.')

export const ConfigValueWriteParams = v2('ConfigValueWriteParams', t.object({
  keyPath: t.describe('Dotted path of the setting, as in config.toml (such as `model` or `tools.web_search`).', t.string()),
  value: t.describe('New value, as JSON.', t.json()),
  mergeStrategy: t.describe('Whether to replace the value or merge it into an existing table.', t.ref('MergeStrategy')),
  filePath: t.option(t.string(), { description: 'Config file to write; the user\'s config.toml when absent.' }),
  expectedVersion: t.option(t.string(), { description: 'Version of the file the change is based on (from `config/read`); the write is refused if the file has changed since.' }),
}), 'Parameters of `config/value/write`, which writes one setting to a config file.')

export const ConfigBatchWriteParams = v2('ConfigBatchWriteParams', t.object({
  edits: t.describe('Changes to apply together, in order.', t.array(t.ref('ConfigEdit'))),
  filePath: t.option(t.string(), { description: 'Config file to write; the user\'s config.toml when absent.' }),
  expectedVersion: t.option(t.string(), { description: 'Version of the file the changes are based on (from `config/read`); the write is refused if the file has changed since.' }),
  reloadUserConfig: t.optional(t.describe('After writing, apply the new settings to loaded threads; the model, reasoning effort (including for Plan mode), service tier and personality defaults a thread started with are not changed.', t.boolean())),
}), 'Parameters of `config/batchWrite`, which applies several setting changes to a config file at once.')

export const ConfigWarningNotification = v2('ConfigWarningNotification', t.object({
  summary: t.describe('Short description of the problem.', t.string()),
  details: t.option(t.string(), { description: 'More detail or advice, when available.' }),
  path: t.option(t.string(), { description: 'Config file the problem is in, when known.' }),
  range: t.option(t.ref('TextRange'), { description: 'Where in that file, when known.' }),
}), 'Reports a configuration problem that Codex worked around (for example an invalid setting that was ignored).')

export const AllowDenyRequirement = v2('AllowDenyRequirement', t.enum(['allow', 'deny']), 'Whether something is allowed or denied.')

export const AnalyticsConfig = v2('AnalyticsConfig', t.object({
  enabled: t.option(t.boolean(), { description: 'Whether usage analytics are sent.' }),
}, { additional: true }), 'The `analytics` settings; other keys are passed through as written.')

export const AppToolApproval = v2('AppToolApproval', t.enum(['auto', 'prompt', 'writes', 'approve']), 'When calls to app tools need the user\'s approval: `auto` (decided from the tool\'s annotations, such as whether it is destructive; the default), `prompt` (always ask), `writes` (ask for tools that change data) or `approve` (never ask).')

export const ApplicationNetworkRequirements = v2('ApplicationNetworkRequirements', t.object({
  enabled: t.describe('When true, only the domains allowed in `domains` (exact names) may be contacted.', t.boolean()),
  domains: t.describe('Permission by domain name.', t.map(t.ref('NetworkDomainPermission'))),
}), 'Administrator network rules for the Codex desktop application.')

export const ApplicationRequirements = v2('ApplicationRequirements', t.object({
  network: t.option(t.ref('ApplicationNetworkRequirements'), { description: 'Network rules.' }),
  storage: t.option(t.ref('ApplicationStorageRequirements'), { description: 'Where new workspaces are stored.' }),
}), 'Administrator settings for the Codex desktop application.')

export const ApplicationStorageRequirements = v2('ApplicationStorageRequirements', t.object({
  defaultProjectParent: t.option(t.ref('LegacyAppPathString'), { description: 'Folder in which new projects are created by default.' }),
  projectlessWorkspaceRoot: t.option(t.ref('LegacyAppPathString'), { description: 'Folder used for workspaces that belong to no project.' }),
}), 'Administrator defaults for where the desktop application stores new workspaces; these do not restrict file access.')

export const AppsConfig = v2('AppsConfig', t.object({
  _default: t.option(t.ref('AppsDefaultConfig'), { default: null, description: 'Settings for every app that has no entry of its own.' }),
}), 'The `apps` settings: defaults under `_default`, plus per-app entries keyed by app id.')

export const AppsDefaultConfig = v2('AppsDefaultConfig', t.object({
  enabled: t.optional(t.describe('Whether apps are on (default true).', t.boolean({ default: true }))),
  approvals_reviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who decides approval requests for app tools.' }),
  destructive_enabled: t.optional(t.describe('Whether tools marked as destructive may be used (default true).', t.boolean({ default: true }))),
  open_world_enabled: t.optional(t.describe('Whether tools marked as reaching outside systems may be used (default true).', t.boolean({ default: true }))),
  default_tools_approval_mode: t.option(t.ref('AppToolApproval'), { description: 'When app tool calls need approval.' }),
}), 'Default settings for apps.')

export const AutoCompactTokenLimitScope = v2('AutoCompactTokenLimitScope', t.oneOf([
  t.literal('total'),
  t.literal('body_after_prefix'),
]), 'What counts toward `model_auto_compact_token_limit`: the whole context, or only the part after the fixed prefix.')

export const AutoReviewRequirements = v2('AutoReviewRequirements', t.object({
  requiredOnModels: t.option(t.array(t.string()), { description: 'Models for which automatic review of approval requests must be used.' }),
  ignoreRules: t.option(t.array(t.string()), { description: 'Rules the automatic reviewer does not apply.' }),
}), 'Administrator rules for automatic review of approval requests.')

export const BrowserUseAccessApprovalLifetime = v2('BrowserUseAccessApprovalLifetime', t.enum(['turn', 'thread']), 'How long approval to access a site lasts: for the turn or for the whole thread.')

export const BrowserUseConfig = v2('BrowserUseConfig', t.object({
  allow_history_access: t.option(t.boolean(), { description: 'Whether the agent may read the browser history.' }),
  default_origin_policy: t.option(t.ref('BrowserUseOriginPolicyConfig'), { description: 'Rules for sites without their own entry.' }),
  origins: t.option(t.map(t.ref('BrowserUseOriginPolicyConfig')), { description: 'Rules per site, keyed by origin.' }),
}), 'The `browser_use` settings: what the agent may do when it drives a web browser.')

export const BrowserUseExtensionRequirements = v2('BrowserUseExtensionRequirements', t.object({
  requestHeaders: t.option(t.array(t.ref('RequestHeader')), { description: 'HTTP headers the browser extension adds to requests.' }),
}), 'Administrator settings for the browser extension.')

export const BrowserUseOriginPolicy = v2('BrowserUseOriginPolicy', t.object({
  access: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether the agent may use the site.' }),
  downloads: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it may download files.' }),
  uploads: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it may upload files.' }),
  fullCdpAccess: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it gets full Chrome DevTools Protocol access.' }),
  autoReview: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether automatic review may approve actions on the site.' }),
  persistentApproval: t.option(t.boolean(), { description: 'Whether the user\'s approval for the site may be remembered.' }),
  accessApprovalLifetime: t.option(t.ref('BrowserUseAccessApprovalLifetime'), { description: 'How long an access approval lasts.' }),
}), 'Administrator rules for what the agent may do on a site when it drives a browser.')

export const BrowserUseOriginPolicyConfig = v2('BrowserUseOriginPolicyConfig', t.object({
  access: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether the agent may use the site.' }),
  downloads: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it may download files.' }),
  uploads: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it may upload files.' }),
  full_cdp_access: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether it gets full Chrome DevTools Protocol access.' }),
}), 'User rules for what the agent may do on a site when it drives a browser.')

export const BrowserUseRequirements = v2('BrowserUseRequirements', t.object({
  extension: t.option(t.ref('BrowserUseExtensionRequirements'), { description: 'Settings for the browser extension.' }),
  allowWebmcp: t.option(t.boolean(), { description: 'Whether sites may offer tools to the agent through WebMCP.' }),
  allowHistoryAccess: t.option(t.boolean(), { description: 'Whether the agent may read the browser history.' }),
  disableAutoReview: t.option(t.boolean(), { description: 'Turn off automatic review of browser actions.' }),
  allowGlobalPersistentApproval: t.option(t.boolean(), { description: 'Whether users may approve all sites permanently.' }),
  defaultOriginPolicy: t.option(t.ref('BrowserUseOriginPolicy'), { description: 'Rules for sites without their own entry.' }),
  origins: t.option(t.map(t.ref('BrowserUseOriginPolicy')), { description: 'Rules per site, keyed by origin.' }),
}), 'Administrator rules for the agent driving a web browser.')

export const CliAuthCredentialsStoreMode = v2('CliAuthCredentialsStoreMode', t.enum(['file', 'keyring', 'auto', 'ephemeral']), 'Where login credentials are kept: in a file, in the OS keyring, in the keyring when available (else a file), or only in memory.')

export const ComputerUseConfig = v2('ComputerUseConfig', t.object({
  default_app_access: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether the agent may use apps that have no rule of their own.' }),
  macos: t.option(t.ref('ComputerUseMacosConfig'), { description: 'Rules for macOS apps.' }),
  windows: t.option(t.ref('ComputerUseWindowsConfig'), { description: 'Rules for Windows apps.' }),
}), 'The `computer_use` settings: which desktop apps the agent may operate.')

export const ComputerUseMacosConfig = v2('ComputerUseMacosConfig', t.object({
  bundle_ids: t.option(t.map(t.ref('AllowDenyRequirement')), { description: 'Rules per app, keyed by bundle identifier.' }),
}), 'User rules for operating macOS apps.')

export const ComputerUseMacosRequirements = v2('ComputerUseMacosRequirements', t.object({
  bundleIds: t.option(t.map(t.ref('AllowDenyRequirement')), { description: 'Rules per app, keyed by bundle identifier.' }),
}), 'Administrator rules for operating macOS apps.')

export const ComputerUseRequirements = v2('ComputerUseRequirements', t.object({
  allowLockedComputerUse: t.option(t.boolean(), { description: 'Whether the agent may operate apps while the computer is locked.' }),
  allowPersistentApproval: t.option(t.boolean(), { description: 'Whether the user\'s approvals may be remembered.' }),
  defaultAppAccess: t.option(t.ref('AllowDenyRequirement'), { description: 'Whether the agent may use apps that have no rule of their own.' }),
  macos: t.option(t.ref('ComputerUseMacosRequirements'), { description: 'Rules for macOS apps.' }),
  windows: t.option(t.ref('ComputerUseWindowsRequirements'), { description: 'Rules for Windows apps.' }),
}), 'Administrator rules for the agent operating desktop apps.')

export const ComputerUseWindowsConfig = v2('ComputerUseWindowsConfig', t.object({
  aumids: t.option(t.map(t.ref('AllowDenyRequirement')), { description: 'Rules per app, keyed by Application User Model ID.' }),
  exes: t.option(t.array(t.ref('ComputerUseWindowsExeConfig')), { description: 'Rules for desktop programs, matched by publisher and product.' }),
}), 'User rules for operating Windows apps.')

export const ComputerUseWindowsExeConfig = v2('ComputerUseWindowsExeConfig', t.object({
  publisher_name: t.describe('Publisher named in the program\'s signature.', t.string()),
  product_name: t.describe('Product name of the program.', t.string()),
  binary_name: t.option(t.string(), { description: 'Executable file name; any of the product\'s programs when absent.' }),
  access: t.describe('Whether the agent may operate it.', t.ref('AllowDenyRequirement')),
}), 'A user rule for one Windows program.')

export const ComputerUseWindowsExeRequirement = v2('ComputerUseWindowsExeRequirement', t.object({
  publisherName: t.describe('Publisher named in the program\'s signature.', t.string()),
  productName: t.describe('Product name of the program.', t.string()),
  binaryName: t.option(t.string(), { description: 'Executable file name; any of the product\'s programs when absent.' }),
  access: t.describe('Whether the agent may operate it.', t.ref('AllowDenyRequirement')),
}), 'An administrator rule for one Windows program.')

export const ComputerUseWindowsRequirements = v2('ComputerUseWindowsRequirements', t.object({
  aumids: t.option(t.map(t.ref('AllowDenyRequirement')), { description: 'Rules per app, keyed by Application User Model ID.' }),
  exes: t.option(t.array(t.ref('ComputerUseWindowsExeRequirement')), { description: 'Rules for desktop programs, matched by publisher and product.' }),
}), 'Administrator rules for operating Windows apps.')

export const Config = v2('Config', t.object({
  model: t.option(t.string(), { description: 'Default model.' }),
  review_model: t.option(t.string(), { description: 'Model used for code reviews.' }),
  model_context_window: t.option(t.int('int64'), { description: 'Context window of the model, in tokens.' }),
  model_auto_compact_token_limit: t.option(t.int('int64'), { description: 'Token count at which the conversation history is compacted automatically.' }),
  model_auto_compact_token_limit_scope: t.option(t.ref('AutoCompactTokenLimitScope'), { description: 'What counts toward that limit.' }),
  model_provider: t.option(t.string(), { description: 'Id of the model provider.' }),
  approval_policy: t.option(t.ref('AskForApproval'), { description: 'When the agent asks before acting.' }),
  approvals_reviewer: t.option(t.ref('ApprovalsReviewer'), { description: 'Who decides approval requests by default (unstable).' }),
  sandbox_mode: t.option(t.ref('SandboxMode'), { description: 'Default sandbox for commands.' }),
  sandbox_workspace_write: t.option(t.ref('SandboxWorkspaceWrite'), { description: 'Settings for the `workspace-write` sandbox.' }),
  forced_chatgpt_workspace_id: t.option(t.ref('ForcedChatgptWorkspaceIds'), { description: 'ChatGPT workspace(s) the user must log in with.' }),
  forced_login_method: t.option(t.ref('ForcedLoginMethod'), { description: 'Login method the user must use.' }),
  web_search: t.option(t.ref('WebSearchMode'), { description: 'Web search mode.' }),
  client_search_provider: t.option(t.ref('WebSearchProvider'), { description: 'Effective search provider hint (`tools.client_search_provider`); a provider chosen by the model takes precedence.' }),
  tools: t.option(t.ref('ToolsV2'), { description: 'Tool settings.' }),
  instructions: t.option(t.string(), { description: 'Base instructions replacing the built-in ones.' }),
  developer_instructions: t.option(t.string(), { description: 'Extra developer instructions added to every thread.' }),
  compact_prompt: t.option(t.string(), { description: 'Prompt used when compacting the conversation history.' }),
  model_reasoning_effort: t.option(t.ref('ReasoningEffort'), { description: 'Default reasoning effort.' }),
  model_reasoning_summary: t.option(t.ref('ReasoningSummary'), { description: 'Default reasoning summary setting.' }),
  model_verbosity: t.option(t.ref('Verbosity'), { description: 'Default answer length for models that support it.' }),
  service_tier: t.option(t.string(), { description: 'Default service tier.' }),
  analytics: t.option(t.ref('AnalyticsConfig'), { description: 'Analytics settings.' }),
  apps: t.experimental('config/read.apps', t.option(t.ref('AppsConfig'), { default: null, description: 'App settings.' })),
  browser_use: t.option(t.ref('BrowserUseConfig'), { description: 'Browser use settings.' }),
  computer_use: t.option(t.ref('ComputerUseConfig'), { description: 'Computer use settings.' }),
  desktop: t.option(t.map(true), { description: 'Settings of the desktop application, passed through as written.' }),
}, { additional: true }), 'The effective Codex configuration. Keys are the config.toml names; settings not listed here are passed through as written.')

export const ConfigEdit = v2('ConfigEdit', t.object({
  keyPath: t.describe('Dotted path of the setting, as in config.toml.', t.string()),
  value: t.describe('New value, as JSON.', t.json()),
  mergeStrategy: t.describe('Whether to replace the value or merge it into an existing table.', t.ref('MergeStrategy')),
}), 'One change in a `config/batchWrite`.')

export const ConfigLayer = v2('ConfigLayer', t.object({
  name: t.describe('Where the layer comes from.', t.ref('ConfigLayerSource')),
  version: t.describe('Version of the layer\'s contents, usable as `expectedVersion` when writing.', t.string()),
  config: t.describe('The settings this layer defines.', t.json()),
  disabledReason: t.option(t.string(), { description: 'Why the layer is ignored (for example an untrusted project); null when it applies.' }),
}), 'One source of configuration and what it sets.')

export const ConfigLayerMetadata = v2('ConfigLayerMetadata', t.object({
  name: t.describe('Where the layer comes from.', t.ref('ConfigLayerSource')),
  version: t.describe('Version of the layer\'s contents.', t.string()),
}), 'Identifies a configuration layer.')

export const ConfigLayerSource = v2('ConfigLayerSource', t.tagged('type', {
  packagedDefaults: {
    file: t.describe('Default configuration file shipped with Codex.', t.ref('AbsolutePathBuf')),
  },
  mdm: {
    domain: t.describe('Managed-preferences domain.', t.string()),
    key: t.describe('Key within that domain.', t.string()),
  },
  system: {
    file: t.describe('System-wide config.toml (it may not exist).', t.ref('AbsolutePathBuf')),
  },
  enterpriseManaged: {
    id: t.describe('Stable id of the delivered layer.', t.string()),
    name: t.describe('Name administrators know the layer by, shown so users can tell them which layer needs attention.', t.string()),
  },
  user: {
    file: t.describe('The user\'s config.toml (it may not exist).', t.ref('AbsolutePathBuf')),
    profile: t.option(t.string(), { description: 'Profile applied on top of the user\'s base configuration, when this layer is one.' }),
  },
  project: {
    dotCodexFolder: t.describe('The project\'s `.codex` folder.', t.ref('AbsolutePathBuf')),
  },
  sessionFlags: {},
  legacyManagedConfigTomlFromFile: {
    file: t.describe('Older-style managed config file.', t.ref('AbsolutePathBuf')),
  },
  legacyManagedConfigTomlFromMdm: {},
}), 'Where a configuration layer comes from: Codex\'s packaged defaults, device management (MDM), the system or user config file, enterprise-managed (cloud) configuration, a project\'s `.codex` folder, session flags, or the older managed-config file or MDM setting.')

export const ConfigRequirements = v2('ConfigRequirements', t.object({
  modelProvider: t.option(t.string(), { description: 'Model provider that must be used.' }),
  modelProviders: t.option(t.map(true), { description: 'Complete provider definitions that must be used, with config.toml field names.' }),
  allowedLoginMethods: t.option(t.array(t.ref('ForcedLoginMethod')), { description: 'Login methods still allowed after all restrictions; an empty list allows none. Absent from older servers.' }),
  cliAuthCredentialsStore: t.option(t.ref('CliAuthCredentialsStoreMode'), { description: 'Where credentials must be stored.' }),
  chatgptBaseUrl: t.option(t.string(), { description: 'ChatGPT base URL that must be used.' }),
  additionalDeveloperInstructions: t.option(t.string(), { description: 'Developer instructions added to every thread.' }),
  allowedApprovalPolicies: t.option(t.array(t.ref('AskForApproval')), { description: 'Approval policies that may be used.' }),
  allowedApprovalsReviewers: t.experimental('configRequirements/read.allowedApprovalsReviewers', t.option(t.array(t.ref('ApprovalsReviewer')), { description: 'Approval reviewers that may be used.' })),
  allowedSandboxModes: t.option(t.array(t.ref('SandboxMode')), { description: 'Sandbox modes that may be used.' }),
  allowedWindowsSandboxImplementations: t.option(t.array(t.ref('WindowsSandboxImplementation')), { description: 'Windows sandbox implementations that may be used.' }),
  allowedPermissionProfiles: t.option(t.map(t.boolean()), { description: 'Whether each permissions profile (by id) may be used.' }),
  defaultPermissions: t.option(t.string(), { description: 'Permissions profile used by default.' }),
  allowedWebSearchModes: t.option(t.array(t.ref('WebSearchMode')), { description: 'Web search modes that may be used.' }),
  allowManagedHooksOnly: t.option(t.boolean(), { description: 'Only hooks from managed configuration may run.' }),
  allowBrowserAndComputerUse: t.option(t.boolean(), { description: 'Whether browser use and computer use are allowed.' }),
  allowAppshots: t.option(t.boolean(), { description: 'Whether app screenshots may be attached.' }),
  allowRemoteControl: t.option(t.boolean(), { description: 'Whether remote control may be turned on.' }),
  computerUse: t.option(t.ref('ComputerUseRequirements'), { description: 'Computer use rules.' }),
  browserUse: t.option(t.ref('BrowserUseRequirements'), { description: 'Browser use rules.' }),
  inAppBrowser: t.option(t.ref('InAppBrowserRequirements'), { description: 'In-app browser rules.' }),
  featureRequirements: t.option(t.map(t.boolean()), { description: 'Feature flags forced on or off, by name.' }),
  hooks: t.experimental('configRequirements/read.hooks', t.option(t.ref('ManagedHooksRequirements'), { description: 'Hooks that administrators configure.' })),
  enforceResidency: t.option(t.ref('ResidencyRequirement'), { description: 'Region data must stay in.' }),
  network: t.experimental('configRequirements/read.network', t.option(t.ref('NetworkRequirements'), { description: 'Network access rules for sandboxed commands.' })),
  application: t.experimental('configRequirements/read.application', t.option(t.ref('ApplicationRequirements'), { description: 'Desktop application settings.' })),
  autoReview: t.option(t.ref('AutoReviewRequirements'), { description: 'Automatic review rules.' }),
  models: t.option(t.ref('ModelsRequirements'), { description: 'Model defaults.' }),
  sqliteHome: t.option(t.string(), { description: 'Directory for Codex\'s SQLite state.' }),
  logDir: t.option(t.string(), { description: 'Directory for log files.' }),
  modelCatalogJson: t.option(t.string(), { description: 'Model catalog to use, as JSON.' }),
  checkForUpdateOnStartup: t.option(t.boolean(), { description: 'Whether to check for updates at startup.' }),
  allowLoginShell: t.option(t.boolean(), { description: 'Whether commands may run in a login shell.' }),
  feedback: t.option(t.ref('FeedbackRequirements'), { description: 'Feedback rules.' }),
  otel: t.option(t.ref('OtelRequirements'), { description: 'OpenTelemetry settings.' }),
}), 'Constraints and settings administrators enforce (through requirements files, device management or the cloud); absent fields impose nothing.')

export const ConfigRequirementsReadResponse = v2('ConfigRequirementsReadResponse', t.object({
  supportsIndependentSpeedModes: t.option(t.boolean(), { default: null, description: 'Whether the Fast and Ultra Fast requirements are enforced separately; absent from older servers, which use Fast mode as one shared speed switch.' }),
  requirements: t.option(t.ref('ConfigRequirements'), { description: 'The enforced requirements; null when none are configured.' }),
}), 'Result of `configRequirements/read`.')

export const ConfigWriteResponse = v2('ConfigWriteResponse', t.object({
  status: t.describe('Whether the written value is in effect.', t.ref('WriteStatus')),
  version: t.describe('New version of the file.', t.string()),
  filePath: t.describe('Canonical path of the file that was written.', t.ref('AbsolutePathBuf')),
  overriddenMetadata: t.option(t.ref('OverriddenMetadata'), { description: 'When another layer overrides the written value, which one and what applies instead.' }),
}), 'Result of `config/value/write` and `config/batchWrite`.')

export const ConfigurationReasoning = v2('ConfigurationReasoning', t.object({
  effort: t.describe('Reasoning effort.', t.ref('ReasoningEffort')),
}), 'Reasoning settings for the model a request was routed to, as applied by the backend.')

export const ConfiguredHookHandler = v2('ConfiguredHookHandler', t.tagged('type', {
  command: {
    command: t.describe('Shell command to run.', t.string()),
    commandWindows: t.option(t.string(), { description: 'Command to run on Windows instead.' }),
    timeoutSec: t.option(t.uint('uint64'), { description: 'Time limit in seconds.' }),
    async: t.describe('Run in the background without waiting for it.', t.boolean()),
    statusMessage: t.option(t.string(), { description: 'Text to show while the hook runs.' }),
    additionalContextLimit: t.option(t.uint('uint'), { description: 'Token budget for context the hook adds before it is saved to a file and shortened; 2,500 when null, off when 0.' }),
  },
  mcp_tool: {
    server: t.describe('Name of the MCP server.', t.string()),
    tool: t.describe('Name of the tool.', t.string()),
    input: t.describe('Arguments for the tool.', t.map(true)),
    timeoutSec: t.option(t.uint('uint64'), { description: 'Time limit in seconds.' }),
    statusMessage: t.option(t.string(), { description: 'Text to show while the hook runs.' }),
  },
  prompt: {},
  agent: {},
}), 'A hook as written in configuration: a shell command, an MCP tool call, a prompt, or an agent.')

export const ConfiguredHookMatcherGroup = v2('ConfiguredHookMatcherGroup', t.object({
  matcher: t.option(t.string(), { description: 'Filter on what triggers the hooks (such as tool names): exact names separated by `|`, or a regular expression; everything when absent.' }),
  hooks: t.describe('Hooks to run when it matches.', t.array(t.ref('ConfiguredHookHandler'))),
}), 'A group of configured hooks that share one trigger filter.')

export const FeedbackRequirements = v2('FeedbackRequirements', t.object({
  enabled: t.option(t.boolean(), { description: 'Whether users may send feedback.' }),
}), 'Administrator rules for sending feedback.')

export const ForcedChatgptWorkspaceIds = v2('ForcedChatgptWorkspaceIds', t.anyOf([
  t.string(),
  t.array(t.string()),
]), 'ChatGPT workspace id, or list of ids, that logins are restricted to.')

export const ForcedLoginMethod = v2('ForcedLoginMethod', t.enum(['chatgpt', 'api']), 'A login method: ChatGPT account or API key.')

export const InAppBrowserRequirements = v2('InAppBrowserRequirements', t.object({
  allowExternalBrowserSettingsImport: t.option(t.boolean(), { description: 'Whether settings may be imported from another browser.' }),
}), 'Administrator rules for the desktop application\'s built-in browser.')

export const ManagedHooksRequirements = v2('ManagedHooksRequirements', t.object({
  PreModelRequest: t.optional(t.describe('Hooks run before each model request.', t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] }))),
  PostModelRequest: t.optional(t.describe('Hooks run after each model request.', t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] }))),
  managedDir: t.option(t.string(), { description: 'Folder holding managed hook files.' }),
  windowsManagedDir: t.option(t.string(), { description: 'Folder holding managed hook files on Windows.' }),
  PreToolUse: t.describe('Hooks run before a tool is used.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  PermissionRequest: t.describe('Hooks run when the agent asks for permission.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  PostToolUse: t.describe('Hooks run after a tool is used.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  PreCompact: t.describe('Hooks run before history compaction.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  PostCompact: t.describe('Hooks run after history compaction.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  SessionStart: t.describe('Hooks run when a session starts.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  SessionEnd: t.optional(t.describe('Hooks run when a session ends.', t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] }))),
  UserPromptSubmit: t.describe('Hooks run when the user submits a prompt.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  SubagentStart: t.describe('Hooks run when a subagent starts.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  SubagentStop: t.describe('Hooks run when a subagent stops.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  Stop: t.describe('Hooks run when the agent stops.', t.array(t.ref('ConfiguredHookMatcherGroup'))),
  Interrupt: t.optional(t.describe('Hooks run when a turn is interrupted.', t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] }))),
}), 'Hooks that administrators configure, grouped by the event they run on.')

export const McpServerRefreshResponse = v2('McpServerRefreshResponse', t.object({}), 'Result of `config/mcpServer/reload`, which reloads the MCP server configuration; empty on success.')

export const MergeStrategy = v2('MergeStrategy', t.enum(['replace', 'upsert']), 'How a written value is combined with the existing one: replace it, or merge it into the existing table (adding or updating keys).')

export const ModelsRequirements = v2('ModelsRequirements', t.object({
  newThread: t.option(t.ref('NewThreadModelDefaults'), { description: 'Defaults for new threads.' }),
}), 'Administrator model settings.')

export const NetworkDomainPermission = v2('NetworkDomainPermission', t.enum(['allow', 'deny']), 'Whether a domain may be contacted.')

export const NetworkRequirements = v2('NetworkRequirements', t.object({
  enabled: t.option(t.boolean(), { description: 'Whether managed network rules are enforced.' }),
  httpPort: t.option(t.uint('uint16'), { description: 'Port of the local HTTP proxy that enforces the rules.' }),
  socksPort: t.option(t.uint('uint16'), { description: 'Port of the local SOCKS proxy that enforces the rules.' }),
  allowUpstreamProxy: t.option(t.boolean(), { description: 'Whether traffic may go on through an upstream proxy.' }),
  dangerouslyAllowNonLoopbackProxy: t.option(t.boolean(), { description: 'Let the proxy listen on addresses other than loopback (unsafe).' }),
  dangerouslyAllowAllUnixSockets: t.option(t.boolean(), { description: 'Allow every Unix socket (unsafe).' }),
  domains: t.option(t.map(t.ref('NetworkDomainPermission')), { description: 'Permission by domain pattern; the authoritative list.' }),
  reviewDomains: t.option(t.array(t.string()), { description: 'Domain patterns that go to network approval before the allow rules are applied.' }),
  managedAllowedDomainsOnly: t.option(t.boolean(), { description: 'While managed rules are enforced, only the managed allow list counts.' }),
  allowedDomains: t.option(t.array(t.string()), { description: 'Allowed domains, derived from `domains` for older clients.' }),
  deniedDomains: t.option(t.array(t.string()), { description: 'Denied domains, derived from `domains` for older clients.' }),
  unixSockets: t.option(t.map(t.ref('NetworkUnixSocketPermission')), { description: 'Permission by Unix socket path; the authoritative list.' }),
  allowUnixSockets: t.option(t.array(t.string()), { description: 'Allowed Unix sockets, derived from `unixSockets` for older clients.' }),
  allowLocalBinding: t.option(t.boolean(), { description: 'Whether commands may listen on local ports.' }),
}), 'Administrator network rules for sandboxed commands.')

export const NetworkUnixSocketPermission = v2('NetworkUnixSocketPermission', t.enum(['allow', 'deny']), 'Whether a Unix socket may be used.')

export const NewThreadModelDefaults = v2('NewThreadModelDefaults', t.object({
  model: t.option(t.string(), { description: 'Model for new threads.' }),
  modelReasoningEffort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort for new threads.' }),
  serviceTier: t.option(t.string(), { description: 'Service tier for new threads.' }),
}), 'Model settings applied to new threads.')

export const OtelExporter = v2('OtelExporter', t.oneOf([
  t.enum(['none', 'statsig']),
  t.object({
    'otlp-http': t.describe('Send to an OTLP collector over HTTP.', t.object({
      endpoint: t.describe('Collector URL.', t.string()),
      headers: t.describe('Headers sent with each export; the server hides their values.', t.map(t.string())),
      protocol: t.describe('Payload encoding.', t.ref('OtelHttpProtocol')),
      tls: t.option(t.ref('OtelTlsConfig'), { description: 'TLS settings.' }),
    })),
  }, { closed: true }),
  t.object({
    'otlp-grpc': t.describe('Send to an OTLP collector over gRPC.', t.object({
      endpoint: t.describe('Collector address.', t.string()),
      headers: t.describe('Metadata sent with each export; the server hides their values.', t.map(t.string())),
      tls: t.option(t.ref('OtelTlsConfig'), { description: 'TLS settings.' }),
    })),
  }, { closed: true }),
]), 'Where OpenTelemetry data goes: nowhere, Statsig, or an OTLP collector over HTTP or gRPC.')

export const OtelHttpProtocol = v2('OtelHttpProtocol', t.enum(['binary', 'json']), 'Encoding of OTLP over HTTP: protobuf binary or JSON.')

export const OtelRequirements = v2('OtelRequirements', t.object({
  headers_helper: t.added('0.171.0', t.option(t.string(), { description: 'Command whose output supplies the exporter\'s headers.' })),
  headers_helper_refresh_interval_ms: t.added('0.171.0', t.option(t.uint('uint64', { minimum: 1 }), { description: 'How often to run the headers command again, in milliseconds.' })),
  tool_result: t.option(t.ref('OtelToolResultLogConfig'), { description: 'How tool results are logged.' }),
  log_sse_deltas: t.option(t.boolean(), { description: 'Whether streamed model deltas are logged.' }),
  log_user_prompt: t.option(t.boolean(), { description: 'Whether user prompts are logged.' }),
  log_agent_responses: t.option(t.boolean(), { description: 'Whether agent answers are logged.' }),
  log_guardian_assessments: t.option(t.boolean(), { description: 'Whether automatic review decisions are logged.' }),
  environment: t.option(t.string(), { description: 'Environment name attached to the data.' }),
  exporter: t.option(t.ref('OtelExporter'), { description: 'Where logs go.' }),
  trace_exporter: t.option(t.ref('OtelExporter'), { description: 'Where traces go.' }),
  metrics_exporter: t.option(t.ref('OtelExporter'), { description: 'Where metrics go.' }),
  span_attributes: t.option(t.map(t.string()), { description: 'Attributes added to every span.' }),
  tracestate: t.option(t.map(t.map(t.string())), { description: 'W3C `tracestate` entries to propagate, by vendor key.' }),
}), 'OpenTelemetry settings (config.toml key names).')

export const OtelTlsConfig = v2('OtelTlsConfig', t.object({
  'ca-certificate': t.option(t.string(), { description: 'Path of the CA certificate used to verify the collector.' }),
  'client-certificate': t.option(t.string(), { description: 'Path of the client certificate.' }),
  'client-private-key': t.option(t.string(), { description: 'Path of the client certificate\'s private key.' }),
}), 'TLS settings for an OTLP exporter.')

export const OtelToolResultLogConfig = v2('OtelToolResultLogConfig', t.object({
  max_bytes: t.describe('Longest tool result logged, in bytes.', t.uint('uint')),
}), 'How tool results are logged to OpenTelemetry.')

export const OverriddenMetadata = v2('OverriddenMetadata', t.object({
  message: t.describe('Explanation for the user.', t.string()),
  overridingLayer: t.describe('Layer whose value wins.', t.ref('ConfigLayerMetadata')),
  effectiveValue: t.describe('The value that applies.', t.json()),
}), 'Says that a written setting does not take effect because another layer overrides it.')

export const RequestHeader = v2('RequestHeader', t.object({
  name: t.describe('Header name.', t.string()),
  value: t.describe('Header value.', t.string()),
}), 'An HTTP header.')

export const ResidencyRequirement = v2('ResidencyRequirement', t.literal('us'), 'Region data must be kept in.')

export const SandboxWorkspaceWrite = v2('SandboxWorkspaceWrite', t.object({
  writable_roots: t.optional(t.describe('Extra folders commands may write to.', t.array(t.string(), { default: [] }))),
  network_access: t.optional(t.describe('Whether commands may use the network (default false).', t.boolean({ default: false }))),
  exclude_tmpdir_env_var: t.optional(t.describe('Do not make the `TMPDIR` folder writable (default false).', t.boolean({ default: false }))),
  exclude_slash_tmp: t.optional(t.describe('Do not make `/tmp` writable (default false).', t.boolean({ default: false }))),
}), 'The `sandbox_workspace_write` settings for the sandbox that lets commands write inside the workspace.')

export const TextPosition = v2('TextPosition', t.object({
  line: t.describe('Line number, starting at 1.', t.uint('uint')),
  column: t.describe('Column number, starting at 1, counted in Unicode scalar values.', t.uint('uint')),
}), 'A position in a text file.')

export const TextRange = v2('TextRange', t.object({
  start: t.describe('Where the range begins.', t.ref('TextPosition')),
  end: t.describe('Where the range ends.', t.ref('TextPosition')),
}), 'A range of text in a file.')

export const ToolsV2 = v2('ToolsV2', t.object({
  web_search: t.option(t.ref('WebSearchToolConfig'), { description: 'Web search tool settings.' }),
}), 'The `tools` settings.')

export const Verbosity = v2('Verbosity', t.enum(['low', 'medium', 'high']), 'How long and detailed the model\'s answers are, for models that support it.')

export const WebSearchContextSize = v2('WebSearchContextSize', t.enum(['low', 'medium', 'high']), 'How much search context the web search tool gives the model.')

export const WebSearchLocation = v2('WebSearchLocation', t.object({
  country: t.option(t.string(), { description: 'Country.' }),
  region: t.option(t.string(), { description: 'Region or state.' }),
  city: t.option(t.string(), { description: 'City.' }),
  timezone: t.option(t.string(), { description: 'Time zone.' }),
}, { closed: true }), 'Approximate user location used to localize web search results.')

export const WebSearchMode = v2('WebSearchMode', t.enum(['disabled', 'cached', 'indexed', 'live']), 'How the agent may search the web: not at all, from cached results, from an index, or live.')

export const WebSearchProvider = v2('WebSearchProvider', t.enum(['standalone', 'search_mcp']), 'Which search implementation the chosen model prefers: the built-in one or one provided through MCP.')

export const WebSearchToolConfig = v2('WebSearchToolConfig', t.object({
  context_size: t.option(t.ref('WebSearchContextSize'), { description: 'How much search context to give the model.' }),
  allowed_domains: t.option(t.array(t.string()), { description: 'Only search these domains.' }),
  location: t.option(t.ref('WebSearchLocation'), { description: 'Approximate user location for localized results.' }),
}, { closed: true }), 'Settings of the web search tool.')

export const WindowsSandboxImplementation = v2('WindowsSandboxImplementation', t.enum(['elevated', 'unelevated', 'mxc']), 'A Windows sandbox implementation: elevated, unelevated, or MXC.')

export const WriteStatus = v2('WriteStatus', t.enum(['ok', 'okOverridden']), 'Outcome of a config write: written and in effect, or written but overridden by another layer.')
