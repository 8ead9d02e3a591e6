// The models this server offers. It runs no hosted models: the catalog is fixed data that
// gives clients real entries to list, pick from and page through.
import type { Model, ReasoningEffortOption } from '../../generated/experimental/index.js'

/** The only model provider this server knows. */
export const MODEL_PROVIDER_ID = 'reference'

const EFFORTS: ReasoningEffortOption[] = [
  { reasoningEffort: 'low', description: 'Quick answers with little deliberation' },
  { reasoningEffort: 'medium', description: 'A balance of speed and depth' },
  { reasoningEffort: 'high', description: 'Slower, more thorough answers' },
]

function model(fields: Pick<Model, 'id' | 'displayName' | 'description' | 'hidden' | 'isDefault'> & Partial<Model>): Model {
  // Fields in the order codex sends them; `fields` overrides the defaults in place.
  const entry: Model = {
    id: fields.id,
    model: fields.id,
    upgrade: null,
    upgradeInfo: null,
    availabilityNux: null,
    displayName: fields.displayName,
    description: fields.description,
    modelSpecialty: null,
    hidden: fields.hidden,
    supportedReasoningEfforts: EFFORTS,
    defaultReasoningEffort: 'medium',
    inputModalities: ['text'],
    supportsPersonality: false,
    multiAgentVersion: 'disabled',
    additionalSpeedTiers: [],
    serviceTiers: [],
    defaultServiceTier: null,
    availableAccessPrograms: null,
    isDefault: fields.isDefault,
  }
  return Object.assign(entry, fields)
}

export const MODEL_CATALOG: readonly Model[] = [
  model({
    id: 'reference-standard',
    displayName: 'Reference Standard',
    description: 'Default model of the reference server, for everyday testing of clients.',
    hidden: false,
    isDefault: true,
    inputModalities: ['text', 'image'],
  }),
  model({
    id: 'reference-quick',
    displayName: 'Reference Quick',
    description: 'A lighter model of the reference server that defaults to low effort.',
    hidden: false,
    isDefault: false,
    defaultReasoningEffort: 'low',
  }),
  model({
    id: 'reference-thorough',
    displayName: 'Reference Thorough',
    description: 'A model of the reference server that defaults to high effort.',
    hidden: false,
    isDefault: false,
    defaultReasoningEffort: 'high',
  }),
  model({
    id: 'reference-review',
    displayName: 'Reference Review',
    description: 'Used for automatic reviews; hidden from pickers.',
    hidden: true,
    isDefault: false,
  }),
]
