// Permissions: sandbox modes and policies, filesystem and network permission grants, network
// policy rules, and the named permission profiles a user can pick from.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const PermissionProfileListParams = v2('PermissionProfileListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page; null for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Largest page to return; null returns everything.' }),
  cwd: t.option(t.string(), { description: 'Working directory whose project config is taken into account; null uses only user and system config.' }),
}), 'Lists the permission profiles available to choose from.')

export const PermissionProfileListResponse = v2('PermissionProfileListResponse', t.object({
  data: t.array(t.ref('PermissionProfileSummary')),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null on the last page.' }),
}), 'One page of permission profiles.')

export const NetworkPolicyAmendment = root('NetworkPolicyAmendment', t.object({
  host: t.describe('Host name the rule applies to.', t.string()),
  action: t.ref('NetworkPolicyRuleAction'),
}), 'A network rule to add to the policy: always allow or always deny one host.')

export const NetworkPolicyRuleAction = root('NetworkPolicyRuleAction', t.enum(['allow', 'deny']), 'Whether a network rule lets traffic to its host through or blocks it.')

export const AdditionalFileSystemPermissions = v2('AdditionalFileSystemPermissions', t.object({
  read: t.option(t.array(t.ref('LegacyAppPathString')), { description: 'Extra paths to read; on its way out in favour of `entries`.' }),
  write: t.option(t.array(t.ref('LegacyAppPathString')), { description: 'Extra paths to write; on its way out in favour of `entries`.' }),
  globScanMaxDepth: t.option(t.uint('uint', { minimum: 1 }), { description: 'How many directory levels deep glob patterns in `entries` are expanded.' }),
  entries: t.option(t.array(t.ref('FileSystemSandboxEntry')), { description: 'Paths, globs or special locations with the access each gets.' }),
}), 'Filesystem access asked for or granted on top of the sandbox policy.')

export const AdditionalNetworkPermissions = v2('AdditionalNetworkPermissions', t.object({
  enabled: t.option(t.boolean(), { description: 'True to allow network access; null leaves it as the sandbox has it.' }),
}), 'Network access asked for or granted on top of the sandbox policy.')

export const FileSystemAccessMode = v2('FileSystemAccessMode', t.enum(['read', 'write', 'deny']), 'What a sandbox entry allows on its path: read, read and write, or nothing.')

export const FileSystemPath = v2('FileSystemPath', t.tagged('type', {
  path: {
    path: t.ref('LegacyAppPathString'),
  },
  glob_pattern: {
    pattern: t.describe('A glob pattern such as `*.pem` or `secrets/**`.', t.string()),
  },
  special: {
    value: t.ref('FileSystemSpecialPath'),
  },
}), 'Where a sandbox entry applies: one path, a glob pattern, or a special location.')

export const FileSystemSandboxEntry = v2('FileSystemSandboxEntry', t.object({
  path: t.ref('FileSystemPath'),
  access: t.ref('FileSystemAccessMode'),
}), 'One filesystem rule of a sandbox: a location and the access it gets.')

export const FileSystemSpecialPath = v2('FileSystemSpecialPath', t.tagged('kind', {
  root: {},
  minimal: {},
  project_roots: {
    subpath: t.option(t.ref('LegacyAppPathString'), { description: 'Path below each project root; null means the roots themselves.' }),
  },
  tmpdir: {},
  slash_tmp: {},
  unknown: {
    path: t.describe('The special path name the server did not recognise.', t.string()),
    subpath: t.option(t.ref('LegacyAppPathString'), { description: 'Path below it, if any.' }),
  },
}), 'A location named by role rather than by path: the filesystem root, the minimal system paths a process needs, the project roots, $TMPDIR, /tmp, or a name this version does not know.')

export const NetworkAccess = v2('NetworkAccess', t.enum(['restricted', 'enabled']), 'Whether sandboxed processes may reach the network.')

export const NetworkApprovalProtocol = v2('NetworkApprovalProtocol', t.enum(['http', 'https', 'socks5Tcp', 'socks5Udp']), 'The protocol of a network connection that needs approval.')

export const PermissionProfileSummary = v2('PermissionProfileSummary', t.object({
  id: t.describe('Profile id, as used in config and requests.', t.string()),
  description: t.option(t.string(), { description: 'Text to show the user, if the profile has one.' }),
  allowed: t.describe('False when admin requirements forbid choosing this profile.', t.boolean()),
}), 'A named permission profile and whether it may be chosen.')

export const SandboxMode = v2('SandboxMode', t.enum(['read-only', 'workspace-write', 'danger-full-access']), 'Coarse sandbox setting: read only, write inside the workspace, or no sandbox at all.')

export const SandboxPolicy = v2('SandboxPolicy', t.tagged('type', {
  dangerFullAccess: {},
  readOnly: {
    networkAccess: t.optional(t.describe('Allow network access.', t.boolean({ default: false }))),
  },
  externalSandbox: {
    networkAccess: t.optional(t.describe('Whether the outer sandbox lets processes reach the network.', t.ref('NetworkAccess', { default: "restricted" }))),
  },
  workspaceWrite: {
    writableRoots: t.optional(t.describe('Directories writable in addition to the working directory.', t.array(t.ref('AbsolutePathBuf'), { default: [] }))),
    networkAccess: t.optional(t.describe('Allow network access.', t.boolean({ default: false }))),
    excludeTmpdirEnvVar: t.optional(t.describe('Do not make $TMPDIR writable.', t.boolean({ default: false }))),
    excludeSlashTmp: t.optional(t.describe('Do not make /tmp writable.', t.boolean({ default: false }))),
  },
}), 'How commands the agent runs are sandboxed: no sandbox, read only, already sandboxed by the environment, or writes limited to the workspace and chosen roots.')
