// The external-agent family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ExternalAgentConfigDetectParams = v2('ExternalAgentConfigDetectParams', t.object({
  includeHome: t.optional(t.boolean()),
  cwds: t.option(t.array(t.string())),
  maxSessionAgeDays: t.option(t.uint('uint32')),
  maxSessions: t.option(t.uint('uint32')),
  source: t.option(t.string()),
  migrationSource: t.option(t.string()),
}))

export const ExternalAgentConfigDetectResponse = v2('ExternalAgentConfigDetectResponse', t.object({
  items: t.array(t.ref('ExternalAgentConfigMigrationItem')),
  connectors: t.optional(t.array(t.ref('ExternalAgentDetectedConnectorCandidate'), { default: [] })),
}))

export const ExternalAgentConfigImportParams = v2('ExternalAgentConfigImportParams', t.object({
  migrationItems: t.array(t.ref('ExternalAgentConfigMigrationItem')),
  source: t.option(t.string()),
  providerId: t.option(t.string()),
  migrationSource: t.option(t.string()),
}))

export const ExternalAgentConfigImportResponse = v2('ExternalAgentConfigImportResponse', t.object({
  importId: t.string(),
}))

export const ExternalAgentConfigImportHistoryRecordParams = v2('ExternalAgentConfigImportHistoryRecordParams', t.object({
  providerId: t.string(),
  itemTypeResults: t.array(t.ref('ExternalAgentConfigImportHistoryRecordTypeResultParams')),
}))

export const ExternalAgentConfigImportHistoryRecordResponse = v2('ExternalAgentConfigImportHistoryRecordResponse', t.object({
  importId: t.string(),
}))

export const ExternalAgentConfigImportProgressNotification = v2('ExternalAgentConfigImportProgressNotification', t.object({
  importId: t.string(),
  itemTypeResults: t.array(t.ref('ExternalAgentConfigImportTypeResult')),
}))

export const ExternalAgentConfigImportCompletedNotification = v2('ExternalAgentConfigImportCompletedNotification', t.object({
  importId: t.string(),
  itemTypeResults: t.array(t.ref('ExternalAgentConfigImportTypeResult')),
}))

export const CommandMigration = v2('CommandMigration', t.object({
  name: t.string(),
}))

export const ExternalAgentConfigImportHistoriesReadResponse = v2('ExternalAgentConfigImportHistoriesReadResponse', t.object({
  data: t.array(t.ref('ExternalAgentConfigImportHistory')),
  connectors: t.array(t.ref('ExternalAgentImportedConnectorCandidate')),
}))

export const ExternalAgentConfigImportHistory = v2('ExternalAgentConfigImportHistory', t.object({
  importId: t.string(),
  providerId: t.option(t.string()),
  completedAtMs: t.int('int64'),
  successes: t.array(t.ref('ExternalAgentConfigImportItemTypeSuccess')),
  failures: t.array(t.ref('ExternalAgentConfigImportItemTypeFailure')),
}))

export const ExternalAgentConfigImportHistoryRecordSuccessParams = v2('ExternalAgentConfigImportHistoryRecordSuccessParams', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  cwd: t.option(t.string()),
  source: t.option(t.string()),
  target: t.option(t.string()),
  title: t.option(t.string(), { default: null }),
}))

export const ExternalAgentConfigImportHistoryRecordTypeResultParams = v2('ExternalAgentConfigImportHistoryRecordTypeResultParams', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  successes: t.array(t.ref('ExternalAgentConfigImportHistoryRecordSuccessParams')),
  failures: t.array(t.ref('ExternalAgentConfigImportItemTypeFailure')),
}))

export const ExternalAgentConfigImportItemTypeFailure = v2('ExternalAgentConfigImportItemTypeFailure', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  errorType: t.option(t.string()),
  subErrorType: t.option(t.string()),
  failureStage: t.string(),
  message: t.string(),
  cwd: t.option(t.string()),
  source: t.option(t.string()),
}))

export const ExternalAgentConfigImportItemTypeSuccess = v2('ExternalAgentConfigImportItemTypeSuccess', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  cwd: t.option(t.string()),
  source: t.option(t.string()),
  target: t.option(t.string()),
  title: t.option(t.string(), { default: null }),
}))

export const ExternalAgentConfigImportTypeResult = v2('ExternalAgentConfigImportTypeResult', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  successes: t.array(t.ref('ExternalAgentConfigImportItemTypeSuccess')),
  failures: t.array(t.ref('ExternalAgentConfigImportItemTypeFailure')),
}))

export const ExternalAgentConfigMigrationItem = v2('ExternalAgentConfigMigrationItem', t.object({
  itemType: t.ref('ExternalAgentConfigMigrationItemType'),
  description: t.string(),
  cwd: t.option(t.string()),
  details: t.option(t.ref('MigrationDetails')),
}))

export const ExternalAgentConfigMigrationItemType = v2('ExternalAgentConfigMigrationItemType', t.enum(['AGENTS_MD', 'CONFIG', 'SKILLS', 'PLUGINS', 'MCP_SERVER_CONFIG', 'SUBAGENTS', 'HOOKS', 'COMMANDS', 'MEMORY', 'SESSIONS']))

export const ExternalAgentDetectedConnectorCandidate = v2('ExternalAgentDetectedConnectorCandidate', t.object({
  name: t.string(),
  sessionCount: t.uint('uint32'),
  source: t.ref('ExternalAgentDetectedConnectorSource'),
}))

export const ExternalAgentDetectedConnectorSource = v2('ExternalAgentDetectedConnectorSource', t.enum(['remoteMcpServersConfig', 'sessionToolUse']))

export const ExternalAgentImportedConnectorCandidate = v2('ExternalAgentImportedConnectorCandidate', t.object({
  name: t.string(),
  sessionCount: t.uint('uint32'),
  source: t.ref('ExternalAgentImportedConnectorSource'),
}))

export const ExternalAgentImportedConnectorSource = v2('ExternalAgentImportedConnectorSource', t.literal('remoteMcpServersConfig'))

export const HookMigration = v2('HookMigration', t.object({
  name: t.string(),
}))

export const McpServerMigration = v2('McpServerMigration', t.object({
  name: t.string(),
}))

export const MigrationDetails = v2('MigrationDetails', t.object({
  plugins: t.optional(t.array(t.ref('PluginsMigration'), { default: [] })),
  skills: t.optional(t.array(t.ref('SkillMigration'), { default: [] })),
  sessions: t.optional(t.array(t.ref('SessionMigration'), { default: [] })),
  mcpServers: t.optional(t.array(t.ref('McpServerMigration'), { default: [] })),
  hooks: t.optional(t.array(t.ref('HookMigration'), { default: [] })),
  subagents: t.optional(t.array(t.ref('SubagentMigration'), { default: [] })),
  commands: t.optional(t.array(t.ref('CommandMigration'), { default: [] })),
  memory: t.optional(t.array(t.string())),
}))

export const PluginsMigration = v2('PluginsMigration', t.object({
  marketplaceName: t.string(),
  pluginNames: t.array(t.string()),
}))

export const SessionMigration = v2('SessionMigration', t.object({
  path: t.string(),
  cwd: t.string(),
  title: t.option(t.string()),
}))

export const SkillMigration = v2('SkillMigration', t.object({
  name: t.string(),
}))

export const SubagentMigration = v2('SubagentMigration', t.object({
  name: t.string(),
}))
