// mock/experimentalMethod: the protocol's probe for experimental gating; it echoes its value.
import { defineHandlers } from '../handler-types.js'

export const mockHandlers = defineHandlers({
  'mock/experimentalMethod': ({ value }) => ({ echoed: value ?? null }),
})
