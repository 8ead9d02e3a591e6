// Authentication of websocket upgrades, as codex does it: a capability token compared by SHA-256
// digest, or an HS256-signed JWT. Each failure has codex's exact plain-text 401 body.
import { createHmac, createHash, timingSafeEqual } from 'node:crypto'
import { scanJson } from '../wire/json-scan.js'
import { int64Text } from '../wire/request-id.js'
import { isRecord } from '../../protocol/model/json-data.js'

/** Registered header fields; codex refuses a token that repeats one of them. */
const HEADER_FIELDS = ['typ', 'alg', 'cty', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256']
/** Claims codex reads; repeating one of them, or giving one the wrong type, makes the token invalid. */
const CHECKED_CLAIMS = ['exp', 'nbf', 'iss', 'aud', 'sub']

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
  if (parts.length !== 3 || !parts.every(isCanonicalBase64url)) return AUTH_FAILURE.invalidJwt
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string]
  const header = decodeJsonPart(encodedHeader, HEADER_FIELDS)
  if (!header || header.value.alg !== 'HS256') return AUTH_FAILURE.invalidJwt
  const expected = createHmac('sha256', auth.secret).update(`${encodedHeader}.${encodedPayload}`).digest()
  const signature = Buffer.from(encodedSignature, 'base64url')
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return AUTH_FAILURE.invalidJwt
  const claims = decodeJsonPart(encodedPayload, CHECKED_CLAIMS)
  if (!claims) return AUTH_FAILURE.invalidJwt
  // exp and nbf are 64-bit integers: read from the text, so 1e300, 1.5 or 2^63 are refused.
  const exp = integerClaim(claims.raw.get('exp'))
  const nbfText = claims.raw.get('nbf')
  const nbf = nbfText === undefined || nbfText === 'null' ? undefined : integerClaim(nbfText)
  if (exp === undefined || (nbfText !== undefined && nbfText !== 'null' && nbf === undefined)) return AUTH_FAILURE.invalidJwt
  const { iss, aud, sub } = claims.value
  if (!optionalString(iss) || !optionalString(sub) || !(optionalString(aud) || (Array.isArray(aud) && aud.every((item) => typeof item === 'string')))) {
    return AUTH_FAILURE.invalidJwt
  }
  const skew = auth.maxClockSkewSeconds
  if (exp < now - skew) return AUTH_FAILURE.expiredJwt
  if (nbf !== undefined && nbf > now + skew) return AUTH_FAILURE.notYetValidJwt
  if (auth.issuer !== undefined && iss !== auth.issuer) return AUTH_FAILURE.issuerMismatch
  if (auth.audience !== undefined) {
    const audiences = Array.isArray(aud) ? aud : [aud]
    if (!audiences.includes(auth.audience)) return AUTH_FAILURE.audienceMismatch
  }
  return undefined
}

/** Unpadded base64url whose unused trailing bits are zero: the only spelling codex accepts. */
function isCanonicalBase64url(part: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part
}

/** A JSON object part; undefined when it does not decode or repeats one of `fields`. */
function decodeJsonPart(part: string, fields: readonly string[]): { value: Record<string, unknown>; raw: ReadonlyMap<string, string> } | undefined {
  const text = Buffer.from(part, 'base64url').toString('utf8')
  const scan = scanJson(text, { rawMembers: fields })
  if (!scan.ok || scan.top.kind !== 'object') return undefined
  const { duplicates, raw } = scan.top
  if (fields.some((field) => duplicates.has(field))) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? { value, raw } : undefined
  } catch {
    return undefined
  }
}

function integerClaim(text: string | undefined): number | undefined {
  const integer = text === undefined ? undefined : int64Text(text)
  return integer === undefined ? undefined : Number(integer)
}

function optionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string'
}
