// Thread goals: one standing objective per thread that the agent keeps working towards, with its
// status, token budget and usage.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadGoalSetParams = v2('ThreadGoalSetParams', t.object({
  threadId: t.string(),
  origin: t.option(t.ref('ThreadGoalMutationOrigin'), { description: 'Who makes the change; leaving it out does not count as a user action.' }),
  objective: t.option(t.string(), { description: 'New objective; null keeps the current one.' }),
  status: t.option(t.ref('ThreadGoalStatus'), { description: 'New status; null keeps the current one.' }),
  tokenBudget: t.option(t.int('int64'), { description: 'New token ceiling; null keeps the current one.' }),
}), 'Creates or changes the goal of a thread.')

export const ThreadGoalSetResponse = v2('ThreadGoalSetResponse', t.object({
  goal: t.describe('The goal after the change.', t.ref('ThreadGoal')),
}), 'The thread\'s goal as it now stands.')

export const ThreadGoalGetParams = v2('ThreadGoalGetParams', t.object({
  threadId: t.string(),
}), 'Reads the goal of a thread.')

export const ThreadGoalGetResponse = v2('ThreadGoalGetResponse', t.object({
  goal: t.option(t.ref('ThreadGoal'), { description: 'Null when the thread has no goal.' }),
}), 'The thread\'s goal, if it has one.')

export const ThreadGoalClearParams = v2('ThreadGoalClearParams', t.object({
  threadId: t.string(),
  origin: t.option(t.ref('ThreadGoalMutationOrigin'), { description: 'Who clears it; leaving it out does not count as a user action.' }),
}), 'Removes the goal of a thread.')

export const ThreadGoalClearResponse = v2('ThreadGoalClearResponse', t.object({
  cleared: t.describe('False when there was no goal to clear.', t.boolean()),
}), 'Whether a goal was removed.')

export const ThreadGoalUpdatedNotification = v2('ThreadGoalUpdatedNotification', t.object({
  threadId: t.string(),
  turnId: t.option(t.string(), { description: 'Turn during which the goal changed; null when it changed outside a turn.' }),
  goal: t.describe('The goal after the change.', t.ref('ThreadGoal')),
}), 'Sent when a thread\'s goal is created or changes (objective, status or usage).')

export const ThreadGoalClearedNotification = v2('ThreadGoalClearedNotification', t.object({
  threadId: t.string(),
}), 'Sent when a thread\'s goal is removed.')

export const ThreadGoal = v2('ThreadGoal', t.object({
  threadId: t.string(),
  objective: t.describe('What the agent is working towards, in plain language.', t.string()),
  status: t.ref('ThreadGoalStatus'),
  tokenBudget: t.option(t.int('int64'), { description: 'Token ceiling; null means none.' }),
  tokensUsed: t.describe('Tokens spent on the goal so far.', t.int('int64')),
  timeUsedSeconds: t.describe('Wall-clock time spent on the goal so far, in seconds.', t.int('int64')),
  createdAt: t.describe('When the goal was set, as a Unix timestamp in seconds.', t.int('int64')),
  updatedAt: t.describe('When the goal last changed, as a Unix timestamp in seconds.', t.int('int64')),
}), 'The standing objective of a thread and how much has been spent on it.')

export const ThreadGoalMutationOrigin = v2('ThreadGoalMutationOrigin', t.enum(['user', 'automatic']), 'Whether a goal change is an explicit user action or an automatic one.')

export const ThreadGoalStatus = v2('ThreadGoalStatus', t.enum(['active', 'paused', 'blocked', 'usageLimited', 'budgetLimited', 'complete']), 'Where a goal stands: being worked on, paused by the user, stuck, stopped by a usage limit or its token budget, or done.')
