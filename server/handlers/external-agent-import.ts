// Carrying out one detected item for real: instructions copied to AGENTS.md, skills copied,
// commands turned into skills, settings and MCP servers written into codex's config.toml (the
// user's own layout kept, through a ConfigStore). Nothing that already exists is overwritten;
// an item whose source has gone or whose target now exists imports nothing.
import { cp, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  ExternalAgentConfigImportItemTypeFailure, ExternalAgentConfigImportItemTypeSuccess, ExternalAgentConfigMigrationItem, JsonValue,
} from '../../generated/experimental/index.js'
import { ConfigStore, type ConfigEditRequest } from './config-store.js'
import { AgentScope, exists } from './external-agent-sources.js'

export interface ItemOutcome {
  successes: ExternalAgentConfigImportItemTypeSuccess[]
  failures: ExternalAgentConfigImportItemTypeFailure[]
}

/** Where codex's own files are, and the store for its user config.toml. */
export interface ImportTargets {
  codexHome: string
  userConfig: ConfigStore
}

export async function importItem(item: ExternalAgentConfigMigrationItem, targets: ImportTargets): Promise<ItemOutcome> {
  const cwd = item.cwd == null || item.cwd === '' ? null : item.cwd
  const scope = new AgentScope(cwd, targets.codexHome)
  const outcome: ItemOutcome = { successes: [], failures: [] }
  const succeeded = (source: string, target: string) => outcome.successes.push({ itemType: item.itemType, cwd, source, target, title: null })
  try {
    switch (item.itemType) {
      case 'AGENTS_MD':
        if ((await exists(scope.instructionsSource)) && !(await exists(scope.instructionsTarget))) {
          await copyFile(scope.instructionsSource, scope.instructionsTarget, 1 /* COPYFILE_EXCL */)
          succeeded(scope.instructionsSource, scope.instructionsTarget)
        }
        break
      case 'SKILLS':
        for (const name of await scope.pendingSkills()) {
          await cp(join(scope.skillsSource, name), join(scope.skillsFolder, name), { recursive: true, errorOnExist: true, force: false })
          succeeded(name, name)
        }
        break
      case 'COMMANDS':
        for (const { skill, file } of await scope.pendingCommands()) {
          await mkdir(join(scope.skillsFolder, skill), { recursive: true })
          await writeFile(join(scope.skillsFolder, skill, 'SKILL.md'), commandSkill(skill, file, await readFile(file, 'utf8')), { flag: 'wx' })
          succeeded(skill, skill)
        }
        break
      case 'CONFIG': {
        const env = await scope.settingsEnvironment()
        if (env !== undefined && !(await scope.hasShellEnvironment())) {
          await (await configFor(scope, targets)).edit([
            { keyPath: 'shell_environment_policy.inherit', value: 'core', mergeStrategy: 'replace' },
            { keyPath: 'shell_environment_policy.set', value: env, mergeStrategy: 'upsert' },
          ], undefined)
          succeeded(scope.settingsFile, scope.configFile)
        }
        break
      }
      case 'MCP_SERVER_CONFIG': {
        const servers = await scope.pendingMcpServers()
        const edits: ConfigEditRequest[] = Object.entries(servers).map(([name, server]) => ({ keyPath: `mcp_servers.${JSON.stringify(name)}`, value: mcpServer(server), mergeStrategy: 'replace' }))
        if (edits.length > 0) await (await configFor(scope, targets)).edit(edits, undefined)
        for (const name of Object.keys(servers)) succeeded(name, name)
        break
      }
      default:
        // Plugins, subagents, hooks, memory and sessions are never detected here, so there is nothing to carry out.
        break
    }
  } catch (error) {
    outcome.failures.push({
      itemType: item.itemType, errorType: null, subErrorType: null, failureStage: 'import',
      message: error instanceof Error ? error.message : String(error), cwd, source: null,
    })
  }
  return outcome
}

/** The store of the scope's config.toml (a repository's `.codex` folder is made when needed). */
async function configFor(scope: AgentScope, targets: ImportTargets): Promise<ConfigStore> {
  if (scope.cwd === null) return targets.userConfig
  await mkdir(scope.configFolder, { recursive: true })
  return new ConfigStore(scope.configFolder)
}

/** The fields of an MCP server entry codex's config knows, camel case turned into codex's keys. */
function mcpServer(server: Record<string, unknown>): JsonValue {
  const entry: Record<string, JsonValue> = {}
  for (const key of ['command', 'args', 'env', 'url', 'cwd'] as const) if (server[key] !== undefined) entry[key] = server[key] as JsonValue
  return entry
}

/** A command of the other agent as a skill of codex (the layout codex 0.169.0 writes). */
function commandSkill(skill: string, file: string, template: string): string {
  const command = file.slice(file.lastIndexOf('/') + 1, -'.md'.length)
  return [
    '---', `name: ${JSON.stringify(skill)}`, `description: ${JSON.stringify(`Migrated source command \`${command}\``)}`, '---', '',
    `# ${skill}`, '', `Use this skill when the user asks to run the migrated source command \`${command}\`.`, '', '## Command Template', '', template,
  ].join('\n')
}
