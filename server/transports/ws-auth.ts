// Authentication of websocket upgrades, as codex does it: a capability token compared by SHA-256
// digest, or an HS256-signed JWT. Each failure has codex's exact plain-text 401 body.
import { createHmac, createHash, timingSafeEqual } from 'node:crypto'

export type WsAuth =
  | { mode: 'capability-token'; tokenSha256: Buffer }
  | { mode: 'signed-bearer-token'; secret: Buffer; issuer?: string | undefined; audience?: string | undefined; maxClockSkewSeconds: number }

export const AUTH_FAILURE = {
  missingToken: 'missing websocket bearer token',
  invalidToken: 'invalid websocket bearer token',
  invalidHeader: 'invalid authorization header',
  invalidJwt: 'invalid websocket jwt',
  expiredJwt: 'expired websocket jwt',
  notYetValidJwt: 'websocket jwt is not valid yet',
  issuerMismatch: 'websocket jwt issuer mismatch',
  audienceMismatch: 'websocket jwt audience mismatch',
} as const

/** Undefined when the `Authorization` header is accepted, otherwise the 401 body. */
export function authorizationFailure(header: string | undefined, auth: WsAuth, nowSeconds = Date.now() / 1000): string | undefined {
  if (header === undefined) return AUTH_FAILURE.missingToken
  const match = /^[ \t]*bearer[ \t]+(.*)$/i.exec(header)
  const token = match?.[1]?.trim()
  if (!token) return AUTH_FAILURE.invalidHeader
  if (auth.mode === 'capability-token') {
    const digest = createHash('sha256').update(token).digest()
    return timingSafeEqual(digest, auth.tokenSha256) ? undefined : AUTH_FAILURE.invalidToken
  }
  return jwtFailure(token, auth, nowSeconds)
}

function jwtFailure(token: string, auth: Extract<WsAuth, { mode: 'signed-bearer-token' }>, now: number): string | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return AUTH_FAILURE.invalidJwt
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string]
  const header = decodeJsonPart(encodedHeader)
  if (!header || header.alg !== 'HS256') return AUTH_FAILURE.invalidJwt
  const expected = createHmac('sha256', auth.secret).update(`${encodedHeader}.${encodedPayload}`).digest()
  const signature = Buffer.from(encodedSignature, 'base64url')
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return AUTH_FAILURE.invalidJwt
  const claims = decodeJsonPart(encodedPayload)
  if (!claims) return AUTH_FAILURE.invalidJwt
  const { exp, nbf } = claims
  if (!Number.isInteger(exp)) return AUTH_FAILURE.invalidJwt
  if (nbf !== undefined && !Number.isInteger(nbf)) return AUTH_FAILURE.invalidJwt
  const skew = auth.maxClockSkewSeconds
  if ((exp as number) < now - skew) return AUTH_FAILURE.expiredJwt
  if (nbf !== undefined && (nbf as number) > now + skew) return AUTH_FAILURE.notYetValidJwt
  if (auth.issuer !== undefined && claims.iss !== auth.issuer) return AUTH_FAILURE.issuerMismatch
  if (auth.audience !== undefined) {
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!audiences.includes(auth.audience)) return AUTH_FAILURE.audienceMismatch
  }
  return undefined
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
