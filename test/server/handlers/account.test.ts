// account/*: an API-key sign-in kept in the home's auth.json as codex keeps it, surviving a
// restart, and the errors codex 0.169.0 gives offline for what needs OpenAI's services
// (test/server/fixtures/codex-0.169.0/methods/ecosystem-rest.json).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection
let other: TestConnection

beforeEach(() => {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'account-test-')))
  server = new TestServer(home)
  client = server.connect()
  other = server.connect()
})

afterEach(async () => {
  vi.unstubAllEnvs()
  client.close()
  other.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const signedOut = { account: null, userId: null, requiresOpenaiAuth: false, workspaceRouting: null }

describe('account/login/start and account/logout', () => {
  it('stores an API key in auth.json (owner-only), reports it, and keeps it across a restart', async () => {
    expect(await client.call('account/read', {})).toEqual(signedOut)
    expect(await client.call('account/login/start', { type: 'apiKey', apiKey: 'sk-test-123' })).toEqual({ type: 'apiKey' })
    await settle()
    expect(client.read()).toEqual([
      { method: 'account/login/completed', params: { loginId: null, success: true, error: null, onboardingEntrypoint: null } },
      { method: 'account/updated', params: { authMode: 'apikey', planType: null } },
    ])
    expect(other.read()).toEqual([{ method: 'account/updated', params: { authMode: 'apikey', planType: null } }])
    expect(JSON.parse(readFileSync(join(home, 'auth.json'), 'utf8'))).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-test-123' })
    expect(statSync(join(home, 'auth.json')).mode & 0o777).toBe(0o600)

    client.close()
    other.close()
    await server.close()
    server = new TestServer(home)
    client = server.connect()
    other = server.connect()
    expect(await client.call('account/read', {})).toEqual({ ...signedOut, account: { type: 'apiKey' } })
  })

  it('stores an Amazon Bedrock key as codex does', async () => {
    expect(await client.call('account/login/start', { type: 'amazonBedrock', apiKey: 'bedrock-key', region: 'us-east-1' })).toEqual({ type: 'amazonBedrock' })
    expect(JSON.parse(readFileSync(join(home, 'auth.json'), 'utf8'))).toEqual({ auth_mode: 'bedrockApiKey', OPENAI_API_KEY: null, bedrock_api_key: { api_key: 'bedrock-key', region: 'us-east-1' } })
    expect((await client.call('account/read', {})).account).toEqual({ type: 'amazonBedrock', usesCodexManagedCredentials: true })
  })

  it('logs out by removing auth.json and tells every client', async () => {
    await client.call('account/login/start', { type: 'apiKey', apiKey: 'sk-test-123' })
    await settle()
    client.read()
    other.read()
    expect(await client.call('account/logout', undefined)).toEqual({})
    await settle()
    expect(existsSync(join(home, 'auth.json'))).toBe(false)
    expect(other.read()).toEqual([{ method: 'account/updated', params: { authMode: null, planType: null } }])
    expect(await client.call('account/read', {})).toEqual(signedOut)
  })

  it('treats an auth.json it cannot read as signed out, without touching it', async () => {
    writeFileSync(join(home, 'auth.json'), '{ broken')
    expect(await client.call('account/read', {})).toEqual(signedOut)
    expect(readFileSync(join(home, 'auth.json'), 'utf8')).toBe('{ broken')
  })

  it('answers sign-ins that need OpenAI\'s services with codex\'s offline errors, storing nothing', async () => {
    expect(await rpcErrorOf(client.call('account/login/start', { type: 'chatgptDeviceCode' }))).toEqual({
      code: -32603, message: 'failed to request device code: error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)',
    })
    expect(await rpcErrorOf(client.call('account/login/start', { type: 'chatgptAuthTokens', accessToken: 'x', chatgptAccountId: 'a' }))).toEqual({ code: -32603, message: 'failed to set external auth: invalid ID token format' })
    expect((await rpcErrorOf(client.call('account/login/start', { type: 'chatgpt' }))).code).toBe(-32603)
    expect(existsSync(join(home, 'auth.json'))).toBe(false)
  })

  it('has no browser login to cancel', async () => {
    expect(await rpcErrorOf(client.call('account/login/cancel', { loginId: 'nope' }))).toEqual({ code: -32600, message: 'invalid login id: nope' })
    expect(await client.call('account/login/cancel', { loginId: '6f1c2d3e-0000-4000-8000-000000000000' })).toEqual({ status: 'notFound' })
  })
})

describe('Amazon Bedrock from this machine\'s AWS credentials', () => {
  beforeEach(() => {
    const awsHome = join(home, 'aws-home')
    mkdirSync(join(awsHome, '.aws'), { recursive: true })
    writeFileSync(join(awsHome, '.aws/config'), '[default]\nregion = us-west-2\n\n[profile dev]\nregion = eu-west-1\n\n[profile no-region]\noutput = json\n\n[sso-session corp]\nsso_region = us-east-1\n')
    writeFileSync(join(awsHome, '.aws/credentials'), '[default]\naws_access_key_id = AKIA0\n\n[creds-only]\naws_access_key_id = AKIA1\n')
    vi.stubEnv('HOME', awsHome)
    for (const name of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_BEARER_TOKEN_BEDROCK']) vi.stubEnv(name, '')
  })

  it('discovers the profiles of ~/.aws (default first) and the credentials of the environment', async () => {
    expect(await client.call('account/bedrock/discover', {})).toEqual({
      profiles: [{ name: 'default', region: 'us-west-2' }, { name: 'creds-only', region: null }, { name: 'dev', region: 'eu-west-1' }, { name: 'no-region', region: null }],
      environmentCredentials: [],
    })
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENV')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret')
    vi.stubEnv('AWS_BEARER_TOKEN_BEDROCK', 'token')
    vi.stubEnv('AWS_REGION', 'ap-south-1')
    expect((await client.call('account/bedrock/discover', {})).environmentCredentials).toEqual([{ type: 'accessKeys', region: 'ap-south-1' }, { type: 'bedrockApiKey', region: 'ap-south-1' }])
  })

  it('sets Bedrock up from environment credentials in config.toml, until logout', async () => {
    expect(await rpcErrorOf(client.call('account/bedrock/setup', { type: 'environment', region: 'us-east-1' }))).toEqual({
      code: -32600, message: 'No AWS credentials found. Please Configure AWS credentials or complete AWS sign-in, then try again.',
    })
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENV')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret')
    expect(await client.call('account/bedrock/setup', { type: 'environment', region: 'us-east-1' })).toEqual({})
    const config = async () => (await client.call('config/read', {})).config as Record<string, unknown>
    expect(await config()).toMatchObject({ model_provider: 'amazon-bedrock', model_providers: { 'amazon-bedrock': { aws: { region: 'us-east-1' } } } })
    expect(await client.call('account/read', {})).toEqual({ ...signedOut, account: { type: 'amazonBedrock', usesCodexManagedCredentials: false } })
    await client.call('account/logout', undefined)
    expect(await config()).toEqual({})
    expect(await client.call('account/read', {})).toEqual(signedOut)
  })

  it('cannot load a profile\'s credentials, as codex 0.169.0 cannot, and writes nothing', async () => {
    expect(await rpcErrorOf(client.call('account/bedrock/setup', { type: 'profile', profile: 'dev', region: 'eu-west-1' }))).toEqual({
      code: -32600, message: 'failed to load credentials for AWS profile `dev`: failed to load AWS credentials: the credential provider was not enabled',
    })
    expect(await rpcErrorOf(client.call('account/bedrock/setup', { type: 'profile', profile: 'nope', region: 'eu-west-1' }))).toEqual({
      code: -32600, message: 'failed to load credentials for AWS profile `nope`: failed to load AWS credentials: the credentials provider was not properly configured',
    })
    expect(existsSync(join(home, 'config.toml'))).toBe(false)
  })
})
