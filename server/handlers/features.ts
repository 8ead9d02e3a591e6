// experimentalFeature/*: codex's feature flags, whether each is on, and the runtime switches a
// client may flip. A flag is on when config.toml's `[features]` table says so; otherwise when a
// client switched it with experimentalFeature/enablement/set (for the life of this server, as
// codex keeps it in memory); otherwise by its default.
import type { ExperimentalFeature, ExperimentalFeatureEnablementSetResponse } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import type { ConfigTable } from './config-toml.js'
import { readLayers } from './config.js'
import { FEATURE_FLAGS, type FeatureFlag } from './feature-catalog.js'
import type { HandlerFamily } from './family.js'
import { pageByOffset } from './paging.js'

/**
 * The flags codex 0.169.0 lets experimentalFeature/enablement/set switch; it ignores any other
 * name without an error (observed: `apps`, `plugins`, `goals` and unknown names are dropped).
 */
const SWITCHABLE = new Set([
  'auth_elicitation', 'background_paginated_rollout_migration', 'mcp_2026_07_28', 'memories', 'mentions_v2',
  'remote_control', 'remote_plugin', 'tool_suggest', 'windows_sandbox_service',
])

/**
 * What a features screen shows for the flags in beta. Names are codex's; descriptions are ours.
 * The others have no display text.
 */
const BETA_TEXT: Record<string, { displayName: string; description: string }> = {
  analytics_plan_history: { displayName: 'Analytics plan history', description: 'Shows the history of usage allowances in the analytics view.' },
  login_shell_package_path: { displayName: 'Bundled tools in login shells', description: 'Keeps the bundled command-line tools on PATH when a login shell resets it.' },
  network_proxy: { displayName: 'Network proxy', description: 'Routes the network traffic of sandboxed commands through a restricting proxy.' },
  respect_system_proxy: { displayName: 'System proxy', description: 'Sends requests through the proxy configured in the operating system.' },
  prevent_idle_sleep: { displayName: 'Prevent sleep while running', description: 'Keeps the computer awake while a thread is running.' },
}

/** Questions the family asks other parts of the server. */
export interface FeatureSources {
  config: ConfigStore
  /** Whether a thread of this id is loaded now. */
  isThreadLoaded(threadId: string): boolean
}

export class FeatureFamily implements HandlerFamily {
  readonly name = 'experimental-feature'
  /** Runtime switches set by clients; forgotten when the server stops, as in codex. */
  readonly #switched = new Map<string, boolean>()
  readonly handlers

  constructor(private readonly sources: FeatureSources) {
    this.handlers = defineHandlers({
      'experimentalFeature/list': async ({ cursor, limit, threadId }) => {
        // This server has no per-folder configuration, so a loaded thread sees the global one.
        if (threadId != null && !this.sources.isThreadLoaded(threadId)) {
          throw new RpcError(ErrorCode.invalidRequest, `thread not found: ${threadId}`)
        }
        const configured = featuresTable((await readLayers(this.sources.config)).config)
        const features = FEATURE_FLAGS.map((flag) => this.#describe(flag, configured))
        return pageByOffset(features, cursor, limit, 'features')
      },

      'experimentalFeature/enablement/set': ({ enablement }): ExperimentalFeatureEnablementSetResponse => {
        const applied: Record<string, boolean> = {}
        for (const [name, enabled] of Object.entries(enablement)) {
          if (enabled === undefined || !SWITCHABLE.has(name)) continue
          this.#switched.set(name, enabled)
          applied[name] = enabled
        }
        return { enablement: applied }
      },
    })
  }

  /** Whether a flag is on now, for other families (config first, then the runtime switch, then its default). */
  async isEnabled(name: string): Promise<boolean> {
    const flag = FEATURE_FLAGS.find(([flagName]) => flagName === name)
    const configured = featuresTable((await readLayers(this.sources.config)).config)
    return flag === undefined ? configured[name] === true : this.#describe(flag, configured).enabled
  }

  #describe([name, stage, defaultEnabled]: FeatureFlag, configured: ConfigTable): ExperimentalFeature {
    const setting = configured[name]
    const enabled = typeof setting === 'boolean' ? setting : this.#switched.get(name) ?? defaultEnabled
    const text = stage === 'beta' ? BETA_TEXT[name] : undefined
    return {
      name,
      stage,
      displayName: text?.displayName ?? null,
      description: text?.description ?? null,
      announcement: text === undefined ? null : '',
      enabled,
      defaultEnabled,
    }
  }
}

function featuresTable(config: ConfigTable): ConfigTable {
  const features = config.features
  return typeof features === 'object' && features !== null && !Array.isArray(features) ? features : {}
}
