// A test-only experimental method that echoes its input, used to exercise the experimental gate.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const MockExperimentalMethodParams = v2('MockExperimentalMethodParams', t.object({
  value: t.option(t.string(), { description: 'Any text; it is sent back unchanged.' }),
}), 'Params of the test-only experimental echo method.')

export const MockExperimentalMethodResponse = v2('MockExperimentalMethodResponse', t.object({
  echoed: t.option(t.string(), { description: 'The `value` that was sent.' }),
}), 'Result of the test-only experimental echo method.')
