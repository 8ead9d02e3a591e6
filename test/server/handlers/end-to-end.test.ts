// The handlers through the real reference server (bin/reference-app-server.js) over stdio and
// websocket: files, watches, commands (buffered, streamed, terminated, killed by a disconnect),
// configuration kept across restarts, the model list, and bounded memory for a client that
// stops reading while a command floods it with output.
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer, type SpawnedServer, isAlive } from '../helpers/spawn-server.js'
import { StdioClient, WebsocketClient, type Received, type WireClient } from '../helpers/wire-client.js'

let home: string
const running: { server: SpawnedServer; client?: WireClient }[] = []

async function stdioServer(): Promise<{ server: SpawnedServer; client: StdioClient }> {
  const server = await spawnServer({ home, env: { REFERENCE_APP_SERVER_LOG: 'warn' } })
  const client = new StdioClient(server.process)
  running.push({ server, client })
  await client.initialize({ experimentalApi: true })
  return { server, client }
}

async function wsServer(): Promise<{ server: SpawnedServer; client: WebsocketClient }> {
  const server = await spawnServer({ home, args: ['--listen', 'ws://127.0.0.1:0'], env: { REFERENCE_APP_SERVER_LOG: 'warn' } })
  const client = await WebsocketClient.connect(server.address)
  running.push({ server, client })
  await client.initialize({ experimentalApi: true })
  return { server, client }
}

let nextId = 1
/** Sends a request and resolves with its result, or rejects with its JSON-RPC error. */
async function call(client: WireClient, method: string, params?: unknown, timeoutMs = 10_000): Promise<any> {
  const id = `e2e-${nextId++}`
  client.send(params === undefined ? { id, method } : { id, method, params })
  const { json } = await client.waitFor((m) => m.json.id === id && !('method' in m.json), timeoutMs, `the answer to ${method}`)
  if (json.error) throw json.error
  return json.result
}

const isDelta = (processId: string) => (m: Received) => m.json.method === 'command/exec/outputDelta' && m.json.params.processId === processId
function streamed(client: WireClient, processId: string, stream = 'stdout'): string {
  return Buffer.concat(client.received.filter(isDelta(processId))
    .filter((m) => m.json.params.stream === stream)
    .map((m) => Buffer.from(m.json.params.deltaBase64, 'base64'))).toString()
}

async function eventually<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function residentBytes(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return kib ? Number(kib[1]) * 1024 : 0
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'handlers-e2e-'))
})

afterEach(async () => {
  for (const { server, client } of running.splice(0)) {
    await client?.close()
    await server.stop()
  }
})

afterAll(async () => {
  await rm(home, { recursive: true, force: true })
})

describe('over stdio', () => {
  it('reads, writes, inspects and lists files, with OS errors as codex reports them', async () => {
    const { client } = await stdioServer()
    const folder = join(home, 'files')
    await call(client, 'fs/createDirectory', { path: folder })
    expect(await call(client, 'fs/writeFile', { path: join(folder, 'a.txt'), dataBase64: 'aGVsbG8K' })).toEqual({})
    expect(await call(client, 'fs/readFile', { path: `${folder}//./a.txt` })).toEqual({ dataBase64: 'aGVsbG8K' })
    expect(await call(client, 'fs/getMetadata', { path: join(folder, 'a.txt') })).toMatchObject({ isFile: true, isDirectory: false, isSymlink: false })
    expect(await call(client, 'fs/readDirectory', { path: folder })).toEqual({ entries: [{ fileName: 'a.txt', isDirectory: false, isFile: true }] })
    await expect(call(client, 'fs/readFile', { path: join(folder, 'missing') })).rejects.toEqual({ code: -32603, message: 'No such file or directory (os error 2)' })
    await expect(call(client, 'fs/copy', { sourcePath: folder, destinationPath: join(folder, 'inside'), recursive: true }))
      .rejects.toEqual({ code: -32600, message: 'fs/copy cannot copy a directory to itself or one of its descendants' })
  })

  it('runs buffered commands', async () => {
    const { client } = await stdioServer()
    expect(await call(client, 'command/exec', { command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] })).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' })
    await expect(call(client, 'command/exec', { command: ['x'], timeoutMs: 1, disableTimeout: true }))
      .rejects.toEqual({ code: -32602, message: 'command/exec cannot set both timeoutMs and disableTimeout' })
  })

  it('keeps the configuration across restarts of the server', async () => {
    const first = await stdioServer()
    const written = await call(first.client, 'config/value/write', { keyPath: 'model', value: 'reference-quick', mergeStrategy: 'replace' })
    await call(first.client, 'config/batchWrite', { edits: [{ keyPath: 'features.example', value: true, mergeStrategy: 'upsert' }] })
    running.splice(0)
    await first.client.close()
    expect(await first.server.exited).toBe(0)
    expect(await readFile(join(home, 'config.toml'), 'utf8')).toContain('model = "reference-quick"')

    const { client } = await stdioServer()
    const read = await call(client, 'config/read', { includeLayers: true })
    expect(read.config).toEqual({ model: 'reference-quick', features: { example: true } })
    expect(read.layers[0].name).toEqual({ type: 'user', file: join(home, 'config.toml'), profile: null })
    await expect(call(client, 'config/value/write', { keyPath: 'model', value: 'x', mergeStrategy: 'replace', expectedVersion: written.version }))
      .rejects.toMatchObject({ code: -32600, data: { config_write_error_code: 'configVersionConflict' } })
    await call(client, 'config/batchWrite', { edits: [{ keyPath: 'model', value: null, mergeStrategy: 'replace' }, { keyPath: 'features', value: null, mergeStrategy: 'replace' }] })
  })
})

describe('over websocket', () => {
  it('sends fs/changed for a watched folder until unwatched', async () => {
    const { client } = await wsServer()
    const folder = join(home, 'watched')
    await call(client, 'fs/createDirectory', { path: folder })
    expect(await call(client, 'fs/watch', { watchId: 'w', path: folder })).toEqual({ path: folder })
    await expect(call(client, 'fs/watch', { watchId: 'w', path: folder })).rejects.toEqual({ code: -32600, message: 'watchId already exists: w' })
    await call(client, 'fs/writeFile', { path: join(folder, 'new.txt'), dataBase64: '' })
    const changed = await client.waitFor((m) => m.json.method === 'fs/changed', 5_000, 'fs/changed')
    expect(changed.json.params).toEqual({ watchId: 'w', changedPaths: [join(folder, 'new.txt')] })
    expect(await call(client, 'fs/unwatch', { watchId: 'w' })).toEqual({})
  })

  it('streams command output before the result, and lists models', async () => {
    const { client } = await wsServer()
    const result = await call(client, 'command/exec', { command: ['sh', '-c', 'echo a; echo b >&2'], processId: 'p', streamStdoutStderr: true })
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    // Everything streamed arrived before the response.
    expect(streamed(client, 'p')).toBe('a\n')
    expect(streamed(client, 'p', 'stderr')).toBe('b\n')

    const models = await call(client, 'model/list', { limit: 1 })
    expect(models.data).toHaveLength(1)
    expect(models.data[0].isDefault).toBe(true)
    expect(models.nextCursor).toBe('1')
  })

  it('writes to stdin of a running command and terminates another', async () => {
    const { client } = await wsServer()
    const cat = call(client, 'command/exec', { command: ['cat'], processId: 'cat', streamStdin: true, streamStdoutStderr: true })
    const sleeper = call(client, 'command/exec', { command: ['sleep', '30'], processId: 'sleep' })
    expect(await call(client, 'command/exec/write', { processId: 'cat', deltaBase64: Buffer.from('hi\n').toString('base64'), closeStdin: true }, 5_000)).toEqual({})
    expect(await cat).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(streamed(client, 'cat')).toBe('hi\n')
    expect(await call(client, 'command/exec/terminate', { processId: 'sleep' }, 5_000)).toEqual({})
    expect(await sleeper).toEqual({ exitCode: 137, stdout: '', stderr: '' })
  })

  it('kills the commands of a client that disconnects', async () => {
    const { client } = await wsServer()
    client.send({ id: 'bg', method: 'command/exec', params: { command: ['sh', '-c', 'echo $$; exec sleep 30'], processId: 'bg', streamStdoutStderr: true } })
    const pid = Number(await eventually(() => streamed(client, 'bg').trim() || undefined, 10_000, 'the command\'s pid'))
    expect(isAlive(pid)).toBe(true)
    client.socket.terminate()
    await eventually(() => (isAlive(pid) ? undefined : true), 10_000, 'the command to die')
  })
})

describe('backpressure', () => {
  it('keeps the server\'s memory bounded while a client stops reading a flood of output', async () => {
    const { server, client } = await stdioServer()
    const pid = server.process.pid!
    const total = 64 * 1024 * 1024
    const baseline = residentBytes(pid)
    const flood = call(client, 'command/exec', { command: ['head', '-c', String(total), '/dev/zero'], processId: 'flood', streamStdoutStderr: true, disableOutputCap: true }, 120_000)
    await client.waitFor(isDelta('flood'), 10_000, 'the first output')

    // Stop reading: the server's stdout pipe fills up, and the command must be paused rather
    // than its output piling up in the server (or the connection being dropped).
    server.process.stdout!.pause()
    let peak = 0
    for (let sample = 0; sample < 15; sample++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      peak = Math.max(peak, residentBytes(pid))
    }
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024)

    // Reading again lets all of it through.
    server.process.stdout!.resume()
    expect(await flood).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    const received = client.received.filter(isDelta('flood'))
      .reduce((sum, m) => sum + Buffer.from(m.json.params.deltaBase64, 'base64').length, 0)
    expect(received).toBe(total)
  })
})
