// The thread-goal family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadGoalSetParams = v2('ThreadGoalSetParams', t.object({
  threadId: t.string(),
  origin: t.option(t.ref('ThreadGoalMutationOrigin')),
  objective: t.option(t.string()),
  status: t.option(t.ref('ThreadGoalStatus')),
  tokenBudget: t.option(t.int('int64')),
}))

export const ThreadGoalSetResponse = v2('ThreadGoalSetResponse', t.object({
  goal: t.ref('ThreadGoal'),
}))

export const ThreadGoalGetParams = v2('ThreadGoalGetParams', t.object({
  threadId: t.string(),
}))

export const ThreadGoalGetResponse = v2('ThreadGoalGetResponse', t.object({
  goal: t.option(t.ref('ThreadGoal')),
}))

export const ThreadGoalClearParams = v2('ThreadGoalClearParams', t.object({
  threadId: t.string(),
  origin: t.option(t.ref('ThreadGoalMutationOrigin')),
}))

export const ThreadGoalClearResponse = v2('ThreadGoalClearResponse', t.object({
  cleared: t.boolean(),
}))

export const ThreadGoalUpdatedNotification = v2('ThreadGoalUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.option(t.string()),
  goal: t.ref('ThreadGoal'),
}))

export const ThreadGoalClearedNotification = v2('ThreadGoalClearedNotification', t.object({
  threadId: t.string(),
}))

export const ThreadGoal = v2('ThreadGoal', t.object({
  threadId: t.string(),
  objective: t.string(),
  status: t.ref('ThreadGoalStatus'),
  tokenBudget: t.option(t.int('int64')),
  tokensUsed: t.int('int64'),
  timeUsedSeconds: t.int('int64'),
  createdAt: t.int('int64'),
  updatedAt: t.int('int64'),
}))

export const ThreadGoalMutationOrigin = v2('ThreadGoalMutationOrigin', t.enum(['user', 'automatic']))

export const ThreadGoalStatus = v2('ThreadGoalStatus', t.enum(['active', 'paused', 'blocked', 'usageLimited', 'budgetLimited', 'complete']))
