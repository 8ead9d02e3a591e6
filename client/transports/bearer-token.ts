// Signs the HS256 bearer token a server started with `--ws-auth signed-bearer-token` accepts.
import { createHmac } from 'node:crypto'

export interface BearerTokenClaims {
  /** The server's shared secret (at least 32 bytes). */
  secret: string | Buffer
  /** Lifetime from now (default 5 minutes). */
  expiresInSeconds?: number
  issuer?: string
  audience?: string
  subject?: string
}

export function signBearerToken(claims: BearerTokenClaims): string {
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = encode({ alg: 'HS256', typ: 'JWT' })
  const payload = encode({
    exp: now + (claims.expiresInSeconds ?? 300),
    iat: now,
    ...(claims.issuer !== undefined ? { iss: claims.issuer } : {}),
    ...(claims.audience !== undefined ? { aud: claims.audience } : {}),
    ...(claims.subject !== undefined ? { sub: claims.subject } : {}),
  })
  const signature = createHmac('sha256', claims.secret).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}
