// The user-verification family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const UserVerificationStatusParams = v2('UserVerificationStatusParams', t.object({}, { closed: true }))

export const UserVerificationStatusResponse = v2('UserVerificationStatusResponse', t.object({
  credentialId: t.option(t.string()),
  unavailableReason: t.option(t.ref('UserVerificationUnavailableReason')),
  unavailableMessage: t.option(t.string()),
}))

export const UserVerificationEnrollParams = v2('UserVerificationEnrollParams', t.object({}, { closed: true }))

export const UserVerificationEnrollResponse = v2('UserVerificationEnrollResponse', t.object({
  credentialId: t.string(),
  algorithm: t.option(t.string()),
  publicKey: t.option(t.string()),
}))

export const UserVerificationDeleteParams = v2('UserVerificationDeleteParams', t.object({}, { closed: true }))

export const UserVerificationDeleteResponse = v2('UserVerificationDeleteResponse', t.object({}))

export const UserVerificationVerifyParams = v2('UserVerificationVerifyParams', t.object({
  challenge: t.string(),
  title: t.string(),
  description: t.string(),
}, { closed: true }))

export const UserVerificationVerifyResponse = v2('UserVerificationVerifyResponse', t.object({
  proof: t.ref('UserVerificationProof'),
}))

export const UserVerificationCancelParams = v2('UserVerificationCancelParams', t.object({
  requestId: t.ref('RequestId'),
}, { closed: true }))

export const UserVerificationCancelResponse = v2('UserVerificationCancelResponse', t.object({}))

export const UserVerificationProof = v2('UserVerificationProof', t.object({
  credentialId: t.string(),
  signature: t.string(),
}, { closed: true }))

export const UserVerificationUnavailableReason = v2('UserVerificationUnavailableReason', t.enum(['credentialMissing', 'biometricsUnavailable', 'providerUnavailable']))
