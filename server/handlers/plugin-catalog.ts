// Plugin marketplaces on disk, read the way codex reads them: a marketplace is a folder whose
// `.agents/plugins/marketplace.json` names it and lists its plugins; a plugin is a folder whose
// `.codex-plugin/plugin.json` describes it, with its skills in `skills/<name>/SKILL.md`.
import { readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { PluginInterface, PluginSummary, MarketplaceInterface } from '../../generated/experimental/index.js'

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
  /** Where its skills are: the manifest's `skills` path, else `skills/`. */
  skillsFolder: string
  /** Where its MCP servers are declared: the manifest's `mcpServers` path, else `.mcp.json`. */
  mcpServersFile: string
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

/** The plugin's manifest, or null when its folder has none or it is not JSON (codex skips it then too). */
export async function readPluginManifest(pluginPath: string): Promise<PluginManifest | null> {
  const text = await readFile(join(pluginPath, PLUGIN_MANIFEST), 'utf8').catch(() => undefined)
  if (text === undefined) return null
  let manifest: Record<string, unknown> | undefined
  try {
    manifest = asRecord(JSON.parse(text))
  } catch {
    return null
  }
  if (manifest === undefined) return null
  const name = typeof manifest.name === 'string' && manifest.name.trim() !== '' ? manifest.name : basename(pluginPath)
  const version = typeof manifest.version === 'string' && manifest.version.trim() !== '' ? manifest.version.trim() : null
  return {
    name,
    version,
    description: stringOrNull(manifest.description),
    keywords: strings(manifest.keywords),
    interface: pluginInterface(asRecord(manifest.interface), pluginPath),
    skillsFolder: (typeof manifest.skills === 'string' ? insidePlugin(pluginPath, manifest.skills) : null) ?? join(pluginPath, 'skills'),
    mcpServersFile: (typeof manifest.mcpServers === 'string' ? insidePlugin(pluginPath, manifest.mcpServers) : null) ?? join(pluginPath, '.mcp.json'),
  }
}

/** The MCP servers a plugin declares (`{ "mcpServers": { name: settings } }`), in file order; none when the file is missing or not JSON. */
export async function readPluginMcpServers(file: string): Promise<[string, Record<string, unknown>][]> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return []
  let json: Record<string, unknown> | undefined
  try {
    json = asRecord(JSON.parse(text))
  } catch {
    return []
  }
  return Object.entries(asRecord(json?.mcpServers) ?? {}).flatMap(([name, value]) => {
    const settings = asRecord(value)
    return settings === undefined ? [] : [[name, settings] as [string, Record<string, unknown>]]
  })
}

/** The manifest's `interface`, or null when it sets nothing; asset paths must be `./…` inside the plugin. */
function pluginInterface(json: Record<string, unknown> | undefined, pluginPath: string): PluginInterface | null {
  if (json === undefined) return null
  const text = (...keys: string[]) => keys.map((key) => stringOrNull(json[key])).find((value) => value !== null) ?? null
  const asset = (value: unknown) => typeof value === 'string' ? insidePlugin(pluginPath, value) : null
  const found: PluginInterface = {
    displayName: text('displayName'), shortDescription: text('shortDescription'), longDescription: text('longDescription'),
    developerName: text('developerName'), category: text('category'), capabilities: strings(json.capabilities),
    websiteUrl: text('websiteUrl', 'websiteURL'), privacyPolicyUrl: text('privacyPolicyUrl', 'privacyPolicyURL'),
    termsOfServiceUrl: text('termsOfServiceUrl', 'termsOfServiceURL'), defaultPrompt: defaultPrompts(json.defaultPrompt),
    brandColor: text('brandColor'), composerIcon: asset(json.composerIcon), composerIconUrl: null,
    logo: asset(json.logo), logoDark: null, logoUrl: null, logoUrlDark: null,
    screenshots: strings(json.screenshots).map((path) => insidePlugin(pluginPath, path)).filter((path): path is string => path !== null),
    screenshotUrls: [],
  }
  const setsSomething = Object.values(found).some((value) => Array.isArray(value) ? value.length > 0 : value !== null)
  return setsSomething ? found : null
}

/** Up to three prompts of at most 128 characters, whitespace collapsed; null when none is usable. */
function defaultPrompts(value: unknown): string[] | null {
  const given = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  const prompts: string[] = []
  for (const item of given) {
    if (prompts.length === 3) break
    if (typeof item !== 'string') continue
    const prompt = item.split(/\s+/).filter(Boolean).join(' ')
    if (prompt !== '' && [...prompt].length <= 128) prompts.push(prompt)
  }
  return prompts.length > 0 ? prompts : null
}

/** A manifest path: `./relative`, not leaving the plugin's folder; anything else is ignored. */
function insidePlugin(pluginPath: string, path: string): string | null {
  if (!path.startsWith('./') || path === './') return null
  const parts = path.slice(2).split('/').filter((part) => part !== '' && part !== '.')
  return parts.length === 0 || parts.includes('..') ? null : join(pluginPath, ...parts)
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

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? value as T : fallback
}
