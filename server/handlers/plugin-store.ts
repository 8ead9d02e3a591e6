// The plugins and marketplaces of one server's home, kept as codex keeps them: marketplaces added
// from a local folder are recorded in config.toml (`[marketplaces.<name>]`), an installed plugin
// is a copy of its folder under `plugins/cache/<marketplace>/<plugin>/<version>` plus
// `[plugins."<plugin>@<marketplace>"] enabled = true`, so both survive a restart.
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { MarketplaceLoadErrorInfo } from '../../generated/experimental/index.js'
import type { ConfigStore } from './config-store.js'
import type { ConfigTable } from './config-toml.js'
import { MARKETPLACE_MANIFEST, MarketplaceError, pluginId, readMarketplaceFile, type Marketplace, type MarketplacePlugin } from './plugin-catalog.js'

export interface LocalMarketplaceSource {
  sourceType: string
  source: string
}

export interface InstalledCopy {
  /** `name@marketplace`. */
  id: string
  pluginName: string
  /** The folder of the installed copy. */
  folder: string
}

export interface MarketplaceListing {
  marketplaces: Marketplace[]
  errors: MarketplaceLoadErrorInfo[]
}

export class PluginStore {
  readonly cacheRoot: string

  constructor(readonly home: string, readonly config: ConfigStore) {
    this.cacheRoot = join(home, 'plugins', 'cache')
  }

  /** The marketplaces recorded in config.toml, by name. */
  async configuredMarketplaces(): Promise<Map<string, LocalMarketplaceSource>> {
    const table = tableOf((await this.config.read()).config.marketplaces)
    const found = new Map<string, LocalMarketplaceSource>()
    for (const [name, value] of Object.entries(table ?? {})) {
      const entry = tableOf(value)
      if (entry !== undefined && typeof entry.source === 'string') found.set(name, { sourceType: String(entry.source_type ?? 'local'), source: entry.source })
    }
    return found
  }

  /** Every marketplace: the configured ones and those of the given working folders. */
  async listMarketplaces(cwds: readonly string[] = []): Promise<MarketplaceListing> {
    const manifests = [...(await this.configuredMarketplaces()).values()].map((entry) => join(entry.source, MARKETPLACE_MANIFEST))
    for (const cwd of cwds) {
      const manifest = join(cwd, MARKETPLACE_MANIFEST)
      if (!manifests.includes(manifest) && await exists(manifest)) manifests.push(manifest)
    }
    const listing: MarketplaceListing = { marketplaces: [], errors: [] }
    for (const manifest of manifests) {
      try {
        listing.marketplaces.push(await readMarketplaceFile(manifest))
      } catch (error) {
        if (!(error instanceof MarketplaceError)) throw error
        listing.errors.push({ marketplacePath: manifest, message: error.message })
      }
    }
    return listing
  }

  async recordMarketplace(name: string, source: string): Promise<void> {
    await this.config.edit([{ keyPath: `marketplaces.${quoteKey(name)}`, value: { source_type: 'local', source }, mergeStrategy: 'replace' }], null)
  }

  async forgetMarketplace(name: string): Promise<void> {
    await this.config.edit([{ keyPath: `marketplaces.${quoteKey(name)}`, value: null, mergeStrategy: 'replace' }], null)
  }

  /** Ids of installed plugins with whether each is enabled. */
  async installedPlugins(): Promise<Map<string, boolean>> {
    const table = tableOf((await this.config.read()).config.plugins) ?? {}
    const installed = new Map<string, boolean>()
    for (const [id, value] of Object.entries(table)) {
      const at = id.lastIndexOf('@')
      if (at > 0 && await exists(this.#pluginCache(id.slice(at + 1), id.slice(0, at)))) installed.set(id, tableOf(value)?.enabled !== false)
    }
    return installed
  }

  /**
   * Copies the plugin's folder into the cache (through a staging folder, so a failed copy leaves
   * no half plugin) and records it as installed and enabled.
   */
  async install(marketplace: Marketplace, plugin: MarketplacePlugin, version: string | null): Promise<void> {
    const folder = this.#pluginCache(marketplace.name, plugin.name)
    const staging = `${folder}.installing-${process.pid}`
    await rm(staging, { recursive: true, force: true })
    await mkdir(staging, { recursive: true })
    try {
      await cp(plugin.path, join(staging, version ?? 'local'), { recursive: true, dereference: false, errorOnExist: false })
      await rm(folder, { recursive: true, force: true })
      await rename(staging, folder)
    } catch (error) {
      await rm(staging, { recursive: true, force: true })
      throw error
    }
    await this.config.edit([{ keyPath: `plugins.${quoteKey(pluginId(plugin.name, marketplace.name))}`, value: { enabled: true }, mergeStrategy: 'upsert' }], null)
  }

  /** Removes the plugin's record and its cached copy; nothing to do when it is not installed. */
  async uninstall(pluginName: string, marketplaceName: string): Promise<void> {
    await this.config.edit([{ keyPath: `plugins.${quoteKey(pluginId(pluginName, marketplaceName))}`, value: null, mergeStrategy: 'replace' }], null)
    await rm(this.#pluginCache(marketplaceName, pluginName), { recursive: true, force: true })
    const marketplaceCache = join(this.cacheRoot, marketplaceName)
    if ((await readdir(marketplaceCache).catch(() => ['?'])).length === 0) await rm(marketplaceCache, { recursive: true, force: true })
  }

  /** The installed and enabled plugins with the folder of their copy. */
  async enabledCopies(): Promise<InstalledCopy[]> {
    const copies: InstalledCopy[] = []
    for (const [id, enabled] of await this.installedPlugins()) {
      if (!enabled) continue
      const at = id.lastIndexOf('@')
      const [pluginName, marketplaceName] = [id.slice(0, at), id.slice(at + 1)]
      const version = await this.installedVersion(marketplaceName, pluginName)
      if (version !== undefined) copies.push({ id, pluginName, folder: join(this.#pluginCache(marketplaceName, pluginName), version) })
    }
    return copies
  }

  /** The version folder of an installed plugin's copy (`local` for one without a version). */
  async installedVersion(marketplaceName: string, pluginName: string): Promise<string | undefined> {
    return (await readdir(this.#pluginCache(marketplaceName, pluginName)).catch(() => []))[0]
  }

  #pluginCache(marketplaceName: string, pluginName: string): string {
    return join(this.cacheRoot, marketplaceName, pluginName)
  }
}

/** A config key segment, quoted so that dots and `@` in names stay inside it. */
function quoteKey(key: string): string {
  return JSON.stringify(key)
}

function tableOf(value: unknown): ConfigTable | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as ConfigTable : undefined
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}
