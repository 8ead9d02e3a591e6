// The current-time family: an experimental server request that asks the client for its clock
// time on behalf of a thread (codex 0.169.0 only; 0.171.0 removed it).
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const CurrentTimeReadParams = root('CurrentTimeReadParams', t.object({
  threadId: t.describe('Thread that needs the time.', t.string()),
}), { removed: '0.171.0', description: 'Parameters of the experimental `currentTime/read` server request, which asks the client for its current time.' })

export const CurrentTimeReadResponse = root('CurrentTimeReadResponse', t.object({
  currentTimeAt: t.describe('Current time in Unix epoch seconds (whole seconds).', t.int('int64')),
}), { removed: '0.171.0', description: 'The client\'s answer to `currentTime/read`.' })
