// The workspace requests that read and write config.toml: experimentalFeature/*,
// modelProvider/*, permissionProfile/list, config/mcpServer/reload. Expected answers follow
// codex 0.169.0 as recorded in fixtures/codex-0.169.0/methods/workspace*.json.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'workspace-config-'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

async function restart(): Promise<void> {
  client.close()
  await server.close()
  server = new TestServer(home)
  client = server.connect()
}

const feature = async (name: string) => (await client.call('experimentalFeature/list', {})).data.find((entry) => entry.name === name)

describe('experimentalFeature/*', () => {
  it('lists codex 0.169.0 flags in its order, paged by offset', async () => {
    const page = await client.call('experimentalFeature/list', { limit: 2 })
    expect(page.data.map((entry) => entry.name)).toEqual(['analytics_plan_history', 'cli_resume_account_check'])
    expect(page.nextCursor).toBe('2')
    expect((await client.call('experimentalFeature/list', { cursor: '2', limit: 2 })).data.map((entry) => entry.name)).toEqual(['daemon_auto_start', 'tui_workspace'])
    expect((await client.call('experimentalFeature/list', {})).data).toHaveLength(215)
    expect(await rpcErrorOf(client.call('experimentalFeature/list', { cursor: 'garbage' }))).toEqual({ code: -32600, message: 'invalid cursor: garbage' })
    expect(await rpcErrorOf(client.call('experimentalFeature/list', { threadId: '00000000-0000-0000-0000-000000000001' })))
      .toEqual({ code: -32600, message: 'thread not found: 00000000-0000-0000-0000-000000000001' })
  })

  it('applies only the switchable flags, for the life of the server, below config.toml', async () => {
    expect(await client.call('experimentalFeature/enablement/set', { enablement: { memories: true, plugins: false, no_such_feature: true } }))
      .toEqual({ enablement: { memories: true } })
    expect(await feature('memories')).toMatchObject({ stage: 'stable', enabled: true, defaultEnabled: false })
    expect(await feature('plugins')).toMatchObject({ enabled: true })
    await writeFile(join(home, 'config.toml'), '[features]\nmemories = false\n')
    expect(await feature('memories')).toMatchObject({ enabled: false })
    await writeFile(join(home, 'config.toml'), '')
    await restart()
    expect(await feature('memories')).toMatchObject({ enabled: false })
  })

  it('fails with the file and line when config.toml does not parse', async () => {
    await writeFile(join(home, 'config.toml'), 'features = [\n')
    const error = await rpcErrorOf(client.call('experimentalFeature/list', {}))
    expect(error.code).toBe(-32603)
    expect(error.message).toContain(`${join(home, 'config.toml')}:`)
  })
})

describe('modelProvider/*', () => {
  it('writes providers to config.toml as codex lays them out and lists them', async () => {
    const gateway = await client.call('modelProvider/config/write', { settings: { type: 'customGateway', name: 'My gateway', baseUrl: 'https://example.test/v1', envKey: 'MY_KEY' } })
    expect(gateway.provider).toEqual({
      id: 'my-gateway', name: 'My gateway', canEdit: true, baseUrl: 'https://example.test/v1',
      settings: { type: 'customGateway', auth: { mode: 'environmentVariable', envKey: 'MY_KEY' } },
    })
    expect((await client.call('modelProvider/config/write', { settings: { type: 'customGateway', name: 'My gateway', baseUrl: 'http://localhost:1/v1' } })).provider.id).toBe('my-gateway-2')
    await client.call('modelProvider/config/write', { settings: { type: 'bedrock', providerId: 'amazon-bedrock', region: 'us-east-1' } })
    await client.call('modelProvider/config/write', { settings: { type: 'customGateway', providerId: 'my-gateway', envKey: null, name: 'Renamed' } })
    expect(await readFile(join(home, 'config.toml'), 'utf8')).toContain('[model_providers.amazon-bedrock.aws]\nregion = "us-east-1"')
    await restart()
    const list = await client.call('modelProvider/list', {})
    expect(list.data.map((provider) => [provider.id, provider.name, provider.settings.type])).toEqual([
      ['amazon-bedrock', 'Amazon Bedrock Mantle', 'bedrock'],
      ['my-gateway', 'Renamed', 'customGateway'],
      ['my-gateway-2', 'My gateway', 'customGateway'],
      ['reference', 'Reference server', 'openai'],
    ])
    expect(list.data[1]!.settings).toEqual({ type: 'customGateway', auth: { mode: 'none' } })
    expect(list).toMatchObject({ defaultProviderId: 'reference', canChangeDefault: true })
  })

  it('refuses bad settings with codex messages and leaves the file alone', async () => {
    await writeFile(join(home, 'config.toml'), '# mine\n')
    const refused = async (settings: object) => rpcErrorOf(client.call('modelProvider/config/write', { settings } as never))
    const validation = (message: string) => ({ code: -32600, message, data: { config_write_error_code: 'configValidationError' } })
    expect(await refused({ type: 'customGateway', baseUrl: 'not a url' })).toEqual(validation('Enter an HTTP(S) base URL without credentials, a query, or a fragment.'))
    expect(await refused({ type: 'customGateway', baseUrl: 'https://a.test/v1' })).toEqual(validation('Enter a provider name.'))
    expect(await refused({ type: 'customGateway', name: 'NoUrl' })).toEqual(validation('A base URL is required to create a custom provider.'))
    expect(await refused({ type: 'customGateway', providerId: 'openai', name: 'x' })).toEqual(validation('A custom provider or gateway cannot use a built-in provider ID.'))
    expect(await refused({ type: 'customGateway', providerId: 'nope', name: 'x' })).toEqual({ code: -32600, message: 'Unknown provider ID.', data: { config_write_error_code: 'configPathNotFound' } })
    expect(await readFile(join(home, 'config.toml'), 'utf8')).toBe('# mine\n')
  })

  it('reads the capabilities and the default provider from config.toml', async () => {
    expect(await client.call('modelProvider/capabilities/read', {})).toEqual({ imageGeneration: true, webSearch: true })
    await writeFile(join(home, 'config.toml'), 'model_provider = "gate"\n')
    expect((await client.call('modelProvider/list', {})).defaultProviderId).toBe('gate')
  })
})

describe('permissionProfile/list and config/mcpServer/reload', () => {
  it('lists the built-in profiles, then those config.toml defines', async () => {
    await writeFile(join(home, 'config.toml'), '[permissions.mine]\ndescription = "my profile"\n')
    expect(await client.call('permissionProfile/list', {})).toEqual({
      data: [
        { id: ':read-only', description: null, allowed: true },
        { id: ':workspace', description: null, allowed: true },
        { id: ':danger-full-access', description: null, allowed: true },
        { id: 'mine', description: 'my profile', allowed: true },
      ],
      nextCursor: null,
    })
    expect(await client.call('permissionProfile/list', { limit: 1 })).toEqual({ data: [{ id: ':read-only', description: null, allowed: true }], nextCursor: '1' })
    expect(await rpcErrorOf(client.call('permissionProfile/list', { cursor: 'garbage' }))).toEqual({ code: -32600, message: 'invalid cursor: garbage' })
  })

  it('reloads the MCP configuration', async () => {
    expect(await client.call('config/mcpServer/reload', undefined)).toEqual({})
  })
})
