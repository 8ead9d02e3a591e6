// Reads the secrets named by the websocket auth flags. Failures are one-line startup errors.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { osErrorMessage } from '../core/error-mapping.js'
import type { WsAuth } from '../transports/ws-auth.js'
import { FlagError, type WsAuthFlags } from './flags.js'

/** Shortest HS256 secret accepted, in bytes (codex's rule). */
const MIN_SECRET_BYTES = 32

export function loadWsAuth(flags: WsAuthFlags): WsAuth {
  if (flags.mode === 'capability-token') {
    if (flags.tokenSha256 !== undefined) return { mode: flags.mode, tokenSha256: Buffer.from(flags.tokenSha256, 'hex') }
    const token = readSecret(flags.tokenFile!)
    if (token === '') throw new FlagError(`websocket auth token file ${resolve(flags.tokenFile!)} is empty`)
    return { mode: flags.mode, tokenSha256: createHash('sha256').update(token).digest() }
  }
  const secret = readSecret(flags.sharedSecretFile)
  const bytes = Buffer.from(secret, 'utf8')
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new FlagError(`signed websocket bearer secret ${resolve(flags.sharedSecretFile)} must be at least ${MIN_SECRET_BYTES} bytes`)
  }
  return { mode: flags.mode, secret: bytes, issuer: flags.issuer, audience: flags.audience, maxClockSkewSeconds: flags.maxClockSkewSeconds }
}

/** The file's text without its trailing newline. */
function readSecret(path: string): string {
  const full = resolve(path)
  let bytes: Buffer
  try {
    bytes = readFileSync(full)
  } catch (error) {
    throw new FlagError(`failed to read websocket auth secret ${full}: ${osErrorMessage(error) ?? (error as Error).message}`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new FlagError(`failed to read websocket auth secret ${full}: stream did not contain valid UTF-8`)
  }
  return text.replace(/\r?\n$/, '')
}
