// mock/experimentalMethod: the protocol's probe for experimental gating; it echoes its value.
import { defineHandlers } from '../handler-types.js'
import type { HandlerFamily } from './family.js'

/** mock/experimentalMethod: no state. */
export function mockFamily(): HandlerFamily {
  return { name: 'mock', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'mock/experimentalMethod': ({ value }) => ({ echoed: value ?? null }),
})
