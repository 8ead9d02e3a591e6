// The model family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const MultiAgentMode = v2('MultiAgentMode', t.oneOf([
  t.enum(['explicitRequestOnly', 'proactive']),
  t.object({
    custom: t.string(),
  }, { closed: true }),
]))

export const Personality = v2('Personality', t.enum(['none', 'friendly', 'pragmatic']))

export const ReasoningEffort = v2('ReasoningEffort', t.string({ minLength: 1 }))

export const CollaborationMode = v2('CollaborationMode', t.object({
  mode: t.ref('ModeKind'),
  settings: t.ref('Settings'),
}))

export const ReasoningSummary = v2('ReasoningSummary', t.oneOf([
  t.enum(['auto', 'concise', 'detailed']),
  t.literal('none'),
]))

export const ConfigurationReasoning = v2('ConfigurationReasoning', t.object({
  effort: t.ref('ReasoningEffort'),
}))

export const ModeKind = v2('ModeKind', t.enum(['plan', 'default']))

export const Settings = v2('Settings', t.object({
  model: t.string(),
  reasoning_effort: t.option(t.ref('ReasoningEffort')),
  developer_instructions: t.option(t.string()),
}))
