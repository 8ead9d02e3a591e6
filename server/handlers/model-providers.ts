// modelProvider/*: the model providers of config.toml's `[model_providers]` table beside this
// server's own built-in one, which provider is the default (`model_provider`), and writes that
// add or change a provider in the user's config.toml, laid out as codex lays them out.
import type { ModelProviderSummary, ProviderSettingsPatch } from '../../generated/experimental/index.js'
import { defineHandlers } from '../handler-types.js'
import { ConfigWriteError, type ConfigEditRequest, type ConfigStore } from './config-store.js'
import type { ConfigTable, ConfigValue } from './config-toml.js'
import { configWriteError, readLayers } from './config.js'
import type { HandlerFamily } from './family.js'
import { MODEL_PROVIDER_ID } from './model-catalog.js'

/** Providers codex knows by id; a custom gateway may not take their ids. */
const BUILT_IN_NAMES: Record<string, string> = {
  [MODEL_PROVIDER_ID]: 'Reference server',
  openai: 'OpenAI',
  'amazon-bedrock': 'Amazon Bedrock Mantle',
  'amazon-bedrock-runtime': 'Amazon Bedrock Runtime',
  gcp: 'Google Cloud Vertex AI',
}

/** modelProvider/*: over the server's config store. */
export function modelProviderFamily(store: ConfigStore): HandlerFamily {
  return {
    name: 'model-provider',
    handlers: defineHandlers({
      'modelProvider/list': async () => {
        const config = (await readLayers(store)).config
        const configured = providersTable(config)
        const ids = [...new Set([MODEL_PROVIDER_ID, ...Object.keys(configured)])].sort()
        return {
          data: ids.map((id) => summary(id, configured[id])),
          defaultProviderId: defaultProviderId(config),
          canChangeDefault: true,
        }
      },

      // Both built-in tools are offered by this server's offline agent, whatever the provider.
      'modelProvider/capabilities/read': async () => {
        await readLayers(store)
        return { imageGeneration: true, webSearch: true }
      },

      'modelProvider/config/write': async ({ settings }) => {
        // The write is planned on what was read and refused if the file changed meanwhile; then
        // planned again on the new contents (a fresh id must not take one written in between).
        for (let attempt = 1; ; attempt++) {
          const snapshot = await readLayers(store)
          try {
            const { id, edits } = planWrite(settings, providersTable(snapshot.config))
            const written = await store.edit(edits, snapshot.version)
            return { provider: summary(id, providersTable(written.config)[id]) }
          } catch (error) {
            if (error instanceof ConfigWriteError && error.code === 'configVersionConflict' && attempt < 3) continue
            if (error instanceof ConfigWriteError) throw configWriteError(error)
            throw error
          }
        }
      },
    }),
  }
}

/** The id written to and the config edits that apply `patch`. */
function planWrite(patch: ProviderSettingsPatch, configured: ConfigTable): { id: string; edits: ConfigEditRequest[] } {
  if (patch.type === 'bedrock') {
    return { id: patch.providerId, edits: fieldEdits([patch.providerId, 'aws'], { region: patch.region, profile: patch.profile }) }
  }
  if (patch.type === 'gcp') {
    return { id: patch.providerId, edits: fieldEdits([patch.providerId], { project_id: patch.projectId, location: patch.location, credential_file: patch.credentialFile }) }
  }
  if (patch.baseUrl != null && !isPlainHttpUrl(patch.baseUrl)) invalid('Enter an HTTP(S) base URL without credentials, a query, or a fragment.')
  const fields = { base_url: patch.baseUrl, env_key: patch.envKey, name: patch.name?.trim() }
  if (patch.providerId != null) {
    if (patch.providerId in BUILT_IN_NAMES) invalid('A custom provider or gateway cannot use a built-in provider ID.')
    if (!(patch.providerId in configured)) throw new ConfigWriteError('configPathNotFound', 'Unknown provider ID.')
    if (fields.name === '') invalid('Enter a provider name.')
    return { id: patch.providerId, edits: fieldEdits([patch.providerId], fields) }
  }
  if (!fields.name) invalid('Enter a provider name.')
  if (patch.baseUrl == null) invalid('A base URL is required to create a custom provider.')
  const id = freshId(fields.name, configured)
  return { id, edits: fieldEdits([id], { ...fields, wire_api: 'responses' }) }
}

/** One edit per field the patch names: a value sets it, null removes it, absent leaves it. */
function fieldEdits(path: string[], fields: Record<string, string | null | undefined>): ConfigEditRequest[] {
  const prefix = ['model_providers', ...path].map((segment) => JSON.stringify(segment)).join('.')
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ keyPath: `${prefix}.${key}`, value: value ?? null, mergeStrategy: 'replace' }))
}

/** The name as an id (`My gateway` → `my-gateway`), numbered when taken (`-2`, `-3`, …). */
function freshId(name: string, configured: ConfigTable): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'custom'
  const taken = (id: string) => id in configured || id in BUILT_IN_NAMES
  let id = base
  for (let number = 2; taken(id); number++) id = `${base}-${number}`
  return id
}

function isPlainHttpUrl(text: string): boolean {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && !text.includes('?') && !text.includes('#')
}

function summary(id: string, entry: ConfigValue | undefined): ModelProviderSummary {
  const table = asTable(entry)
  if (id === MODEL_PROVIDER_ID || id === 'openai') return { id, name: BUILT_IN_NAMES[id]!, canEdit: false, baseUrl: null, settings: { type: 'openai' } }
  if (id === 'amazon-bedrock' || id === 'amazon-bedrock-runtime') {
    const aws = asTable(table.aws)
    return { id, name: BUILT_IN_NAMES[id]!, canEdit: true, baseUrl: null, settings: { type: 'bedrock', profile: text(aws.profile), region: text(aws.region) } }
  }
  if (id === 'gcp') {
    return {
      id, name: BUILT_IN_NAMES[id]!, canEdit: true, baseUrl: null,
      settings: { type: 'gcp', projectId: text(table.project_id), location: text(table.location), credentialFile: text(table.credential_file) },
    }
  }
  const envKey = text(table.env_key)
  return {
    id,
    name: text(table.name) ?? id,
    canEdit: true,
    baseUrl: text(table.base_url),
    settings: { type: 'customGateway', auth: envKey === null ? { mode: 'none' } : { mode: 'environmentVariable', envKey } },
  }
}

/** The provider used when none is named: config.toml's `model_provider`, else this server's own. */
export function defaultProviderId(config: ConfigTable): string {
  return typeof config.model_provider === 'string' ? config.model_provider : MODEL_PROVIDER_ID
}

function providersTable(config: ConfigTable): ConfigTable {
  return asTable(config.model_providers)
}

function asTable(value: ConfigValue | undefined): ConfigTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

function text(value: ConfigValue | undefined): string | null {
  return typeof value === 'string' ? value : null
}

function invalid(message: string): never {
  throw new ConfigWriteError('configValidationError', message)
}
