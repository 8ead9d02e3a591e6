// account/*: this server serves no hosted models, so no sign-in is needed and there is no
// account, Bedrock set-up or GovCloud region to report.
import { defineHandlers } from '../handler-types.js'

export const accountHandlers = defineHandlers({
  'account/read': () => ({ account: null, userId: null, requiresOpenaiAuth: false, workspaceRouting: null }),

  'account/bedrock/checkGovCloudRequirements': () => ({ isGovCloud: false, shouldWarn: false }),
})
