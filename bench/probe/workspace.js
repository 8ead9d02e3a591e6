#!/usr/bin/env node
// Probes the real codex 0.169.0 app-server (stdio) with the workspace-area requests (fuzzy file
// search, projects, providers, features, environments, diagnostics, legacy v1, feedback, external
// agent import) and writes every request with its answer and the notifications that arrived until
// the next request, as the evidence the reference server's handlers follow.
// Usage: node bench/probe/workspace.js [main|providers] [out.json]   (CODEX_BIN overrides the binary)
// `providers` probes provider writes, feature precedence, threads imported into projects and
// config-defined permission profiles.
import { spawn, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { createInterface } from 'node:readline'

const codexBin = process.env.CODEX_BIN ?? join(homedir(), '.cache/codex-app-server-toolkit/codex-0.169.0/node_modules/.bin/codex')
const set = process.argv[2] ?? 'main'
const out = process.argv[3] ?? `test/server/fixtures/codex-0.169.0/methods/${set === 'main' ? 'workspace' : `workspace-${set}`}.json`
const root = realpathSync(mkdtempSync(join(tmpdir(), 'probe-workspace-')))
const home = join(root, 'codex-home')
const ws = join(root, 'ws')
const repo = join(root, 'repo')

function setUp() {
  mkdirSync(home)
  for (const file of ['README.md', 'src/main.rs', 'src/lib.rs', 'src/readme_helper.ts', 'docs/guide.md', 'node_modules/x/index.js', '.hidden/secret.txt']) {
    mkdirSync(join(ws, file, '..'), { recursive: true })
    writeFileSync(join(ws, file), `${file}\n`)
  }
  writeFileSync(join(ws, '.gitignore'), 'node_modules\n')
  mkdirSync(repo)
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString()
  git('init', '-q', '-b', 'main')
  writeFileSync(join(repo, 'a.txt'), 'one\n')
  git('add', '.')
  git('-c', 'user.name=p', '-c', 'user.email=p@p', 'commit', '-q', '-m', 'one')
  writeFileSync(join(repo, 'a.txt'), 'two\n')
  writeFileSync(join(repo, 'new.txt'), 'new\n')
  // git-ignored entries, and more matches than one answer holds
  writeFileSync(join(repo, '.gitignore'), 'build/\n')
  mkdirSync(join(repo, 'build'))
  writeFileSync(join(repo, 'build/output.bin'), 'x\n')
  mkdirSync(join(repo, 'many'))
  for (let n = 0; n < 120; n++) writeFileSync(join(repo, 'many', `zqfile-${String(n).padStart(3, '0')}.txt`), '')
  // a clone with a remote, one commit ahead and a change in the working tree
  const clone = join(root, 'clone')
  execFileSync('git', ['clone', '-q', repo, clone], { stdio: 'pipe' })
  writeFileSync(join(clone, 'b.txt'), 'b\n')
  execFileSync('git', ['add', '.'], { cwd: clone })
  execFileSync('git', ['-c', 'user.name=p', '-c', 'user.email=p@p', 'commit', '-q', '-m', 'two'], { cwd: clone })
  writeFileSync(join(clone, 'a.txt'), 'changed\n')
  writeFileSync(join(clone, 'untracked.txt'), 'u\n')
  // another agent's setup: instructions in the workspace and the user's home
  writeFileSync(join(ws, 'CLAUDE.md'), '# Project rules\nUse tabs.\n')
  mkdirSync(join(ws, '.claude/commands'), { recursive: true })
  writeFileSync(join(ws, '.claude/settings.json'), JSON.stringify({ permissions: { allow: ['Bash(ls)'] }, env: { FOO: 'bar' } }))
  writeFileSync(join(ws, '.claude/commands/hello.md'), 'Say hello\n')
  writeFileSync(join(ws, '.mcp.json'), JSON.stringify({ mcpServers: { files: { command: 'npx', args: ['-y', 'mcp-files'] } } }))
  mkdirSync(join(root, '.claude/skills/greet'), { recursive: true })
  writeFileSync(join(root, '.claude/CLAUDE.md'), '# User rules\n')
  writeFileSync(join(root, '.claude/settings.json'), JSON.stringify({ model: 'opus' }))
  writeFileSync(join(root, '.claude/skills/greet/SKILL.md'), '---\nname: greet\ndescription: greets\n---\nGreet.\n')
}

class Codex {
  constructor() {
    this.child = spawn(codexBin, ['app-server'], { cwd: ws, env: { ...process.env, CODEX_HOME: home, HOME: root, RUST_LOG: 'warn', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] })
    this.pending = new Map()
    this.notes = []
    this.stderr = ''
    this.child.stderr.on('data', (chunk) => { this.stderr += chunk })
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line)
      if (msg.id !== undefined && this.pending.has(msg.id)) { this.pending.get(msg.id)(msg); this.pending.delete(msg.id) }
      else this.notes.push(msg)
    })
    this.nextId = 1
  }
  send(method, params) {
    const id = this.nextId++
    const message = params === undefined ? { id, method } : { id, method, params }
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.child.stdin.write(`${JSON.stringify(message)}\n`)
    })
  }
  notify(method) { this.child.stdin.write(`${JSON.stringify({ method })}\n`) }
  async stop() { this.child.stdin.end(); await new Promise((resolve) => this.child.once('exit', resolve)) }
}

/** `codex exec-server` on a free port, for environment/add to connect to. */
async function startExecServer() {
  const child = spawn(codexBin, ['exec-server', '--listen', 'ws://127.0.0.1:0'], { cwd: ws, env: { ...process.env, CODEX_HOME: home, HOME: root }, stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await new Promise((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk) => {
      text += chunk
      const match = /ws:\/\/\S+/.exec(text)
      if (match) resolve(match[0])
    })
    child.once('exit', () => reject(new Error(`exec-server exited: ${text}`)))
  })
  return { child, url }
}

const records = []
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function call(codex, method, params, { wait = 150, note } = {}) {
  const answer = await codex.send(method, params)
  await sleep(wait)
  const notifications = codex.notes.splice(0)
  const entry = { method, params: params ?? null, ...(note ? { note } : {}), answer: answer.error ? { error: answer.error } : { result: answer.result } }
  if (notifications.length) entry.notifications = notifications
  records.push(entry)
  return answer
}

async function session(steps) {
  const codex = new Codex()
  await codex.send('initialize', { clientInfo: { name: 'probe', version: '0' }, capabilities: { experimentalApi: true } })
  codex.notify('initialized')
  await sleep(300)
  codex.notes.splice(0)
  try { await steps(codex) } finally { await codex.stop() }
}

function readIfThere(path) {
  try { return readFileSync(path, 'utf8') } catch { return null }
}

function tree(dir) {
  const files = []
  const walk = (d) => { for (const name of readdirSync(d)) { const p = join(d, name); statSync(p).isDirectory() ? walk(p) : files.push(relative(home, p)) } }
  walk(dir)
  return files.sort()
}

async function providers() {
  await session(async (codex) => {
    await call(codex, 'modelProvider/config/write', { settings: { type: 'bedrock', providerId: 'amazon-bedrock-runtime', profile: 'dev' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'gcp', providerId: 'gcp', projectId: 'p', location: 'us', credentialFile: '/tmp/c.json' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', baseUrl: 'https://a.test/v1' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', name: 'Gate', baseUrl: 'http://localhost:8080/v1' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', name: 'Gate', baseUrl: 'http://localhost:8080/v1' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', providerId: 'gate', envKey: null, name: 'Gate 2' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', name: 'NoUrl' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', providerId: 'amazon-bedrock', name: 'x' } })
    await call(codex, 'modelProvider/list', {})
    await call(codex, 'modelProvider/capabilities/read', {})
    await call(codex, 'config/value/write', { keyPath: 'model_provider', value: 'gate', mergeStrategy: 'replace' })
    await call(codex, 'modelProvider/list', {})
    await call(codex, 'modelProvider/capabilities/read', {})
    await call(codex, 'getAuthStatus', {})
    await call(codex, 'config/value/write', { keyPath: 'features.memories', value: true, mergeStrategy: 'replace' })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: { memories: false } })
    await call(codex, 'experimentalFeature/list', { cursor: '50', limit: 3 })
    const started = await call(codex, 'thread/start', { cwd: ws })
    const threadId = started.result?.thread?.id
    const imported = await call(codex, 'project/import', { name: 'With thread', roots: [{ path: ws }], threads: [threadId], idempotencyKey: 't1' }, { wait: 400, note: 'a loaded thread not yet written' })
    await call(codex, 'thread/read', { threadId }, { note: 'its projectId' })
    await call(codex, 'project/list', {}, { note: 'recencyAt with a thread' })
    await call(codex, 'project/delete', { projectId: imported.result?.project?.id }, { wait: 400 })
    await call(codex, 'thread/read', { threadId }, { note: 'after its project was deleted' })
    await call(codex, 'config/value/write', { keyPath: 'permissions.mine', value: { description: 'my profile' }, mergeStrategy: 'replace' })
    await call(codex, 'permissionProfile/list', {})
  })
  records.push({ note: 'config.toml', text: readFileSync(join(home, 'config.toml'), 'utf8') })
  await session(async (codex) => {
    await call(codex, 'config/mcpServer/reload', undefined, { note: 'broken config' })
  }).catch((error) => records.push({ error: String(error) }))
}

async function main() {
  let projectId
  await session(async (codex) => {
    // fuzzy file search
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: 'src', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: 'mn', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: '', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: 'index', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: 'secret', roots: [ws] })
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: [ws, repo] })
    await call(codex, 'fuzzyFileSearch', { query: 'output', roots: [repo] }, { note: 'a git-ignored file' })
    await call(codex, 'fuzzyFileSearch', { query: 'zqfile', roots: [repo] }, { note: '120 equal matches' })
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: [join(root, 'missing')] })
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: [] })
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: ['relative/dir'] })
    await call(codex, 'fuzzyFileSearch', { query: 'rea' })
    await call(codex, 'fuzzyFileSearch', { query: 'rea', roots: [ws], cancellationToken: 't1' })
    await call(codex, 'fuzzyFileSearch/sessionStart', { sessionId: 's1', roots: [ws] }, { wait: 400 })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'rea' }, { wait: 800 })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: '' }, { wait: 800 })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'lib' }, { wait: 800 })
    await call(codex, 'fuzzyFileSearch/sessionStart', { sessionId: 's1', roots: [ws] }, { wait: 400, note: 'same id again' })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 'nope', query: 'rea' })
    await call(codex, 'fuzzyFileSearch/sessionStop', { sessionId: 's1' })
    await call(codex, 'fuzzyFileSearch/sessionStop', { sessionId: 's1' }, { note: 'again' })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'rea' }, { note: 'after stop' })
    await call(codex, 'fuzzyFileSearch/sessionStart', { sessionId: '', roots: [ws] })
    await call(codex, 'fuzzyFileSearch/sessionStart', { sessionId: 's2', roots: [] }, { wait: 400 })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's2', query: 'rea' }, { wait: 600 })
    await call(codex, 'fuzzyFileSearch/sessionStart', { sessionId: 's3', roots: [join(root, 'missing')] }, { wait: 400 })
    await call(codex, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's3', query: 'rea' }, { wait: 600 })

    // projects
    await call(codex, 'project/list', {})
    const created = await call(codex, 'project/create', { name: 'Alpha', roots: [{ path: ws }], metadata: { color: 'red' }, idempotencyKey: 'k1' })
    projectId = created.result?.project?.id
    await call(codex, 'project/create', { name: 'Alpha', roots: [{ path: ws }], metadata: { color: 'red' }, idempotencyKey: 'k1' }, { note: 'same idempotency key' })
    await call(codex, 'project/create', { name: 'Alpha other', roots: [{ path: ws }], idempotencyKey: 'k1' }, { note: 'same key, different request' })
    const second = await call(codex, 'project/create', { name: 'Beta', roots: [{ path: repo }, { path: ws }], idempotencyKey: 'k2' })
    await call(codex, 'project/create', { name: '', roots: [{ path: ws }], idempotencyKey: 'k3' })
    await call(codex, 'project/create', { name: '   ', roots: [{ path: ws }], idempotencyKey: 'k3b' })
    await call(codex, 'project/create', { name: 'NoRoots', roots: [], idempotencyKey: 'k4' })
    await call(codex, 'project/create', { name: 'Rel', roots: [{ path: 'relative' }], idempotencyKey: 'k5' })
    await call(codex, 'project/create', { name: 'Missing', roots: [{ path: join(root, 'missing') }], idempotencyKey: 'k6' })
    await call(codex, 'project/create', { name: 'Dup roots', roots: [{ path: ws }, { path: ws }], idempotencyKey: 'k7' })
    await call(codex, 'project/create', { name: 'No key', roots: [{ path: ws }] })
    await call(codex, 'project/create', { name: 'Empty key', roots: [{ path: ws }], idempotencyKey: '' })
    await call(codex, 'project/list', {})
    await call(codex, 'project/list', { limit: 1 })
    await call(codex, 'project/list', { sortKey: 'recencyAt' })
    await call(codex, 'project/list', { sortDirection: 'desc' })
    await call(codex, 'project/list', { sortKey: 'position', sortDirection: 'desc' })
    await call(codex, 'project/list', { cursor: 'garbage' })
    await call(codex, 'project/list', { limit: 0 })
    await call(codex, 'project/read', { projectId })
    await call(codex, 'project/read', { projectId: 'nope' })
    await call(codex, 'project/read', { projectId: '00000000-0000-0000-0000-000000000000' })
    await call(codex, 'project/update', { projectId, name: 'Alpha renamed', metadata: { color: 'blue' } })
    await call(codex, 'project/update', { projectId })
    await call(codex, 'project/update', { projectId, name: '' })
    await call(codex, 'project/update', { projectId, roots: [] })
    await call(codex, 'project/update', { projectId: 'nope', name: 'x' })
    await call(codex, 'project/move', { projectId: second.result?.project?.id, beforeProjectId: projectId })
    await call(codex, 'project/list', {})
    await call(codex, 'project/move', { projectId })
    await call(codex, 'project/move', { projectId, beforeProjectId: projectId })
    await call(codex, 'project/move', { projectId, beforeProjectId: 'nope' })
    await call(codex, 'project/move', { projectId: 'nope' })
    await call(codex, 'project/list', {})
    await call(codex, 'project/import', { name: 'Imported', roots: [{ path: ws }], threads: [], idempotencyKey: 'k8' })
    await call(codex, 'project/import', { name: 'Imported2', roots: [{ path: ws }], threads: ['00000000-0000-0000-0000-000000000001'], idempotencyKey: 'k9' })
    await call(codex, 'project/import', { name: 'Imported3', roots: [{ path: ws }], threads: ['bad'], idempotencyKey: 'k10' })
    await call(codex, 'project/delete', { projectId: second.result?.project?.id })
    await call(codex, 'project/delete', { projectId: second.result?.project?.id }, { note: 'again' })
    await call(codex, 'project/read', { projectId: second.result?.project?.id })

    // permissions, providers, features
    await call(codex, 'permissionProfile/list', {})
    await call(codex, 'permissionProfile/list', { limit: 1 })
    await call(codex, 'permissionProfile/list', { cwd: ws })
    await call(codex, 'permissionProfile/list', { cursor: 'garbage' })
    await call(codex, 'modelProvider/list', {})
    await call(codex, 'modelProvider/capabilities/read', {})
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', name: 'My gateway', baseUrl: 'https://example.test/v1', envKey: 'MY_KEY' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'bedrock', providerId: 'amazon-bedrock', region: 'us-east-1' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'gcp', providerId: 'vertex', projectId: 'p' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', providerId: 'openai', name: 'x' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', providerId: 'nope', name: 'x' } })
    await call(codex, 'modelProvider/config/write', { settings: { type: 'customGateway', baseUrl: 'not a url' } })
    await call(codex, 'modelProvider/list', {})
    await call(codex, 'experimentalFeature/list', {})
    await call(codex, 'experimentalFeature/list', { limit: 2 })
    await call(codex, 'experimentalFeature/list', { cursor: '2', limit: 2 })
    await call(codex, 'experimentalFeature/list', { cursor: 'garbage' })
    await call(codex, 'experimentalFeature/list', { threadId: '00000000-0000-0000-0000-000000000001' })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: {} })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: { no_such_feature: true } })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: { apps: true } })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: { memories: true, plugins: false } })
    await call(codex, 'experimentalFeature/list', {}, { note: 'after enablement/set' })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: Object.fromEntries(['auth_elicitation', 'background_paginated_rollout_migration', 'mcp_2026_07_28', 'memories', 'mentions_v2', 'remote_control', 'remote_plugin', 'tool_suggest', 'windows_sandbox_service', 'tool_search', 'tool_call_mcp_elicitation', 'apps', 'plugins', 'goals', 'undo'].map((name) => [name, true])) }, { note: 'allowlist candidates' })
    await call(codex, 'experimentalFeature/enablement/set', { enablement: { memories: false } })

    // environments
    await call(codex, 'environment/status', { environmentId: 'local' })
    await call(codex, 'environment/info', { environmentId: 'local' })
    await call(codex, 'environment/status', { environmentId: 'e1' })
    await call(codex, 'environment/add', { environmentId: 'e1', execServerUrl: 'ws://127.0.0.1:9' }, { wait: 600 })
    await call(codex, 'environment/status', { environmentId: 'e1' }, { wait: 600 })
    await call(codex, 'environment/info', { environmentId: 'e1' }, { wait: 600 })
    await call(codex, 'environment/add', { environmentId: 'e1', execServerUrl: 'ws://127.0.0.1:9' }, { note: 'same id again' })
    await call(codex, 'environment/add', { environmentId: 'e2', execServerUrl: 'not a url' })
    await call(codex, 'environment/add', { environmentId: 'e3', execServerUrl: 'ws://example.test:9', authBearerToken: 'x' })
    await call(codex, 'environment/add', { environmentId: '', execServerUrl: 'ws://127.0.0.1:9' })
    await call(codex, 'environment/add', { environmentId: 'e4', execServerUrl: 'http://127.0.0.1:9' })
    const exec = await startExecServer()
    try {
      await call(codex, 'environment/add', { environmentId: 'live', execServerUrl: exec.url }, { wait: 1500, note: 'a real codex exec-server' })
      await call(codex, 'environment/status', { environmentId: 'live' }, { wait: 100 })
      await call(codex, 'environment/info', { environmentId: 'live' }, { wait: 100 })
    } finally {
      exec.child.kill()
    }
    await call(codex, 'environment/status', { environmentId: 'live' }, { wait: 800, note: 'after the exec-server exited' })

    // diagnostics, legacy
    await call(codex, 'server/diagnostics', {})
    await call(codex, 'getConversationSummary', { conversationId: '00000000-0000-0000-0000-000000000001' })
    await call(codex, 'getConversationSummary', { conversationId: 'bad' })
    await call(codex, 'getConversationSummary', { rolloutPath: join(root, 'missing.jsonl') })
    await call(codex, 'gitDiffToRemote', { cwd: ws })
    await call(codex, 'gitDiffToRemote', { cwd: repo })
    await call(codex, 'gitDiffToRemote', { cwd: join(root, 'missing') })
    await call(codex, 'gitDiffToRemote', { cwd: join(root, 'clone') })
    await call(codex, 'server/diagnostics', undefined)
    await call(codex, 'getAuthStatus', {})
    await call(codex, 'getAuthStatus', { includeToken: true, refreshToken: true })

    // feedback, mcp reload
    await call(codex, 'feedback/upload', { classification: 'bug', reason: 'probe' }, { wait: 2000 })
    await call(codex, 'feedback/save', { classification: 'bug', reason: 'probe', savePath: join(root, 'feedback.zip') })
    await call(codex, 'feedback/save', { classification: 'bug', savePath: join(root, 'feedback.zip') }, { note: 'exists already' })
    await call(codex, 'feedback/save', { classification: 'bug', savePath: 'relative.zip' })
    await call(codex, 'feedback/save', { classification: 'bug', savePath: join(root, 'missing', 'f.zip') })
    await call(codex, 'feedback/save', { classification: 'bug', savePath: join(root, 'feedback2.zip'), includeLogs: true, tags: { a: 'b' }, threadId: '00000000-0000-0000-0000-000000000001' })
    await call(codex, 'config/mcpServer/reload', undefined)
    await call(codex, 'config/mcpServer/reload', {})

    // external agent
    await call(codex, 'externalAgentConfig/detect', {})
    await call(codex, 'externalAgentConfig/detect', { includeHome: true, cwds: [ws] })
    const detected = await call(codex, 'externalAgentConfig/detect', { includeHome: true, cwds: [ws, repo] })
    await call(codex, 'externalAgentConfig/import/readHistories', undefined)
    await call(codex, 'externalAgentConfig/import', { migrationItems: detected.result?.items ?? [] }, { wait: 1500 })
    records.push({ note: 'workspace files after import', files: readdirSync(ws), agents: (() => { try { return readFileSync(join(ws, 'AGENTS.md'), 'utf8') } catch { return null } })(), config: readFileSync(join(home, 'config.toml'), 'utf8'), projectConfig: readIfThere(join(ws, '.codex/config.toml')), commandSkill: readIfThere(join(ws, '.agents/skills/source-command-hello/SKILL.md')), skills: readdirSync(join(ws, '.agents/skills')), homeSkill: readIfThere(join(root, '.agents/skills/greet/SKILL.md')), homeAgents: readIfThere(join(home, 'AGENTS.md')), home: tree(home).filter((file) => !file.startsWith('skills/.system') && !file.includes('sqlite')) })
    await call(codex, 'externalAgentConfig/detect', { includeHome: true, cwds: [ws, repo] }, { note: 'after import' })
    await call(codex, 'externalAgentConfig/import', { migrationItems: [] }, { wait: 600 })
    await call(codex, 'externalAgentConfig/import', { migrationItems: [{ itemType: 'AGENTS_MD', description: 'x', cwd: ws }] }, { wait: 600 })
    await call(codex, 'externalAgentConfig/import/recordHistory', { providerId: 'p1', itemTypeResults: [{ itemType: 'CONFIG', successes: [{ itemType: 'CONFIG', source: 'a', target: 'b' }], failures: [] }] })
    await call(codex, 'externalAgentConfig/import/recordHistory', { providerId: '', itemTypeResults: [] })
    await call(codex, 'externalAgentConfig/import/readHistories', undefined)
  })
  records.push({ note: 'files in CODEX_HOME after the first session', files: tree(home).filter((file) => !file.startsWith('skills/')) })
  records.push({ note: 'config.toml after the first session', text: readFileSync(join(home, 'config.toml'), 'utf8') })
  records.push({ note: 'feedback.zip contents', listing: execFileSync('unzip', ['-l', join(root, 'feedback.zip')]).toString(), listing2: execFileSync('unzip', ['-l', join(root, 'feedback2.zip')]).toString(), text: execFileSync('unzip', ['-p', join(root, 'feedback2.zip')]).toString().slice(0, 4000) })
  await session(async (codex) => {
    await call(codex, 'project/list', {}, { note: 'after restart' })
    await call(codex, 'experimentalFeature/list', { limit: 3 }, { note: 'after restart' })
    await call(codex, 'modelProvider/list', {}, { note: 'after restart' })
    await call(codex, 'externalAgentConfig/import/readHistories', undefined, { note: 'after restart' })
    await call(codex, 'environment/status', { environmentId: 'e1' }, { note: 'after restart' })
  })
}

setUp()
try {
  await (set === 'providers' ? providers() : main())
  mkdirSync(join(out, '..'), { recursive: true })
  const text = JSON.stringify({ codex: '0.169.0', roots: { root, home, ws, repo }, records }, null, 2)
  writeFileSync(out, `${text.split(root).join('<ROOT>')}\n`)
  console.log(`wrote ${records.length} records to ${out}`)
} finally {
  rmSync(root, { recursive: true, force: true })
}
