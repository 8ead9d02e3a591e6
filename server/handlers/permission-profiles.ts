// permissionProfile/list: the three profiles built into codex, then those the user defines in
// config.toml's `[permissions.<id>]` tables (with their `description`). No administrator
// requirements exist here, so every profile may be chosen.
import type { PermissionProfileSummary } from '../../generated/experimental/index.js'
import { defineHandlers } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import { readLayers } from './config.js'
import type { HandlerFamily } from './family.js'
import { pageByOffset } from './paging.js'

const BUILT_IN: readonly PermissionProfileSummary[] = [
  { id: ':read-only', description: null, allowed: true },
  { id: ':workspace', description: null, allowed: true },
  { id: ':danger-full-access', description: null, allowed: true },
]

/** permissionProfile/list over the server's config store. */
export function permissionProfileFamily(store: ConfigStore): HandlerFamily {
  return {
    name: 'permissions',
    handlers: defineHandlers({
      // `cwd` would add a project's own profiles; this server has no project configuration.
      'permissionProfile/list': async ({ cursor, limit }) => {
        const permissions = (await readLayers(store)).config.permissions
        const defined = typeof permissions === 'object' && permissions !== null && !Array.isArray(permissions) ? permissions : {}
        const profiles = [
          ...BUILT_IN,
          ...Object.entries(defined).map(([id, profile]): PermissionProfileSummary => {
            const description = typeof profile === 'object' && profile !== null && !Array.isArray(profile) ? profile.description : undefined
            return { id, description: typeof description === 'string' ? description : null, allowed: true }
          }),
        ]
        return pageByOffset(profiles, cursor, limit, 'permission profiles')
      },
    }),
  }
}
