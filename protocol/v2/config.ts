// The config family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ConfigReadParams = v2('ConfigReadParams', t.object({
  includeLayers: t.optional(t.boolean()),
  cwd: t.option(t.string()),
}))

export const ConfigReadResponse = v2('ConfigReadResponse', t.object({
  config: t.ref('Config'),
  origins: t.map(t.ref('ConfigLayerMetadata')),
  layers: t.option(t.array(t.ref('ConfigLayer'))),
}))

export const ConfigValueWriteParams = v2('ConfigValueWriteParams', t.object({
  keyPath: t.string(),
  value: t.json(),
  mergeStrategy: t.ref('MergeStrategy'),
  filePath: t.option(t.string()),
  expectedVersion: t.option(t.string()),
}))

export const ConfigBatchWriteParams = v2('ConfigBatchWriteParams', t.object({
  edits: t.array(t.ref('ConfigEdit')),
  filePath: t.option(t.string()),
  expectedVersion: t.option(t.string()),
  reloadUserConfig: t.optional(t.boolean()),
}))

export const ConfigWarningNotification = v2('ConfigWarningNotification', t.object({
  summary: t.string(),
  details: t.option(t.string()),
  path: t.option(t.string()),
  range: t.option(t.ref('TextRange')),
}))

export const AllowDenyRequirement = v2('AllowDenyRequirement', t.enum(['allow', 'deny']))

export const AnalyticsConfig = v2('AnalyticsConfig', t.object({
  enabled: t.option(t.boolean()),
}, { additional: true }))

export const AppToolApproval = v2('AppToolApproval', t.enum(['auto', 'prompt', 'writes', 'approve']))

export const ApplicationNetworkRequirements = v2('ApplicationNetworkRequirements', t.object({
  enabled: t.boolean(),
  domains: t.map(t.ref('NetworkDomainPermission')),
}))

export const ApplicationRequirements = v2('ApplicationRequirements', t.object({
  network: t.option(t.ref('ApplicationNetworkRequirements')),
  storage: t.option(t.ref('ApplicationStorageRequirements')),
}))

export const ApplicationStorageRequirements = v2('ApplicationStorageRequirements', t.object({
  defaultProjectParent: t.option(t.ref('LegacyAppPathString')),
  projectlessWorkspaceRoot: t.option(t.ref('LegacyAppPathString')),
}))

export const AppsConfig = v2('AppsConfig', t.object({
  _default: t.option(t.ref('AppsDefaultConfig'), { default: null }),
}))

export const AppsDefaultConfig = v2('AppsDefaultConfig', t.object({
  enabled: t.optional(t.boolean({ default: true })),
  approvals_reviewer: t.option(t.ref('ApprovalsReviewer')),
  destructive_enabled: t.optional(t.boolean({ default: true })),
  open_world_enabled: t.optional(t.boolean({ default: true })),
  default_tools_approval_mode: t.option(t.ref('AppToolApproval')),
}))

export const AutoCompactTokenLimitScope = v2('AutoCompactTokenLimitScope', t.oneOf([
  t.literal('total'),
  t.literal('body_after_prefix'),
]))

export const AutoReviewRequirements = v2('AutoReviewRequirements', t.object({
  requiredOnModels: t.option(t.array(t.string())),
  ignoreRules: t.option(t.array(t.string())),
}))

export const BrowserUseAccessApprovalLifetime = v2('BrowserUseAccessApprovalLifetime', t.enum(['turn', 'thread']))

export const BrowserUseConfig = v2('BrowserUseConfig', t.object({
  allow_history_access: t.option(t.boolean()),
  default_origin_policy: t.option(t.ref('BrowserUseOriginPolicyConfig')),
  origins: t.option(t.map(t.ref('BrowserUseOriginPolicyConfig'))),
}))

export const BrowserUseExtensionRequirements = v2('BrowserUseExtensionRequirements', t.object({
  requestHeaders: t.option(t.array(t.ref('RequestHeader'))),
}))

export const BrowserUseOriginPolicy = v2('BrowserUseOriginPolicy', t.object({
  access: t.option(t.ref('AllowDenyRequirement')),
  downloads: t.option(t.ref('AllowDenyRequirement')),
  uploads: t.option(t.ref('AllowDenyRequirement')),
  fullCdpAccess: t.option(t.ref('AllowDenyRequirement')),
  autoReview: t.option(t.ref('AllowDenyRequirement')),
  persistentApproval: t.option(t.boolean()),
  accessApprovalLifetime: t.option(t.ref('BrowserUseAccessApprovalLifetime')),
}))

export const BrowserUseOriginPolicyConfig = v2('BrowserUseOriginPolicyConfig', t.object({
  access: t.option(t.ref('AllowDenyRequirement')),
  downloads: t.option(t.ref('AllowDenyRequirement')),
  uploads: t.option(t.ref('AllowDenyRequirement')),
  full_cdp_access: t.option(t.ref('AllowDenyRequirement')),
}))

export const BrowserUseRequirements = v2('BrowserUseRequirements', t.object({
  extension: t.option(t.ref('BrowserUseExtensionRequirements')),
  allowWebmcp: t.option(t.boolean()),
  allowHistoryAccess: t.option(t.boolean()),
  disableAutoReview: t.option(t.boolean()),
  allowGlobalPersistentApproval: t.option(t.boolean()),
  defaultOriginPolicy: t.option(t.ref('BrowserUseOriginPolicy')),
  origins: t.option(t.map(t.ref('BrowserUseOriginPolicy'))),
}))

export const CliAuthCredentialsStoreMode = v2('CliAuthCredentialsStoreMode', t.enum(['file', 'keyring', 'auto', 'ephemeral']))

export const ComputerUseConfig = v2('ComputerUseConfig', t.object({
  default_app_access: t.option(t.ref('AllowDenyRequirement')),
  macos: t.option(t.ref('ComputerUseMacosConfig')),
  windows: t.option(t.ref('ComputerUseWindowsConfig')),
}))

export const ComputerUseMacosConfig = v2('ComputerUseMacosConfig', t.object({
  bundle_ids: t.option(t.map(t.ref('AllowDenyRequirement'))),
}))

export const ComputerUseMacosRequirements = v2('ComputerUseMacosRequirements', t.object({
  bundleIds: t.option(t.map(t.ref('AllowDenyRequirement'))),
}))

export const ComputerUseRequirements = v2('ComputerUseRequirements', t.object({
  allowLockedComputerUse: t.option(t.boolean()),
  allowPersistentApproval: t.option(t.boolean()),
  defaultAppAccess: t.option(t.ref('AllowDenyRequirement')),
  macos: t.option(t.ref('ComputerUseMacosRequirements')),
  windows: t.option(t.ref('ComputerUseWindowsRequirements')),
}))

export const ComputerUseWindowsConfig = v2('ComputerUseWindowsConfig', t.object({
  aumids: t.option(t.map(t.ref('AllowDenyRequirement'))),
  exes: t.option(t.array(t.ref('ComputerUseWindowsExeConfig'))),
}))

export const ComputerUseWindowsExeConfig = v2('ComputerUseWindowsExeConfig', t.object({
  publisher_name: t.string(),
  product_name: t.string(),
  binary_name: t.option(t.string()),
  access: t.ref('AllowDenyRequirement'),
}))

export const ComputerUseWindowsExeRequirement = v2('ComputerUseWindowsExeRequirement', t.object({
  publisherName: t.string(),
  productName: t.string(),
  binaryName: t.option(t.string()),
  access: t.ref('AllowDenyRequirement'),
}))

export const ComputerUseWindowsRequirements = v2('ComputerUseWindowsRequirements', t.object({
  aumids: t.option(t.map(t.ref('AllowDenyRequirement'))),
  exes: t.option(t.array(t.ref('ComputerUseWindowsExeRequirement'))),
}))

export const Config = v2('Config', t.object({
  model: t.option(t.string()),
  review_model: t.option(t.string()),
  model_context_window: t.option(t.int('int64')),
  model_auto_compact_token_limit: t.option(t.int('int64')),
  model_auto_compact_token_limit_scope: t.option(t.ref('AutoCompactTokenLimitScope')),
  model_provider: t.option(t.string()),
  approval_policy: t.option(t.ref('AskForApproval')),
  approvals_reviewer: t.option(t.ref('ApprovalsReviewer')),
  sandbox_mode: t.option(t.ref('SandboxMode')),
  sandbox_workspace_write: t.option(t.ref('SandboxWorkspaceWrite')),
  forced_chatgpt_workspace_id: t.option(t.ref('ForcedChatgptWorkspaceIds')),
  forced_login_method: t.option(t.ref('ForcedLoginMethod')),
  web_search: t.option(t.ref('WebSearchMode')),
  client_search_provider: t.option(t.ref('WebSearchProvider')),
  tools: t.option(t.ref('ToolsV2')),
  instructions: t.option(t.string()),
  developer_instructions: t.option(t.string()),
  compact_prompt: t.option(t.string()),
  model_reasoning_effort: t.option(t.ref('ReasoningEffort')),
  model_reasoning_summary: t.option(t.ref('ReasoningSummary')),
  model_verbosity: t.option(t.ref('Verbosity')),
  service_tier: t.option(t.string()),
  analytics: t.option(t.ref('AnalyticsConfig')),
  apps: t.experimental('config/read.apps', t.option(t.ref('AppsConfig'), { default: null })),
  browser_use: t.option(t.ref('BrowserUseConfig')),
  computer_use: t.option(t.ref('ComputerUseConfig')),
  desktop: t.option(t.map(true)),
}, { additional: true }))

export const ConfigEdit = v2('ConfigEdit', t.object({
  keyPath: t.string(),
  value: t.json(),
  mergeStrategy: t.ref('MergeStrategy'),
}))

export const ConfigLayer = v2('ConfigLayer', t.object({
  name: t.ref('ConfigLayerSource'),
  version: t.string(),
  config: t.json(),
  disabledReason: t.option(t.string()),
}))

export const ConfigLayerMetadata = v2('ConfigLayerMetadata', t.object({
  name: t.ref('ConfigLayerSource'),
  version: t.string(),
}))

export const ConfigLayerSource = v2('ConfigLayerSource', t.tagged('type', {
  packagedDefaults: {
    file: t.ref('AbsolutePathBuf'),
  },
  mdm: {
    domain: t.string(),
    key: t.string(),
  },
  system: {
    file: t.ref('AbsolutePathBuf'),
  },
  enterpriseManaged: {
    id: t.string(),
    name: t.string(),
  },
  user: {
    file: t.ref('AbsolutePathBuf'),
    profile: t.option(t.string()),
  },
  project: {
    dotCodexFolder: t.ref('AbsolutePathBuf'),
  },
  sessionFlags: {},
  legacyManagedConfigTomlFromFile: {
    file: t.ref('AbsolutePathBuf'),
  },
  legacyManagedConfigTomlFromMdm: {},
}))

export const ConfigRequirements = v2('ConfigRequirements', t.object({
  modelProvider: t.option(t.string()),
  modelProviders: t.option(t.map(true)),
  allowedLoginMethods: t.option(t.array(t.ref('ForcedLoginMethod'))),
  cliAuthCredentialsStore: t.option(t.ref('CliAuthCredentialsStoreMode')),
  chatgptBaseUrl: t.option(t.string()),
  additionalDeveloperInstructions: t.option(t.string()),
  allowedApprovalPolicies: t.option(t.array(t.ref('AskForApproval'))),
  allowedApprovalsReviewers: t.experimental('configRequirements/read.allowedApprovalsReviewers', t.option(t.array(t.ref('ApprovalsReviewer')))),
  allowedSandboxModes: t.option(t.array(t.ref('SandboxMode'))),
  allowedWindowsSandboxImplementations: t.option(t.array(t.ref('WindowsSandboxImplementation'))),
  allowedPermissionProfiles: t.option(t.map(t.boolean())),
  defaultPermissions: t.option(t.string()),
  allowedWebSearchModes: t.option(t.array(t.ref('WebSearchMode'))),
  allowManagedHooksOnly: t.option(t.boolean()),
  allowBrowserAndComputerUse: t.option(t.boolean()),
  allowAppshots: t.option(t.boolean()),
  allowRemoteControl: t.option(t.boolean()),
  computerUse: t.option(t.ref('ComputerUseRequirements')),
  browserUse: t.option(t.ref('BrowserUseRequirements')),
  inAppBrowser: t.option(t.ref('InAppBrowserRequirements')),
  featureRequirements: t.option(t.map(t.boolean())),
  hooks: t.experimental('configRequirements/read.hooks', t.option(t.ref('ManagedHooksRequirements'))),
  enforceResidency: t.option(t.ref('ResidencyRequirement')),
  network: t.experimental('configRequirements/read.network', t.option(t.ref('NetworkRequirements'))),
  application: t.experimental('configRequirements/read.application', t.option(t.ref('ApplicationRequirements'))),
  autoReview: t.option(t.ref('AutoReviewRequirements')),
  models: t.option(t.ref('ModelsRequirements')),
  sqliteHome: t.option(t.string()),
  logDir: t.option(t.string()),
  modelCatalogJson: t.option(t.string()),
  checkForUpdateOnStartup: t.option(t.boolean()),
  allowLoginShell: t.option(t.boolean()),
  feedback: t.option(t.ref('FeedbackRequirements')),
  otel: t.option(t.ref('OtelRequirements')),
}))

export const ConfigRequirementsReadResponse = v2('ConfigRequirementsReadResponse', t.object({
  supportsIndependentSpeedModes: t.option(t.boolean(), { default: null }),
  requirements: t.option(t.ref('ConfigRequirements')),
}))

export const ConfigWriteResponse = v2('ConfigWriteResponse', t.object({
  status: t.ref('WriteStatus'),
  version: t.string(),
  filePath: t.ref('AbsolutePathBuf'),
  overriddenMetadata: t.option(t.ref('OverriddenMetadata')),
}))

export const ConfigurationReasoning = v2('ConfigurationReasoning', t.object({
  effort: t.ref('ReasoningEffort'),
}))

export const ConfiguredHookHandler = v2('ConfiguredHookHandler', t.tagged('type', {
  command: {
    command: t.string(),
    commandWindows: t.option(t.string()),
    timeoutSec: t.option(t.uint('uint64')),
    async: t.boolean(),
    statusMessage: t.option(t.string()),
    additionalContextLimit: t.option(t.uint('uint')),
  },
  mcp_tool: {
    server: t.string(),
    tool: t.string(),
    input: t.map(true),
    timeoutSec: t.option(t.uint('uint64')),
    statusMessage: t.option(t.string()),
  },
  prompt: {},
  agent: {},
}))

export const ConfiguredHookMatcherGroup = v2('ConfiguredHookMatcherGroup', t.object({
  matcher: t.option(t.string()),
  hooks: t.array(t.ref('ConfiguredHookHandler')),
}))

export const FeedbackRequirements = v2('FeedbackRequirements', t.object({
  enabled: t.option(t.boolean()),
}))

export const ForcedChatgptWorkspaceIds = v2('ForcedChatgptWorkspaceIds', t.anyOf([
  t.string(),
  t.array(t.string()),
]))

export const ForcedLoginMethod = v2('ForcedLoginMethod', t.enum(['chatgpt', 'api']))

export const InAppBrowserRequirements = v2('InAppBrowserRequirements', t.object({
  allowExternalBrowserSettingsImport: t.option(t.boolean()),
}))

export const ManagedHooksRequirements = v2('ManagedHooksRequirements', t.object({
  PreModelRequest: t.optional(t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] })),
  PostModelRequest: t.optional(t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] })),
  managedDir: t.option(t.string()),
  windowsManagedDir: t.option(t.string()),
  PreToolUse: t.array(t.ref('ConfiguredHookMatcherGroup')),
  PermissionRequest: t.array(t.ref('ConfiguredHookMatcherGroup')),
  PostToolUse: t.array(t.ref('ConfiguredHookMatcherGroup')),
  PreCompact: t.array(t.ref('ConfiguredHookMatcherGroup')),
  PostCompact: t.array(t.ref('ConfiguredHookMatcherGroup')),
  SessionStart: t.array(t.ref('ConfiguredHookMatcherGroup')),
  SessionEnd: t.optional(t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] })),
  UserPromptSubmit: t.array(t.ref('ConfiguredHookMatcherGroup')),
  SubagentStart: t.array(t.ref('ConfiguredHookMatcherGroup')),
  SubagentStop: t.array(t.ref('ConfiguredHookMatcherGroup')),
  Stop: t.array(t.ref('ConfiguredHookMatcherGroup')),
  Interrupt: t.optional(t.array(t.ref('ConfiguredHookMatcherGroup'), { default: [] })),
}))

export const McpServerRefreshResponse = v2('McpServerRefreshResponse', t.object({}))

export const MergeStrategy = v2('MergeStrategy', t.enum(['replace', 'upsert']))

export const ModelsRequirements = v2('ModelsRequirements', t.object({
  newThread: t.option(t.ref('NewThreadModelDefaults')),
}))

export const NetworkDomainPermission = v2('NetworkDomainPermission', t.enum(['allow', 'deny']))

export const NetworkRequirements = v2('NetworkRequirements', t.object({
  enabled: t.option(t.boolean()),
  httpPort: t.option(t.uint('uint16')),
  socksPort: t.option(t.uint('uint16')),
  allowUpstreamProxy: t.option(t.boolean()),
  dangerouslyAllowNonLoopbackProxy: t.option(t.boolean()),
  dangerouslyAllowAllUnixSockets: t.option(t.boolean()),
  domains: t.option(t.map(t.ref('NetworkDomainPermission'))),
  reviewDomains: t.option(t.array(t.string())),
  managedAllowedDomainsOnly: t.option(t.boolean()),
  allowedDomains: t.option(t.array(t.string())),
  deniedDomains: t.option(t.array(t.string())),
  unixSockets: t.option(t.map(t.ref('NetworkUnixSocketPermission'))),
  allowUnixSockets: t.option(t.array(t.string())),
  allowLocalBinding: t.option(t.boolean()),
}))

export const NetworkUnixSocketPermission = v2('NetworkUnixSocketPermission', t.enum(['allow', 'deny']))

export const NewThreadModelDefaults = v2('NewThreadModelDefaults', t.object({
  model: t.option(t.string()),
  modelReasoningEffort: t.option(t.ref('ReasoningEffort')),
  serviceTier: t.option(t.string()),
}))

export const OtelExporter = v2('OtelExporter', t.oneOf([
  t.enum(['none', 'statsig']),
  t.object({
    'otlp-http': t.object({
      endpoint: t.string(),
      headers: t.map(t.string()),
      protocol: t.ref('OtelHttpProtocol'),
      tls: t.option(t.ref('OtelTlsConfig')),
    }),
  }, { closed: true }),
  t.object({
    'otlp-grpc': t.object({
      endpoint: t.string(),
      headers: t.map(t.string()),
      tls: t.option(t.ref('OtelTlsConfig')),
    }),
  }, { closed: true }),
]))

export const OtelHttpProtocol = v2('OtelHttpProtocol', t.enum(['binary', 'json']))

export const OtelRequirements = v2('OtelRequirements', t.object({
  tool_result: t.option(t.ref('OtelToolResultLogConfig')),
  log_sse_deltas: t.option(t.boolean()),
  log_user_prompt: t.option(t.boolean()),
  log_agent_responses: t.option(t.boolean()),
  log_guardian_assessments: t.option(t.boolean()),
  environment: t.option(t.string()),
  exporter: t.option(t.ref('OtelExporter')),
  trace_exporter: t.option(t.ref('OtelExporter')),
  metrics_exporter: t.option(t.ref('OtelExporter')),
  span_attributes: t.option(t.map(t.string())),
  tracestate: t.option(t.map(t.map(t.string()))),
}))

export const OtelTlsConfig = v2('OtelTlsConfig', t.object({
  'ca-certificate': t.option(t.string()),
  'client-certificate': t.option(t.string()),
  'client-private-key': t.option(t.string()),
}))

export const OtelToolResultLogConfig = v2('OtelToolResultLogConfig', t.object({
  max_bytes: t.uint('uint'),
}))

export const OverriddenMetadata = v2('OverriddenMetadata', t.object({
  message: t.string(),
  overridingLayer: t.ref('ConfigLayerMetadata'),
  effectiveValue: t.json(),
}))

export const RequestHeader = v2('RequestHeader', t.object({
  name: t.string(),
  value: t.string(),
}))

export const ResidencyRequirement = v2('ResidencyRequirement', t.literal('us'))

export const SandboxWorkspaceWrite = v2('SandboxWorkspaceWrite', t.object({
  writable_roots: t.optional(t.array(t.string(), { default: [] })),
  network_access: t.optional(t.boolean({ default: false })),
  exclude_tmpdir_env_var: t.optional(t.boolean({ default: false })),
  exclude_slash_tmp: t.optional(t.boolean({ default: false })),
}))

export const TextPosition = v2('TextPosition', t.object({
  line: t.uint('uint'),
  column: t.uint('uint'),
}))

export const TextRange = v2('TextRange', t.object({
  start: t.ref('TextPosition'),
  end: t.ref('TextPosition'),
}))

export const ToolsV2 = v2('ToolsV2', t.object({
  web_search: t.option(t.ref('WebSearchToolConfig')),
}))

export const Verbosity = v2('Verbosity', t.enum(['low', 'medium', 'high']))

export const WebSearchContextSize = v2('WebSearchContextSize', t.enum(['low', 'medium', 'high']))

export const WebSearchLocation = v2('WebSearchLocation', t.object({
  country: t.option(t.string()),
  region: t.option(t.string()),
  city: t.option(t.string()),
  timezone: t.option(t.string()),
}, { closed: true }))

export const WebSearchMode = v2('WebSearchMode', t.enum(['disabled', 'cached', 'indexed', 'live']))

export const WebSearchProvider = v2('WebSearchProvider', t.enum(['standalone', 'search_mcp']))

export const WebSearchToolConfig = v2('WebSearchToolConfig', t.object({
  context_size: t.option(t.ref('WebSearchContextSize')),
  allowed_domains: t.option(t.array(t.string())),
  location: t.option(t.ref('WebSearchLocation')),
}, { closed: true }))

export const WindowsSandboxImplementation = v2('WindowsSandboxImplementation', t.enum(['elevated', 'unelevated', 'mxc']))

export const WriteStatus = v2('WriteStatus', t.enum(['ok', 'okOverridden']))
