// A working tree's diff against its remote, computed with the real git: the base is the commit
// where the current branch last met a remote branch (its upstream first, otherwise the remote
// branch it shares the most history with); the diff runs from that commit to the working tree,
// untracked files included as new files, as codex's gitDiffToRemote reports it.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)
const MAX_OUTPUT = 64 * 1024 * 1024

/** The base commit and the diff; undefined outside a repository or without a remote to compare with. */
export async function gitDiffToRemote(cwd: string): Promise<{ sha: string; diff: string } | undefined> {
  const git = async (...args: string[]) => (await run('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' })).stdout
  try {
    const sha = await remoteBase(git)
    if (sha === undefined) return undefined
    let diff = await git('diff', '--no-textconv', '--no-ext-diff', sha)
    const untracked = (await git('ls-files', '--others', '--exclude-standard', '-z')).split('\0').filter(Boolean)
    for (const file of untracked) diff += await newFileDiff(cwd, file)
    return { sha, diff }
  } catch {
    return undefined
  }
}

async function remoteBase(git: (...args: string[]) => Promise<string>): Promise<string | undefined> {
  const upstream = await git('rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}').then((text) => text.trim(), () => undefined)
  const candidates = upstream ? [upstream] : (await git('for-each-ref', '--format=%(refname)', 'refs/remotes')).split('\n').filter((ref) => ref && !ref.endsWith('/HEAD'))
  let best: { sha: string; distance: number } | undefined
  for (const ref of candidates) {
    const sha = await git('merge-base', 'HEAD', ref).then((text) => text.trim(), () => '')
    if (sha === '') continue
    const distance = Number((await git('rev-list', '--count', `${sha}..HEAD`)).trim())
    if (best === undefined || distance < best.distance) best = { sha, distance }
  }
  return best?.sha
}

/** The diff that adds an untracked file (git exits with 1 when the two sides differ). */
async function newFileDiff(cwd: string, file: string): Promise<string> {
  try {
    await run('git', ['diff', '--no-textconv', '--no-ext-diff', '--no-index', '--', '/dev/null', file], { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' })
    return ''
  } catch (error) {
    const { code, stdout } = error as { code?: number; stdout?: string }
    if (code === 1 && typeof stdout === 'string') return stdout
    throw error
  }
}
