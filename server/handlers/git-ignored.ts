// The entries git ignores under a folder, as git itself decides (.gitignore files at every level,
// .git/info/exclude, the user's global excludes): codex's file search leaves them out inside a
// git work tree, and applies no .gitignore outside one. Asking git gives its exact rules.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Paths relative to `folder` (with `/`, no trailing slash) that git ignores; an ignored folder
 * is listed once, not its contents. Empty outside a work tree or without git.
 */
export async function gitIgnoredPaths(folder: string, signal?: AbortSignal): Promise<Set<string>> {
  try {
    const { stdout } = await run('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], {
      cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(signal ? { signal } : {}),
    })
    return new Set(stdout.split('\0').filter(Boolean).map((path) => path.replace(/\/$/, '')))
  } catch {
    return new Set() // not a work tree, no git, or the search was cancelled
  }
}
