// The account family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const GatewayOAuthReadParams = v2('GatewayOAuthReadParams', t.object({
  modelProvider: t.option(t.string()),
}))

export const GatewayOAuthReadResponse = v2('GatewayOAuthReadResponse', t.object({
  providerId: t.string(),
  providerName: t.string(),
  required: t.boolean(),
  supportsDeviceAuth: t.optional(t.boolean({ default: false })),
  status: t.option(t.ref('GatewayOAuthStatus')),
  error: t.option(t.string()),
}))

export const GatewayOAuthLoginParams = v2('GatewayOAuthLoginParams', t.object({
  modelProvider: t.option(t.string()),
  deviceAuth: t.optional(t.boolean()),
}))

export const GatewayOAuthLoginResponse = v2('GatewayOAuthLoginResponse', t.object({
  prompt: t.option(t.ref('GatewayOAuthPrompt')),
}))

export const LoginAccountParams = v2('LoginAccountParams', t.tagged('type', {
  apiKey: {
    apiKey: t.string(),
  },
  chatgpt: {
    codexStreamlinedLogin: t.optional(t.boolean()),
    useHostedLoginSuccessPage: t.optional(t.boolean()),
    appBrand: t.option(t.ref('LoginAppBrand'), { default: null }),
  },
  chatgptDeviceCode: {},
  chatgptAuthTokens: {
    accessToken: t.string(),
    chatgptAccountId: t.string(),
    chatgptPlanType: t.option(t.string()),
  },
  amazonBedrock: {
    apiKey: t.string(),
    region: t.string(),
  },
  amazonBedrockAccessKeys: {
    accessKeyId: t.string(),
    secretAccessKey: t.string(),
    sessionToken: t.option(t.string()),
    region: t.string(),
  },
}))

export const LoginAccountResponse = v2('LoginAccountResponse', t.tagged('type', {
  apiKey: {},
  chatgpt: {
    loginId: t.string(),
    authUrl: t.string(),
  },
  chatgptDeviceCode: {
    loginId: t.string(),
    verificationUrl: t.string(),
    userCode: t.string(),
  },
  chatgptAuthTokens: {},
  amazonBedrock: {},
}))

export const BedrockDiscoverParams = v2('BedrockDiscoverParams', t.object({}))

export const BedrockDiscoverResponse = v2('BedrockDiscoverResponse', t.object({
  profiles: t.array(t.ref('BedrockAwsProfile')),
  environmentCredentials: t.array(t.ref('BedrockEnvironmentCredential')),
}))

export const BedrockSetupParams = v2('BedrockSetupParams', t.tagged('type', {
  profile: {
    profile: t.string(),
    region: t.string(),
  },
  environment: {
    region: t.string(),
  },
}))

export const BedrockSetupResponse = v2('BedrockSetupResponse', t.object({}))

export const GcpSetupParams = v2('GcpSetupParams', t.object({
  projectId: t.string(),
  location: t.option(t.string()),
  credentialFile: t.option(t.string()),
}))

export const GcpSetupResponse = v2('GcpSetupResponse', t.object({}))

export const BedrockCheckGovCloudRequirementsParams = v2('BedrockCheckGovCloudRequirementsParams', t.object({}))

export const BedrockCheckGovCloudRequirementsResponse = v2('BedrockCheckGovCloudRequirementsResponse', t.object({
  isGovCloud: t.boolean(),
  shouldWarn: t.boolean(),
}))

export const CancelLoginAccountParams = v2('CancelLoginAccountParams', t.object({
  loginId: t.string(),
}))

export const CancelLoginAccountResponse = v2('CancelLoginAccountResponse', t.object({
  status: t.ref('CancelLoginAccountStatus'),
}))

export const AccountSessionsListParams = v2('AccountSessionsListParams', t.object({
  refreshWorkspaceMetadata: t.optional(t.boolean()),
}))

export const AccountSessionsSwitchParams = v2('AccountSessionsSwitchParams', t.object({
  sessionId: t.string(),
  accountId: t.string(),
  allowBrowserLogin: t.optional(t.boolean()),
}))

export const AccountSessionsSwitchResponse = v2('AccountSessionsSwitchResponse', t.anyOf([
  t.object({
    activeSessionId: t.option(t.string()),
    sessions: t.array(t.ref('AccountSession')),
  }),
  t.object({
    auth_url: t.string(),
    login_id: t.string(),
  }),
]))

export const GetAccountRateLimitsParams = v2('GetAccountRateLimitsParams', t.object({
  supportsLunaReserve: t.optional(t.boolean()),
  excludeResetCreditDetails: t.optional(t.boolean()),
}))

export const GetAccountRateLimitsResponse = v2('GetAccountRateLimitsResponse', t.object({
  ordinaryUsageAllowed: t.option(t.boolean()),
  rateLimits: t.ref('RateLimitSnapshot'),
  rateLimitsByLimitId: t.option(t.map(t.ref('RateLimitSnapshot'))),
  rateLimitResetCredits: t.option(t.ref('RateLimitResetCreditsSummary')),
  accountId: t.option(t.string()),
  rateLimitUpsell: t.optional(t.json()),
}))

export const ConsumeAccountRateLimitResetCreditParams = v2('ConsumeAccountRateLimitResetCreditParams', t.object({
  idempotencyKey: t.string(),
  creditId: t.option(t.string()),
}))

export const ConsumeAccountRateLimitResetCreditResponse = v2('ConsumeAccountRateLimitResetCreditResponse', t.object({
  outcome: t.ref('ConsumeAccountRateLimitResetCreditOutcome'),
}))

export const GetAccountTokenUsageParams = v2('GetAccountTokenUsageParams', t.object({
  threadId: t.option(t.string()),
}))

export const GetAccountTokenUsageResponse = v2('GetAccountTokenUsageResponse', t.object({
  summary: t.ref('AccountTokenUsageSummary'),
  dailyUsageBuckets: t.option(t.array(t.ref('AccountTokenUsageDailyBucket'))),
  threadUsage: t.option(t.ref('ThreadUsage'), { default: null }),
}))

export const SendAddCreditsNudgeEmailParams = v2('SendAddCreditsNudgeEmailParams', t.object({
  creditType: t.ref('AddCreditsNudgeCreditType'),
}))

export const SendAddCreditsNudgeEmailResponse = v2('SendAddCreditsNudgeEmailResponse', t.object({
  status: t.ref('AddCreditsNudgeEmailStatus'),
}))

export const GetAccountParams = v2('GetAccountParams', t.object({
  refreshToken: t.optional(t.boolean()),
}))

export const GetAccountResponse = v2('GetAccountResponse', t.object({
  account: t.option(t.ref('Account')),
  userId: t.option(t.string(), { default: null }),
  requiresOpenaiAuth: t.boolean(),
  workspaceRouting: t.experimental('account/read.workspaceRouting', t.option(t.ref('WorkspaceRouting'))),
}))

export const ChatgptAuthTokensRefreshParams = root('ChatgptAuthTokensRefreshParams', t.object({
  reason: t.ref('ChatgptAuthTokensRefreshReason'),
  previousAccountId: t.option(t.string()),
}))

export const ChatgptAuthTokensRefreshResponse = root('ChatgptAuthTokensRefreshResponse', t.object({
  accessToken: t.string(),
  chatgptAccountId: t.string(),
  chatgptPlanType: t.option(t.string()),
}))

export const AccountUpdatedNotification = v2('AccountUpdatedNotification', t.object({
  authMode: t.option(t.ref('AuthMode')),
  planType: t.option(t.ref('PlanType')),
}))

export const GatewayOAuthChangedNotification = v2('GatewayOAuthChangedNotification', t.object({
  loginId: t.option(t.string()),
  authUrl: t.option(t.string()),
  providerId: t.string(),
  status: t.ref('GatewayOAuthStatus'),
  error: t.option(t.string()),
}))

export const AccountRateLimitsUpdatedNotification = v2('AccountRateLimitsUpdatedNotification', t.object({
  rateLimits: t.ref('RateLimitSnapshot'),
}))

export const AccountLoginCompletedNotification = v2('AccountLoginCompletedNotification', t.object({
  loginId: t.option(t.string()),
  success: t.boolean(),
  error: t.option(t.string()),
  onboardingEntrypoint: t.option(t.ref('DesktopOnboardingEntrypoint')),
}))

export const ChatgptAuthTokensRefreshReason = root('ChatgptAuthTokensRefreshReason', t.oneOf([
  t.literal('unauthorized'),
]))

export const Account = v2('Account', t.tagged('type', {
  apiKey: {},
  chatgpt: {
    email: t.nullable(t.string()),
    planType: t.ref('PlanType'),
    workspaceName: t.option(t.string()),
  },
  amazonBedrock: {
    usesCodexManagedCredentials: t.optional(t.boolean({ default: false })),
  },
  gcp: {},
}))

export const AccountRoutingOverride = v2('AccountRoutingOverride', t.enum(['NO_CONSTRAINT', 'us', 'us_cr']))

export const AccountSecuritySetupAction = v2('AccountSecuritySetupAction', t.object({
  label: t.string(),
  url: t.string(),
}))

export const AccountSecuritySetupNotice = v2('AccountSecuritySetupNotice', t.object({
  accountId: t.string(),
  userId: t.string(),
  title: t.string(),
  description: t.string(),
  action: t.ref('AccountSecuritySetupAction'),
}))

export const AccountSession = v2('AccountSession', t.object({
  sessionId: t.string(),
  email: t.option(t.string()),
  userId: t.option(t.string()),
  displayName: t.option(t.string()),
  imageUrl: t.option(t.string()),
  lastUsedAt: t.int('int64'),
  isActive: t.boolean(),
  selectedWorkspaceAccountId: t.option(t.string()),
  workspaces: t.array(t.ref('AccountSessionWorkspace')),
}))

export const AccountSessionWorkspace = v2('AccountSessionWorkspace', t.object({
  accountId: t.string(),
  name: t.option(t.string()),
  imageUrl: t.option(t.string()),
  kind: t.option(t.ref('AccountSessionWorkspaceKind')),
}))

export const AccountSessionWorkspaceKind = v2('AccountSessionWorkspaceKind', t.enum(['personal', 'workspace']))

export const AccountSessionsResponse = v2('AccountSessionsResponse', t.object({
  activeSessionId: t.option(t.string()),
  sessions: t.array(t.ref('AccountSession')),
}))

export const AccountTokenUsageDailyBucket = v2('AccountTokenUsageDailyBucket', t.object({
  startDate: t.string(),
  tokens: t.int('int64'),
}))

export const AccountTokenUsageSummary = v2('AccountTokenUsageSummary', t.object({
  lifetimeTokens: t.option(t.int('int64')),
  peakDailyTokens: t.option(t.int('int64')),
  longestRunningTurnSec: t.option(t.int('int64')),
  currentStreakDays: t.option(t.int('int64')),
  longestStreakDays: t.option(t.int('int64')),
}))

export const AddCreditsNudgeCreditType = v2('AddCreditsNudgeCreditType', t.enum(['credits', 'usage_limit']))

export const AddCreditsNudgeEmailStatus = v2('AddCreditsNudgeEmailStatus', t.enum(['sent', 'cooldown_active']))

export const AuthMode = v2('AuthMode', t.oneOf([
  t.literal('apikey'),
  t.literal('chatgpt'),
  t.literal('chatgptAuthTokens'),
  t.literal('headers'),
  t.literal('agentIdentity'),
  t.literal('personalAccessToken'),
  t.literal('bedrockApiKey'),
  t.literal('bedrockAccessKeys'),
]))

export const AwsCredentialType = v2('AwsCredentialType', t.enum(['accessKeys', 'bedrockApiKey']))

export const BedrockAwsProfile = v2('BedrockAwsProfile', t.object({
  name: t.string(),
  region: t.option(t.string()),
}))

export const BedrockEnvironmentCredential = v2('BedrockEnvironmentCredential', t.object({
  type: t.ref('AwsCredentialType'),
  region: t.option(t.string()),
}))

export const CancelLoginAccountStatus = v2('CancelLoginAccountStatus', t.enum(['canceled', 'notFound']))

export const ConsumeAccountRateLimitResetCreditOutcome = v2('ConsumeAccountRateLimitResetCreditOutcome', t.oneOf([
  t.literal('reset'),
  t.literal('nothingToReset'),
  t.literal('noCredit'),
  t.literal('alreadyRedeemed'),
]))

export const CreditsSnapshot = v2('CreditsSnapshot', t.object({
  hasCredits: t.boolean(),
  unlimited: t.boolean(),
  balance: t.option(t.string()),
}))

export const DesktopOnboardingEntrypoint = v2('DesktopOnboardingEntrypoint', t.literal('life_sciences'))

export const GatewayOAuthCancelResponse = v2('GatewayOAuthCancelResponse', t.object({}))

export const GatewayOAuthPrompt = v2('GatewayOAuthPrompt', t.object({
  loginId: t.string(),
  verificationUrl: t.string(),
  userCode: t.string(),
}))

export const GatewayOAuthStatus = v2('GatewayOAuthStatus', t.enum(['notReady', 'started', 'succeeded', 'failed']))

export const GetAccountSecuritySetupResponse = v2('GetAccountSecuritySetupResponse', t.object({
  notice: t.option(t.ref('AccountSecuritySetupNotice')),
}))

export const GetWorkspaceMessagesResponse = v2('GetWorkspaceMessagesResponse', t.object({
  featureEnabled: t.boolean(),
  messages: t.array(t.ref('WorkspaceMessage')),
}))

export const LoginAppBrand = v2('LoginAppBrand', t.enum(['codex', 'chatgpt']))

export const LogoutAccountResponse = v2('LogoutAccountResponse', t.object({}))

export const PlanType = v2('PlanType', t.enum(['free', 'go', 'plus', 'pro', 'prolite', 'promax', 'team', 'self_serve_business_prolite', 'self_serve_business_usage_based', 'business', 'ent26', 'enterprise_cbp_automation', 'enterprise_cbp_usage_based', 'enterprise', 'edu', 'edu_plus', 'edu_pro', 'sci', 'sci_plus', 'unknown']))

export const RateLimitReachedType = v2('RateLimitReachedType', t.enum(['rate_limit_reached', 'workspace_owner_credits_depleted', 'workspace_member_credits_depleted', 'workspace_owner_usage_limit_reached', 'workspace_member_usage_limit_reached']))

export const RateLimitResetCredit = v2('RateLimitResetCredit', t.object({
  id: t.string(),
  resetType: t.ref('RateLimitResetType'),
  status: t.ref('RateLimitResetCreditStatus'),
  grantedAt: t.int('int64'),
  expiresAt: t.option(t.int('int64')),
  title: t.option(t.string()),
  description: t.option(t.string()),
}))

export const RateLimitResetCreditStatus = v2('RateLimitResetCreditStatus', t.enum(['available', 'redeeming', 'redeemed', 'unknown']))

export const RateLimitResetCreditsSummary = v2('RateLimitResetCreditsSummary', t.object({
  availableCount: t.int('int64'),
  credits: t.option(t.array(t.ref('RateLimitResetCredit'))),
}))

export const RateLimitResetType = v2('RateLimitResetType', t.enum(['codexRateLimits', 'unknown']))

export const RateLimitSnapshot = v2('RateLimitSnapshot', t.object({
  limitId: t.option(t.string()),
  limitName: t.option(t.string()),
  normalModelSlug: t.option(t.string()),
  primary: t.option(t.ref('RateLimitWindow')),
  secondary: t.option(t.ref('RateLimitWindow')),
  credits: t.option(t.ref('CreditsSnapshot')),
  individualLimit: t.option(t.ref('SpendControlLimitSnapshot')),
  spendControlReached: t.option(t.boolean()),
  planType: t.option(t.ref('PlanType')),
  rateLimitReachedType: t.option(t.ref('RateLimitReachedType')),
}))

export const RateLimitWindow = v2('RateLimitWindow', t.object({
  usedPercent: t.int('int32'),
  windowDurationMins: t.option(t.int('int64')),
  resetsAt: t.option(t.int('int64')),
}))

export const SpendControlLimitSnapshot = v2('SpendControlLimitSnapshot', t.object({
  limit: t.string(),
  used: t.string(),
  remainingPercent: t.int('int32'),
  resetsAt: t.int('int64'),
}))

export const ThreadUsage = v2('ThreadUsage', t.object({
  threadId: t.string(),
  estimatedUsageCreditsMicros: t.int('int64'),
  estimatedUsageUsdMicros: t.option(t.int('int64')),
  nativeUsageUsdMicros: t.option(t.int('int64')),
  groups: t.array(t.ref('ThreadUsageBreakdownGroup')),
}))

export const ThreadUsageBreakdownGroup = v2('ThreadUsageBreakdownGroup', t.object({
  model: t.option(t.string()),
  reasoningEffort: t.option(t.string()),
  speed: t.option(t.string()),
  estimatedUsageCreditsMicros: t.int('int64'),
  netNewInputTokens: t.option(t.int('int64')),
  cachedInputTokens: t.option(t.int('int64')),
  inputTokens: t.option(t.int('int64')),
  outputTokens: t.option(t.int('int64')),
  totalTokens: t.option(t.int('int64')),
}))

export const WorkspaceMessage = v2('WorkspaceMessage', t.object({
  messageId: t.string(),
  messageType: t.ref('WorkspaceMessageType'),
  messageBody: t.string(),
  createdAt: t.option(t.int('int64')),
  archivedAt: t.option(t.int('int64')),
}))

export const WorkspaceMessageType = v2('WorkspaceMessageType', t.enum(['headline', 'announcement', 'unknown']))

export const WorkspaceRouting = v2('WorkspaceRouting', t.object({
  chatgptAccountId: t.string(),
  backendOrigin: t.string(),
  accountRoutingOverride: t.ref('AccountRoutingOverride'),
}))
