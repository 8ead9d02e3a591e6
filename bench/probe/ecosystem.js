// Probes codex 0.169.0 (offline, throwaway CODEX_HOME) with the plugin, marketplace, skills, MCP,
// app, account, remote-control, user-verification, windows-sandbox and realtime requests, valid
// and invalid, and writes what it answered to
// test/server/fixtures/codex-0.169.0/methods/ecosystem-<session>.json (temporary paths replaced by
// placeholders). Run: node bench/probe/ecosystem.js [session]; with PROBE_SERVER=reference the
// same steps drive the reference server and the answers go to the temporary folder instead.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ProbeClient } from './probe-client.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = realpathSync(mkdtempSync(join(tmpdir(), 'probe-ecosystem-')))
const home = join(root, 'home')
const work = join(root, 'work')
const market = join(root, 'market')
const tinyServer = join(here, 'tiny-mcp-server.js')

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

function skillFile(name, description) {
  return `---\nname: ${name}\ndescription: ${description}\n---\n\nSay hello from ${name}.\n`
}

write(join(home, 'config.toml'), [
  `[mcp_servers.tiny]`, `command = "node"`, `args = [${JSON.stringify(tinyServer)}]`, ``,
  `[mcp_servers.broken]`, `command = "/nonexistent/mcp-server"`, ``,
].join('\n'))
write(join(home, 'skills/home-skill/SKILL.md'), skillFile('home-skill', 'A skill in the home'))
write(join(work, '.agents/skills/repo-skill/SKILL.md'), skillFile('repo-skill', 'A skill in the repository'))
write(join(work, '.codex/skills/codex-dir-skill/SKILL.md'), skillFile('codex-dir-skill', 'A skill in .codex'))
write(join(root, 'extra/extra-skill/SKILL.md'), skillFile('extra-skill', 'A skill in an extra root'))
write(join(market, '.agents/plugins/marketplace.json'), JSON.stringify({
  name: 'probe-market',
  interface: { displayName: 'Probe Market' },
  plugins: [
    { name: 'sample', source: { source: 'local', path: './plugins/sample' }, policy: { installation: 'AVAILABLE', authentication: 'ON_INSTALL' }, category: 'Productivity' },
    { name: 'other', source: { source: 'local', path: './plugins/other' } },
    { name: 'missing', source: { source: 'local', path: './plugins/missing' } },
  ],
}, null, 2))
write(join(market, 'plugins/sample/.codex-plugin/plugin.json'), JSON.stringify({
  name: 'sample', version: '1.2.3', description: 'A sample plugin', keywords: ['demo'],
  interface: { displayName: 'Sample Plugin', shortDescription: 'Does samples', category: 'Productivity', capabilities: ['Read'] },
}, null, 2))
write(join(market, 'plugins/sample/skills/sample-skill/SKILL.md'), skillFile('sample-skill', 'A skill of the sample plugin'))
write(join(market, 'plugins/other/.codex-plugin/plugin.json'), JSON.stringify({ name: 'other', description: 'Another plugin' }))
write(join(root, 'bad-market/.agents/plugins/marketplace.json'), '{ not json')
mkdirSync(join(root, 'empty-dir'), { recursive: true })

const files = (dir) => existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []
const P = (text) => text.replaceAll(root, '<ROOT>').replaceAll(here, '<PROBE>')
const log = []

async function session(steps, { label, env }) {
  const client = new ProbeClient(home, work, env)
  await client.initialize()
  await new Promise((resolve) => setTimeout(resolve, 1500))
  log.push({ session: label, startupNotifications: JSON.parse(P(JSON.stringify(client.takeNotifications()))) })
  let thread
  for (const step of steps) {
    if (typeof step === 'function') {
      step()
      continue
    }
    if (step === 'config') {
      log.push({ configToml: P(readFileSync(join(home, 'config.toml'), 'utf8')), homeFiles: files(home).filter((f) => !f.startsWith('skills/.system') && !f.endsWith('.sqlite') && !f.includes('sqlite-') && !f.includes('/.git/')) })
      continue
    }
    if (step === 'auth') {
      log.push({ authJson: existsSync(join(home, 'auth.json')) ? JSON.parse(readFileSync(join(home, 'auth.json'), 'utf8')) : null })
      continue
    }
    if (step === 'thread') {
      const answer = await client.request('thread/start', { cwd: work })
      thread = answer.result?.thread?.id
      await new Promise((resolve) => setTimeout(resolve, 1500))
      client.takeNotifications()
      continue
    }
    const [method, makeParams, wait = 300] = step
    const params = typeof makeParams === 'function' ? makeParams(thread) : makeParams
    const answer = await client.request(method, params)
    await new Promise((resolve) => setTimeout(resolve, wait))
    const { id: _id, ...rest } = answer
    log.push(JSON.parse(P(JSON.stringify({ method, params: params ?? null, answer: rest, notifications: client.takeNotifications(), serverRequests: client.serverRequests.splice(0) }))))
  }
  await client.stop()
  return client.stderr
}

const plugins = [
  ['plugin/list', {}],
  ['plugin/list', { cwds: [work] }],
  ['plugin/installed', {}],
  ['marketplace/add', { source: join(root, 'empty-dir') }],
  ['marketplace/add', { source: join(root, 'bad-market') }],
  ['marketplace/add', { source: join(root, 'nope') }],
  ['marketplace/add', { source: market, sparsePaths: ['x'] }],
  ['marketplace/add', { source: market }],
  'config',
  ['marketplace/add', { source: market }],
  ['marketplace/add', { source: 'relative/path' }],
  ['marketplace/add', { source: 'owner/repo' }, 1000],
  ['plugin/list', {}],
  ['plugin/list', { marketplaceKinds: ['local'] }],
  ['plugin/installed', {}],
  ['plugin/search', { searchTerm: 'sample' }],
  ['plugin/search', { searchTerm: 'zzz' }],
  ['plugin/read', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'sample' }],
  ['plugin/read', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'nope' }],
  ['plugin/read', { pluginName: 'sample' }],
  ['plugin/read', { remoteMarketplaceName: 'x', pluginName: 'sample' }],
  ['plugin/install', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'sample' }],
  ['plugin/install', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'missing' }],
  ['plugin/install', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'nope' }],
  ['plugin/installed', {}],
  'config',
  ['plugin/list', {}],
  ['skills/list', { cwds: [work] }],
  ['plugin/read', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'sample' }],
  ['plugin/skill/read', { remoteMarketplaceName: 'probe-market', remotePluginId: 'sample', skillName: 'sample-skill' }],
  ['plugin/reconcile', {}],
  ['plugin/share/list', {}],
  ['plugin/share/save', { pluginPath: join(market, 'plugins/sample') }],
  ['plugin/share/updateTargets', { remotePluginId: 'x', discoverability: 'PRIVATE', shareTargets: [] }],
  ['plugin/share/checkout', { remotePluginId: 'x' }],
  ['plugin/share/delete', { remotePluginId: 'x' }],
  ['plugin/uninstall', { pluginId: 'sample@probe-market' }],
  ['plugin/uninstall', { pluginId: 'sample@probe-market' }],
  ['plugin/uninstall', { pluginId: 'bad id' }],
  ['plugin/installed', {}],
  ['marketplace/upgrade', {}],
  ['marketplace/upgrade', { marketplaceName: 'probe-market' }],
  ['marketplace/upgrade', { marketplaceName: 'nope' }],
  ['marketplace/remove', { marketplaceName: 'nope' }],
  ['marketplace/remove', { marketplaceName: 'probe-market' }],
  ['plugin/list', {}],
]

const skills = [
  ['skills/list', {}],
  ['skills/list', { cwds: [work] }],
  ['skills/list', { cwds: [work], forceReload: true }],
  ['skills/extraRoots/set', { extraRoots: [join(root, 'extra')] }],
  ['skills/list', { cwds: [work] }],
  ['skills/extraRoots/set', { extraRoots: ['relative'] }],
  ['skills/extraRoots/set', { extraRoots: [join(root, 'nope')] }],
  ['skills/list', { cwds: [work] }],
  ['skills/extraRoots/set', { extraRoots: [] }],
  ['skills/config/write', { name: 'home-skill', enabled: false }],
  'config',
  ['skills/list', { cwds: [work] }],
  ['skills/config/write', { path: join(work, '.agents/skills/repo-skill/SKILL.md'), enabled: false }],
  ['skills/config/write', { name: 'home-skill', path: join(work, '.agents/skills/repo-skill/SKILL.md'), enabled: false }],
  ['skills/config/write', { enabled: true }],
  ['skills/config/write', { name: 'nonexistent-skill', enabled: true }],
  ['skills/config/write', { name: 'home-skill', enabled: true }],
  ['skills/list', { cwds: [work] }],
  () => {
    write(join(home, 'skills/no-front-matter/SKILL.md'), 'just text\n')
    write(join(home, 'skills/no-description/SKILL.md'), '---\nname: no-description\n---\nbody\n')
    write(join(home, 'skills/bad-yaml/SKILL.md'), '---\nname: [unclosed\n---\nbody\n')
    write(join(home, 'skills/name-differs/SKILL.md'), '---\nname: other-name\ndescription: Named differently from its folder\n---\n')
  },
  ['skills/list', { cwds: [work], forceReload: true }],
  ['skills/list', { cwds: [join(root, 'no-such-dir')] }],
]

const mcp = [
  ['mcpServerStatus/list', {}, 1000],
  ['mcpServerStatus/list', { detail: 'toolsAndAuthOnly' }],
  ['mcpServerStatus/list', { limit: 1 }],
  ['mcpServerStatus/list', { cursor: '1' }],
  ['mcpServerStatus/list', { cursor: 'bogus' }],
  ['mcpServerStatus/list', { serverName: 'tiny' }],
  ['mcpServer/oauth/login', { name: 'tiny' }],
  ['mcpServer/oauth/login', { name: 'nope' }],
  ['mcpServer/resource/read', { server: 'tiny', uri: 'tiny://greeting' }],
  ['mcpServer/resource/read', { server: 'nope', uri: 'tiny://greeting' }],
  ['mcpServer/tool/call', { threadId: '00000000-0000-0000-0000-000000000000', server: 'tiny', tool: 'echo', arguments: { text: 'hi' } }],
  'thread',
  ['mcpServerStatus/list', (t) => ({ threadId: t }), 1000],
  ['mcpServer/tool/call', (t) => ({ threadId: t, server: 'tiny', tool: 'echo', arguments: { text: 'hi' } }), 1000],
  ['mcpServer/tool/call', (t) => ({ threadId: t, server: 'tiny', tool: 'nope', arguments: {} })],
  ['mcpServer/tool/call', (t) => ({ threadId: t, server: 'nope', tool: 'echo', arguments: {} })],
  ['mcpServer/tool/call', (t) => ({ threadId: t, server: 'broken', tool: 'echo', arguments: {} })],
  ['mcpServer/resource/read', (t) => ({ threadId: t, server: 'tiny', uri: 'tiny://greeting' })],
  ['mcpServer/resource/read', (t) => ({ threadId: t, server: 'tiny', uri: 'tiny://nope' })],
  ['mcpServer/event/stream/start', (t) => ({ threadId: t, server: 'tiny', subscriptionId: 's1', name: 'events', arguments: {} }), 1000],
  ['mcpServer/event/stream/stop', { subscriptionId: 's1' }],
  ['mcpServer/event/stream/stop', { subscriptionId: 'nope' }],
]

const rest = [
  ['app/list', {}, 1000],
  ['app/read', { appIds: ['x'] }],
  ['app/installed', {}],
  ['account/read', {}],
  ['account/logout', undefined],
  ['account/gatewayOAuth/read', {}],
  ['account/gatewayOAuth/login', {}],
  ['account/gatewayOAuth/cancel', undefined],
  ['account/login/start', { type: 'apiKey', apiKey: 'sk-test-123' }],
  'auth',
  ['account/read', {}],
  ['account/logout', undefined],
  ['account/read', {}],
  ['account/login/start', { type: 'chatgptDeviceCode' }, 2000],
  ['account/login/cancel', { loginId: 'nope' }],
  ['account/login/cancel', { loginId: '6f1c2d3e-0000-4000-8000-000000000000' }],
  ['account/login/start', { type: 'apiKey', apiKey: '' }],
  ['account/login/start', { type: 'amazonBedrock', apiKey: 'bedrock-key', region: 'us-east-1' }],
  'auth',
  ['account/read', {}],
  ['account/logout', undefined],
  ['account/login/start', { type: 'chatgptAuthTokens', accessToken: 'x', chatgptAccountId: 'acct' }],
  ['account/read', {}],
  ['account/logout', undefined],
  ['account/login/start', { type: 'chatgpt' }, 1000],
  ['account/bedrock/discover', {}],
  ['account/bedrock/setup', { type: 'environment', region: 'us-east-1' }],
  ['account/gcp/setup', { projectId: 'p' }],
  ['accountSession/list', {}],
  ['accountSession/switch', { sessionId: 's', accountId: 'a' }],
  ['account/securitySetup/read', undefined],
  ['account/rateLimits/read', undefined],
  ['account/rateLimitResetCredit/consume', { idempotencyKey: 'k' }],
  ['account/usage/read', undefined],
  ['account/workspaceMessages/read', undefined],
  ['account/sendAddCreditsNudgeEmail', { creditType: 'credits' }],
  ['remoteControl/status/read', undefined],
  ['remoteControl/enable', {}],
  ['remoteControl/disable', {}],
  ['remoteControl/pairing/start', {}],
  ['remoteControl/pairing/status', {}],
  ['remoteControl/client/list', { environmentId: 'e' }],
  ['remoteControl/client/revoke', { environmentId: 'e', clientId: 'c' }],
  ['userVerification/status', {}],
  ['userVerification/enroll', {}],
  ['userVerification/delete', {}],
  ['userVerification/verify', { challenge: 'c', title: 't', description: 'd' }],
  ['userVerification/cancel', { requestId: 1 }],
  ['windowsSandbox/readiness', undefined],
  ['windowsSandbox/setupStart', { mode: 'unelevated' }],
  ['windowsSandbox/setupStart', { mode: 'elevated' }],
  ['thread/realtime/listVoices', {}],
  ['thread/realtime/start', { threadId: '00000000-0000-0000-0000-000000000000', outputModality: 'text' }],
  'thread',
  ['thread/realtime/start', (t) => ({ threadId: t, outputModality: 'text' }), 1500],
  ['thread/realtime/appendText', (t) => ({ threadId: t, text: 'hi' })],
  ['thread/realtime/appendSpeech', (t) => ({ threadId: t, text: 'hi' })],
  ['thread/realtime/appendAudio', (t) => ({ threadId: t, audio: { data: 'AAAA', sampleRate: 24000, numChannels: 1, samplesPerChannel: 2 } })],
  ['thread/realtime/stop', (t) => ({ threadId: t })],
]

// A Git marketplace: a repository of its own, reached through a file:// URL (no network needed).
const gitMarket = join(root, 'git-market')
const git = (...args) => execFileSync('git', ['-C', gitMarket, '-c', 'user.name=probe', '-c', 'user.email=probe@example.com', ...args], { stdio: 'ignore' })
const gitUrl = `file://${gitMarket}`
function makeGitMarket() {
  cpSync(market, gitMarket, { recursive: true })
  const manifest = join(gitMarket, '.agents/plugins/marketplace.json')
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('probe-market', 'git-market'))
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'first')
}
const gitSteps = [
  makeGitMarket,
  ['marketplace/add', { source: gitUrl }, 1000],
  'config',
  ['marketplace/add', { source: gitUrl }, 1000],
  ['marketplace/add', { source: `file://${root}/nope.git` }, 1000],
  ['marketplace/add', { source: gitUrl, refName: 'no-such-ref' }, 1000],
  ['plugin/list', {}],
  ['marketplace/upgrade', {}, 1000],
  () => {
    writeFileSync(join(gitMarket, 'plugins/sample/.codex-plugin/plugin.json'), JSON.stringify({ name: 'sample', version: '2.0.0', description: 'Upgraded' }))
    git('commit', '-q', '-am', 'second')
  },
  ['marketplace/upgrade', { marketplaceName: 'git-market' }, 1000],
  'config',
  ['marketplace/upgrade', {}, 1000],
  ['plugin/install', { marketplacePath: join(home, '.tmp/marketplaces/git-market/.agents/plugins/marketplace.json'), pluginName: 'sample' }],
  'config',
  ['marketplace/remove', { marketplaceName: 'git-market' }],
  'config',
  ['plugin/list', {}],
  ['plugin/installed', {}],
]

// AWS profiles and credentials in a home of their own (HOME points there for this session only).
const awsHome = join(root, 'aws-home')
write(join(awsHome, '.aws/config'), '[default]\nregion = us-west-2\n\n[profile dev]\nregion = eu-west-1\n\n[profile no-region]\noutput = json\n\n[sso-session corp]\nsso_region = us-east-1\n')
write(join(awsHome, '.aws/credentials'), '[default]\naws_access_key_id = AKIA0\naws_secret_access_key = s\n\n[creds-only]\naws_access_key_id = AKIA1\naws_secret_access_key = s\n')
const bedrockSteps = [
  ['account/bedrock/discover', {}],
  ['account/bedrock/setup', { type: 'profile', profile: 'dev', region: 'eu-west-1' }],
  'config',
  ['account/read', {}],
  ['account/bedrock/setup', { type: 'profile', profile: 'nope', region: 'eu-west-1' }],
  ['account/bedrock/setup', { type: 'environment', region: 'us-east-1' }],
  'config',
  ['account/read', {}],
  ['account/logout', undefined],
  'config',
]
const bedrockEnv = { HOME: awsHome, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'ap-south-1', AWS_BEARER_TOKEN_BEDROCK: 'token' }

// A plugin that brings an MCP server (its manifest points at `.mcp.json`) and declares skills elsewhere.
const pluginMcpSteps = [
  () => {
    write(join(market, 'plugins/mcp-plugin/.codex-plugin/plugin.json'), JSON.stringify({ name: 'mcp-plugin', version: '0.1.0', mcpServers: './.mcp.json', skills: './my-skills' }))
    write(join(market, 'plugins/mcp-plugin/.mcp.json'), JSON.stringify({ mcpServers: { 'plugin-tiny': { command: 'node', args: [tinyServer] } } }))
    write(join(market, 'plugins/mcp-plugin/my-skills/inner/SKILL.md'), skillFile('inner', 'A skill in a custom folder'))
    const manifest = join(market, '.agents/plugins/marketplace.json')
    const json = JSON.parse(readFileSync(manifest, 'utf8'))
    json.plugins.push({ name: 'mcp-plugin', source: { source: 'local', path: './plugins/mcp-plugin' } })
    writeFileSync(manifest, JSON.stringify(json, null, 2))
  },
  ['marketplace/add', { source: market }],
  ['plugin/read', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'mcp-plugin' }],
  ['plugin/install', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'mcp-plugin' }, 1500],
  'config',
  ['mcpServerStatus/list', {}, 1500],
  ['plugin/read', { marketplacePath: join(market, '.agents/plugins/marketplace.json'), pluginName: 'mcp-plugin' }],
  ['skills/list', { cwds: [work], forceReload: true }],
  'thread',
  ['mcpServer/tool/call', (t) => ({ threadId: t, server: 'plugin-tiny', tool: 'echo', arguments: { text: 'from plugin' } }), 1000],
  ['plugin/uninstall', { pluginId: 'mcp-plugin@probe-market' }, 1000],
  ['mcpServerStatus/list', {}, 1000],
]

const which = process.argv[2]
const sessions = { plugins, skills, mcp, rest, git: gitSteps, bedrock: bedrockSteps, 'plugin-mcp': pluginMcpSteps }
const sessionEnv = { bedrock: bedrockEnv }
const stderr = {}
for (const [label, steps] of Object.entries(sessions)) {
  if (which && which !== label) continue
  stderr[label] = P(await session(steps, { label, env: sessionEnv[label] }))
  log.push({ configTomlAtEnd: P(existsSync(join(home, 'config.toml')) ? readFileSync(join(home, 'config.toml'), 'utf8') : '') })
  const out = process.env.PROBE_SERVER === 'reference'
    ? join(tmpdir(), `reference-ecosystem-${label}.json`)
    : join(here, '../../test/server/fixtures/codex-0.169.0/methods', `ecosystem-${label}.json`)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify({ codex: '0.169.0', probe: 'bench/probe/ecosystem.js', session: label, steps: log.splice(0) }, null, 2) + '\n')
  console.log(`wrote ${out}`)
}
if (process.env.PROBE_STDERR) console.error(stderr)
rmSync(root, { recursive: true, force: true })
