// The external-agent family: finding another coding agent's setup (instructions, config, skills,
// plugins, MCP servers, hooks, commands, memory, sessions) and importing it into Codex, with progress
// notifications and an import history.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ExternalAgentConfigDetectParams = v2('ExternalAgentConfigDetectParams', t.object({
  includeHome: t.optional(t.describe('Also look in the user\'s home directory (user-wide setup).', t.boolean())),
  cwds: t.option(t.array(t.string()), { description: 'Working directories to look in for repository-level setup.' }),
  maxSessionAgeDays: t.option(t.uint('uint32'), { description: 'Only report sessions at most this many days old; the server default when absent.' }),
  maxSessions: t.option(t.uint('uint32'), { description: 'Report at most this many sessions; the server default when absent.' }),
  source: t.option(t.string(), { description: 'Deprecated and ignored; use `migrationSource`.' }),
  migrationSource: t.option(t.string(), { description: 'Which external agent to look for; the default one when absent or not recognized.' }),
}), 'Parameters of `externalAgentConfig/detect`, which looks for another agent\'s setup that could be imported.')

export const ExternalAgentConfigDetectResponse = v2('ExternalAgentConfigDetectResponse', t.object({
  items: t.describe('Things that could be imported.', t.array(t.ref('ExternalAgentConfigMigrationItem'))),
  connectors: t.optional(t.describe('Services the external agent uses that could be connected as apps.', t.array(t.ref('ExternalAgentDetectedConnectorCandidate'), { default: [] }))),
}), 'Result of `externalAgentConfig/detect`.')

export const ExternalAgentConfigImportParams = v2('ExternalAgentConfigImportParams', t.object({
  migrationItems: t.describe('Items to import, as returned by `externalAgentConfig/detect`.', t.array(t.ref('ExternalAgentConfigMigrationItem'))),
  source: t.option(t.string(), { description: 'Name of the product that started the import.' }),
  providerId: t.option(t.string(), { description: 'Opaque caller-chosen id used for analytics and shown in the import history; does not select what is imported.' }),
  migrationSource: t.option(t.string(), { description: 'Which external agent the items come from; send the value used for detection. The default one when absent or not recognized.' }),
}), 'Parameters of `externalAgentConfig/import`, which starts importing the chosen items in the background.')

export const ExternalAgentConfigImportResponse = v2('ExternalAgentConfigImportResponse', t.object({
  importId: t.describe('Id of the import; progress and completion notifications carry it.', t.string()),
}), 'Result of `externalAgentConfig/import`.')

export const ExternalAgentConfigImportHistoryRecordParams = v2('ExternalAgentConfigImportHistoryRecordParams', t.object({
  providerId: t.describe('Opaque id of whoever carried out the import.', t.string()),
  itemTypeResults: t.describe('Outcome of the import, grouped by item type.', t.array(t.ref('ExternalAgentConfigImportHistoryRecordTypeResultParams'))),
}), 'Parameters of `externalAgentConfig/import/recordHistory`, which adds an import done elsewhere to the import history.')

export const ExternalAgentConfigImportHistoryRecordResponse = v2('ExternalAgentConfigImportHistoryRecordResponse', t.object({
  importId: t.describe('Id given to the recorded import.', t.string()),
}), 'Result of `externalAgentConfig/import/recordHistory`.')

export const ExternalAgentConfigImportProgressNotification = v2('ExternalAgentConfigImportProgressNotification', t.object({
  importId: t.describe('Import this progress belongs to.', t.string()),
  itemTypeResults: t.describe('Results so far, grouped by item type.', t.array(t.ref('ExternalAgentConfigImportTypeResult'))),
}), 'Progress of a running import.')

export const ExternalAgentConfigImportCompletedNotification = v2('ExternalAgentConfigImportCompletedNotification', t.object({
  importId: t.describe('Import that finished.', t.string()),
  itemTypeResults: t.describe('Final results, grouped by item type.', t.array(t.ref('ExternalAgentConfigImportTypeResult'))),
}), 'Sent once when an import has finished.')

export const CommandMigration = v2('CommandMigration', t.object({
  name: t.describe('Name of the custom command.', t.string()),
}), 'A custom command that can be imported.')

export const ExternalAgentConfigImportHistoriesReadResponse = v2('ExternalAgentConfigImportHistoriesReadResponse', t.object({
  data: t.describe('Past imports.', t.array(t.ref('ExternalAgentConfigImportHistory'))),
  connectors: t.describe('Services found during imports that could be connected as apps.', t.array(t.ref('ExternalAgentImportedConnectorCandidate'))),
}), 'Result of `externalAgentConfig/import/readHistories`.')

export const ExternalAgentConfigImportHistory = v2('ExternalAgentConfigImportHistory', t.object({
  importId: t.describe('Import id.', t.string()),
  providerId: t.option(t.string(), { description: 'Caller-chosen id given when the import was started or recorded.' }),
  completedAtMs: t.describe('When the import finished, in Unix epoch milliseconds.', t.int('int64')),
  successes: t.describe('Items that were imported.', t.array(t.ref('ExternalAgentConfigImportItemTypeSuccess'))),
  failures: t.describe('Items that failed.', t.array(t.ref('ExternalAgentConfigImportItemTypeFailure'))),
}), 'A past import and its outcome.')

export const ExternalAgentConfigImportHistoryRecordSuccessParams = v2('ExternalAgentConfigImportHistoryRecordSuccessParams', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  cwd: t.option(t.string(), { description: 'Repository the item belongs to; null for user-wide items.' }),
  source: t.option(t.string(), { description: 'Where the item came from.' }),
  target: t.option(t.string(), { description: 'Where it was written in Codex.' }),
  title: t.option(t.string(), { default: null, description: 'Original title of an imported session, when known.' }),
}), 'One imported item, as reported to `externalAgentConfig/import/recordHistory`.')

export const ExternalAgentConfigImportHistoryRecordTypeResultParams = v2('ExternalAgentConfigImportHistoryRecordTypeResultParams', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  successes: t.describe('Items of this kind that were imported.', t.array(t.ref('ExternalAgentConfigImportHistoryRecordSuccessParams'))),
  failures: t.describe('Items of this kind that failed.', t.array(t.ref('ExternalAgentConfigImportItemTypeFailure'))),
}), 'Outcome for one kind of item, as reported to `externalAgentConfig/import/recordHistory`.')

export const ExternalAgentConfigImportItemTypeFailure = v2('ExternalAgentConfigImportItemTypeFailure', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  errorType: t.option(t.string(), { description: 'Category of the error.' }),
  subErrorType: t.option(t.string(), { description: 'Finer category of the error.' }),
  failureStage: t.describe('Step of the import at which it failed.', t.string()),
  message: t.describe('What went wrong.', t.string()),
  cwd: t.option(t.string(), { description: 'Repository the item belongs to; null for user-wide items.' }),
  source: t.option(t.string(), { description: 'Where the item came from.' }),
}), 'An item that could not be imported.')

export const ExternalAgentConfigImportItemTypeSuccess = v2('ExternalAgentConfigImportItemTypeSuccess', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  cwd: t.option(t.string(), { description: 'Repository the item belongs to; null for user-wide items.' }),
  source: t.option(t.string(), { description: 'Where the item came from.' }),
  target: t.option(t.string(), { description: 'Where it was written in Codex.' }),
  title: t.option(t.string(), { default: null, description: 'Title the session had in the tool it came from; null unless the item is a session.' }),
}), 'An item that was imported.')

export const ExternalAgentConfigImportTypeResult = v2('ExternalAgentConfigImportTypeResult', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  successes: t.describe('Items of this kind that were imported.', t.array(t.ref('ExternalAgentConfigImportItemTypeSuccess'))),
  failures: t.describe('Items of this kind that failed.', t.array(t.ref('ExternalAgentConfigImportItemTypeFailure'))),
}), 'Import outcome for one kind of item.')

export const ExternalAgentConfigMigrationItem = v2('ExternalAgentConfigMigrationItem', t.object({
  itemType: t.describe('Kind of item.', t.ref('ExternalAgentConfigMigrationItemType')),
  description: t.describe('Human-readable summary of what would be imported.', t.string()),
  cwd: t.option(t.string(), { description: 'Repository the item belongs to; null or empty for user-wide (home directory) items.' }),
  details: t.option(t.ref('MigrationDetails'), { description: 'The individual things the item covers, when it lists them.' }),
}), 'Something from another agent\'s setup that can be imported into Codex.')

export const ExternalAgentConfigMigrationItemType = v2('ExternalAgentConfigMigrationItemType', t.enum(['AGENTS_MD', 'CONFIG', 'SKILLS', 'PLUGINS', 'MCP_SERVER_CONFIG', 'SUBAGENTS', 'HOOKS', 'COMMANDS', 'MEMORY', 'SESSIONS']), 'Kind of importable item: agent instructions (as AGENTS.md), settings, skills, plugins, MCP server configuration, subagents, hooks, custom commands, memory, or past sessions.')

export const ExternalAgentDetectedConnectorCandidate = v2('ExternalAgentDetectedConnectorCandidate', t.object({
  name: t.describe('Name of the service.', t.string()),
  sessionCount: t.describe('Number of the external agent\'s sessions that used it.', t.uint('uint32')),
  source: t.describe('How it was found.', t.ref('ExternalAgentDetectedConnectorSource')),
}), 'A service the external agent uses that could be connected as an app in Codex.')

export const ExternalAgentDetectedConnectorSource = v2('ExternalAgentDetectedConnectorSource', t.enum(['remoteMcpServersConfig', 'sessionToolUse']), 'How a connector candidate was found: in the remote MCP server configuration, or from tool use in past sessions.')

export const ExternalAgentImportedConnectorCandidate = v2('ExternalAgentImportedConnectorCandidate', t.object({
  name: t.describe('Name of the service.', t.string()),
  sessionCount: t.describe('Number of the external agent\'s sessions that used it.', t.uint('uint32')),
  source: t.describe('How it was found.', t.ref('ExternalAgentImportedConnectorSource')),
}), 'A service found during an import that could be connected as an app in Codex.')

export const ExternalAgentImportedConnectorSource = v2('ExternalAgentImportedConnectorSource', t.literal('remoteMcpServersConfig'), 'How an imported connector candidate was found: in the remote MCP server configuration.')

export const HookMigration = v2('HookMigration', t.object({
  name: t.describe('Name of the hook.', t.string()),
}), 'A hook that can be imported.')

export const McpServerMigration = v2('McpServerMigration', t.object({
  name: t.describe('Name of the MCP server.', t.string()),
}), 'An MCP server configuration that can be imported.')

export const MigrationDetails = v2('MigrationDetails', t.object({
  plugins: t.optional(t.describe('Plugins, grouped by marketplace.', t.array(t.ref('PluginsMigration'), { default: [] }))),
  skills: t.optional(t.describe('Skills.', t.array(t.ref('SkillMigration'), { default: [] }))),
  sessions: t.optional(t.describe('Past sessions.', t.array(t.ref('SessionMigration'), { default: [] }))),
  mcpServers: t.optional(t.describe('MCP servers.', t.array(t.ref('McpServerMigration'), { default: [] }))),
  hooks: t.optional(t.describe('Hooks.', t.array(t.ref('HookMigration'), { default: [] }))),
  subagents: t.optional(t.describe('Subagents.', t.array(t.ref('SubagentMigration'), { default: [] }))),
  commands: t.optional(t.describe('Custom commands.', t.array(t.ref('CommandMigration'), { default: [] }))),
  memory: t.optional(t.describe('Memory entries.', t.array(t.string()))),
}), 'The individual things an importable item covers.')

export const PluginsMigration = v2('PluginsMigration', t.object({
  marketplaceName: t.describe('Marketplace the plugins come from.', t.string()),
  pluginNames: t.describe('Names of the plugins.', t.array(t.string())),
}), 'Plugins from one marketplace that can be imported.')

export const SessionMigration = v2('SessionMigration', t.object({
  path: t.describe('File of the session.', t.string()),
  cwd: t.describe('Working directory of the session.', t.string()),
  title: t.option(t.string(), { description: 'Title of the session, when known.' }),
}), 'A past session of the external agent that can be imported as a thread.')

export const SkillMigration = v2('SkillMigration', t.object({
  name: t.describe('Name of the skill.', t.string()),
}), 'A skill that can be imported.')

export const SubagentMigration = v2('SubagentMigration', t.object({
  name: t.describe('Name of the subagent.', t.string()),
}), 'A subagent definition that can be imported.')
