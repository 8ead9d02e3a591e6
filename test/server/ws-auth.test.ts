import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AUTH_FAILURE, authorizationFailure, type WsAuth } from '../../server/transports/ws-auth.js'

const tokenAuth: WsAuth = { mode: 'capability-token', tokenSha256: createHash('sha256').update('sekrit').digest() }
const secret = 'x'.repeat(40)
const jwtAuth: WsAuth = { mode: 'signed-bearer-token', secret: Buffer.from(secret), issuer: 'iss1', audience: 'aud1', maxClockSkewSeconds: 30 }
const now = 1_800_000_000
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, key = secret) {
  const body = `${b64(header)}.${b64(claims)}`
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}
const good = { exp: now + 60, iss: 'iss1', aud: 'aud1' }

describe('capability token', () => {
  it('accepts the token with any case of the Bearer scheme', () => {
    for (const header of ['Bearer sekrit', 'bearer sekrit', 'BEARER sekrit', 'Bearer  sekrit']) expect(authorizationFailure(header, tokenAuth)).toBeUndefined()
  })

  it('answers each failure with codex wording', () => {
    expect(authorizationFailure(undefined, tokenAuth)).toBe(AUTH_FAILURE.missingToken)
    expect(authorizationFailure('Bearer nope', tokenAuth)).toBe('invalid websocket bearer token')
    for (const header of ['', 'Bearer', 'Bearer ', 'Basic sekrit']) expect(authorizationFailure(header, tokenAuth)).toBe('invalid authorization header')
  })
})

describe('signed bearer token (HS256 JWT)', () => {
  const check = (token: string) => authorizationFailure(`Bearer ${token}`, jwtAuth, now)
  it('accepts a valid token, an audience array, and expiry within the clock skew', () => {
    expect(check(jwt(good))).toBeUndefined()
    expect(check(jwt({ ...good, aud: ['z', 'aud1'] }))).toBeUndefined()
    expect(check(jwt({ ...good, exp: now - 10 }))).toBeUndefined()
    expect(check(jwt({ ...good, nbf: now + 20 }))).toBeUndefined()
    expect(check(jwt(good, { alg: 'HS256' }))).toBeUndefined()
  })

  it('rejects with codex wording, checking exp, nbf, iss, then aud', () => {
    expect(check(jwt({ iss: 'iss1', aud: 'aud1' }))).toBe('invalid websocket jwt')
    expect(check(jwt({ ...good, exp: String(now + 60) }))).toBe('invalid websocket jwt')
    expect(check(jwt({ ...good, exp: now + 60.5 }))).toBe('invalid websocket jwt')
    expect(check(jwt({ ...good, exp: now - 100, iss: 'x' }))).toBe('expired websocket jwt')
    expect(check(jwt({ ...good, nbf: now + 90, aud: 'x' }))).toBe('websocket jwt is not valid yet')
    expect(check(jwt({ ...good, iss: 'x', aud: 'x' }))).toBe('websocket jwt issuer mismatch')
    expect(check(jwt({ exp: now + 60, aud: 'aud1' }))).toBe('websocket jwt issuer mismatch')
    expect(check(jwt({ ...good, aud: 'x' }))).toBe('websocket jwt audience mismatch')
    expect(check(jwt({ exp: now + 60, iss: 'iss1' }))).toBe('websocket jwt audience mismatch')
    expect(check(jwt({ ...good, aud: [] }))).toBe('websocket jwt audience mismatch')
  })

  it('rejects other algorithms, alg none, bad signatures and garbage', () => {
    expect(check(jwt(good, { alg: 'HS512' }))).toBe('invalid websocket jwt')
    expect(check(`${b64({ alg: 'none' })}.${b64(good)}.`)).toBe('invalid websocket jwt')
    expect(check(jwt(good, undefined, 'y'.repeat(40)))).toBe('invalid websocket jwt')
    expect(check('abc')).toBe('invalid websocket jwt')
  })

  it('checks issuer and audience only when configured', () => {
    const open: WsAuth = { mode: 'signed-bearer-token', secret: Buffer.from(secret), maxClockSkewSeconds: 30 }
    expect(authorizationFailure(`Bearer ${jwt({ exp: now + 60, iss: 'x', aud: 'y' })}`, open, now)).toBeUndefined()
  })

  // Each case observed against codex 0.169.0 (signed-bearer-token listener).
  it('refuses what codex refuses: non-canonical base64url, exp outside int64 or not an integer, repeated fields', () => {
    const token = jwt(good)
    const [head, body, signature] = token.split('.') as [string, string, string]
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const lastBitSet = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]
    expect(check(`${head}.${body}.${lastBitSet}`)).toBe('invalid websocket jwt')
    expect(check(`${head}.${body}.${signature}=`)).toBe('invalid websocket jwt')
    expect(check(`${head}=.${body}.${signature}`)).toBe('invalid websocket jwt')
    const raw = (headerJson: string, claimsJson: string) => {
      const unsigned = `${Buffer.from(headerJson).toString('base64url')}.${Buffer.from(claimsJson).toString('base64url')}`
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
    }
    const H = '{"alg":"HS256","typ":"JWT"}'
    const rest = '"iss":"iss1","aud":"aud1"'
    for (const exp of ['1e300', '99999999999999999999', '9223372036854775808', '-9223372036854775809', `${now + 60}.5`, `${now + 60}.0`, `${now + 60}e0`, 'null']) {
      expect(check(raw(H, `{"exp":${exp},${rest}}`)), exp).toBe('invalid websocket jwt')
    }
    expect(check(raw(H, `{"exp":9223372036854775807,${rest}}`))).toBeUndefined()
    expect(check(raw(H, `{"exp":-5,${rest}}`))).toBe('expired websocket jwt')
    expect(check(raw(H, `{"exp":${now + 60},"nbf":${now}.5,${rest}}`))).toBe('invalid websocket jwt')
    expect(check(raw(H, `{"exp":${now + 60},"nbf":null,${rest}}`))).toBeUndefined()
    for (const claims of [`{"exp":${now + 60},"exp":${now + 60},${rest}}`, `{"exp":${now + 60},"sub":"a","sub":"a",${rest}}`, `{"exp":${now + 60},${rest},"iss":"iss1"}`, `{"exp":${now + 60},"iss":5,"aud":"aud1"}`]) {
      expect(check(raw(H, claims)), claims).toBe('invalid websocket jwt')
    }
    expect(check(raw(H, `{"exp":${now + 60},"jti":"a","jti":"a","iat":1,"iat":1,${rest}}`))).toBeUndefined()
    for (const header of ['{"alg":"HS256","alg":"HS256"}', '{"alg":"HS256","typ":"JWT","typ":"JWT"}', '{"alg":"HS256","kid":"a","kid":"a"}']) {
      expect(check(raw(header, `{"exp":${now + 60},${rest}}`)), header).toBe('invalid websocket jwt')
    }
    expect(check(raw('{"alg":"HS256","x":1,"x":2}', `{"exp":${now + 60},${rest}}`))).toBeUndefined()
  })
})
