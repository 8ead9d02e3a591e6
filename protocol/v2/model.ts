// Models and model providers: the model catalog, provider settings, collaboration mode presets,
// reasoning options, and notifications about how a turn's model request was handled.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ModelListParams = v2('ModelListParams', t.object({
  modelProvider: t.option(t.string(), { description: 'Id of a configured provider to list models for; null uses the server\'s default provider.' }),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; the server picks a default when null.' }),
  includeHidden: t.option(t.boolean(), { description: 'Also return models the picker normally hides; default false.' }),
}), 'Lists the models the user can choose from, one page at a time.')

export const ModelListResponse = v2('ModelListResponse', t.object({
  data: t.array(t.ref('Model')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of the model catalog.')

export const ModelProviderListParams = v2('ModelProviderListParams', t.object({}), 'Lists the configured model providers.')

export const ModelProviderListResponse = v2('ModelProviderListResponse', t.object({
  data: t.array(t.ref('ModelProviderSummary')),
  defaultProviderId: t.describe('Id of the provider used when none is named.', t.string()),
  canChangeDefault: t.describe('Whether the client may change the default provider (false when config it cannot write pins it).', t.boolean()),
}), 'The configured model providers and which one is the default.')

export const ModelProviderConfigWriteParams = v2('ModelProviderConfigWriteParams', t.object({
  settings: t.describe('The provider to create or change, and the settings to set.', t.ref('ProviderSettingsPatch')),
}, { closed: true }), 'Creates or changes a model provider in the user\'s config.')

export const ModelProviderConfigWriteResponse = v2('ModelProviderConfigWriteResponse', t.object({
  provider: t.describe('The provider as configured after the write.', t.ref('ModelProviderSummary')),
}), 'The provider after the write.')

export const ModelProviderDefaultSetParams = v2('ModelProviderDefaultSetParams', t.object({
  providerId: t.describe('A configured provider, used from now on for new threads and for model lists that name no provider.', t.string()),
}), { added: '0.171.0', description: 'Makes a configured model provider the default.' })

export const ModelProviderCapabilitiesReadParams = v2('ModelProviderCapabilitiesReadParams', t.object({}), 'Asks which built-in tools the current model provider supports.')

export const ModelProviderCapabilitiesReadResponse = v2('ModelProviderCapabilitiesReadResponse', t.object({
  imageGeneration: t.describe('The provider can generate images.', t.boolean()),
  webSearch: t.describe('The provider offers built-in web search.', t.boolean()),
}), 'Built-in tools the current model provider supports.')

export const CollaborationModeListParams = v2('CollaborationModeListParams', t.object({}), 'Lists the collaboration mode presets.')

export const CollaborationModeListResponse = v2('CollaborationModeListResponse', t.object({
  data: t.array(t.ref('CollaborationModeMask')),
}), 'The collaboration mode presets clients can offer.')

export const ModelReroutedNotification = v2('ModelReroutedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  fromModel: t.describe('Model the turn asked for.', t.string()),
  toModel: t.describe('Model that actually served it.', t.string()),
  reason: t.ref('ModelRerouteReason'),
}), 'Sent when a turn\'s request was served by a different model than the one asked for.')

export const ModelVerificationNotification = v2('ModelVerificationNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  verifications: t.describe('The verifications the account holds.', t.array(t.ref('ModelVerification'))),
}), 'Sent when a turn ran with access verifications that unlock restricted model behaviour.')

export const AuthRecoveryNotification = v2('AuthRecoveryNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  provider: t.describe('Id of the model provider whose credentials are being recovered.', t.string()),
  message: t.describe('Text to show the user.', t.string()),
}), 'Sent during a turn when the server had to recover a provider\'s credentials (e.g. refresh or re-login); tells the user what happened.')

export const ModelSafetyBufferingUpdatedNotification = v2('ModelSafetyBufferingUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  model: t.describe('The model whose output is being held back.', t.string()),
  useCases: t.describe('Safety use cases that triggered buffering.', t.array(t.string())),
  reasons: t.describe('Reasons given for buffering.', t.array(t.string())),
  showBufferingUi: t.describe('Whether the client should show that output is being held back.', t.boolean()),
  fasterModel: t.option(t.string(), { description: 'A model the user could switch to that is not buffered, if any.' }),
}), 'Sent when the model\'s output in a turn starts or stops being held back for safety checks.')

export const BedrockProviderId = v2('BedrockProviderId', t.enum(['amazon-bedrock', 'amazon-bedrock-runtime']), 'Ids of the built-in Amazon Bedrock providers.')

export const CollaborationModeMask = v2('CollaborationModeMask', t.object({
  name: t.describe('Name of the preset, for display.', t.string()),
  mode: t.option(t.ref('ModeKind'), { description: 'Collaboration mode the preset selects; null leaves the mode unchanged.' }),
  model: t.option(t.string(), { description: 'Model the preset selects; null leaves the model unchanged.' }),
  reasoning_effort: t.option(t.nullable(t.ref('ReasoningEffort')), { description: 'Absent leaves the effort unchanged; null clears it; a value sets it.' }),
}), 'A collaboration mode preset: a named set of mode, model and effort that a client can apply.')

export const GatewayAuth = v2('GatewayAuth', t.tagged('mode', {
  none: {},
  environmentVariable: {
    envKey: t.describe('Environment variable holding the key.', t.string()),
  },
  externallyConfigured: {
    envKey: t.option(t.string(), { description: 'Environment variable holding the key, if one is configured.' }),
  },
}), 'How a custom gateway authenticates: not at all, with a key read from an environment variable, or by means configured outside codex.')

export const GcpProviderId = v2('GcpProviderId', t.literal('gcp'), 'Id of the built-in Google Cloud provider.')

export const InputModality = v2('InputModality', t.oneOf([
  t.literal('text'),
  t.literal('image'),
  t.literal('audio'),
]), 'A kind of user input a model accepts.')

export const Model = v2('Model', t.object({
  id: t.describe('Id of this catalog entry.', t.string()),
  model: t.describe('Model name to pass in requests (e.g. `model` of `thread/start`).', t.string()),
  upgrade: t.option(t.string(), { description: 'Model recommended instead of this one, if any.' }),
  upgradeInfo: t.option(t.ref('ModelUpgradeInfo'), { description: 'Details of the recommended upgrade, if any.' }),
  availabilityNux: t.option(t.ref('ModelAvailabilityNux'), { description: 'A one-time notice to show about this model\'s availability, if any.' }),
  displayName: t.describe('Name to show the user.', t.string()),
  description: t.describe('Short text to show the user.', t.string()),
  modelSpecialty: t.option(t.string(), { default: null, description: 'What the model is specialised for, if anything.' }),
  hidden: t.describe('Whether the model picker should leave it out by default.', t.boolean()),
  supportedReasoningEfforts: t.describe('Reasoning efforts the model accepts.', t.array(t.ref('ReasoningEffortOption'))),
  defaultReasoningEffort: t.describe('Effort used when none is chosen.', t.ref('ReasoningEffort')),
  inputModalities: t.optional(t.describe('Kinds of user input the model accepts.', t.array(t.ref('InputModality'), { default: ["text","image"] }))),
  supportsPersonality: t.optional(t.describe('Deprecated; always false.', t.boolean({ default: false }))),
  multiAgentVersion: t.option(t.ref('MultiAgentVersion'), { description: 'Which multi-agent runtime the model uses; null when it does not say.' }),
  additionalSpeedTiers: t.optional(t.describe('Deprecated; use `serviceTiers`.', t.array(t.string(), { default: [] }))),
  serviceTiers: t.optional(t.describe('Service tiers that can be chosen for this model.', t.array(t.ref('ModelServiceTier'), { default: [] }))),
  defaultServiceTier: t.option(t.string(), { default: null, description: 'Id of the service tier used by default, if the catalog sets one.' }),
  availableAccessPrograms: t.option(t.ref('ModelAccessPrograms'), { default: null, description: 'Access programs the caller can opt into for this model; null when the catalog does not say.' }),
  isDefault: t.describe('Whether this is the default model.', t.boolean()),
}), 'An entry of the model catalog, with what it supports and its defaults.')

export const ModelAccessPrograms = v2('ModelAccessPrograms', t.object({
  cyber: t.describe('Cyber access programs the caller may select.', t.array(t.ref('CyberAccessProgram'))),
}), 'Access programs the caller may explicitly opt into for a model.')

export const ModelAvailabilityNux = v2('ModelAvailabilityNux', t.object({
  message: t.describe('Text to show.', t.string()),
}), 'A one-time notice about a model\'s availability.')

export const ModelProviderSummary = v2('ModelProviderSummary', t.object({
  id: t.describe('Provider id, as used in config and in `modelProvider` params.', t.string()),
  name: t.describe('Name to show the user.', t.string()),
  canEdit: t.describe('Whether the client can change this provider\'s settings in the user\'s config.', t.boolean()),
  baseUrl: t.option(t.string(), { description: 'Endpoint URL; null when there is none or it should not be shown.' }),
  settings: t.ref('ProviderSettings'),
}), 'A configured model provider.')

export const ModelRerouteReason = v2('ModelRerouteReason', t.literal('highRiskCyberActivity'), 'Why a request was served by another model.')

export const ModelServiceTier = v2('ModelServiceTier', t.object({
  id: t.describe('Tier id to pass in requests.', t.string()),
  name: t.describe('Name to show the user.', t.string()),
  description: t.describe('Short text to show the user.', t.string()),
}), 'A service tier (speed or priority level) a model can run at.')

export const ModelUpgradeInfo = v2('ModelUpgradeInfo', t.object({
  model: t.describe('The model to upgrade to.', t.string()),
  upgradeCopy: t.option(t.string(), { description: 'Short text explaining the upgrade.' }),
  modelLink: t.option(t.string(), { description: 'URL with more about the new model.' }),
  migrationMarkdown: t.option(t.string(), { description: 'Longer migration notes, in Markdown.' }),
  retirementAt: t.option(t.int('int64'), { description: 'When the old model is planned to be retired, as a Unix timestamp; for display only.' }),
}), 'A recommended replacement for a model and how to present it.')

export const ModelVerification = v2('ModelVerification', t.literal('trustedAccessForCyber'), 'An access verification that applied to a turn.')

export const MultiAgentVersion = v2('MultiAgentVersion', t.enum(['disabled', 'v1', 'v2']), 'Which multi-agent runtime a model uses, if any.')

export const ProviderSettings = v2('ProviderSettings', t.tagged('type', {
  openai: {},
  customGateway: {
    auth: t.ref('GatewayAuth'),
  },
  bedrock: {
    profile: t.option(t.string(), { description: 'AWS profile name, if set.' }),
    region: t.option(t.string(), { description: 'AWS region, if set.' }),
  },
  gcp: {
    projectId: t.option(t.string(), { description: 'GCP project id, if set.' }),
    location: t.option(t.string(), { description: 'GCP location (region), if set.' }),
    credentialFile: t.option(t.string(), { description: 'Path of the credential file on the server\'s machine, if set (never its contents).' }),
  },
}), 'Provider-specific settings: OpenAI, a custom gateway, Amazon Bedrock, or Google Cloud.')

export const ProviderSettingsPatch = v2('ProviderSettingsPatch', t.tagged('type', {
  customGateway: t.object({
    baseUrl: t.option(t.string(), { description: 'Endpoint URL of the gateway.' }),
    envKey: t.option(t.string(), { description: 'Environment variable holding the API key.' }),
    name: t.optional(t.describe('Name to show the user.', t.string())),
    providerId: t.option(t.string(), { description: 'Provider to change; null or absent creates a new custom provider with a fresh id.' }),
  }, { closed: true, description: 'Settings of a custom OpenAI-compatible gateway.' }),
  bedrock: t.object({
    profile: t.option(t.string(), { description: 'AWS profile name.' }),
    providerId: t.describe('Which built-in Bedrock provider to configure.', t.ref('BedrockProviderId')),
    region: t.option(t.string(), { description: 'AWS region.' }),
  }, { closed: true, description: 'AWS settings of a built-in Bedrock provider.' }),
  gcp: t.object({
    credentialFile: t.option(t.string(), { description: 'Path of a credential file on the server\'s machine.' }),
    location: t.option(t.string(), { description: 'GCP location (region).' }),
    projectId: t.option(t.string(), { description: 'GCP project id.' }),
    providerId: t.ref('GcpProviderId'),
  }, { closed: true, description: 'Settings of the GCP provider.' }),
}), 'Changes to a provider\'s settings: absent fields keep their value, null clears a nullable field.')

export const ReasoningEffort = v2('ReasoningEffort', t.string({ minLength: 1 }), 'How hard the model reasons before answering, such as `low`, `medium` or `high`; the values a model accepts are in its `supportedReasoningEfforts`.')

export const ReasoningEffortOption = v2('ReasoningEffortOption', t.object({
  reasoningEffort: t.ref('ReasoningEffort'),
  description: t.describe('What this effort level is good for, for display.', t.string()),
}), 'A reasoning effort a model accepts, with a description.')

export const ReasoningItemContent = v2('ReasoningItemContent', t.tagged('type', {
  reasoning_text: {
    text: t.string(),
  },
  text: {
    text: t.string(),
  },
}), 'A piece of the model\'s raw reasoning text.')

export const ReasoningItemReasoningSummary = v2('ReasoningItemReasoningSummary', t.tagged('type', {
  summary_text: {
    text: t.string(),
  },
}), 'A piece of the summary of the model\'s reasoning.')

export const ReasoningSummary = v2('ReasoningSummary', t.oneOf([
  t.enum(['auto', 'concise', 'detailed']),
  t.literal('none'),
]), 'How much reasoning summary to ask the model for, or `none`.')
