// Where a confined command may write, as codex decides it on Linux: nowhere under `readOnly`;
// under `workspaceWrite` the policy's extra roots, the command's cwd, /tmp and $TMPDIR (unless the
// policy excludes them). Inside each writable root the repository and agent metadata stay
// read-only: `.git` (and the git folder a `.git` pointer file names), `.agents` and `.codex`.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import type { SandboxPolicy } from '../../generated/experimental/index.js'

export interface WritableRoot {
  root: string
  /** Paths under the root that stay read-only; each exists. */
  readOnlySubpaths: string[]
}

/** Writable roots of a confining policy; throws when one of them does not exist (bubblewrap cannot mount it). */
export function writableRootsOf(policy: SandboxPolicy, cwd: string, env: NodeJS.ProcessEnv): WritableRoot[] {
  if (policy.type !== 'workspaceWrite') return []
  const roots = [...(policy.writableRoots ?? []), cwd]
  if (policy.excludeSlashTmp !== true && isDirectory('/tmp')) roots.push('/tmp')
  const tmpdir = env.TMPDIR
  if (policy.excludeTmpdirEnvVar !== true && tmpdir !== undefined && tmpdir !== '' && isAbsolute(tmpdir)) roots.push(tmpdir)
  const unique = [...new Set(roots.map((root) => resolve(root)))]
  for (const root of unique) {
    if (!existsSync(root)) throw new Error(`Sandbox expected writable root ${root}, but it does not exist.`)
  }
  return unique.map((root) => ({ root, readOnlySubpaths: protectedSubpaths(root) }))
}

function protectedSubpaths(root: string): string[] {
  const subpaths: string[] = []
  const dotGit = resolve(root, '.git')
  if (isDirectory(dotGit)) subpaths.push(dotGit)
  else if (isFile(dotGit)) {
    // A worktree or submodule: `.git` is a file naming the real git folder, which stays read-only too.
    const gitdir = gitdirOf(dotGit)
    if (gitdir !== undefined) subpaths.push(gitdir)
    subpaths.push(dotGit)
  }
  for (const name of ['.agents', '.codex']) {
    const path = resolve(root, name)
    if (isDirectory(path)) subpaths.push(path)
  }
  return [...new Set(subpaths)]
}

/** The folder a `gitdir: <path>` pointer file names, when it exists. */
function gitdirOf(pointerFile: string): string | undefined {
  let text: string
  try {
    text = readFileSync(pointerFile, 'utf8').trim()
  } catch {
    return undefined
  }
  const colon = text.indexOf(':')
  const named = colon < 0 ? '' : text.slice(colon + 1).trim()
  if (named === '') return undefined
  const gitdir = resolve(dirname(pointerFile), named)
  return existsSync(gitdir) ? gitdir : undefined
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}
