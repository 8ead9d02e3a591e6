// The permissions family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const AskForApproval = v2('AskForApproval', t.oneOf([
  t.enum(['untrusted', 'on-request', 'never']),
  t.experimental('askForApproval.granular', t.object({
    granular: t.object({
      mcp_elicitations: t.boolean(),
      request_permissions: t.optional(t.boolean({ default: false })),
      rules: t.boolean(),
      sandbox_approval: t.boolean(),
      skill_approval: t.optional(t.boolean({ default: false })),
    }),
  }, { closed: true })),
]))

export const ApprovalsReviewer = v2('ApprovalsReviewer', t.enum(['user', 'auto_review', 'guardian_subagent']))

export const SandboxMode = v2('SandboxMode', t.enum(['read-only', 'workspace-write', 'danger-full-access']))

export const ActivePermissionProfile = v2('ActivePermissionProfile', t.object({
  id: t.string(),
  extends: t.option(t.string(), { default: null }),
}))

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

export const AdditionalPermissionProfile = root('AdditionalPermissionProfile', t.object({
  network: t.option(t.ref('AdditionalNetworkPermissions')),
  fileSystem: t.option(t.ref('AdditionalFileSystemPermissions')),
}))

export const NetworkAccess = v2('NetworkAccess', t.enum(['restricted', 'enabled']))

export const AdditionalFileSystemPermissions = v2('AdditionalFileSystemPermissions', t.object({
  read: t.option(t.array(t.ref('LegacyAppPathString'))),
  write: t.option(t.array(t.ref('LegacyAppPathString'))),
  globScanMaxDepth: t.option(t.uint('uint', { minimum: 1 })),
  entries: t.option(t.array(t.ref('FileSystemSandboxEntry'))),
}))

export const AdditionalNetworkPermissions = v2('AdditionalNetworkPermissions', t.object({
  enabled: t.option(t.boolean()),
}))

export const FileSystemSandboxEntry = v2('FileSystemSandboxEntry', t.object({
  path: t.ref('FileSystemPath'),
  access: t.ref('FileSystemAccessMode'),
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
