// The thread-prediction family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadSampleParams = v2('ThreadSampleParams', t.object({
  threadId: t.string(),
  expectedTurnId: t.string(),
  allowInProgressTurn: t.optional(t.boolean()),
  prompt: t.string(),
  effort: t.option(t.ref('ReasoningEffort')),
  threadSource: t.option(t.ref('ThreadSource')),
  turnTrigger: t.option(t.string()),
  responsesapiClientMetadata: t.option(t.map(t.string())),
  disableMcp: t.optional(t.boolean()),
  interruptOnCancel: t.option(t.boolean()),
}))

export const ThreadSampleResponse = v2('ThreadSampleResponse', t.object({
  sourceTurnId: t.string(),
  responseId: t.string(),
  text: t.option(t.string()),
  inputTokens: t.option(t.int('int64')),
  cachedInputTokens: t.option(t.int('int64')),
  outputTokens: t.option(t.int('int64')),
}))

export const ThreadSampleCancelParams = v2('ThreadSampleCancelParams', t.object({
  requestId: t.ref('RequestId'),
}, { closed: true }))

export const ThreadSampleCancelResponse = v2('ThreadSampleCancelResponse', t.object({}))

export const ThreadPredictionRequestParams = v2('ThreadPredictionRequestParams', t.object({
  threadId: t.string(),
  sourceTurnId: t.string(),
}))

export const ThreadPredictionRequestResponse = v2('ThreadPredictionRequestResponse', t.object({}))

export const ThreadPredictionUpdatedNotification = v2('ThreadPredictionUpdatedNotification', t.object({
  threadId: t.string(),
  sourceTurnId: t.string(),
  result: t.ref('ThreadPredictionResult'),
}))

export const ThreadPredictionResult = v2('ThreadPredictionResult', t.tagged('type', {
  completed: {
    text: t.option(t.string()),
  },
  failed: {},
}))
