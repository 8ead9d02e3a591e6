// The account family: signing in and out (ChatGPT, API key, externally managed tokens, Amazon
// Bedrock, Google Cloud, gateway OAuth), switching between saved logins, and reading the account's
// plan, rate limits, credits, usage and workspace messages.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const GatewayOAuthReadParams = v2('GatewayOAuthReadParams', t.object({
  modelProvider: t.option(t.string(), { description: 'Provider to check; the current one when absent.' }),
}), 'Parameters of `account/gatewayOAuth/read`, which reports whether a provider behind an OAuth gateway has usable credentials, without starting a login.')

export const GatewayOAuthReadResponse = v2('GatewayOAuthReadResponse', t.object({
  providerId: t.describe('Id of the provider.', t.string()),
  providerName: t.describe('Display name of the provider.', t.string()),
  required: t.describe('True for providers that sign in through gateway OAuth, whether or not a sign-in exists yet.', t.boolean()),
  supportsDeviceAuth: t.optional(t.describe('True when an admin has set up device authorization for this account; false by default.', t.boolean({ default: false }))),
  status: t.option(t.ref('GatewayOAuthStatus'), { description: 'State of the gateway login; null when the provider does not use gateway OAuth.' }),
  error: t.option(t.string(), { description: 'Why the last login failed, when it did.' }),
}), 'Result of `account/gatewayOAuth/read`: the gateway policy and credential state (never the credentials themselves).')

export const GatewayOAuthLoginParams = v2('GatewayOAuthLoginParams', t.object({
  modelProvider: t.option(t.string(), { description: 'Provider to sign in to; the current one when absent. The default provider and threads\' providers stay as they are.' }),
  deviceAuth: t.optional(t.describe('Use device authorization (a code entered on another device) when the server supports it.', t.boolean())),
}), 'Parameters of `account/gatewayOAuth/login`, which starts a gateway OAuth login; progress arrives as `account/gatewayOAuth/changed`.')

export const GatewayOAuthLoginResponse = v2('GatewayOAuthLoginResponse', t.object({
  prompt: t.option(t.ref('GatewayOAuthPrompt'), { description: 'What to show the user for device authorization; null for browser logins.' }),
}), 'Result of `account/gatewayOAuth/login`.')

export const LoginAccountParams = v2('LoginAccountParams', t.tagged('type', {
  apiKey: {
    apiKey: t.describe('OpenAI API key.', t.string()),
  },
  chatgpt: {
    codexStreamlinedLogin: t.optional(t.describe('Use the shorter Codex sign-in flow.', t.boolean())),
    useHostedLoginSuccessPage: t.optional(t.describe('Finish on a hosted success page instead of the local one.', t.boolean())),
    appBrand: t.option(t.ref('LoginAppBrand'), { default: null, description: 'Branding of the sign-in pages.' }),
  },
  chatgptDeviceCode: {},
  // Gated at run time only: codex's stable schema still lists this arm (observed on 0.169.0).
  chatgptAuthTokens: t.experimental('account/login/start.chatgptAuthTokens', t.object({
    accessToken: t.describe('ChatGPT access token (a JWT) the client obtained; used for backend requests and to read the email.', t.string()),
    chatgptAccountId: t.describe('ChatGPT workspace (account) id.', t.string()),
    chatgptPlanType: t.option(t.string(), { description: 'Plan of the account; when null, taken from the token\'s claims, else `unknown`.' }),
  })),
  amazonBedrock: {
    apiKey: t.describe('Amazon Bedrock API key.', t.string()),
    region: t.describe('AWS region.', t.string()),
  },
  // Gated at run time only, like chatgptAuthTokens.
  amazonBedrockAccessKeys: t.experimental('account/login/start.amazonBedrockAccessKeys', t.object({
    accessKeyId: t.describe('AWS access key id.', t.string()),
    secretAccessKey: t.describe('AWS secret access key.', t.string()),
    sessionToken: t.option(t.string(), { description: 'AWS session token, for temporary credentials.' }),
    region: t.describe('AWS region.', t.string()),
  })),
}), 'Parameters of `account/login/start`: how to sign in — an API key, ChatGPT in a browser, ChatGPT with a device code, ChatGPT tokens the client manages itself, or Amazon Bedrock credentials.')

export const LoginAccountResponse = v2('LoginAccountResponse', t.tagged('type', {
  apiKey: {},
  chatgpt: {
    loginId: t.describe('Id of the login, repeated in `account/login/completed` and used by `account/login/cancel`.', t.string()),
    authUrl: t.describe('URL to open in a browser to sign in.', t.string()),
  },
  chatgptDeviceCode: {
    loginId: t.describe('Id of the login, repeated in `account/login/completed` and used by `account/login/cancel`.', t.string()),
    verificationUrl: t.describe('URL where the user enters the code.', t.string()),
    userCode: t.describe('Short code to type in on that page once signed in.', t.string()),
  },
  chatgptAuthTokens: {},
  amazonBedrock: {},
}), 'Result of `account/login/start`, by login kind. Browser and device-code logins finish later with `account/login/completed`.')

export const BedrockDiscoverParams = v2('BedrockDiscoverParams', t.object({}), 'Parameters of `account/bedrock/discover`; no fields.')

export const BedrockDiscoverResponse = v2('BedrockDiscoverResponse', t.object({
  profiles: t.describe('AWS profiles found in the local AWS configuration.', t.array(t.ref('BedrockAwsProfile'))),
  environmentCredentials: t.describe('AWS credentials found in environment variables.', t.array(t.ref('BedrockEnvironmentCredential'))),
}), 'Result of `account/bedrock/discover`: AWS credentials available on the server host.')

export const BedrockSetupParams = v2('BedrockSetupParams', t.tagged('type', {
  profile: {
    profile: t.describe('AWS profile to use.', t.string()),
    region: t.describe('AWS region.', t.string()),
  },
  environment: {
    region: t.describe('AWS region.', t.string()),
  },
}), 'Parameters of `account/bedrock/setup`: use Amazon Bedrock with a named AWS profile or with the credentials in the environment.')

export const BedrockSetupResponse = v2('BedrockSetupResponse', t.object({}), 'Result of `account/bedrock/setup`; empty on success.')

export const GcpSetupParams = v2('GcpSetupParams', t.object({
  projectId: t.describe('Google Cloud project id.', t.string()),
  location: t.option(t.string(), { description: 'Vertex AI location; `global` when absent or null.' }),
  credentialFile: t.option(t.string(), { description: 'Absolute path of a credential file on the server host; absent or null removes the user-level setting and uses Application Default Credentials (fails without saving if another layer still sets a file).' }),
}), 'Parameters of `account/gcp/setup`, which configures Google Cloud Vertex AI as the model provider.')

export const GcpSetupResponse = v2('GcpSetupResponse', t.object({}), 'Result of `account/gcp/setup`; empty on success.')

export const BedrockCheckGovCloudRequirementsParams = v2('BedrockCheckGovCloudRequirementsParams', t.object({}), 'Parameters of `account/bedrock/checkGovCloudRequirements`; no fields.')

export const BedrockCheckGovCloudRequirementsResponse = v2('BedrockCheckGovCloudRequirementsResponse', t.object({
  isGovCloud: t.describe('Whether the active Bedrock credentials point at an AWS GovCloud region.', t.boolean()),
  shouldWarn: t.describe('True when GovCloud is in use but the managed requirements fall short of the expected baseline; false does not certify the network setup.', t.boolean()),
}), 'Result of `account/bedrock/checkGovCloudRequirements`, an advisory check of the Bedrock setup.')

export const CancelLoginAccountParams = v2('CancelLoginAccountParams', t.object({
  loginId: t.describe('Login to cancel, from `account/login/start`.', t.string()),
}), 'Parameters of `account/login/cancel`.')

export const CancelLoginAccountResponse = v2('CancelLoginAccountResponse', t.object({
  status: t.describe('Whether a pending login was cancelled.', t.ref('CancelLoginAccountStatus')),
}), 'Result of `account/login/cancel`.')

export const AccountSessionsListParams = v2('AccountSessionsListParams', t.object({
  refreshWorkspaceMetadata: t.optional(t.describe('Fetch workspace names and images again instead of using cached ones.', t.boolean())),
}), 'Parameters of `accountSession/list`, which lists the saved ChatGPT logins.')

export const AccountSessionsSwitchParams = v2('AccountSessionsSwitchParams', t.object({
  sessionId: t.describe('Saved login to switch to (opaque id from `accountSession/list`).', t.string()),
  accountId: t.describe('Id of the workspace to use under that login (workspace id, not user id).', t.string()),
  allowBrowserLogin: t.optional(t.describe('Allow a browser sign-in to start if the workspace requires single sign-on.', t.boolean())),
}), 'Parameters of `accountSession/switch`, which makes another saved login and workspace active.')

export const AccountSessionsSwitchResponse = v2('AccountSessionsSwitchResponse', t.anyOf([
  t.object({
    activeSessionId: t.option(t.string(), { description: 'Login that is now active.' }),
    sessions: t.describe('All saved logins after the switch.', t.array(t.ref('AccountSession'))),
  }),
  t.object({
    auth_url: t.describe('URL to open in a browser to finish signing in.', t.string()),
    login_id: t.describe('Id of the browser login that was started.', t.string()),
  }),
]), 'Result of `accountSession/switch`: either the updated logins, or a browser sign-in the user must complete first.')

export const GetAccountRateLimitsParams = v2('GetAccountRateLimitsParams', t.object({
  supportsLunaReserve: t.optional(t.describe('The client can fall back automatically to reserve usage once ordinary usage is used up.', t.boolean())),
  excludeResetCreditDetails: t.optional(t.describe('Skip the per-credit details of reset credits (for background polling); the count is still returned.', t.boolean())),
}), 'Parameters of `account/rateLimits/read`; the flags describe what the client supports.')

export const GetAccountRateLimitsResponse = v2('GetAccountRateLimitsResponse', t.object({
  ordinaryUsageAllowed: t.option(t.boolean(), { description: 'Whether the account may use its included usage now, as the backend decides; null when unknown (do not guess from percentages or reset times).' }),
  rateLimits: t.describe('Limits in the older single-bucket form.', t.ref('RateLimitSnapshot')),
  rateLimitsByLimitId: t.option(t.map(t.ref('RateLimitSnapshot')), { description: 'Limits per metered bucket, keyed by limit id (such as `codex`).' }),
  rateLimitResetCredits: t.option(t.ref('RateLimitResetCreditsSummary'), { description: 'Credits that can reset a rate limit early.' }),
  accountId: t.option(t.string(), { description: 'Account the numbers belong to, when the backend says.' }),
  rateLimitUpsell: t.optional(t.describe('Banner from the backend to show with the usage (its keys are snake_case as the backend sends them); absent means leave the current UI as it is.', t.json())),
}), 'Result of `account/rateLimits/read`.')

export const ConsumeAccountRateLimitResetCreditParams = v2('ConsumeAccountRateLimitResetCreditParams', t.object({
  idempotencyKey: t.describe('Id of this reset attempt (a UUID is a good choice); send the same value when retrying it.', t.string()),
  creditId: t.option(t.string(), { description: 'Credit to use; the next available one when absent.' }),
}), 'Parameters of `account/rateLimitResetCredit/consume`, which spends a credit to reset a rate limit.')

export const ConsumeAccountRateLimitResetCreditResponse = v2('ConsumeAccountRateLimitResetCreditResponse', t.object({
  outcome: t.describe('What happened.', t.ref('ConsumeAccountRateLimitResetCreditOutcome')),
}), 'Result of `account/rateLimitResetCredit/consume`.')

export const GetAccountTokenUsageParams = v2('GetAccountTokenUsageParams', t.object({
  threadId: t.option(t.string(), { description: 'Thread to estimate usage for; account-wide token activity when absent.' }),
}), 'Parameters of `account/usage/read`.')

export const GetAccountTokenUsageResponse = v2('GetAccountTokenUsageResponse', t.object({
  summary: t.describe('Account-wide totals and records.', t.ref('AccountTokenUsageSummary')),
  dailyUsageBuckets: t.option(t.array(t.ref('AccountTokenUsageDailyBucket')), { description: 'Tokens used per day.' }),
  threadUsage: t.option(t.ref('ThreadUsage'), { default: null, description: 'Estimated usage of the requested thread, when it can be worked out.' }),
}), 'Result of `account/usage/read`.')

export const SendAddCreditsNudgeEmailParams = v2('SendAddCreditsNudgeEmailParams', t.object({
  creditType: t.describe('What the user has run out of.', t.ref('AddCreditsNudgeCreditType')),
}), 'Parameters of `account/sendAddCreditsNudgeEmail`, which emails the workspace owner asking for more credits or a higher limit.')

export const SendAddCreditsNudgeEmailResponse = v2('SendAddCreditsNudgeEmailResponse', t.object({
  status: t.describe('Whether the email was sent.', t.ref('AddCreditsNudgeEmailStatus')),
}), 'Result of `account/sendAddCreditsNudgeEmail`.')

export const GetAccountParams = v2('GetAccountParams', t.object({
  refreshToken: t.optional(t.describe('Refresh the access token before answering; ignored when the client manages the tokens (it should refresh them itself and log in again with `chatgptAuthTokens`).', t.boolean())),
}), 'Parameters of `account/read`.')

export const GetAccountResponse = v2('GetAccountResponse', t.object({
  account: t.option(t.ref('Account'), { description: 'The signed-in account; null when not signed in.' }),
  userId: t.option(t.string(), { default: null, description: 'ChatGPT user id, when known.' }),
  requiresOpenaiAuth: t.describe('Whether the current model provider needs an OpenAI login.', t.boolean()),
  workspaceRouting: t.experimental('account/read.workspaceRouting', t.option(t.ref('WorkspaceRouting'), { description: 'Which backend the workspace is routed to.' })),
}), 'Result of `account/read`: who is signed in.')

export const ChatgptAuthTokensRefreshParams = root('ChatgptAuthTokensRefreshParams', t.object({
  reason: t.describe('Why new tokens are needed.', t.ref('ChatgptAuthTokensRefreshReason')),
  previousAccountId: t.option(t.string(), { description: 'Workspace (account) id in use until now, to help clients with several workspaces pick the right one; null when it was not known.' }),
}), 'Parameters of the `account/chatgptAuthTokens/refresh` server request, which asks a client that manages ChatGPT tokens itself for fresh ones.')

export const ChatgptAuthTokensRefreshResponse = root('ChatgptAuthTokensRefreshResponse', t.object({
  accessToken: t.describe('New ChatGPT access token (a JWT).', t.string()),
  chatgptAccountId: t.describe('ChatGPT workspace (account) id.', t.string()),
  chatgptPlanType: t.option(t.string(), { description: 'Plan of the account; taken from the token when null.' }),
}), 'The client\'s answer to `account/chatgptAuthTokens/refresh`.')

export const AccountUpdatedNotification = v2('AccountUpdatedNotification', t.object({
  authMode: t.option(t.ref('AuthMode'), { description: 'How the user is signed in now; null when signed out.' }),
  planType: t.option(t.ref('PlanType'), { description: 'Plan of the account, when known.' }),
  reason: t.added('0.171.0', t.option(t.ref('AccountUpdateReason'), { description: 'Why this update was sent, when it is not an ordinary sign-in change.' })),
}), 'Sent when the signed-in account or its plan changes.')

export const AccountUpdateReason = v2('AccountUpdateReason', t.enum(['workspaceRoutingReady', 'unknown']), { added: '0.171.0', description: 'Why an `account/updated` was sent: `workspaceRoutingReady` once the account\'s workspace routing is known.' })

export const GatewayOAuthChangedNotification = v2('GatewayOAuthChangedNotification', t.object({
  loginId: t.option(t.string(), { description: 'Device login attempt this is about, when it is one.' }),
  authUrl: t.option(t.string(), { description: 'URL to open to authorize; sent only to the connection that started the login.' }),
  providerId: t.describe('Provider the login is for.', t.string()),
  status: t.describe('New state of the login.', t.ref('GatewayOAuthStatus')),
  error: t.option(t.string(), { description: 'Why it failed, when it did.' }),
}), 'Sent as a gateway OAuth login progresses.')

export const AccountRateLimitsUpdatedNotification = v2('AccountRateLimitsUpdatedNotification', t.object({
  rateLimits: t.describe('The values that changed; merge them into the last `account/rateLimits/read` result (missing values do not clear earlier ones) or read again.', t.ref('RateLimitSnapshot')),
}), 'A partial update of the account\'s rate limits.')

export const AccountLoginCompletedNotification = v2('AccountLoginCompletedNotification', t.object({
  loginId: t.option(t.string(), { description: 'Login that finished, from `account/login/start`.' }),
  success: t.describe('Whether the user is now signed in.', t.boolean()),
  error: t.option(t.string(), { description: 'Why it failed, when it did.' }),
  onboardingEntrypoint: t.option(t.ref('DesktopOnboardingEntrypoint'), { description: 'Onboarding flow the desktop app should open, when there is one.' }),
}), 'Sent when a browser or device-code login finishes.')

export const ChatgptAuthTokensRefreshReason = root('ChatgptAuthTokensRefreshReason', t.oneOf([
  t.literal('unauthorized'),
]), 'Why the server asks for new ChatGPT tokens: the backend rejected the current ones.')

export const Account = v2('Account', t.tagged('type', {
  apiKey: {},
  chatgpt: {
    email: t.describe('Email of the user; null when unknown.', t.nullable(t.string())),
    planType: t.describe('Plan of the account.', t.ref('PlanType')),
    workspaceName: t.option(t.string(), { description: 'Name of the selected ChatGPT workspace, when known.' }),
  },
  amazonBedrock: {
    usesCodexManagedCredentials: t.optional(t.describe('Whether Codex stores the AWS credentials itself rather than using the AWS configuration (default false).', t.boolean({ default: false }))),
  },
  gcp: {},
}), 'The signed-in account: an API key, a ChatGPT account, Amazon Bedrock, or Google Cloud.')

export const AccountRoutingOverride = v2('AccountRoutingOverride', t.enum(['NO_CONSTRAINT', 'us', 'us_cr']), 'Backend routing rule for a workspace: `NO_CONSTRAINT`, or one of the US routing options (`us`, `us_cr`).')

export const AccountSecuritySetupAction = v2('AccountSecuritySetupAction', t.object({
  label: t.describe('Button text.', t.string()),
  url: t.describe('Where the button leads.', t.string()),
}), 'The action offered by a security reminder.')

export const AccountSecuritySetupNotice = v2('AccountSecuritySetupNotice', t.object({
  accountId: t.describe('Account the reminder is for.', t.string()),
  userId: t.describe('User the reminder is for.', t.string()),
  title: t.describe('Heading.', t.string()),
  description: t.describe('Body text.', t.string()),
  action: t.describe('What the user can do about it.', t.ref('AccountSecuritySetupAction')),
}), 'A reminder to improve the account\'s security settings.')

export const AccountSession = v2('AccountSession', t.object({
  sessionId: t.describe('Opaque id of the saved login.', t.string()),
  email: t.option(t.string(), { description: 'Email of the user.' }),
  userId: t.option(t.string(), { description: 'ChatGPT user id.' }),
  displayName: t.option(t.string(), { description: 'Name of the user.' }),
  imageUrl: t.option(t.string(), { description: 'URL of the user\'s picture.' }),
  lastUsedAt: t.describe('When the login was last used (Unix time).', t.int('int64')),
  isActive: t.describe('Whether this is the active login.', t.boolean()),
  selectedWorkspaceAccountId: t.option(t.string(), { description: 'Workspace selected in this login.' }),
  workspaces: t.describe('Workspaces the login can use.', t.array(t.ref('AccountSessionWorkspace'))),
}), 'A saved ChatGPT login.')

export const AccountSessionWorkspace = v2('AccountSessionWorkspace', t.object({
  accountId: t.describe('Workspace (account) id.', t.string()),
  name: t.option(t.string(), { description: 'Workspace name.' }),
  imageUrl: t.option(t.string(), { description: 'URL of the workspace\'s picture.' }),
  kind: t.option(t.ref('AccountSessionWorkspaceKind'), { description: 'Personal account or shared workspace.' }),
}), 'A workspace available to a saved login.')

export const AccountSessionWorkspaceKind = v2('AccountSessionWorkspaceKind', t.enum(['personal', 'workspace']), 'Whether a workspace is the user\'s personal account or a shared workspace.')

export const AccountSessionsResponse = v2('AccountSessionsResponse', t.object({
  activeSessionId: t.option(t.string(), { description: 'Login that is active; null when none is.' }),
  sessions: t.describe('The saved logins.', t.array(t.ref('AccountSession'))),
}), 'Result of `accountSession/list`.')

export const AccountTokenUsageDailyBucket = v2('AccountTokenUsageDailyBucket', t.object({
  startDate: t.describe('The day, as a date string.', t.string()),
  tokens: t.describe('Tokens used that day.', t.int('int64')),
}), 'Token usage for one day.')

export const AccountTokenUsageSummary = v2('AccountTokenUsageSummary', t.object({
  lifetimeTokens: t.option(t.int('int64'), { description: 'Tokens used in total.' }),
  peakDailyTokens: t.option(t.int('int64'), { description: 'Most tokens used in one day.' }),
  longestRunningTurnSec: t.option(t.int('int64'), { description: 'Longest turn, in seconds.' }),
  currentStreakDays: t.option(t.int('int64'), { description: 'Consecutive days of use up to today.' }),
  longestStreakDays: t.option(t.int('int64'), { description: 'Longest run of consecutive days of use.' }),
}), 'Account-wide usage totals and records; each is null when not known.')

export const AddCreditsNudgeCreditType = v2('AddCreditsNudgeCreditType', t.enum(['credits', 'usage_limit']), 'What a member ran out of: credits, or their usage limit.')

export const AddCreditsNudgeEmailStatus = v2('AddCreditsNudgeEmailStatus', t.enum(['sent', 'cooldown_active']), 'Whether the email went out, or one was sent recently and the request was skipped.')

export const AuthMode = v2('AuthMode', t.oneOf([
  t.literal('apikey'),
  t.literal('chatgpt'),
  t.literal('chatgptAuthTokens'),
  t.literal('headers'),
  t.literal('agentIdentity'),
  t.literal('personalAccessToken'),
  t.literal('bedrockApiKey'),
  t.literal('bedrockAccessKeys'),
]), 'How Codex authenticates to OpenAI-backed or Bedrock providers: API key, ChatGPT login, client-managed ChatGPT tokens, custom headers, an agent identity, a personal access token, or Bedrock credentials.')

export const AwsCredentialType = v2('AwsCredentialType', t.enum(['accessKeys', 'bedrockApiKey']), 'Kind of AWS credential: access keys or a Bedrock API key.')

export const BedrockAwsProfile = v2('BedrockAwsProfile', t.object({
  name: t.describe('Profile name.', t.string()),
  region: t.option(t.string(), { description: 'Region the profile sets, if any.' }),
}), 'An AWS profile found in the local AWS configuration.')

export const BedrockEnvironmentCredential = v2('BedrockEnvironmentCredential', t.object({
  type: t.describe('Kind of credential.', t.ref('AwsCredentialType')),
  region: t.option(t.string(), { description: 'Region set in the environment, if any.' }),
}), 'AWS credentials found in environment variables.')

export const CancelLoginAccountStatus = v2('CancelLoginAccountStatus', t.enum(['canceled', 'notFound']), 'Whether a pending login was cancelled or no such login was found.')

export const ConsumeAccountRateLimitResetCreditOutcome = v2('ConsumeAccountRateLimitResetCreditOutcome', t.oneOf([
  t.literal('reset'),
  t.literal('nothingToReset'),
  t.literal('noCredit'),
  t.literal('alreadyRedeemed'),
]), 'Outcome of spending a reset credit: the limit was reset, no limit needed resetting, no credit was available, or this attempt was already redeemed.')

export const CreditsSnapshot = v2('CreditsSnapshot', t.object({
  hasCredits: t.describe('Whether the account has credits.', t.boolean()),
  unlimited: t.describe('Whether its credits are unlimited.', t.boolean()),
  balance: t.option(t.string(), { description: 'Remaining balance, as a decimal string.' }),
}), 'The account\'s credit balance.')

export const DesktopOnboardingEntrypoint = v2('DesktopOnboardingEntrypoint', t.literal('life_sciences'), 'An onboarding flow the desktop application can open after login.')

export const GatewayOAuthCancelResponse = v2('GatewayOAuthCancelResponse', t.object({}), 'Result of `account/gatewayOAuth/cancel`; empty on success.')

export const GatewayOAuthPrompt = v2('GatewayOAuthPrompt', t.object({
  loginId: t.describe('Id of the login attempt.', t.string()),
  verificationUrl: t.describe('URL where the user enters the code.', t.string()),
  userCode: t.describe('Code the user enters.', t.string()),
}), 'What to show the user for a gateway device-authorization login.')

export const GatewayOAuthStatus = v2('GatewayOAuthStatus', t.enum(['notReady', 'started', 'succeeded', 'failed']), 'State of a gateway OAuth login: no usable credentials yet, in progress, signed in, or failed.')

export const GetAccountSecuritySetupResponse = v2('GetAccountSecuritySetupResponse', t.object({
  notice: t.option(t.ref('AccountSecuritySetupNotice'), { description: 'Reminder to show; null when there is none for this account. Reading it changes nothing.' }),
}), 'Result of `account/securitySetup/read`.')

export const GetWorkspaceMessagesResponse = v2('GetWorkspaceMessagesResponse', t.object({
  featureEnabled: t.describe('Whether workspace messages are available to this client.', t.boolean()),
  messages: t.describe('Current messages.', t.array(t.ref('WorkspaceMessage'))),
}), 'Result of `account/workspaceMessages/read`: messages the workspace administrators posted.')

export const LoginAppBrand = v2('LoginAppBrand', t.enum(['codex', 'chatgpt']), 'Branding of the sign-in pages.')

export const LogoutAccountResponse = v2('LogoutAccountResponse', t.object({}), 'Result of `account/logout`; empty on success.')

export const PlanType = v2('PlanType', t.enum(['free', 'go', 'plus', 'pro', 'prolite', 'promax', 'team', 'self_serve_business_prolite', 'self_serve_business_usage_based', 'business', 'ent26', 'enterprise_cbp_automation', 'enterprise_cbp_usage_based', 'enterprise', 'edu', 'edu_plus', 'edu_pro', 'sci', 'sci_plus', 'unknown']), 'ChatGPT plan of an account; `unknown` for plans this version does not know.')

export const RateLimitReachedType = v2('RateLimitReachedType', t.enum(['rate_limit_reached', 'workspace_owner_credits_depleted', 'workspace_member_credits_depleted', 'workspace_owner_usage_limit_reached', 'workspace_member_usage_limit_reached']), 'Which limit stopped usage: the rate limit, or the workspace\'s credits or usage limit (told apart for owners and members).')

export const RateLimitResetCredit = v2('RateLimitResetCredit', t.object({
  id: t.describe('Opaque id of the credit.', t.string()),
  resetType: t.describe('What the credit resets.', t.ref('RateLimitResetType')),
  status: t.describe('Whether it can still be used.', t.ref('RateLimitResetCreditStatus')),
  grantedAt: t.describe('When it was granted, in Unix epoch seconds.', t.int('int64')),
  expiresAt: t.option(t.int('int64'), { description: 'When it expires, in Unix epoch seconds; null when it does not.' }),
  title: t.option(t.string(), { description: 'Title to show.' }),
  description: t.option(t.string(), { description: 'Description to show.' }),
}), 'A credit that resets a rate limit early.')

export const RateLimitResetCreditStatus = v2('RateLimitResetCreditStatus', t.enum(['available', 'redeeming', 'redeemed', 'unknown']), 'State of a reset credit.')

export const RateLimitResetCreditsSummary = v2('RateLimitResetCreditsSummary', t.object({
  availableCount: t.describe('Number of credits available.', t.int('int64')),
  credits: t.option(t.array(t.ref('RateLimitResetCredit')), { description: 'Details of available credits; null when only the count is known, empty when none were returned. The list may be shorter than `availableCount`.' }),
}), 'The account\'s rate-limit reset credits.')

export const RateLimitResetType = v2('RateLimitResetType', t.enum(['codexRateLimits', 'unknown']), 'What a reset credit resets.')

export const RateLimitSnapshot = v2('RateLimitSnapshot', t.object({
  limitId: t.option(t.string(), { description: 'Id of the metered bucket (such as `codex`).' }),
  limitName: t.option(t.string(), { description: 'Display name of the bucket.' }),
  normalModelSlug: t.option(t.string(), { description: 'Model whose name and reasoning options describe this bucket.' }),
  primary: t.option(t.ref('RateLimitWindow'), { description: 'The shorter limit window.' }),
  secondary: t.option(t.ref('RateLimitWindow'), { description: 'The longer limit window.' }),
  credits: t.option(t.ref('CreditsSnapshot'), { description: 'Credit balance.' }),
  individualLimit: t.option(t.ref('SpendControlLimitSnapshot'), { description: 'The user\'s own spending limit within the workspace.' }),
  spendControlReached: t.option(t.boolean(), { description: 'Whether a spending limit has been hit; null when not known (not a sign it was lifted).' }),
  planType: t.option(t.ref('PlanType'), { description: 'Plan of the account.' }),
  rateLimitReachedType: t.option(t.ref('RateLimitReachedType'), { description: 'Which limit stopped usage, when one did.' }),
}), 'Rate limits and credits of one usage bucket.')

export const RateLimitWindow = v2('RateLimitWindow', t.object({
  usedPercent: t.describe('How much of the window is used, in percent (0 to 100).', t.int('int32')),
  windowDurationMins: t.option(t.int('int64'), { description: 'Length of the window, in minutes.' }),
  resetsAt: t.option(t.int('int64'), { description: 'When the window resets, in Unix epoch seconds.' }),
}), 'Usage within one rate-limit window.')

export const SpendControlLimitSnapshot = v2('SpendControlLimitSnapshot', t.object({
  limit: t.describe('The spending limit, as a decimal string.', t.string()),
  used: t.describe('Amount spent, as a decimal string.', t.string()),
  remainingPercent: t.describe('Share of the limit left, in percent.', t.int('int32')),
  resetsAt: t.describe('When the limit resets, in Unix epoch seconds.', t.int('int64')),
}), 'A spending limit and how much of it is used.')

export const ThreadUsage = v2('ThreadUsage', t.object({
  threadId: t.describe('Thread the estimate is for.', t.string()),
  estimatedUsageCreditsMicros: t.describe('Estimated usage in millionths of a credit.', t.int('int64')),
  estimatedUsageUsdMicros: t.option(t.int('int64'), { description: 'Estimated usage in millionths of a US dollar, when available.' }),
  nativeUsageUsdMicros: t.option(t.int('int64'), { description: 'Usage billed directly in dollars, in millionths of a US dollar, separate from the credit estimate; null when unknown (not zero).' }),
  groups: t.describe('Breakdown by model and settings.', t.array(t.ref('ThreadUsageBreakdownGroup'))),
}), 'Estimated usage of one thread.')

export const ThreadUsageBreakdownGroup = v2('ThreadUsageBreakdownGroup', t.object({
  model: t.option(t.string(), { description: 'Model.' }),
  reasoningEffort: t.option(t.string(), { description: 'Reasoning effort.' }),
  speed: t.option(t.string(), { description: 'Speed mode.' }),
  estimatedUsageCreditsMicros: t.describe('Estimated usage in millionths of a credit.', t.int('int64')),
  netNewInputTokens: t.option(t.int('int64'), { description: 'Input tokens that were not cached.' }),
  cachedInputTokens: t.option(t.int('int64'), { description: 'Input tokens served from the cache.' }),
  inputTokens: t.option(t.int('int64'), { description: 'All input tokens.' }),
  outputTokens: t.option(t.int('int64'), { description: 'Output tokens.' }),
  totalTokens: t.option(t.int('int64'), { description: 'Input plus output tokens.' }),
}), 'Part of a thread\'s usage that shares one model, reasoning effort and speed.')

export const WorkspaceMessage = v2('WorkspaceMessage', t.object({
  messageId: t.describe('Message id.', t.string()),
  messageType: t.describe('Kind of message.', t.ref('WorkspaceMessageType')),
  messageBody: t.describe('Message text.', t.string()),
  createdAt: t.option(t.int('int64'), { description: 'When it was posted, in Unix epoch seconds.' }),
  archivedAt: t.option(t.int('int64'), { description: 'When it was archived, in Unix epoch seconds; null while current.' }),
}), 'A message the workspace administrators posted for members.')

export const WorkspaceMessageType = v2('WorkspaceMessageType', t.enum(['headline', 'announcement', 'unknown']), 'Kind of workspace message.')

export const WorkspaceRouting = v2('WorkspaceRouting', t.object({
  chatgptAccountId: t.describe('Workspace (account) id.', t.string()),
  backendOrigin: t.describe('Origin URL of the backend the workspace uses.', t.string()),
  accountRoutingOverride: t.describe('Routing rule applied to the workspace.', t.ref('AccountRoutingOverride')),
}), 'Which backend a workspace\'s requests go to.')
