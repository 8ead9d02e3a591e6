// The permissions family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const PermissionProfileListParams = v2('PermissionProfileListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  cwd: t.option(t.string()),
}))

export const PermissionProfileListResponse = v2('PermissionProfileListResponse', t.object({
  data: t.array(t.ref('PermissionProfileSummary')),
  nextCursor: t.option(t.string()),
}))

export const NetworkPolicyAmendment = root('NetworkPolicyAmendment', t.object({
  host: t.string(),
  action: t.ref('NetworkPolicyRuleAction'),
}))

export const NetworkPolicyRuleAction = root('NetworkPolicyRuleAction', t.enum(['allow', 'deny']))

export const AdditionalFileSystemPermissions = v2('AdditionalFileSystemPermissions', t.object({
  read: t.option(t.array(t.ref('LegacyAppPathString'))),
  write: t.option(t.array(t.ref('LegacyAppPathString'))),
  globScanMaxDepth: t.option(t.uint('uint', { minimum: 1 })),
  entries: t.option(t.array(t.ref('FileSystemSandboxEntry'))),
}))

export const AdditionalNetworkPermissions = v2('AdditionalNetworkPermissions', t.object({
  enabled: t.option(t.boolean()),
}))

export const FileSystemAccessMode = v2('FileSystemAccessMode', t.enum(['read', 'write', 'deny']))

export const FileSystemPath = v2('FileSystemPath', t.tagged('type', {
  path: {
    path: t.ref('LegacyAppPathString'),
  },
  glob_pattern: {
    pattern: t.string(),
  },
  special: {
    value: t.ref('FileSystemSpecialPath'),
  },
}))

export const FileSystemSandboxEntry = v2('FileSystemSandboxEntry', t.object({
  path: t.ref('FileSystemPath'),
  access: t.ref('FileSystemAccessMode'),
}))

export const FileSystemSpecialPath = v2('FileSystemSpecialPath', t.tagged('kind', {
  root: {},
  minimal: {},
  project_roots: {
    subpath: t.option(t.ref('LegacyAppPathString')),
  },
  tmpdir: {},
  slash_tmp: {},
  unknown: {
    path: t.string(),
    subpath: t.option(t.ref('LegacyAppPathString')),
  },
}))

export const NetworkAccess = v2('NetworkAccess', t.enum(['restricted', 'enabled']))

export const NetworkApprovalProtocol = v2('NetworkApprovalProtocol', t.enum(['http', 'https', 'socks5Tcp', 'socks5Udp']))

export const PermissionProfileSummary = v2('PermissionProfileSummary', t.object({
  id: t.string(),
  description: t.option(t.string()),
  allowed: t.boolean(),
}))

export const SandboxMode = v2('SandboxMode', t.enum(['read-only', 'workspace-write', 'danger-full-access']))

export const SandboxPolicy = v2('SandboxPolicy', t.tagged('type', {
  dangerFullAccess: {},
  readOnly: {
    networkAccess: t.optional(t.boolean({ default: false })),
  },
  externalSandbox: {
    networkAccess: t.optional(t.ref('NetworkAccess', { default: "restricted" })),
  },
  workspaceWrite: {
    writableRoots: t.optional(t.array(t.ref('AbsolutePathBuf'), { default: [] })),
    networkAccess: t.optional(t.boolean({ default: false })),
    excludeTmpdirEnvVar: t.optional(t.boolean({ default: false })),
    excludeSlashTmp: t.optional(t.boolean({ default: false })),
  },
}))
