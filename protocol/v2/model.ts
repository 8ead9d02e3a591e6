// The model family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ModelListParams = v2('ModelListParams', t.object({
  modelProvider: t.option(t.string()),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  includeHidden: t.option(t.boolean()),
}))

export const ModelListResponse = v2('ModelListResponse', t.object({
  data: t.array(t.ref('Model')),
  nextCursor: t.option(t.string()),
}))

export const ModelProviderListParams = v2('ModelProviderListParams', t.object({}))

export const ModelProviderListResponse = v2('ModelProviderListResponse', t.object({
  data: t.array(t.ref('ModelProviderSummary')),
  defaultProviderId: t.string(),
  canChangeDefault: t.boolean(),
}))

export const ModelProviderConfigWriteParams = v2('ModelProviderConfigWriteParams', t.object({
  settings: t.ref('ProviderSettingsPatch'),
}, { closed: true }))

export const ModelProviderConfigWriteResponse = v2('ModelProviderConfigWriteResponse', t.object({
  provider: t.ref('ModelProviderSummary'),
}))

export const ModelProviderCapabilitiesReadParams = v2('ModelProviderCapabilitiesReadParams', t.object({}))

export const ModelProviderCapabilitiesReadResponse = v2('ModelProviderCapabilitiesReadResponse', t.object({
  imageGeneration: t.boolean(),
  webSearch: t.boolean(),
}))

export const CollaborationModeListParams = v2('CollaborationModeListParams', t.object({}))

export const CollaborationModeListResponse = v2('CollaborationModeListResponse', t.object({
  data: t.array(t.ref('CollaborationModeMask')),
}))

export const ModelReroutedNotification = v2('ModelReroutedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  fromModel: t.string(),
  toModel: t.string(),
  reason: t.ref('ModelRerouteReason'),
}))

export const ModelVerificationNotification = v2('ModelVerificationNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  verifications: t.array(t.ref('ModelVerification')),
}))

export const AuthRecoveryNotification = v2('AuthRecoveryNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  provider: t.string(),
  message: t.string(),
}))

export const ModelSafetyBufferingUpdatedNotification = v2('ModelSafetyBufferingUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.string(),
  model: t.string(),
  useCases: t.array(t.string()),
  reasons: t.array(t.string()),
  showBufferingUi: t.boolean(),
  fasterModel: t.option(t.string()),
}))

export const BedrockProviderId = v2('BedrockProviderId', t.enum(['amazon-bedrock', 'amazon-bedrock-runtime']))

export const CollaborationModeMask = v2('CollaborationModeMask', t.object({
  name: t.string(),
  mode: t.option(t.ref('ModeKind')),
  model: t.option(t.string()),
  reasoning_effort: t.option(t.nullable(t.ref('ReasoningEffort'))),
}))

export const GatewayAuth = v2('GatewayAuth', t.tagged('mode', {
  none: {},
  environmentVariable: {
    envKey: t.string(),
  },
  externallyConfigured: {
    envKey: t.option(t.string()),
  },
}))

export const GcpProviderId = v2('GcpProviderId', t.literal('gcp'))

export const InputModality = v2('InputModality', t.oneOf([
  t.literal('text'),
  t.literal('image'),
  t.literal('audio'),
]))

export const Model = v2('Model', t.object({
  id: t.string(),
  model: t.string(),
  upgrade: t.option(t.string()),
  upgradeInfo: t.option(t.ref('ModelUpgradeInfo')),
  availabilityNux: t.option(t.ref('ModelAvailabilityNux')),
  displayName: t.string(),
  description: t.string(),
  modelSpecialty: t.option(t.string(), { default: null }),
  hidden: t.boolean(),
  supportedReasoningEfforts: t.array(t.ref('ReasoningEffortOption')),
  defaultReasoningEffort: t.ref('ReasoningEffort'),
  inputModalities: t.optional(t.array(t.ref('InputModality'), { default: ["text","image"] })),
  supportsPersonality: t.optional(t.boolean({ default: false })),
  multiAgentVersion: t.option(t.ref('MultiAgentVersion')),
  additionalSpeedTiers: t.optional(t.array(t.string(), { default: [] })),
  serviceTiers: t.optional(t.array(t.ref('ModelServiceTier'), { default: [] })),
  defaultServiceTier: t.option(t.string(), { default: null }),
  availableAccessPrograms: t.option(t.ref('ModelAccessPrograms'), { default: null }),
  isDefault: t.boolean(),
}))

export const ModelAccessPrograms = v2('ModelAccessPrograms', t.object({
  cyber: t.array(t.ref('CyberAccessProgram')),
}))

export const ModelAvailabilityNux = v2('ModelAvailabilityNux', t.object({
  message: t.string(),
}))

export const ModelProviderSummary = v2('ModelProviderSummary', t.object({
  id: t.string(),
  name: t.string(),
  canEdit: t.boolean(),
  baseUrl: t.option(t.string()),
  settings: t.ref('ProviderSettings'),
}))

export const ModelRerouteReason = v2('ModelRerouteReason', t.literal('highRiskCyberActivity'))

export const ModelServiceTier = v2('ModelServiceTier', t.object({
  id: t.string(),
  name: t.string(),
  description: t.string(),
}))

export const ModelUpgradeInfo = v2('ModelUpgradeInfo', t.object({
  model: t.string(),
  upgradeCopy: t.option(t.string()),
  modelLink: t.option(t.string()),
  migrationMarkdown: t.option(t.string()),
  retirementAt: t.option(t.int('int64')),
}))

export const ModelVerification = v2('ModelVerification', t.literal('trustedAccessForCyber'))

export const MultiAgentVersion = v2('MultiAgentVersion', t.enum(['disabled', 'v1', 'v2']))

export const ProviderSettings = v2('ProviderSettings', t.tagged('type', {
  openai: {},
  customGateway: {
    auth: t.ref('GatewayAuth'),
  },
  bedrock: {
    profile: t.option(t.string()),
    region: t.option(t.string()),
  },
  gcp: {
    projectId: t.option(t.string()),
    location: t.option(t.string()),
    credentialFile: t.option(t.string()),
  },
}))

export const ProviderSettingsPatch = v2('ProviderSettingsPatch', t.tagged('type', {
  customGateway: t.object({
    baseUrl: t.option(t.string()),
    envKey: t.option(t.string()),
    name: t.optional(t.string()),
    providerId: t.option(t.string()),
  }, { closed: true }),
  bedrock: t.object({
    profile: t.option(t.string()),
    providerId: t.ref('BedrockProviderId'),
    region: t.option(t.string()),
  }, { closed: true }),
  gcp: t.object({
    credentialFile: t.option(t.string()),
    location: t.option(t.string()),
    projectId: t.option(t.string()),
    providerId: t.ref('GcpProviderId'),
  }, { closed: true }),
}))

export const ReasoningEffort = v2('ReasoningEffort', t.string({ minLength: 1 }))

export const ReasoningEffortOption = v2('ReasoningEffortOption', t.object({
  reasoningEffort: t.ref('ReasoningEffort'),
  description: t.string(),
}))

export const ReasoningItemContent = v2('ReasoningItemContent', t.tagged('type', {
  reasoning_text: {
    text: t.string(),
  },
  text: {
    text: t.string(),
  },
}))

export const ReasoningItemReasoningSummary = v2('ReasoningItemReasoningSummary', t.tagged('type', {
  summary_text: {
    text: t.string(),
  },
}))

export const ReasoningSummary = v2('ReasoningSummary', t.oneOf([
  t.enum(['auto', 'concise', 'detailed']),
  t.literal('none'),
]))
