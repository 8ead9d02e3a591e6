// What review/start reviews, as codex 0.169.0 words it (test/server/fixtures/codex-0.169.0/
// conversations/k-review.jsonl): a short label shown in the enteredReviewMode item and the
// turn's first item, and the prompt the reviewing agent is given (the review turn's user message).
// A base branch is compared from its merge base with HEAD, looked up with git in the thread's cwd.
import { execFile } from 'node:child_process'
import type { ReviewTarget } from '../../generated/experimental/index.js'
import { conversationErrors } from './conversation-errors.js'

export interface ReviewRequest {
  /** The label clients show (`current changes`, `changes against 'main'`, `commit 1d4e92b: title`). */
  display: string
  /** What the reviewer is asked. */
  prompt: string
}

/** How long the merge-base lookup may take before the branch is reviewed without one. */
const GIT_TIMEOUT_MS = 5000

/** Checks the target (codex's errors for empty fields) and words the review. */
export async function reviewRequest(target: ReviewTarget, cwd: string): Promise<ReviewRequest> {
  switch (target.type) {
    case 'uncommittedChanges':
      return { display: 'current changes', prompt: 'Review the current code changes (staged, unstaged, and untracked files) and provide prioritized findings.' }
    case 'baseBranch': {
      const branch = target.branch.trim()
      if (branch === '') throw conversationErrors.emptyReviewField('branch')
      const mergeBase = await gitMergeBase(cwd, branch)
      const prompt = mergeBase
        ? `Review the code changes against the base branch '${branch}'. The merge base commit for this comparison is ${mergeBase}. Run \`git diff ${mergeBase}\` to inspect the changes relative to ${branch}. Provide prioritized, actionable findings.`
        : `Review the code changes against the base branch '${branch}'. Start by finding the merge diff between the current branch and ${branch}'s upstream e.g. (\`git merge-base HEAD "$(git rev-parse --abbrev-ref "${branch}@{upstream}")"\`), then run \`git diff\` against that SHA to see what changes we would merge into the ${branch} branch. Provide prioritized, actionable findings.`
      return { display: `changes against '${branch}'`, prompt }
    }
    case 'commit': {
      const sha = target.sha.trim()
      if (sha === '') throw conversationErrors.emptyReviewField('sha')
      const title = target.title?.trim() || undefined
      const short = sha.slice(0, 7)
      return title
        ? { display: `commit ${short}: ${title}`, prompt: `Review the code changes introduced by commit ${sha} ("${title}"). Provide prioritized, actionable findings.` }
        : { display: `commit ${short}`, prompt: `Review the code changes introduced by commit ${sha}. Provide prioritized, actionable findings.` }
    }
    case 'custom': {
      const instructions = target.instructions.trim()
      if (instructions === '') throw conversationErrors.emptyReviewField('instructions')
      return { display: instructions, prompt: instructions }
    }
  }
}

/** The merge base of HEAD and `branch` in `cwd`; undefined when git cannot tell (no repository, unknown branch). */
function gitMergeBase(cwd: string, branch: string): Promise<string | undefined> {
  // A name that git would read as an option is not looked up.
  if (branch.startsWith('-')) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    execFile('git', ['merge-base', 'HEAD', branch], { cwd, timeout: GIT_TIMEOUT_MS }, (error, stdout) => {
      const sha = String(stdout).trim()
      resolve(error || !/^[0-9a-f]{40,64}$/.test(sha) ? undefined : sha)
    })
  })
}
