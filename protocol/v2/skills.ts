// The skills family: listing the skills (packaged instructions and resources the agent can use)
// found for working directories, adding extra places to look, turning skills on or off, and the
// change notification.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const SkillsListParams = v2('SkillsListParams', t.object({
  cwds: t.optional(t.describe('Working directories to list skills for; the session\'s working directory when empty or absent.', t.array(t.string()))),
  forceReload: t.optional(t.describe('Scan the disk again instead of using cached results.', t.boolean())),
}), 'Parameters of `skills/list`.')

export const SkillsListResponse = v2('SkillsListResponse', t.object({
  data: t.describe('One entry per requested working directory.', t.array(t.ref('SkillsListEntry'))),
}), 'Result of `skills/list`.')

export const SkillsExtraRootsSetParams = v2('SkillsExtraRootsSetParams', t.object({
  extraRoots: t.describe('Absolute paths of directories to search for skills in addition to the usual places; replaces the previous list.', t.array(t.ref('AbsolutePathBuf'))),
}), 'Parameters of `skills/extraRoots/set`.')

export const SkillsExtraRootsSetResponse = v2('SkillsExtraRootsSetResponse', t.object({}), 'Result of `skills/extraRoots/set`; empty on success.')

export const SkillsConfigWriteParams = v2('SkillsConfigWriteParams', t.object({
  path: t.option(t.ref('AbsolutePathBuf'), { description: 'Selects the skill by the path of its definition; give this or `name`.' }),
  name: t.option(t.string(), { description: 'Selects the skill by name; give this or `path`.' }),
  enabled: t.describe('Whether the skill should be on.', t.boolean()),
}), 'Parameters of `skills/config/write`, which turns a skill on or off in the user configuration.')

export const SkillsConfigWriteResponse = v2('SkillsConfigWriteResponse', t.object({
  effectiveEnabled: t.describe('Whether the skill ends up on once all configuration layers are applied (a higher layer can override the write).', t.boolean()),
}), 'Result of `skills/config/write`.')

export const SkillsChangedNotification = v2('SkillsChangedNotification', t.object({}), 'Tells the client that skill files on disk changed; call `skills/list` again if it shows skills. Carries no data.')

export const SkillDependencies = v2('SkillDependencies', t.object({
  tools: t.describe('Tools the skill expects to be available.', t.array(t.ref('SkillToolDependency'))),
}), 'What a skill needs in order to work.')

export const SkillErrorInfo = v2('SkillErrorInfo', t.object({
  path: t.describe('Path of the skill definition that failed to load.', t.string()),
  message: t.describe('Why it failed.', t.string()),
}), 'A skill that could not be loaded.')

export const SkillInterface = v2('SkillInterface', t.object({
  displayName: t.option(t.string(), { description: 'Name to show in a UI.' }),
  shortDescription: t.option(t.string(), { description: 'One-line summary for a UI.' }),
  iconSmall: t.option(t.ref('AbsolutePathBuf'), { description: 'Local path of a small icon.' }),
  iconLarge: t.option(t.ref('AbsolutePathBuf'), { description: 'Local path of a large icon.' }),
  iconSmallUrl: t.option(t.string(), { description: 'URL of a small icon from the plugin catalog.' }),
  iconLargeUrl: t.option(t.string(), { description: 'URL of a large icon from the plugin catalog.' }),
  brandColor: t.option(t.string(), { description: 'Accent color for the skill in a UI.' }),
  defaultPrompt: t.option(t.string(), { description: 'Suggested prompt to start using the skill.' }),
}), 'How a skill presents itself in a user interface.')

export const SkillMetadata = v2('SkillMetadata', t.object({
  name: t.describe('Name of the skill.', t.string()),
  description: t.describe('What the skill does and when to use it.', t.string()),
  shortDescription: t.option(t.string(), { description: 'Older one-line summary from the skill file; prefer `interface.shortDescription`.' }),
  interface: t.option(t.ref('SkillInterface'), { description: 'Display details, when the skill provides them.' }),
  dependencies: t.option(t.ref('SkillDependencies'), { description: 'What the skill needs, when it declares it.' }),
  path: t.describe('Path of the skill\'s definition file.', t.ref('LegacyAppPathString')),
  scope: t.describe('Where the skill was found.', t.ref('SkillScope')),
  enabled: t.describe('Whether the skill is on.', t.boolean()),
  pluginId: t.option(t.string(), { description: 'Id of the plugin that provides the skill (as in `PluginSummary.id`); null when not from a plugin or not known.' }),
}), 'A skill available to the agent.')

export const SkillScope = v2('SkillScope', t.enum(['user', 'repo', 'system', 'admin']), 'Where a skill comes from: the user\'s own skills, the repository, skills bundled with Codex, or skills installed by an administrator.')

export const SkillToolDependency = v2('SkillToolDependency', t.object({
  type: t.describe('Kind of tool dependency (for example an MCP server).', t.string()),
  value: t.describe('Identifier of the tool, such as its name.', t.string()),
  description: t.option(t.string(), { description: 'What the tool is for.' }),
  transport: t.option(t.string(), { description: 'How to connect to the tool, when it is a server.' }),
  command: t.option(t.string(), { description: 'Command that starts the tool, for local tools.' }),
  url: t.option(t.string(), { description: 'Address of the tool, for remote tools.' }),
}), 'A tool a skill depends on.')

export const SkillsListEntry = v2('SkillsListEntry', t.object({
  cwd: t.describe('Working directory the skills were resolved for.', t.string()),
  skills: t.describe('Skills available there.', t.array(t.ref('SkillMetadata'))),
  errors: t.describe('Skills that failed to load.', t.array(t.ref('SkillErrorInfo'))),
}), 'The skills found for one working directory.')
