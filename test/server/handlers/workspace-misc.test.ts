// environment/*, server/diagnostics, the v1 requests and feedback/*, against codex 0.169.0's
// recorded answers (fixtures/codex-0.169.0/methods/workspace.json): real sockets, a real git,
// real ZIP files.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { WebSocketServer } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'workspace-misc-'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

describe('environment/*', () => {
  it('describes the local environment and no unknown one', async () => {
    expect(await client.call('environment/status', { environmentId: 'local' })).toEqual({ status: 'ready' })
    const info = await client.call('environment/info', { environmentId: 'local' })
    expect(info.cwd).toBe(pathToFileURL(process.cwd()).href)
    expect(info.shell.path.endsWith(info.shell.name)).toBe(true)
    expect(await client.call('environment/status', { environmentId: 'e1' })).toEqual({ status: 'unknown', error: 'unknown environment id `e1`' })
    expect(await rpcErrorOf(client.call('environment/info', { environmentId: 'e1' }))).toEqual({ code: -32600, message: 'unknown environment id `e1`' })
  })

  it('reports a refused connection as codex words it', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`
    expect(await client.call('environment/add', { environmentId: 'e1', execServerUrl: url })).toEqual({})
    const status = await waitForStatus('e1', 'disconnected')
    const reason = `exec-server connection attempt failed: failed to connect to exec-server websocket \`${url}\`: IO error: Connection refused (os error 111)`
    expect(status).toEqual({ status: 'disconnected', error: reason })
    expect(await rpcErrorOf(client.call('environment/info', { environmentId: 'e1' }))).toEqual({ code: -32603, message: `failed to get info for environment \`e1\`: ${reason}` })
  })

  it('connects to a live exec server with its handshake, sending the bearer token, and asks it for info', async () => {
    const exec = await fakeExecServer()
    try {
      await client.call('environment/add', { environmentId: 'e1', execServerUrl: exec.url, authBearerToken: 'secret', websocketRequestId: 'r1' })
      expect(await waitForStatus('e1', 'ready')).toEqual({ status: 'ready' })
      expect(await exec.headers).toMatchObject({ authorization: 'Bearer secret', 'x-request-id': 'r1' })
      expect(await client.call('environment/info', { environmentId: 'e1' })).toEqual({ shell: { name: 'zsh', path: '/bin/zsh' }, cwd: 'file:///remote/work' })
      expect(exec.received).toEqual(['initialize', 'initialized', 'environment/info'])
      await exec.close()
      // As in codex, the status stays as last seen; using the environment tells what happened.
      expect(await client.call('environment/status', { environmentId: 'e1' })).toEqual({ status: 'ready' })
      expect(await rpcErrorOf(client.call('environment/info', { environmentId: 'e1' }))).toEqual({ code: -32603, message: 'failed to get info for environment `e1`: exec-server connection closed' })
    } finally {
      await exec.close()
    }
  })

  it('refuses an empty id and headers over an insecure remote link', async () => {
    expect(await rpcErrorOf(client.call('environment/add', { environmentId: '', execServerUrl: 'ws://127.0.0.1:9' })))
      .toEqual({ code: -32600, message: 'exec-server protocol error: environment id cannot be empty' })
    expect(await rpcErrorOf(client.call('environment/add', { environmentId: 'e3', execServerUrl: 'ws://example.test:9', authBearerToken: 'x' })))
      .toEqual({ code: -32600, message: 'exec-server protocol error: exec-server WebSocket headers require wss:// or a loopback destination' })
    expect(await client.call('environment/status', { environmentId: 'e3' })).toMatchObject({ status: 'unknown' })
  })
})

/**
 * The remote side of an environment: answers the handshake and environment/info the way
 * `codex exec-server` 0.169.0 does (environment/info only after `initialized`).
 */
async function fakeExecServer() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise((resolve) => server.on('listening', resolve))
  const received: string[] = []
  const headers = new Promise<Record<string, unknown>>((resolve) => server.on('connection', (socket, request) => {
    resolve(request.headers)
    let initialized = false
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; method: string }
      received.push(message.method)
      const facts = { shell: { name: 'zsh', path: '/bin/zsh' }, cwd: 'file:///remote/work' }
      if (message.method === 'initialized') initialized = true
      else if (message.method === 'initialize') socket.send(JSON.stringify({ id: message.id, result: { sessionId: 's', environmentInfo: facts } }))
      else if (message.method === 'environment/info' && initialized) socket.send(JSON.stringify({ id: message.id, result: facts }))
      else socket.send(JSON.stringify({ id: message.id, error: { code: -32600, message: 'client must send initialized before using environment info methods' } }))
    })
  }))
  let closing: Promise<unknown> | undefined
  const close = () => (closing ??= new Promise((resolve) => {
    for (const socket of server.clients) socket.terminate()
    server.close(resolve)
  }))
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, headers, received, close }
}

async function waitForStatus(environmentId: string, status: string) {
  for (let tries = 0; tries < 200; tries++) {
    const answer = await client.call('environment/status', { environmentId })
    if (answer.status === status) return answer
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`environment ${environmentId} never became ${status}`)
}

describe('server/diagnostics', () => {
  it('reports this process and the request gauges', async () => {
    const { process: info, gauges } = await client.call('server/diagnostics', {})
    expect(info).toMatchObject({ id: process.pid, physicalFootprintBytes: null })
    expect(info.residentMemoryBytes).toBeGreaterThan(0)
    expect(gauges.map((gauge) => gauge.name)).toEqual(['app.requests.in_flight', 'app.requests.queued'])
  })
})

describe('v1 requests', () => {
  it('summarizes a stored thread by id and by history file, and refuses unknown ones', async () => {
    const { thread } = await client.call('thread/start', { cwd: home })
    await client.call('thread/name/set', { threadId: thread.id, name: 'x' })
    const { summary } = await client.call('getConversationSummary', { conversationId: thread.id })
    expect(summary).toMatchObject({ conversationId: thread.id, cwd: home, modelProvider: thread.modelProvider, source: 'vscode' })
    expect(await rpcErrorOf(client.call('getConversationSummary', { conversationId: '00000000-0000-0000-0000-000000000001' })))
      .toEqual({ code: -32600, message: 'no rollout found for conversation id 00000000-0000-0000-0000-000000000001' })
    const missing = join(home, 'missing.jsonl')
    expect(await rpcErrorOf(client.call('getConversationSummary', { rolloutPath: missing })))
      .toEqual({ code: -32600, message: `failed to resolve rollout path \`${missing}\`: file does not exist` })
  })

  it('diffs a clone against its remote, untracked files included', async () => {
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'pipe' }).toString()
    const origin = join(home, 'origin')
    await mkdir(origin)
    git(origin, 'init', '-q', '-b', 'main')
    await writeFile(join(origin, 'a.txt'), 'one\n')
    git(origin, 'add', '.')
    git(origin, 'commit', '-q', '-m', 'one')
    const base = git(origin, 'rev-parse', 'HEAD').trim()
    const clone = join(home, 'clone')
    git(home, 'clone', '-q', origin, clone)
    await writeFile(join(clone, 'b.txt'), 'b\n')
    git(clone, 'add', '.')
    git(clone, 'commit', '-q', '-m', 'two')
    await writeFile(join(clone, 'a.txt'), 'changed\n')
    await writeFile(join(clone, 'untracked.txt'), 'u\n')
    const { sha, diff } = await client.call('gitDiffToRemote', { cwd: clone })
    expect(sha).toBe(base)
    expect(diff).toContain('diff --git a/a.txt b/a.txt\nindex 5626abf..5ea2ed4 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+changed\n')
    expect(diff).toContain('diff --git a/b.txt b/b.txt\nnew file mode 100644\n')
    expect(diff).toContain('diff --git a/untracked.txt b/untracked.txt\nnew file mode 100644\nindex 0000000..4ae8ef0\n--- /dev/null\n+++ b/untracked.txt\n')
    expect(await rpcErrorOf(client.call('gitDiffToRemote', { cwd: origin }))).toEqual({ code: -32600, message: `failed to compute git diff to remote for cwd: "${origin}"` })
  })

  it('needs no OpenAI sign-in', async () => {
    expect(await client.call('getAuthStatus', { includeToken: true })).toEqual({ authMethod: null, authToken: null, requiresOpenaiAuth: false })
  })
})

describe('feedback/*', () => {
  it('answers upload with the error codex gives offline', async () => {
    const error = await rpcErrorOf(client.call('feedback/upload', { classification: 'bug' }))
    expect(error.code).toBe(-32603)
    expect(error.message).toMatch(/^failed to upload feedback: failed to upload feedback to Sentry: error sending request/)
  })

  it('saves a report as a new ZIP file, never over an existing one', async () => {
    const extra = join(home, 'extra.log')
    await writeFile(extra, 'log line\n')
    const path = join(home, 'feedback.zip')
    const saved = await client.call('feedback/save', { savePath: path, classification: 'bug', reason: 'broken', extraLogFiles: [extra], tags: { a: 'b' } })
    expect(saved).toMatchObject({ savedPath: path, promptHash: null })
    expect(saved.threadId).toMatch(/^no-active-thread-/)
    const files = unzipSync(await readFile(path))
    expect(Object.keys(files)).toEqual(['report.json', 'attachments/0000/extra.log', 'manifest.json'])
    expect(JSON.parse(strFromU8(files['report.json']!))).toMatchObject({ message: `[Bug]: Codex session ${saved.threadId}`, reason: 'broken', tags: { a: 'b', classification: 'bug' } })
    expect(strFromU8(files['attachments/0000/extra.log']!)).toBe('log line\n')
    const before = await readFile(path)
    expect(await rpcErrorOf(client.call('feedback/save', { savePath: path, classification: 'bug' }))).toEqual({ code: -32603, message: 'failed to save feedback: feedback save path already exists' })
    expect(await readFile(path)).toEqual(before)
    expect(await rpcErrorOf(client.call('feedback/save', { savePath: 'relative.zip', classification: 'bug' }))).toEqual({ code: -32600, message: 'feedback savePath must be an absolute host path' })
    const error = await rpcErrorOf(client.call('feedback/save', { savePath: join(home, 'missing', 'f.zip'), classification: 'bug' }))
    expect(error.message).toMatch(/^failed to save feedback: No such file or directory \(os error 2\) at path ".*\/missing\/\.tmp/)
  })
})
