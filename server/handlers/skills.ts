// skills/*: skills found on disk as codex finds them: the repository's (`.codex/skills` and
// `.agents/skills` from the working folder up to its Git root), the user's (the home's `skills`
// folder and the extra roots a client set), and those of installed plugins. Turning one off is
// recorded in config.toml (`[[skills.config]]`), so it survives a restart; extra roots last as
// long as the server, as in codex.
import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SkillErrorInfo, SkillMetadata, SkillScope } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import type { ConfigValue } from './config-toml.js'
import { foldersOrServerCwd } from './folders.js'
import type { PluginStore } from './plugin-store.js'
import { readPluginManifest } from './plugin-catalog.js'
import { readSkillFolder } from './skill-files.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

interface SkillRoot {
  folder: string
  scope: SkillScope
  pluginId?: string
  /** Plugin skills are named `<plugin>:<skill>`. */
  prefix?: string
}

/** One `[[skills.config]]` entry: a skill chosen by name or by path, turned on or off. */
interface SkillSetting {
  name?: string
  path?: string
  enabled: boolean
}

const SCOPE_ORDER: SkillScope[] = ['repo', 'user', 'system', 'admin']

export class SkillsFamily implements HandlerFamily {
  readonly name = 'skills'
  readonly handlers
  #extraRoots: string[] = []

  constructor(
    private readonly environment: Pick<FamilyEnvironment, 'home' | 'connections'>,
    private readonly config: ConfigStore,
    private readonly plugins: PluginStore,
  ) {
    this.handlers = defineHandlers({
      'skills/list': async ({ cwds }) => {
        const settings = await this.#settings()
        const data = []
        for (const cwd of foldersOrServerCwd(cwds)) data.push({ cwd, ...await this.#skillsFor(cwd, settings) })
        return { data }
      },

      'skills/extraRoots/set': ({ extraRoots }, context) => {
        this.#extraRoots = [...extraRoots]
        context.afterResponse(() => this.environment.connections.broadcast('skills/changed', {}))
        return {}
      },

      // Turning a skill back on removes the entry that turned it off: on is the default.
      'skills/config/write': async ({ path, name, enabled }) => {
        if ((path == null) === (name == null)) throw new RpcError(ErrorCode.invalidParams, 'skills/config/write requires exactly one of path or name')
        const selector: SkillSetting = path != null ? { path, enabled } : { name: name!, enabled }
        const settings = await this.#settings()
        const others = settings.filter((setting) => !(setting.path === selector.path && setting.name === selector.name))
        const updated = enabled ? others : [...others, selector]
        if (updated.length !== settings.length || !enabled) {
          const value = updated.map(({ name, path, enabled }) => ({ ...(name !== undefined ? { name } : { path }), enabled }))
          await this.config.edit([{ keyPath: 'skills.config', value: value.length > 0 ? value : null, mergeStrategy: 'replace' }], null)
        }
        return { effectiveEnabled: enabled }
      },
    })
  }

  async #skillsFor(cwd: string, settings: SkillSetting[]): Promise<{ skills: SkillMetadata[]; errors: SkillErrorInfo[] }> {
    const roots: SkillRoot[] = []
    for (const folder of await repositoryFolders(cwd)) {
      roots.push({ folder: join(folder, '.codex', 'skills'), scope: 'repo' }, { folder: join(folder, '.agents', 'skills'), scope: 'repo' })
    }
    for (const folder of this.#extraRoots) roots.push({ folder, scope: 'user' })
    roots.push({ folder: join(this.environment.home, 'skills'), scope: 'user' })
    for (const copy of await this.plugins.enabledCopies()) {
      const manifest = await readPluginManifest(copy.folder)
      roots.push({ folder: manifest?.skillsFolder ?? join(copy.folder, 'skills'), scope: 'user', pluginId: copy.id, prefix: `${copy.pluginName}:` })
    }
    const skills: SkillMetadata[] = []
    const errors: SkillErrorInfo[] = []
    const seen = new Set<string>()
    for (const root of roots) {
      const found = await readSkillFolder(root.folder)
      errors.push(...found.errors)
      for (const skill of found.skills) {
        if (seen.has(skill.path)) continue
        seen.add(skill.path)
        const name = `${root.prefix ?? ''}${skill.name}`
        const off = settings.some((setting) => !setting.enabled && (setting.name === name || setting.path === skill.path))
        skills.push({ name, description: skill.description, path: skill.path, scope: root.scope, enabled: !off, pluginId: root.pluginId ?? null })
      }
    }
    skills.sort((a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) || a.name.localeCompare(b.name))
    errors.sort((a, b) => a.path.localeCompare(b.path))
    return { skills, errors }
  }

  /** The `[[skills.config]]` entries of config.toml that are well formed. */
  async #settings(): Promise<SkillSetting[]> {
    const skills = (await this.config.read()).config.skills as { config?: ConfigValue } | undefined
    const entries = Array.isArray(skills?.config) ? skills.config : []
    return entries.flatMap((entry): SkillSetting[] => {
      const { name, path, enabled } = (entry ?? {}) as Record<string, unknown>
      if (typeof enabled !== 'boolean') return []
      if (typeof name === 'string') return [{ name, enabled }]
      if (typeof path === 'string') return [{ path, enabled }]
      return []
    })
  }
}

/** The working folder and its parents up to the Git root (only the folder itself outside a repository). */
async function repositoryFolders(cwd: string): Promise<string[]> {
  const folders: string[] = []
  for (let folder = cwd; ; folder = dirname(folder)) {
    folders.push(folder)
    if (await stat(join(folder, '.git')).then(() => true, () => false)) return folders
    if (dirname(folder) === folder) return [cwd]
  }
}
