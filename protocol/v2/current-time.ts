// The current-time family: an experimental server request that asks the client for its clock
// time on behalf of a thread.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const CurrentTimeReadParams = root('CurrentTimeReadParams', t.object({
  threadId: t.describe('Thread that needs the time.', t.string()),
}), 'Parameters of the experimental `currentTime/read` server request, which asks the client for its current time.')

export const CurrentTimeReadResponse = root('CurrentTimeReadResponse', t.object({
  currentTimeAt: t.describe('Current time in Unix epoch seconds (whole seconds).', t.int('int64')),
}), 'The client\'s answer to `currentTime/read`.')
