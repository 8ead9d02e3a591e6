// Plugin marketplaces on disk, read the way codex reads them: a marketplace is a folder whose
// `.agents/plugins/marketplace.json` names it and lists its plugins; a plugin is a folder whose
// `.codex-plugin/plugin.json` describes it, with its skills in `skills/<name>/SKILL.md`.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { PluginInterface, PluginSummary, MarketplaceInterface } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'

export const MARKETPLACE_MANIFEST = join('.agents', 'plugins', 'marketplace.json')
export const PLUGIN_MANIFEST = join('.codex-plugin', 'plugin.json')

export interface MarketplacePlugin {
  name: string
  /** Absolute folder of the plugin's source. */
  path: string
  installPolicy: PluginSummary['installPolicy']
  authPolicy: PluginSummary['authPolicy']
}

export interface Marketplace {
  name: string
  /** Absolute path of its marketplace.json. */
  manifestPath: string
  interface: MarketplaceInterface | null
  plugins: MarketplacePlugin[]
}

export interface PluginManifest {
  name: string
  version: string | null
  description: string | null
  keywords: string[]
  interface: PluginInterface | null
}

/** What is wrong with a marketplace, worded as codex words it. */
export class MarketplaceError extends Error {}

/** Names used as folder names and config keys: no separators, no dots-only names. */
const SAFE_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/

/** The marketplace whose root folder is `root`. */
export function readMarketplaceRoot(root: string): Promise<Marketplace> {
  return readMarketplaceFile(join(root, MARKETPLACE_MANIFEST), `invalid marketplace file \`${root}\`: marketplace root does not contain a supported manifest`)
}

/** The marketplace described by `manifestPath` (its root is two folders up). */
export async function readMarketplaceFile(manifestPath: string, missing = `marketplace file \`${manifestPath}\` does not exist`): Promise<Marketplace> {
  const text = await readFile(manifestPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new MarketplaceError(missing)
    throw error
  })
  const invalid = (reason: string) => new MarketplaceError(`invalid marketplace file \`${manifestPath}\`: ${reason}`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalid((error as Error).message)
  }
  const manifest = asRecord(json)
  if (manifest === undefined || typeof manifest.name !== 'string') throw invalid('missing field `name`')
  if (!SAFE_NAME.test(manifest.name)) throw invalid(`invalid marketplace name \`${manifest.name}\``)
  const root = resolve(manifestPath, '..', '..', '..')
  const plugins: MarketplacePlugin[] = []
  for (const [index, entry] of (Array.isArray(manifest.plugins) ? manifest.plugins : []).entries()) {
    const plugin = asRecord(entry)
    const source = asRecord(plugin?.source)
    if (plugin === undefined || typeof plugin.name !== 'string' || !SAFE_NAME.test(plugin.name)) throw invalid(`plugins[${index}]: missing or invalid \`name\``)
    // Only plugins kept inside the marketplace can be installed offline; codex skips other sources too when it cannot fetch them.
    if (source?.source !== 'local' || typeof source.path !== 'string') continue
    const policy = asRecord(plugin.policy)
    plugins.push({
      name: plugin.name,
      path: resolve(root, source.path),
      installPolicy: oneOf(policy?.installation, ['NOT_AVAILABLE', 'AVAILABLE', 'INSTALLED_BY_DEFAULT'], 'AVAILABLE'),
      authPolicy: oneOf(policy?.authentication, ['ON_INSTALL', 'ON_USE'], 'ON_INSTALL'),
    })
  }
  const displayName = asRecord(manifest.interface)?.displayName
  return { name: manifest.name, manifestPath, interface: typeof displayName === 'string' ? { displayName } : null, plugins }
}

/** The plugin's manifest, or null when its folder has none. */
export async function readPluginManifest(pluginPath: string): Promise<PluginManifest | null> {
  const text = await readFile(join(pluginPath, PLUGIN_MANIFEST), 'utf8').catch(() => undefined)
  if (text === undefined) return null
  let json: Record<string, unknown> | undefined
  try {
    json = asRecord(JSON.parse(text))
  } catch (error) {
    throw new RpcError(ErrorCode.invalidRequest, `invalid plugin manifest \`${join(pluginPath, PLUGIN_MANIFEST)}\`: ${(error as Error).message}`)
  }
  const manifest = json ?? {}
  return {
    name: typeof manifest.name === 'string' ? manifest.name : '',
    version: stringOrNull(manifest.version),
    description: stringOrNull(manifest.description),
    keywords: Array.isArray(manifest.keywords) ? manifest.keywords.filter((word): word is string => typeof word === 'string') : [],
    interface: pluginInterface(asRecord(manifest.interface), pluginPath),
  }
}

function pluginInterface(json: Record<string, unknown> | undefined, pluginPath: string): PluginInterface | null {
  if (json === undefined) return null
  const text = (key: string) => stringOrNull(json[key])
  const strings = (key: string) => Array.isArray(json[key]) ? (json[key] as unknown[]).filter((item): item is string => typeof item === 'string') : []
  const file = (key: string) => typeof json[key] === 'string' ? resolve(pluginPath, json[key] as string) : null
  const prompt = json.defaultPrompt
  return {
    displayName: text('displayName'), shortDescription: text('shortDescription'), longDescription: text('longDescription'),
    developerName: text('developerName'), category: text('category'), capabilities: strings('capabilities'),
    websiteUrl: text('websiteUrl'), privacyPolicyUrl: text('privacyPolicyUrl'), termsOfServiceUrl: text('termsOfServiceUrl'),
    defaultPrompt: typeof prompt === 'string' ? [prompt] : Array.isArray(prompt) ? strings('defaultPrompt') : null,
    brandColor: text('brandColor'), composerIcon: file('composerIcon'), composerIconUrl: null,
    logo: file('logo'), logoDark: file('logoDark'), logoUrl: null, logoUrlDark: null,
    screenshots: strings('screenshots').map((path) => resolve(pluginPath, path)), screenshotUrls: [],
  }
}

/** `name@marketplace`, the id codex gives a plugin of a local marketplace. */
export function pluginId(pluginName: string, marketplaceName: string): string {
  return `${pluginName}@${marketplaceName}`
}

/** Splits `name@marketplace`; undefined when the id is not one. */
export function parsePluginId(id: string): { pluginName: string; marketplaceName: string } | undefined {
  const at = id.lastIndexOf('@')
  const pluginName = id.slice(0, at)
  const marketplaceName = id.slice(at + 1)
  return at > 0 && SAFE_NAME.test(pluginName) && SAFE_NAME.test(marketplaceName) ? { pluginName, marketplaceName } : undefined
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? value as T : fallback
}
