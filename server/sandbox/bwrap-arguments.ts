// The bubblewrap command line that confines one command, laid out in the order codex's Linux
// sandbox uses (order matters: later mounts win over earlier ones): the whole filesystem
// read-only, a fresh /dev, the writable roots bound writable again, then their protected
// subpaths read-only once more; its own PID namespace with a fresh /proc, no network unless the
// policy allows it, a new session (no access to the server's terminal), and it dies with the server.
import { lstatSync } from 'node:fs'
import { sep } from 'node:path'
import type { SandboxPolicy } from '../../generated/experimental/index.js'
import type { WritableRoot } from './writable-roots.js'

export interface BwrapOptions {
  /** Mount a fresh /proc (some container runtimes forbid it; the PID namespace stays). */
  mountProc: boolean
  /** Keep the host's network. */
  network: boolean
}

/** bwrap's arguments (without the program itself) that run `argv` under `roots`. */
export function bwrapArguments(argv: readonly string[], roots: WritableRoot[], options: BwrapOptions): string[] {
  const args = ['--new-session', '--die-with-parent', '--ro-bind', '/', '/', '--dev', '/dev']
  for (const { root } of roots) args.push('--bind', root, root)
  const writable = roots.map(({ root }) => root)
  const subpaths = [...new Set(roots.flatMap((root) => root.readOnlySubpaths))].sort()
  for (const subpath of subpaths) {
    // A symlink on the way, inside a writable root, could be pointed elsewhere by the command:
    // it is covered with /dev/null so it cannot be replaced.
    const symlink = symlinkOnPath(subpath, writable)
    if (symlink !== undefined) args.push('--ro-bind', '/dev/null', symlink)
    else if (isUnder(subpath, writable)) args.push('--ro-bind', subpath, subpath)
  }
  args.push('--unshare-pid')
  if (!options.network) args.push('--unshare-net')
  if (options.mountProc) args.push('--proc', '/proc')
  args.push('--', ...argv)
  return args
}

/** Whether the policy lets a confined command reach the network. */
export function allowsNetwork(policy: SandboxPolicy): boolean {
  switch (policy.type) {
    case 'readOnly':
    case 'workspaceWrite':
      return policy.networkAccess === true
    case 'externalSandbox':
      return policy.networkAccess === 'enabled'
    case 'dangerFullAccess':
      return true
  }
}

function isUnder(path: string, roots: string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep))
}

function symlinkOnPath(path: string, roots: string[]): string | undefined {
  const parts = path.split(sep).filter((part) => part !== '')
  let current = ''
  for (const part of parts) {
    current += sep + part
    const stats = lstatSync(current, { throwIfNoEntry: false })
    if (stats === undefined) return undefined
    if (stats.isSymbolicLink() && isUnder(current, roots)) return current
  }
  return undefined
}
