// plugin/* and marketplace/*: plugins from marketplaces kept in local folders, installed into the
// server's home (see PluginStore). The remote catalog, sharing and Git marketplaces need
// ChatGPT's backend or the network, so those answer the error codex gives offline.
import { realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import type { PluginDetail, PluginMarketplaceEntry, PluginSummary } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import { failsOffline } from './offline.js'
import { isSystemError, osErrorMessage } from './os-error.js'
import { pageByOffset } from './paging.js'
import { MarketplaceError, parsePluginId, pluginId, readMarketplaceFile, readMarketplaceRoot, readPluginManifest, readPluginMcpServers, type Marketplace, type MarketplacePlugin } from './plugin-catalog.js'
import { PluginStore } from './plugin-store.js'
import { readSkillFolder } from './skill-files.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

const REMOTE_CATALOG = 'chatgpt authentication required for remote plugin catalog'
const RESERVED_MARKETPLACE = 'openai-curated'
const invalid = (message: string) => new RpcError(ErrorCode.invalidRequest, message)

export class PluginFamily implements HandlerFamily {
  readonly name = 'plugin'
  readonly offlineErrors = [
    'plugin/skill/read', 'plugin/share/save', 'plugin/share/updateTargets', 'plugin/share/list', 'plugin/share/checkout', 'plugin/share/delete',
  ] as const
  readonly handlers
  readonly store: PluginStore

  constructor(environment: Pick<FamilyEnvironment, 'home'>, config: ConfigStore) {
    const store = (this.store = new PluginStore(environment.home, config))
    this.handlers = defineHandlers({
      'marketplace/add': async ({ source: given, refName, sparsePaths }) => {
        const source = parseMarketplaceSource(given, refName ?? undefined)
        if (source.kind === 'git') {
          // Git marketplaces are cloned from the network (codex accepts no file:// URL), which this server does not reach.
          throw new RpcError(ErrorCode.internal, `git clone ${source.url} failed: this server is offline and cannot fetch Git marketplaces; add a marketplace from a local folder instead`)
        }
        if (sparsePaths != null && sparsePaths.length > 0) throw invalid('--sparse is only supported for git marketplace sources')
        const root = await realpath(source.path).catch((error: unknown) => {
          throw isSystemError(error) ? invalid(`failed to resolve local marketplace source path: ${osErrorMessage(error)}`) : error
        })
        if (!(await stat(root)).isDirectory()) throw invalid('local marketplace source must be a directory, not a file')
        const marketplace = await readMarketplaceRoot(root).catch(asInvalidRequest)
        const configured = await store.configuredMarketplaces()
        const existing = configured.get(marketplace.name)
        if (existing?.source === root) return { marketplaceName: marketplace.name, installedRoot: root, alreadyAdded: true }
        if (marketplace.name === RESERVED_MARKETPLACE) throw invalid(`marketplace '${RESERVED_MARKETPLACE}' is reserved and cannot be added from ${root}`)
        if (existing !== undefined) throw invalid(`marketplace '${marketplace.name}' is already added from a different source; remove it before adding ${root}`)
        await store.recordMarketplace(marketplace.name, root)
        return { marketplaceName: marketplace.name, installedRoot: root, alreadyAdded: false }
      },

      // A local marketplace is the user's own folder: removing it forgets it and deletes nothing.
      'marketplace/remove': async ({ marketplaceName }) => {
        if (!(await store.configuredMarketplaces()).has(marketplaceName)) throw invalid(`marketplace \`${marketplaceName}\` is not configured or installed`)
        await store.forgetMarketplace(marketplaceName)
        return { marketplaceName, installedRoot: null }
      },

      // Only Git marketplaces are upgraded, and none can be added offline.
      'marketplace/upgrade': async ({ marketplaceName }) => {
        if (marketplaceName != null) throw invalid(`marketplace \`${marketplaceName}\` is not configured as a Git marketplace`)
        return { selectedMarketplaces: [], upgradedRoots: [], errors: [] }
      },

      'plugin/list': async ({ cwds, marketplaceKinds }) => {
        const wantsLocal = marketplaceKinds == null || marketplaceKinds.includes('local')
        const { marketplaces, errors } = wantsLocal ? await store.listMarketplaces(cwds ?? []) : { marketplaces: [], errors: [] }
        const installed = await store.installedPlugins()
        return { marketplaces: await Promise.all(marketplaces.map((market) => entryOf(market, installed))), marketplaceLoadErrors: errors, featuredPluginIds: [] }
      },

      'plugin/installed': async ({ cwds, installSuggestionPluginNames }) => {
        const { marketplaces, errors } = await store.listMarketplaces(cwds ?? [])
        const installed = await store.installedPlugins()
        const suggested = new Set(installSuggestionPluginNames ?? [])
        const entries: PluginMarketplaceEntry[] = []
        for (const market of marketplaces) {
          const entry = await entryOf(market, installed)
          entry.plugins = entry.plugins.filter((plugin) => plugin.installed || suggested.has(plugin.name))
          if (entry.plugins.length > 0) entries.push(entry)
        }
        return { marketplaces: entries, marketplaceLoadErrors: errors }
      },

      'plugin/search': async ({ searchTerm, cwds, cursor, limit }) => {
        const { marketplaces } = await store.listMarketplaces(cwds ?? [])
        const installed = await store.installedPlugins()
        const term = searchTerm.trim().toLowerCase()
        const results = []
        for (const market of marketplaces) {
          for (const plugin of (await entryOf(market, installed)).plugins) {
            const haystack = [plugin.name, plugin.interface?.displayName, plugin.interface?.shortDescription, ...(plugin.keywords ?? [])]
            if (haystack.some((text) => text?.toLowerCase().includes(term))) results.push({ plugin, marketplaceName: market.name, marketplacePath: market.manifestPath })
          }
        }
        return pageByOffset(results, cursor, limit, 'plugins')
      },

      'plugin/read': async ({ marketplacePath, remoteMarketplaceName, pluginName }) => {
        const market = await localMarketplace('plugin/read', marketplacePath, remoteMarketplaceName, 'read remote plugin details')
        const plugin = findPlugin(market, pluginName)
        const manifest = await readPluginManifest(plugin.path)
        const installed = await store.installedPlugins()
        const { skills } = await readSkillFolder(manifest?.skillsFolder ?? join(plugin.path, 'skills'))
        const mcpServers = manifest === null ? [] : (await readPluginMcpServers(manifest.mcpServersFile)).map(([name]) => name)
        const detail: PluginDetail = {
          marketplaceName: market.name,
          marketplacePath: market.manifestPath,
          summary: await summaryOf(market, plugin, installed),
          shareUrl: null,
          description: manifest?.description ?? null,
          skills: skills.map((skill) => ({ name: `${plugin.name}:${skill.name}`, description: skill.description, shortDescription: null, interface: null, path: skill.path, enabled: true })),
          onboardingSkill: null,
          hooks: [],
          apps: [],
          appTemplates: [],
          mcpServers,
          scheduledTasks: null,
        }
        return { plugin: detail }
      },

      'plugin/install': async ({ marketplacePath, remoteMarketplaceName, pluginName }) => {
        const market = await localMarketplace('plugin/install', marketplacePath, remoteMarketplaceName, 'install remote plugin')
        const plugin = findPlugin(market, pluginName)
        const manifest = await readPluginManifest(plugin.path)
        if (manifest === null) throw invalid('missing plugin.json')
        await store.install(market, plugin, manifest.version)
        return { authPolicy: plugin.authPolicy, appsNeedingAuth: [] }
      },

      'plugin/uninstall': async ({ pluginId: id }) => {
        const parsed = parsePluginId(id)
        if (parsed === undefined) throw invalid('invalid remote plugin id')
        await store.uninstall(parsed.pluginName, parsed.marketplaceName)
        return {}
      },

      // Installed copies are brought up to date with their local sources; the remote part needs an account.
      'plugin/reconcile': async () => {
        const { marketplaces } = await store.listMarketplaces()
        const installed = await store.installedPlugins()
        const changedPlugins = []
        for (const market of marketplaces) {
          for (const plugin of market.plugins) {
            const id = pluginId(plugin.name, market.name)
            if (!installed.has(id)) continue
            const manifest = await readPluginManifest(plugin.path)
            if (manifest === null || (await store.installedVersion(market.name, plugin.name)) === (manifest.version ?? 'local')) continue
            await store.install(market, plugin, manifest.version)
            const hasSkills = (await readSkillFolder(manifest.skillsFolder)).skills.length > 0
            const hasMcps = (await readPluginMcpServers(manifest.mcpServersFile)).length > 0
            changedPlugins.push({ id, hasMcps, hasApps: false, hasHooks: false, hasSkills })
          }
        }
        return { changedPlugins, failedRemotePluginIds: [], failedMaterializationRemotePluginIds: [] }
      },

      'plugin/skill/read': failsOffline(`read remote plugin skill details: ${REMOTE_CATALOG}`),
      'plugin/share/save': failsOffline(`save remote plugin share: ${REMOTE_CATALOG}`),
      'plugin/share/updateTargets': failsOffline(`update remote plugin share targets: ${REMOTE_CATALOG}`),
      'plugin/share/list': failsOffline(`list remote plugin shares: ${REMOTE_CATALOG}`),
      'plugin/share/checkout': failsOffline(`checkout plugin share: ${REMOTE_CATALOG}`),
      'plugin/share/delete': failsOffline(`delete remote plugin share: ${REMOTE_CATALOG}`),
    })
  }
}

/** The local marketplace a plugin request names; the remote catalog needs a ChatGPT account. */
async function localMarketplace(method: string, marketplacePath: string | null | undefined, remoteMarketplaceName: string | null | undefined, remoteAction: string): Promise<Marketplace> {
  if ((marketplacePath == null) === (remoteMarketplaceName == null)) throw invalid(`${method} requires exactly one of marketplacePath or remoteMarketplaceName`)
  if (marketplacePath == null) throw invalid(`${remoteAction}: ${REMOTE_CATALOG}`)
  return readMarketplaceFile(marketplacePath).catch(asInvalidRequest)
}

function findPlugin(market: Marketplace, pluginName: string): MarketplacePlugin {
  const plugin = market.plugins.find((candidate) => candidate.name === pluginName)
  if (plugin === undefined) throw invalid(`plugin \`${pluginName}\` was not found in marketplace \`${market.name}\``)
  return plugin
}

async function entryOf(market: Marketplace, installed: Map<string, boolean>): Promise<PluginMarketplaceEntry> {
  return {
    name: market.name,
    path: market.manifestPath,
    interface: market.interface,
    plugins: await Promise.all(market.plugins.map((plugin) => summaryOf(market, plugin, installed))),
  }
}

async function summaryOf(market: Marketplace, plugin: MarketplacePlugin, installed: Map<string, boolean>): Promise<PluginSummary> {
  const id = pluginId(plugin.name, market.name)
  const manifest = await readPluginManifest(plugin.path).catch(() => null)
  return {
    id, remotePluginId: null, version: null, localVersion: manifest?.version ?? null, name: plugin.name, shareContext: null,
    source: { type: 'local', path: plugin.path },
    installed: installed.has(id), installedAt: null, enabled: installed.get(id) ?? false,
    installPolicy: plugin.installPolicy, installPolicySource: null, mustShowInstallationInterstitial: null, authPolicy: plugin.authPolicy,
    availability: 'AVAILABLE', disabledReason: null, eligiblePlanTypes: null,
    interface: manifest?.interface ?? null, keywords: manifest?.keywords ?? [],
  }
}

type MarketplaceSource = { kind: 'local'; path: string } | { kind: 'git'; url: string; ref: string | undefined }

/**
 * A marketplace source as codex reads it: a path (absolute, `./`, `../`, `~/`, `.`, `..`) is a
 * local folder; an http(s) or ssh URL or GitHub's `owner/repo` is a Git repository, with an
 * optional ref after `#` (or `@` outside URLs) that `refName` overrides.
 */
function parseMarketplaceSource(given: string, explicitRef: string | undefined): MarketplaceSource {
  const source = given.trim()
  if (source === '') throw invalid('marketplace source must not be empty')
  const isSsh = source.startsWith('ssh://') || (source.startsWith('git@') && source.includes(':'))
  const split = source.lastIndexOf('#') >= 0 ? source.lastIndexOf('#') : !source.includes('://') && !isSsh ? source.lastIndexOf('@') : -1
  const base = split >= 0 ? source.slice(0, split) : source
  const ref = explicitRef ?? (split >= 0 && source.slice(split + 1).trim() !== '' ? source.slice(split + 1).trim() : undefined)
  if (isAbsolute(base) || /^(\.\.?|~)\//.test(base) || base === '.' || base === '..') {
    if (ref !== undefined) throw invalid('--ref is only supported for git marketplace sources')
    return { kind: 'local', path: resolve(base.replace(/^~(?=\/)/, homedir())) }
  }
  if (isSsh || /^https?:\/\//.test(base)) {
    const url = base.replace(/\/+$/, '')
    return { kind: 'git', url: url.startsWith('https://github.com/') && !url.endsWith('.git') ? `${url}.git` : url, ref }
  }
  if (/^[\w.-]+\/[\w.-]+$/.test(base)) return { kind: 'git', url: `https://github.com/${base}.git`, ref }
  throw invalid('invalid marketplace source format; expected owner/repo, a git URL, or a local marketplace path')
}

function asInvalidRequest(error: unknown): never {
  if (error instanceof MarketplaceError) throw invalid(error.message)
  throw error
}
