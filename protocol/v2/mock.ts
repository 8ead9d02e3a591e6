// The mock family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const MockExperimentalMethodParams = v2('MockExperimentalMethodParams', t.object({
  value: t.option(t.string()),
}))

export const MockExperimentalMethodResponse = v2('MockExperimentalMethodResponse', t.object({
  echoed: t.option(t.string()),
}))
