// userVerification/*: codex verifies the user with the platform's authenticator where its build
// and the account provide one; an offline, signed-out codex has none and says so.
import { defineHandlers, ErrorCode } from '../handler-types.js'
import { failsOffline } from './offline.js'
import type { HandlerFamily } from './family.js'

const UNAVAILABLE = 'User verification is not available in this build or account.'
const unavailable = failsOffline(UNAVAILABLE, ErrorCode.internal, { type: 'unavailable', reason: 'providerUnavailable' })

export function userVerificationFamily(): HandlerFamily {
  return {
    name: 'user-verification',
    handlers: HANDLERS,
    offlineErrors: ['userVerification/status', 'userVerification/enroll', 'userVerification/delete', 'userVerification/verify', 'userVerification/cancel'],
  }
}

const HANDLERS = defineHandlers({
  'userVerification/status': () => ({ credentialId: null, unavailableReason: 'providerUnavailable' as const, unavailableMessage: UNAVAILABLE }),
  'userVerification/enroll': unavailable,
  'userVerification/delete': unavailable,
  // Codex checks the challenge before asking the provider; every probe so far was refused here.
  'userVerification/verify': failsOffline('Invalid verification challenge or display text.', ErrorCode.invalidParams, { type: 'invalidRequest', reason: 'invalidParams' }),
  // Nothing is ever pending, so there is nothing to cancel.
  'userVerification/cancel': () => ({}),
})
