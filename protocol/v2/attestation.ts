// The attestation family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const AttestationGenerateParams = root('AttestationGenerateParams', t.object({}))

export const AttestationGenerateResponse = root('AttestationGenerateResponse', t.object({
  token: t.string(),
}))
