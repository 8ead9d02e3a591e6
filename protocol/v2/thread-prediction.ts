// Side samples and predictions: one-off model calls made from a thread's context without adding
// to its history, and predictions about a finished turn delivered by notification.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ThreadSampleParams = v2('ThreadSampleParams', t.object({
  threadId: t.string(),
  expectedTurnId: t.describe('Id of the thread\'s latest turn; the request fails if it is not, or if that turn is still running and `allowInProgressTurn` is not set.', t.string()),
  allowInProgressTurn: t.optional(t.describe('Allow sampling while the latest turn is still running.', t.boolean())),
  prompt: t.describe('Text appended to the thread\'s context for this sample only.', t.string()),
  effort: t.option(t.ref('ReasoningEffort'), { description: 'Reasoning effort for the sample; ignored where the model cannot change it without losing the prompt cache.' }),
  threadSource: t.option(t.ref('ThreadSource'), { description: 'Which kind of client the sample is attributed to.' }),
  turnTrigger: t.option(t.string(), { description: 'Free-form label of what triggered the sample, for metadata.' }),
  responsesapiClientMetadata: t.option(t.map(t.string()), { description: 'Extra key/value metadata sent with the model request.' }),
  disableMcp: t.optional(t.describe('Leave MCP tools out of the sample.', t.boolean())),
  interruptOnCancel: t.option(t.boolean(), { description: 'Whether cancelling also interrupts the upstream model call; null inherits the thread\'s behaviour.' }),
}), 'Asks the model for one response from a thread\'s current context plus a prompt, without recording anything in the thread.')

export const ThreadSampleResponse = v2('ThreadSampleResponse', t.object({
  sourceTurnId: t.describe('The turn whose context was sampled.', t.string()),
  responseId: t.describe('Id of the model response.', t.string()),
  text: t.option(t.string(), { description: 'The response text; null when the model produced no text (for example it tried to call a tool).' }),
  inputTokens: t.option(t.int('int64'), { description: 'Input tokens billed, when reported.' }),
  cachedInputTokens: t.option(t.int('int64'), { description: 'Input tokens served from the prompt cache, when reported.' }),
  outputTokens: t.option(t.int('int64'), { description: 'Output tokens, when reported.' }),
}), 'The sampled response and its token usage.')

export const ThreadSampleCancelParams = v2('ThreadSampleCancelParams', t.object({
  requestId: t.describe('JSON-RPC id of the `thread/sample` request to cancel.', t.ref('RequestId')),
}, { closed: true }), 'Cancels a running `thread/sample` request, named by its JSON-RPC id.')

export const ThreadSampleCancelResponse = v2('ThreadSampleCancelResponse', t.object({}), 'Empty: cancellation was requested.')

export const ThreadPredictionRequestParams = v2('ThreadPredictionRequestParams', t.object({
  threadId: t.string(),
  sourceTurnId: t.describe('The turn to base the prediction on.', t.string()),
}), 'Asks for a prediction based on a turn; the result arrives later as `thread/prediction/updated`.')

export const ThreadPredictionRequestResponse = v2('ThreadPredictionRequestResponse', t.object({}), 'Empty: the prediction was started.')

export const ThreadPredictionUpdatedNotification = v2('ThreadPredictionUpdatedNotification', t.object({
  threadId: t.string(),
  sourceTurnId: t.describe('The turn the prediction was requested for.', t.string()),
  result: t.ref('ThreadPredictionResult'),
}), 'Delivers the outcome of a `thread/prediction/request`.')

export const ThreadPredictionResult = v2('ThreadPredictionResult', t.tagged('type', {
  completed: {
    text: t.option(t.string(), { description: 'The predicted text; null when the model gave none.' }),
  },
  failed: {},
}), 'The outcome of a prediction: its text, or failure.')
