// The attestation family: the server asks the client for an attestation token it can attach to
// upstream requests (only for clients that opted in at initialize).
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const AttestationGenerateParams = root('AttestationGenerateParams', t.object({}), 'Parameters of the `attestation/generate` server request; it carries no fields.')

export const AttestationGenerateResponse = root('AttestationGenerateResponse', t.object({
  token: t.describe('Opaque attestation token; the server forwards it upstream as is.', t.string()),
}), 'The client\'s answer to `attestation/generate`.')
