// Where another coding agent (Claude Code, the one codex imports from) keeps its setup, and where
// each piece goes in codex, for one scope: the user's home (cwd null) or a repository. What is
// found is described as codex 0.169.0 describes it to externalAgentConfig/detect; something
// whose target already exists is not offered again (as codex does after an import).
import { readdir, readFile, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, join } from 'node:path'
import type { ExternalAgentConfigMigrationItem, ExternalAgentConfigMigrationItemType, MigrationDetails } from '../../generated/experimental/index.js'
import { loadTomlParser, parseConfigToml, type ConfigTable } from './config-toml.js'

/** The files of one scope, source side and codex side. */
export class AgentScope {
  readonly source: string
  /** Where codex keeps this scope's configuration (its home folder, or the repository's `.codex`). */
  readonly configFolder: string
  /** Where codex looks for this scope's skills. */
  readonly skillsFolder: string
  readonly instructionsSource: string
  readonly instructionsTarget: string
  readonly settingsFile: string
  /** MCP servers: `.mcp.json` in a repository, `~/.claude.json` for the user. */
  readonly mcpFile: string

  constructor(readonly cwd: string | null, codexHome: string) {
    const base = cwd ?? homedir()
    this.source = join(base, '.claude')
    this.configFolder = cwd === null ? codexHome : join(cwd, '.codex')
    this.skillsFolder = join(base, '.agents', 'skills')
    this.instructionsSource = cwd === null ? join(this.source, 'CLAUDE.md') : join(cwd, 'CLAUDE.md')
    this.instructionsTarget = cwd === null ? join(codexHome, 'AGENTS.md') : join(cwd, 'AGENTS.md')
    this.settingsFile = join(this.source, 'settings.json')
    this.mcpFile = cwd === null ? join(base, '.claude.json') : join(cwd, '.mcp.json')
  }

  get configFile(): string {
    return join(this.configFolder, 'config.toml')
  }

  get commandsFolder(): string {
    return join(this.source, 'commands')
  }

  get skillsSource(): string {
    return join(this.source, 'skills')
  }

  /** Skills (folders with a SKILL.md) not yet in codex's skills folder. */
  async pendingSkills(): Promise<string[]> {
    const names = await folderNames(this.skillsSource)
    const found = await Promise.all(names.map(async (name) => (await exists(join(this.skillsSource, name, 'SKILL.md'))) && !(await exists(join(this.skillsFolder, name)))))
    return names.filter((_, index) => found[index])
  }

  /** Commands (`<name>.md`), by the name of the skill each becomes, not yet converted. */
  async pendingCommands(): Promise<{ skill: string; file: string }[]> {
    const files = (await readdir(this.commandsFolder).catch(() => [] as string[])).filter((file) => file.endsWith('.md')).sort()
    const commands = files.map((file) => ({ skill: commandSkillName(file), file: join(this.commandsFolder, file) }))
    const fresh = await Promise.all(commands.map(async ({ skill }) => !(await exists(join(this.skillsFolder, skill)))))
    return commands.filter((_, index) => fresh[index])
  }

  /** The environment variables of the settings file, when there are some to carry over. */
  async settingsEnvironment(): Promise<Record<string, string> | undefined> {
    const settings = await readJson(this.settingsFile)
    const env = settings?.env
    if (typeof env !== 'object' || env === null || Array.isArray(env)) return undefined
    const entries = Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    return entries.length === 0 ? undefined : Object.fromEntries(entries)
  }

  /** MCP servers of the source not yet in codex's configuration of this scope. */
  async pendingMcpServers(): Promise<Record<string, Record<string, unknown>>> {
    const servers = (await readJson(this.mcpFile))?.mcpServers
    if (typeof servers !== 'object' || servers === null || Array.isArray(servers)) return {}
    const configured = await this.#configuredTable('mcp_servers')
    return Object.fromEntries(Object.entries(servers).filter(([name, server]) => !(name in configured) && typeof server === 'object' && server !== null))
  }

  /** Whether codex's configuration of this scope already sets a shell environment. */
  async hasShellEnvironment(): Promise<boolean> {
    return Object.keys(await this.#configuredTable('shell_environment_policy')).length > 0
  }

  async #configuredTable(key: string): Promise<ConfigTable> {
    const text = await readFile(this.configFile, 'utf8').catch(() => '')
    await loadTomlParser()
    try {
      const value = parseConfigToml(text)[key]
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
    } catch {
      return {}
    }
  }
}

/** What can be imported from one scope, in codex's order. */
export async function detectScope(scope: AgentScope): Promise<ExternalAgentConfigMigrationItem[]> {
  const items: ExternalAgentConfigMigrationItem[] = []
  const cwd = scope.cwd
  const add = (itemType: ExternalAgentConfigMigrationItemType, description: string, details: MigrationDetails | null = null) => items.push({ itemType, description, cwd, details })
  if (cwd !== null && (await scope.settingsEnvironment()) !== undefined && !(await scope.hasShellEnvironment())) {
    add('CONFIG', `Migrate ${scope.settingsFile} into ${scope.configFile}`)
  }
  const skills = await scope.pendingSkills()
  if (skills.length > 0) add('SKILLS', `Migrate skills from ${scope.skillsSource} to ${scope.skillsFolder}`, details({ skills: skills.map((name) => ({ name })) }))
  if (cwd === null && (await exists(scope.instructionsSource)) && !(await exists(scope.instructionsTarget))) {
    add('AGENTS_MD', `Migrate ${scope.instructionsSource} to ${scope.instructionsTarget}`)
  }
  const servers = Object.keys(await scope.pendingMcpServers())
  if (servers.length > 0) add('MCP_SERVER_CONFIG', `Migrate MCP servers from ${cwd ?? homedir()} into ${scope.configFile}`, details({ mcpServers: servers.map((name) => ({ name })) }))
  const commands = await scope.pendingCommands()
  if (commands.length > 0) add('COMMANDS', `Migrate commands from ${scope.commandsFolder} to ${scope.skillsFolder}`, details({ commands: commands.map(({ skill }) => ({ name: skill })) }))
  if (cwd !== null && (await exists(scope.instructionsSource)) && !(await exists(scope.instructionsTarget))) {
    add('AGENTS_MD', `Migrate ${scope.instructionsSource} to ${scope.instructionsTarget}`)
  }
  return items
}

/** The name of the skill a command file becomes (`hello.md` → `source-command-hello`). */
export function commandSkillName(file: string): string {
  return `source-command-${basename(file, '.md')}`
}

/** Details as codex sends them: every list present (memory aside), most of them empty. */
function details(found: Partial<MigrationDetails>): MigrationDetails {
  return { plugins: [], skills: [], sessions: [], mcpServers: [], hooks: [], subagents: [], commands: [], ...found }
}

async function folderNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
}

export function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined // missing or not JSON: nothing to import from it
  }
}
