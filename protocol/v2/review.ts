// The review family: `review/start` asks the agent to review code changes (uncommitted work, a
// branch, a commit, or custom instructions) as a turn on an existing thread.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ReviewStartParams = v2('ReviewStartParams', t.object({
  threadId: t.describe('Thread the review runs on.', t.string()),
  target: t.describe('What to review.', t.ref('ReviewTarget')),
  delivery: t.option(t.ref('ReviewDelivery'), { default: null, description: 'Where the review runs; only `inline` (on the given thread) is accepted, and it is the default when absent.' }),
}), 'Parameters of `review/start`.')

export const ReviewStartResponse = v2('ReviewStartResponse', t.object({
  turn: t.describe('The turn that carries out the review.', t.ref('Turn')),
  reviewThreadId: t.describe('Thread the review runs on (the `threadId` that was sent).', t.string()),
}), 'Result of `review/start`: the review turn that was started.')

export const ReviewDelivery = v2('ReviewDelivery', t.literal('inline'), 'Where a review runs; `inline` runs it as a turn of the requested thread.')

export const ReviewTarget = v2('ReviewTarget', t.tagged('type', {
  uncommittedChanges: {},
  baseBranch: {
    branch: t.describe('Branch to compare the current work against.', t.string()),
  },
  commit: {
    sha: t.describe('Commit to review.', t.string()),
    title: t.option(t.string(), { description: 'Label for the commit (such as its subject line) for display; null when not given.' }),
  },
  custom: {
    instructions: t.describe('Free-form review instructions.', t.string()),
  },
}), 'What a review looks at: uncommitted changes in the workspace, the diff against a base branch, a single commit, or free-form instructions.')
