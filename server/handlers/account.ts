// account/*: this server serves no hosted models, so no sign-in is needed and there is no
// account, Bedrock set-up or GovCloud region to report.
import { defineHandlers } from '../handler-types.js'
import type { HandlerFamily } from './family.js'

/** account/*: fixed answers, no state. */
export function accountFamily(): HandlerFamily {
  return { name: 'account', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'account/read': () => ({ account: null, userId: null, requiresOpenaiAuth: false, workspaceRouting: null }),

  'account/bedrock/checkGovCloudRequirements': () => ({ isGovCloud: false, shouldWarn: false }),
})
