// The review family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ReviewStartParams = v2('ReviewStartParams', t.object({
  threadId: t.string(),
  target: t.ref('ReviewTarget'),
  delivery: t.option(t.ref('ReviewDelivery'), { default: null }),
}))

export const ReviewStartResponse = v2('ReviewStartResponse', t.object({
  turn: t.ref('Turn'),
  reviewThreadId: t.string(),
}))

export const ReviewDelivery = v2('ReviewDelivery', t.literal('inline'))

export const ReviewTarget = v2('ReviewTarget', t.tagged('type', {
  uncommittedChanges: {},
  baseBranch: {
    branch: t.string(),
  },
  commit: {
    sha: t.string(),
    title: t.option(t.string()),
  },
  custom: {
    instructions: t.string(),
  },
}))
