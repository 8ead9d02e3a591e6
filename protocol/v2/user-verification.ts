// The user-verification family: experimental methods for a device-bound signing key that proves a
// person is present (biometric or similar prompt on the client machine): status, enrolment,
// deletion, signing a challenge, and cancelling a pending prompt.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const UserVerificationStatusParams = v2('UserVerificationStatusParams', t.object({}, { closed: true }), 'Parameters of `userVerification/status`; no fields.')

export const UserVerificationStatusResponse = v2('UserVerificationStatusResponse', t.object({
  credentialId: t.option(t.string(), { description: 'Id of the local credential; null when none exists or verification is unavailable.' }),
  unavailableReason: t.option(t.ref('UserVerificationUnavailableReason'), { description: 'Why verification cannot be used right now; null when it can.' }),
  unavailableMessage: t.option(t.string(), { description: 'Human-readable detail for `unavailableReason`.' }),
}), 'Result of `userVerification/status`: whether a usable local credential exists. Nothing is shown to the user and no backend is asked whether the credential is registered.')

export const UserVerificationEnrollParams = v2('UserVerificationEnrollParams', t.object({}, { closed: true }), 'Parameters of `userVerification/enroll`; no fields.')

export const UserVerificationEnrollResponse = v2('UserVerificationEnrollResponse', t.object({
  credentialId: t.describe('Id of the local credential (new, or the existing one reused).', t.string()),
  algorithm: t.option(t.string(), { description: 'Signature algorithm of the key; absent from older servers.' }),
  publicKey: t.option(t.string(), { description: 'Public key as DER SubjectPublicKeyInfo, base64url without padding; absent from older servers.' }),
}), 'Result of `userVerification/enroll`: public details of the local credential (created now or reused). No backend registration happens here; the caller does that, and needs both `algorithm` and `publicKey` for it.')

export const UserVerificationDeleteParams = v2('UserVerificationDeleteParams', t.object({}, { closed: true }), 'Parameters of `userVerification/delete`, which removes the local credential; no fields.')

export const UserVerificationDeleteResponse = v2('UserVerificationDeleteResponse', t.object({}), 'Result of `userVerification/delete`; empty on success.')

export const UserVerificationVerifyParams = v2('UserVerificationVerifyParams', t.object({
  challenge: t.describe('Bytes to sign (1 to 4096), base64url without padding.', t.string()),
  title: t.describe('Title shown in the verification prompt, already vetted by the client UI; 1 to 256 UTF-8 bytes.', t.string()),
  description: t.describe('Further text shown in the prompt; at most 4096 UTF-8 bytes.', t.string()),
}, { closed: true }), 'Parameters of `userVerification/verify`: show a verification prompt and, once the user passes it, sign the challenge with the local credential (separate from answering an elicitation).')

export const UserVerificationVerifyResponse = v2('UserVerificationVerifyResponse', t.object({
  proof: t.describe('Signature over the challenge.', t.ref('UserVerificationProof')),
  biometricType: t.added('0.171.0', t.option(t.ref('UserVerificationBiometricType'), { description: 'How the device says the user proved their presence; context for the approval, not part of the proof. Older servers leave it out.' })),
}), 'Result of `userVerification/verify`.')

export const UserVerificationBiometricType = v2('UserVerificationBiometricType', t.enum(['fingerprint']), { added: '0.171.0', description: 'The authentication method a device reported for a user verification.' })

export const UserVerificationCancelParams = v2('UserVerificationCancelParams', t.object({
  requestId: t.describe('JSON-RPC id of the pending `userVerification/*` request on this connection to cancel; give each request its own id, and this cancel request a different one.', t.ref('RequestId')),
}, { closed: true }), 'Parameters of `userVerification/cancel`, which cancels a user-verification request in progress (not an elicitation).')

export const UserVerificationCancelResponse = v2('UserVerificationCancelResponse', t.object({}), 'Result of `userVerification/cancel`. A reply does not mean the prompt has closed yet; cancelling an unknown or finished request does nothing, and effects that already happened stay.')

export const UserVerificationProof = v2('UserVerificationProof', t.object({
  credentialId: t.describe('Credential that made the signature.', t.string()),
  signature: t.describe('ECDSA P-256 / SHA-256 signature in DER form, base64url without padding.', t.string()),
}, { closed: true }), 'Proof of user presence: the local credential\'s signature over the decoded challenge bytes, for the challenge issuer to check (once).')

export const UserVerificationUnavailableReason = v2('UserVerificationUnavailableReason', t.enum(['credentialMissing', 'biometricsUnavailable', 'providerUnavailable']), 'Why user verification cannot be used: no credential is enrolled, the device has no usable biometrics, or the platform key provider is unavailable.')
