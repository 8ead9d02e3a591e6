// The current-time family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const CurrentTimeReadParams = root('CurrentTimeReadParams', t.object({
  threadId: t.string(),
}))

export const CurrentTimeReadResponse = root('CurrentTimeReadResponse', t.object({
  currentTimeAt: t.int('int64'),
}))
