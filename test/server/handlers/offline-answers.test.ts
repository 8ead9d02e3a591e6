// Requests that need a network service, a sign-in or Windows: each answers exactly what codex
// 0.169.0 answered offline (test/server/fixtures/codex-0.169.0/methods/ecosystem-rest.json), and
// check:handlers counts them apart from implemented methods.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hostname, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { offlineErrorMethods } from '../../../server/handlers/index.js'
import { installationId } from '../../../server/home.js'
import type { ClientRequestMethod } from '../../../server/handler-types.js'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'offline-test-'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
})

const signIn = (what: string) => ({ code: -32600, message: `codex account authentication required ${what}` })
const remoteControl = { code: -32600, message: 'remote control requires ChatGPT authentication' }
const unavailable = { code: -32603, message: 'User verification is not available in this build or account.', data: { type: 'unavailable', reason: 'providerUnavailable' } }

const ERRORS: [ClientRequestMethod, unknown, { code: number; message: string; data?: unknown }][] = [
  ['account/rateLimits/read', undefined, signIn('to read rate limits')],
  ['account/rateLimitResetCredit/consume', { idempotencyKey: 'k' }, signIn('for rate limit reset credits')],
  ['account/usage/read', undefined, signIn('to read token usage')],
  ['account/workspaceMessages/read', undefined, signIn('to read workspace messages')],
  ['account/sendAddCreditsNudgeEmail', { creditType: 'credits' }, signIn('to notify workspace owner')],
  ['account/gatewayOAuth/login', {}, { code: -32600, message: 'The selected provider does not use gateway OAuth' }],
  ['account/gcp/setup', { projectId: 'p' }, { code: -32600, message: 'The Google Cloud auth command could not obtain an access token.', data: { reason: 'authCommandFailed' } }],
  ['remoteControl/enable', {}, remoteControl],
  ['remoteControl/disable', {}, remoteControl],
  ['remoteControl/client/list', { environmentId: 'e' }, remoteControl],
  ['remoteControl/client/revoke', { environmentId: 'e', clientId: 'c' }, remoteControl],
  ['remoteControl/pairing/start', {}, { code: -32600, message: 'remote control pairing requires remote control to be enabled' }],
  ['remoteControl/pairing/status', {}, { code: -32600, message: 'remoteControl/pairing/status requires pairingCode or manualPairingCode' }],
  ['userVerification/enroll', {}, unavailable],
  ['userVerification/delete', {}, unavailable],
  ['userVerification/verify', { challenge: 'c', title: 't', description: 'd' }, { code: -32602, message: 'Invalid verification challenge or display text.', data: { type: 'invalidRequest', reason: 'invalidParams' } }],
  ['thread/realtime/start', { threadId: '00000000-0000-0000-0000-000000000000', outputModality: 'text' }, { code: -32600, message: 'thread not found: 00000000-0000-0000-0000-000000000000' }],
]

const RESULTS: [ClientRequestMethod, unknown, unknown][] = [
  ['account/gatewayOAuth/read', {}, { providerId: 'openai', providerName: 'OpenAI', required: false, supportsDeviceAuth: false, status: null, error: null }],
  ['account/gatewayOAuth/cancel', undefined, {}],
  ['accountSession/list', {}, { activeSessionId: null, sessions: [] }],
  ['account/securitySetup/read', undefined, { notice: null }],
  ['userVerification/status', {}, { credentialId: null, unavailableReason: 'providerUnavailable', unavailableMessage: 'User verification is not available in this build or account.' }],
  ['userVerification/cancel', { requestId: 1 }, {}],
  ['windowsSandbox/readiness', undefined, { status: 'notConfigured' }],
  ['app/list', {}, { data: [], nextCursor: null }],
  ['app/read', { appIds: ['x', 'y'] }, { apps: [], missingAppIds: ['x', 'y'] }],
  ['app/installed', {}, { apps: [] }],
]

const call = (method: ClientRequestMethod, params: unknown) => client.call(method, params as never)

describe('offline answers', () => {
  it.each(ERRORS)('%s fails as codex fails offline', async (method, params, expected) => {
    expect(await rpcErrorOf(call(method, params))).toEqual(expected)
    expect(offlineErrorMethods().has(method)).toBe(true)
  })

  it.each(RESULTS)('%s answers what codex answers offline', async (method, params, expected) => {
    expect(await call(method, params)).toEqual(expected)
    expect(offlineErrorMethods().has(method)).toBe(true)
  })

  it('reports remote control disabled with this home\'s installation id', async () => {
    expect(await client.call('remoteControl/status/read', undefined)).toEqual({ status: 'disabled', serverName: hostname(), installationId: installationId(home), environmentId: null })
  })

  it('starts a Windows sandbox set-up that fails at once, as off Windows', async () => {
    for (const mode of ['unelevated', 'elevated'] as const) {
      expect(await client.call('windowsSandbox/setupStart', { mode })).toEqual({ started: true })
      await new Promise((resolve) => setTimeout(resolve, 0))
      const label = mode === 'elevated' ? 'elevated' : 'legacy'
      expect(client.read()).toEqual([{ method: 'windowsSandbox/setupCompleted', params: { mode, success: false, error: `${label} Windows sandbox setup is only supported on Windows` } }])
    }
  })

  it('lists the realtime voices and answers a session on a loaded thread as codex does without an API key', async () => {
    expect((await client.call('thread/realtime/listVoices', {})).voices).toMatchObject({ defaultV1: 'cove', defaultV2: 'marin' })
    const { thread } = await client.call('thread/start', { cwd: home })
    await new Promise((resolve) => setTimeout(resolve, 0))
    client.read()
    expect(await client.call('thread/realtime/start', { threadId: thread.id, outputModality: 'text' })).toEqual({})
    expect(await client.call('thread/realtime/appendText', { threadId: thread.id, text: 'hi' })).toEqual({})
    expect(await client.call('thread/realtime/stop', { threadId: thread.id })).toEqual({})
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(client.read()).toEqual([
      { method: 'thread/realtime/error', params: { threadId: thread.id, message: 'realtime conversation requires API key auth' } },
      { method: 'error', params: { error: { message: 'conversation is not running', codexErrorInfo: 'badRequest', additionalDetails: null, misalignment: null }, willRetry: false, threadId: thread.id, turnId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
      { method: 'thread/realtime/closed', params: { threadId: thread.id, reason: 'requested' } },
    ])
  })
})
