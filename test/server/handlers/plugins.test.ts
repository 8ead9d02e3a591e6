// marketplace/* and plugin/* over local folders: what codex 0.169.0 answered to the same requests
// (test/server/fixtures/codex-0.169.0/methods/ecosystem-plugins.json), real files in the home, and
// state that survives a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'
import { ecosystemFolders, writeFile, type EcosystemFolders } from './ecosystem-fixtures.js'

let folders: EcosystemFolders
let server: TestServer
let client: TestConnection

beforeEach(() => {
  folders = ecosystemFolders()
  server = new TestServer(folders.home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(folders.root, { recursive: true, force: true })
})

const configText = () => existsSync(join(folders.home, 'config.toml')) ? readFileSync(join(folders.home, 'config.toml'), 'utf8') : ''

async function restart(): Promise<void> {
  client.close()
  await server.close()
  server = new TestServer(folders.home)
  client = server.connect()
}

describe('marketplace/add', () => {
  it('records a local marketplace in config.toml, and a second add is already added', async () => {
    expect(await client.call('marketplace/add', { source: folders.market })).toEqual({ marketplaceName: 'test-market', installedRoot: folders.market, alreadyAdded: false })
    expect(configText()).toContain('[marketplaces.test-market]\nsource_type = "local"\nsource = ')
    expect(await client.call('marketplace/add', { source: folders.market })).toEqual({ marketplaceName: 'test-market', installedRoot: folders.market, alreadyAdded: true })
  })

  it('refuses bad sources with codex\'s errors and writes nothing', async () => {
    writeFile(join(folders.root, 'broken/.agents/plugins/marketplace.json'), '{ not json')
    const cases: [Parameters<TestConnection['call']>[1], number, RegExp][] = [
      [{ source: join(folders.root, 'nope') }, -32600, /^failed to resolve local marketplace source path: No such file or directory \(os error 2\)$/],
      [{ source: folders.work }, -32600, /^invalid marketplace file `.*\/work`: marketplace root does not contain a supported manifest$/],
      [{ source: join(folders.root, 'broken') }, -32600, /^invalid marketplace file `.*\/broken\/\.agents\/plugins\/marketplace\.json`: /],
      [{ source: folders.market, sparsePaths: ['x'] }, -32600, /^--sparse is only supported for git marketplace sources$/],
      [{ source: 'owner/repo' }, -32603, /^git clone https:\/\/github\.com\/owner\/repo\.git failed/],
      [{ source: 'https://github.com/owner/repo/' }, -32603, /^git clone https:\/\/github\.com\/owner\/repo\.git failed/],
      [{ source: `file://${folders.market}` }, -32600, /^invalid marketplace source format; expected owner\/repo, a git URL, or a local marketplace path$/],
      [{ source: folders.market, refName: 'main' }, -32600, /^--ref is only supported for git marketplace sources$/],
      [{ source: folders.marketManifest }, -32600, /^local marketplace source must be a directory, not a file$/],
      [{ source: '  ' }, -32600, /^marketplace source must not be empty$/],
    ]
    for (const [params, code, message] of cases) {
      const error = await rpcErrorOf(client.call('marketplace/add', params as never))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
    }
    expect(configText()).toBe('')
  })

  it('refuses a second marketplace of the same name from another folder', async () => {
    await client.call('marketplace/add', { source: folders.market })
    writeFile(join(folders.root, 'copy/.agents/plugins/marketplace.json'), JSON.stringify({ name: 'test-market', plugins: [] }))
    expect(await rpcErrorOf(client.call('marketplace/add', { source: join(folders.root, 'copy') }))).toEqual({
      code: -32600, message: `marketplace 'test-market' is already added from a different source; remove it before adding ${join(folders.root, 'copy')}`,
    })
  })
})

describe('marketplace/remove and marketplace/upgrade', () => {
  it('forgets a marketplace without deleting its folder', async () => {
    await client.call('marketplace/add', { source: folders.market })
    expect(await client.call('marketplace/remove', { marketplaceName: 'test-market' })).toEqual({ marketplaceName: 'test-market', installedRoot: null })
    expect(configText()).not.toContain('test-market')
    expect(existsSync(folders.marketManifest)).toBe(true)
    expect((await client.call('plugin/list', {})).marketplaces).toEqual([])
    expect(await rpcErrorOf(client.call('marketplace/remove', { marketplaceName: 'test-market' }))).toEqual({ code: -32600, message: 'marketplace `test-market` is not configured or installed' })
  })

  it('upgrades only Git marketplaces, of which a local one is not', async () => {
    await client.call('marketplace/add', { source: folders.market })
    expect(await client.call('marketplace/upgrade', {})).toEqual({ selectedMarketplaces: [], upgradedRoots: [], errors: [] })
    expect(await rpcErrorOf(client.call('marketplace/upgrade', { marketplaceName: 'test-market' }))).toEqual({ code: -32600, message: 'marketplace `test-market` is not configured as a Git marketplace' })
  })
})

describe('plugin/list, plugin/search, plugin/read', () => {
  beforeEach(async () => {
    await client.call('marketplace/add', { source: folders.market })
  })

  it('lists every plugin of a configured marketplace with its manifest', async () => {
    const { marketplaces, marketplaceLoadErrors } = await client.call('plugin/list', {})
    expect(marketplaceLoadErrors).toEqual([])
    expect(marketplaces).toHaveLength(1)
    const [market] = marketplaces
    expect(market).toMatchObject({ name: 'test-market', path: folders.marketManifest, interface: { displayName: 'Test Market' } })
    expect(market!.plugins.map((plugin) => [plugin.id, plugin.localVersion, plugin.installed, plugin.authPolicy])).toEqual([
      ['sample@test-market', '1.2.3', false, 'ON_USE'], ['bare@test-market', null, false, 'ON_INSTALL'], ['missing@test-market', null, false, 'ON_INSTALL'],
    ])
    expect(market!.plugins[0]).toMatchObject({ source: { type: 'local', path: join(folders.market, 'plugins/sample') }, interface: { displayName: 'Sample Plugin', capabilities: ['Read'], screenshots: [] }, keywords: ['demo'] })
    expect((await client.call('plugin/list', { marketplaceKinds: ['vertical'] })).marketplaces).toEqual([])
  })

  it('reads manifest interfaces as codex does: prompts trimmed and capped, assets only inside the plugin', async () => {
    writeFile(join(folders.market, 'plugins/bare/.codex-plugin/plugin.json'), JSON.stringify({
      name: ' ', version: '  ',
      interface: { defaultPrompt: ['  Summarize   my inbox ', 7, 'x'.repeat(129), 'Second', 'Third', 'Fourth'], logo: './assets/logo.png', composerIcon: '../escape.png', screenshots: ['./shot.png', 'shot2.png'] },
    }))
    const bare = (await client.call('plugin/list', {})).marketplaces[0]!.plugins.find((plugin) => plugin.name === 'bare')!
    expect(bare.localVersion).toBeNull()
    expect(bare.interface).toMatchObject({
      defaultPrompt: ['Summarize my inbox', 'Second', 'Third'], logo: join(folders.market, 'plugins/bare/assets/logo.png'), composerIcon: null,
      screenshots: [join(folders.market, 'plugins/bare/shot.png')], displayName: null, capabilities: [],
    })
    writeFile(join(folders.market, 'plugins/bare/.codex-plugin/plugin.json'), JSON.stringify({ name: 'bare', interface: { capabilities: [] } }))
    expect((await client.call('plugin/list', {})).marketplaces[0]!.plugins.find((plugin) => plugin.name === 'bare')!.interface).toBeNull()
    writeFile(join(folders.market, 'plugins/bare/.codex-plugin/plugin.json'), '{ not json')
    expect(await rpcErrorOf(client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'bare' }))).toEqual({ code: -32600, message: 'missing plugin.json' })
  })

  it('reports a marketplace that stopped loading instead of failing the list', async () => {
    writeFile(folders.marketManifest, '[')
    const { marketplaces, marketplaceLoadErrors } = await client.call('plugin/list', {})
    expect(marketplaces).toEqual([])
    expect(marketplaceLoadErrors).toEqual([{ marketplacePath: folders.marketManifest, message: expect.stringMatching(/^invalid marketplace file /) }])
  })

  it('searches names, display names and keywords', async () => {
    expect((await client.call('plugin/search', { searchTerm: 'DEMO' })).data.map((result) => result.plugin.id)).toEqual(['sample@test-market'])
    expect(await client.call('plugin/search', { searchTerm: 'zzz' })).toEqual({ data: [], nextCursor: null })
  })

  it('reads a plugin with its skills, and refuses unknown plugins and the remote catalog', async () => {
    const { plugin } = await client.call('plugin/read', { marketplacePath: folders.marketManifest, pluginName: 'sample' })
    expect(plugin).toMatchObject({ marketplaceName: 'test-market', description: 'A sample plugin', hooks: [], apps: [], mcpServers: [] })
    expect(plugin.skills).toEqual([{ name: 'sample:greet', description: 'Greets', shortDescription: null, interface: null, path: join(folders.market, 'plugins/sample/skills/greet/SKILL.md'), enabled: true }])
    expect(await rpcErrorOf(client.call('plugin/read', { marketplacePath: folders.marketManifest, pluginName: 'nope' }))).toEqual({ code: -32600, message: 'plugin `nope` was not found in marketplace `test-market`' })
    expect(await rpcErrorOf(client.call('plugin/read', { pluginName: 'sample' }))).toEqual({ code: -32600, message: 'plugin/read requires exactly one of marketplacePath or remoteMarketplaceName' })
    expect(await rpcErrorOf(client.call('plugin/read', { remoteMarketplaceName: 'x', pluginName: 'sample' }))).toEqual({ code: -32600, message: 'read remote plugin details: chatgpt authentication required for remote plugin catalog' })
    const gone = join(folders.root, 'gone/marketplace.json')
    expect(await rpcErrorOf(client.call('plugin/install', { marketplacePath: gone, pluginName: 'sample' }))).toEqual({ code: -32600, message: `marketplace file \`${gone}\` does not exist` })
  })
})

describe('plugin/install and plugin/uninstall', () => {
  beforeEach(async () => {
    await client.call('marketplace/add', { source: folders.market })
  })

  it('copies the plugin into the home, enables it, and keeps it across a restart', async () => {
    expect(await client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'sample' })).toEqual({ authPolicy: 'ON_USE', appsNeedingAuth: [] })
    expect(readFileSync(join(folders.home, 'plugins/cache/test-market/sample/1.2.3/skills/greet/SKILL.md'), 'utf8')).toContain('name: greet')
    expect(configText()).toContain('[plugins."sample@test-market"]\nenabled = true')
    await restart()
    const installed = await client.call('plugin/installed', {})
    expect(installed.marketplaces.map((market) => market.plugins.map((plugin) => [plugin.id, plugin.installed, plugin.enabled]))).toEqual([[['sample@test-market', true, true]]])
    const skills = (await client.call('skills/list', { cwds: [folders.work] })).data[0]!.skills
    expect(skills.find((skill) => skill.pluginId === 'sample@test-market')).toMatchObject({ name: 'sample:greet', scope: 'user', path: join(folders.home, 'plugins/cache/test-market/sample/1.2.3/skills/greet/SKILL.md') })
  })

  it('installs a plugin without a version under `local`', async () => {
    await client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'bare' })
    expect(existsSync(join(folders.home, 'plugins/cache/test-market/bare/local/.codex-plugin/plugin.json'))).toBe(true)
  })

  it('refuses a plugin without plugin.json and leaves nothing behind', async () => {
    const before = configText()
    expect(await rpcErrorOf(client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'missing' }))).toEqual({ code: -32600, message: 'missing plugin.json' })
    expect(await rpcErrorOf(client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'nope' }))).toEqual({ code: -32600, message: 'plugin `nope` was not found in marketplace `test-market`' })
    expect(configText()).toBe(before)
    expect(existsSync(join(folders.home, 'plugins/cache/test-market/missing'))).toBe(false)
  })

  it('uninstalls (twice is fine) and refuses ids that are not name@marketplace', async () => {
    await client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'sample' })
    expect(await client.call('plugin/uninstall', { pluginId: 'sample@test-market' })).toEqual({})
    expect(await client.call('plugin/uninstall', { pluginId: 'sample@test-market' })).toEqual({})
    expect(existsSync(join(folders.home, 'plugins/cache/test-market'))).toBe(false)
    expect(configText()).not.toContain('sample@test-market')
    expect(await client.call('plugin/installed', {})).toEqual({ marketplaces: [], marketplaceLoadErrors: [] })
    expect(await rpcErrorOf(client.call('plugin/uninstall', { pluginId: 'bad id' }))).toEqual({ code: -32600, message: 'invalid remote plugin id' })
  })

  it('reconciles an installed copy with a newer version of its source', async () => {
    await client.call('plugin/install', { marketplacePath: folders.marketManifest, pluginName: 'sample' })
    expect(await client.call('plugin/reconcile', {})).toEqual({ changedPlugins: [], failedRemotePluginIds: [], failedMaterializationRemotePluginIds: [] })
    writeFile(join(folders.market, 'plugins/sample/.codex-plugin/plugin.json'), JSON.stringify({ name: 'sample', version: '2.0.0' }))
    expect((await client.call('plugin/reconcile', { reason: 'test' })).changedPlugins).toEqual([{ id: 'sample@test-market', hasMcps: false, hasApps: false, hasHooks: false, hasSkills: true }])
    expect(existsSync(join(folders.home, 'plugins/cache/test-market/sample/2.0.0/.codex-plugin/plugin.json'))).toBe(true)
    expect(existsSync(join(folders.home, 'plugins/cache/test-market/sample/1.2.3'))).toBe(false)
  })
})

describe('plugin sharing and remote skills', () => {
  it('answer the error codex gives without a ChatGPT account', async () => {
    const required = 'chatgpt authentication required for remote plugin catalog'
    expect(await rpcErrorOf(client.call('plugin/share/list', {}))).toEqual({ code: -32600, message: `list remote plugin shares: ${required}` })
    expect(await rpcErrorOf(client.call('plugin/share/save', { pluginPath: folders.market }))).toEqual({ code: -32600, message: `save remote plugin share: ${required}` })
    expect(await rpcErrorOf(client.call('plugin/share/checkout', { remotePluginId: 'x' }))).toEqual({ code: -32600, message: `checkout plugin share: ${required}` })
    expect(await rpcErrorOf(client.call('plugin/skill/read', { remoteMarketplaceName: 'm', remotePluginId: 'p', skillName: 's' }))).toEqual({ code: -32600, message: `read remote plugin skill details: ${required}` })
  })
})
