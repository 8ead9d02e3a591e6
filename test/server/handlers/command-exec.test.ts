// command/exec and its follow-ups with real processes: buffered and streamed output, caps,
// timeouts, stdin, termination of whole process trees, per-connection ids, connection close,
// and backpressure when the client stops reading.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandExecParams } from '../../../generated/experimental/index.js'
import { CommandExecFamily } from '../../../server/handlers/command-exec.js'
import { OUTPUT_BATCH_BYTES } from '../../../server/handlers/command-output.js'
import { eventually, rpcErrorOf, TestServer, type SentNotification, type TestConnection } from './handler-context.js'
import { isAlive } from '../helpers/spawn-server.js'

let home: string
let server: TestServer
let client: TestConnection
const runningCommandCount = (connectionId: number) => server.family(CommandExecFamily).runningCommandCount(connectionId)

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'exec-handlers-'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

const exec = (params: CommandExecParams, connection = client) => connection.call('command/exec', params)

interface Delta { processId: string; stream: 'stdout' | 'stderr'; deltaBase64: string; capReached: boolean }
const deltas = (notifications: SentNotification[]) =>
  notifications.filter((n) => n.method === 'command/exec/outputDelta').map((n) => n.params as Delta)
const streamText = (all: Delta[], stream: 'stdout' | 'stderr') =>
  Buffer.concat(all.filter((d) => d.stream === stream).map((d) => Buffer.from(d.deltaBase64, 'base64'))).toString()

describe('buffered command/exec', () => {
  it('returns exit code, stdout and stderr', async () => {
    expect(await exec({ command: ['echo', 'hi'] })).toEqual({ exitCode: 0, stdout: 'hi\n', stderr: '' })
    expect(await exec({ command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] })).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' })
  })

  it('reports death by signal as 128 + the signal number', async () => {
    expect((await exec({ command: ['sh', '-c', 'kill -9 $$'] })).exitCode).toBe(137)
    expect((await exec({ command: ['sh', '-c', 'kill -TERM $$'] })).exitCode).toBe(143)
  })

  it('runs in the server folder by default, or in cwd resolved against it', async () => {
    expect((await exec({ command: ['pwd'] })).stdout).toBe(`${process.cwd()}\n`)
    expect((await exec({ command: ['pwd'], cwd: home })).stdout).toBe(`${home}\n`)
  })

  it('merges env overrides and removes variables set to null', async () => {
    process.env.HANDLER_TEST_INHERITED = 'inherited'
    try {
      const result = await exec({ command: ['sh', '-c', 'echo "$FOO|${HANDLER_TEST_INHERITED-unset}"'], env: { FOO: 'bar', HANDLER_TEST_INHERITED: null } })
      expect(result.stdout).toBe('bar|unset\n')
    } finally {
      delete process.env.HANDLER_TEST_INHERITED
    }
  })

  it('gives stdin no input', async () => {
    expect((await exec({ command: ['sh', '-c', 'read x; echo "got $x"'] })).stdout).toBe('got \n')
  })

  it('answers a command that cannot start with the OS error', async () => {
    const failure = { code: -32603, message: 'failed to spawn command: No such file or directory (os error 2)' }
    expect(await rpcErrorOf(exec({ command: ['no-such-program-xyz'] }))).toEqual(failure)
    expect(await rpcErrorOf(exec({ command: ['pwd'], cwd: join(home, 'missing') }))).toEqual(failure)
  })

  it('stops a command at its timeout with exit code 124, keeping the output so far', async () => {
    const started = Date.now()
    expect(await exec({ command: ['sh', '-c', 'echo before; sleep 5'], timeoutMs: 300 })).toEqual({ exitCode: 124, stdout: 'before\n', stderr: '' })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect((await exec({ command: ['echo', 'hi'], timeoutMs: 0 })).exitCode).toBe(124)
  })

  it('caps each stream at 1 MiB by default, at outputBytesCap, or not at all', async () => {
    const big = ['sh', '-c', 'head -c 3000000 /dev/zero | tr "\\0" a']
    expect((await exec({ command: big })).stdout.length).toBe(1024 * 1024)
    expect((await exec({ command: big, disableOutputCap: true })).stdout.length).toBe(3_000_000)
    expect(await exec({ command: ['sh', '-c', 'echo hello world; echo error >&2'], outputBytesCap: 3 })).toEqual({ exitCode: 0, stdout: 'hel', stderr: 'err' })
    expect((await exec({ command: ['echo', 'hi'], outputBytesCap: 0 })).stdout).toBe('')
  })

  it('lets a buffered command with a processId be terminated', async () => {
    const running = exec({ command: ['sleep', '30'], processId: 'k1' })
    await eventually(() => (runningCommandCount(client.id) === 1 ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await client.call('command/exec/terminate', { processId: 'k1' })).toEqual({})
    expect(await running).toEqual({ exitCode: 137, stdout: '', stderr: '' })
    expect(await rpcErrorOf(client.call('command/exec/terminate', { processId: 'k1' })))
      .toEqual({ code: -32600, message: 'no active command/exec for process id "k1"' })
  })
})

describe('command/exec validation', () => {
  const cases: [string, CommandExecParams, { code: number; message: string }][] = [
    ['empty command', { command: [] }, { code: -32600, message: 'command must not be empty' }],
    ['empty command first', { command: [], timeoutMs: 1, disableTimeout: true }, { code: -32600, message: 'command must not be empty' }],
    ['profile and policy', { command: ['x'], permissionProfile: 'p', sandboxPolicy: { type: 'readOnly' }, outputBytesCap: 1, disableOutputCap: true }, { code: -32600, message: '`permissionProfile` cannot be combined with `sandboxPolicy`' }],
    ['size without tty', { command: ['x'], size: { rows: 1, cols: 1 }, outputBytesCap: 1, disableOutputCap: true }, { code: -32602, message: 'command/exec size requires tty: true' }],
    ['cap conflict', { command: ['x'], outputBytesCap: 1, disableOutputCap: true, timeoutMs: 1, disableTimeout: true }, { code: -32602, message: 'command/exec cannot set both outputBytesCap and disableOutputCap' }],
    ['timeout conflict', { command: ['x'], timeoutMs: -1, disableTimeout: true }, { code: -32602, message: 'command/exec cannot set both timeoutMs and disableTimeout' }],
    ['negative timeout', { command: ['x'], timeoutMs: -5, tty: true, size: { rows: 0, cols: 0 } }, { code: -32602, message: 'command/exec timeoutMs must be non-negative, got -5' }],
    ['zero size', { command: ['x'], tty: true, size: { rows: 0, cols: 1 } }, { code: -32602, message: 'command/exec size rows and cols must be greater than 0' }],
    ['streaming without id', { command: ['x'], streamStdoutStderr: true }, { code: -32600, message: 'command/exec tty or streaming requires a client-supplied processId' }],
    ['stdin without id', { command: ['x'], streamStdin: true }, { code: -32600, message: 'command/exec tty or streaming requires a client-supplied processId' }],
    ['tty without id', { command: ['x'], tty: true }, { code: -32600, message: 'command/exec tty or streaming requires a client-supplied processId' }],
  ]
  it.each(cases)('%s', async (_name, params, error) => {
    expect(await rpcErrorOf(exec(params))).toEqual(error)
  })

  it('refuses what this server cannot do: PTYs and permission profiles; runs unconfined policies as they are', async () => {
    expect(await rpcErrorOf(exec({ command: ['echo'], processId: 't', tty: true }))).toMatchObject({ code: -32600, message: expect.stringContaining('tty is not supported by this server') })
    expect(await rpcErrorOf(exec({ command: ['echo'], permissionProfile: 'default' }))).toMatchObject({ code: -32600, message: expect.stringContaining('permissionProfile is not supported') })
    expect((await exec({ command: ['echo', 'ok'], sandboxPolicy: { type: 'dangerFullAccess' } })).stdout).toBe('ok\n')
    expect((await exec({ command: ['echo', 'ok'], sandboxPolicy: { type: 'externalSandbox' } })).stdout).toBe('ok\n')
  })
})

describe('streamed command/exec', () => {
  it('sends output as base64 deltas before the (empty) result', async () => {
    const result = await exec({ command: ['sh', '-c', 'echo a; sleep 0.1; echo b >&2; sleep 0.1; echo c'], processId: 's1', streamStdoutStderr: true })
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    const all = deltas(client.read())
    expect(all.every((d) => d.processId === 's1' && !d.capReached)).toBe(true)
    expect(streamText(all, 'stdout')).toBe('a\nc\n')
    expect(streamText(all, 'stderr')).toBe('b\n')
  })

  it('marks the chunk that reaches the cap and sends nothing after it', async () => {
    await exec({ command: ['sh', '-c', 'printf 0123456789; sleep 0.1; printf abcdef; echo err >&2'], processId: 's2', streamStdoutStderr: true, outputBytesCap: 4 })
    const all = deltas(client.read())
    expect(all.filter((d) => d.stream === 'stdout')).toEqual([{ processId: 's2', stream: 'stdout', deltaBase64: 'MDEyMw==', capReached: true }])
    expect(all.filter((d) => d.stream === 'stderr')).toEqual([{ processId: 's2', stream: 'stderr', deltaBase64: 'ZXJyCg==', capReached: true }])
  })

  it('batches many small writes into few notifications', async () => {
    await exec({ command: ['sh', '-c', 'for i in $(seq 1 2000); do echo line$i; done'], processId: 'many', streamStdoutStderr: true })
    const all = deltas(client.read())
    expect(streamText(all, 'stdout').split('\n').length).toBe(2001)
    expect(all.length).toBeLessThan(200)
  })

  it('streams stdin written with command/exec/write', async () => {
    const running = exec({ command: ['cat'], processId: 'c1', streamStdin: true, streamStdoutStderr: true })
    await eventually(() => (client.scopeReleases > 0 ? true : undefined))
    expect(await client.call('command/exec/write', { processId: 'c1', deltaBase64: Buffer.from('hello\n').toString('base64') })).toEqual({})
    expect(await eventually(() => (streamText(deltas(client.unread), 'stdout') === 'hello\n' ? true : undefined))).toBe(true)
    expect(await client.call('command/exec/write', { processId: 'c1', deltaBase64: Buffer.from('bye\n').toString('base64'), closeStdin: true })).toEqual({})
    expect(await running).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(streamText(deltas(client.read()), 'stdout')).toBe('hello\nbye\n')
  })
})

describe('command/exec/write', () => {
  it('checks its params, the process and its stdin, in codex order', async () => {
    expect(await rpcErrorOf(client.call('command/exec/write', { processId: 'nope', deltaBase64: '!!' })))
      .toEqual({ code: -32602, message: 'invalid deltaBase64: Invalid symbol 33, offset 0.' })
    expect(await rpcErrorOf(client.call('command/exec/write', { processId: 'nope' })))
      .toEqual({ code: -32602, message: 'command/exec/write requires deltaBase64 or closeStdin' })
    expect(await rpcErrorOf(client.call('command/exec/write', { processId: 'nope', deltaBase64: 'aGk=' })))
      .toEqual({ code: -32600, message: 'no active command/exec for process id "nope"' })

    const noStdin = exec({ command: ['sleep', '30'], processId: 'quiet' })
    const withStdin = exec({ command: ['cat'], processId: 'cat', streamStdin: true })
    await eventually(() => (client.scopeReleases >= 2 ? true : undefined))
    expect(await rpcErrorOf(client.call('command/exec/write', { processId: 'quiet', deltaBase64: 'aGk=' })))
      .toEqual({ code: -32600, message: 'stdin streaming is not enabled for this command/exec' })
    await client.call('command/exec/write', { processId: 'cat', closeStdin: true })
    expect(await rpcErrorOf(client.call('command/exec/write', { processId: 'cat', deltaBase64: 'aGk=' })))
      .toEqual({ code: -32600, message: 'stdin is already closed' })
    await client.call('command/exec/terminate', { processId: 'quiet' })
    await Promise.all([noStdin, withStdin])
  })
})

describe('command/exec/resize', () => {
  it('has no PTY to resize', async () => {
    expect(await rpcErrorOf(client.call('command/exec/resize', { processId: 'nope', size: { rows: 5, cols: 5 } })))
      .toEqual({ code: -32600, message: 'no active command/exec for process id "nope"' })
    const running = exec({ command: ['sleep', '30'], processId: 'r' })
    await eventually(() => (client.scopeReleases > 0 ? true : undefined))
    expect(await rpcErrorOf(client.call('command/exec/resize', { processId: 'r', size: { rows: 5, cols: 5 } })))
      .toEqual({ code: -32600, message: 'failed to resize PTY: process is not attached to a PTY' })
    await client.call('command/exec/terminate', { processId: 'r' })
    await running
  })
})

describe('process ids and lifetime', () => {
  it('refuses an id in use on the connection, allows it on another and again after exit', async () => {
    const first = exec({ command: ['sleep', '30'], processId: 'dup' })
    expect(await rpcErrorOf(exec({ command: ['true'], processId: 'dup' })))
      .toEqual({ code: -32600, message: 'duplicate active command/exec process id: "dup"' })
    const other = server.connect()
    try {
      expect((await exec({ command: ['echo', 'other'], processId: 'dup' }, other)).stdout).toBe('other\n')
    } finally {
      other.close()
    }
    await eventually(() => (client.scopeReleases > 0 ? true : undefined))
    await client.call('command/exec/terminate', { processId: 'dup' })
    await first
    expect((await exec({ command: ['echo', 'again'], processId: 'dup' })).stdout).toBe('again\n')
  })

  it('terminate kills the whole process tree', async () => {
    const running = exec({ command: ['sh', '-c', 'sleep 30 & echo $!; wait'], processId: 'tree', streamStdoutStderr: true })
    const pid = Number(await eventually(() => streamText(deltas(client.unread), 'stdout').trim() || undefined))
    expect(isAlive(pid)).toBe(true)
    await client.call('command/exec/terminate', { processId: 'tree' })
    expect((await running).exitCode).toBe(137)
    await eventually(() => (isAlive(pid) ? undefined : true), 5_000, 'the background child to die')
  })

  it('kills every command of a connection when it closes', async () => {
    const connection = server.connect()
    const running = exec({ command: ['sh', '-c', 'echo $$; exec sleep 30'], processId: 'bg', streamStdoutStderr: true }, connection)
    const buffered = exec({ command: ['sleep', '30'] }, connection)
    const pid = Number(await eventually(() => streamText(deltas(connection.unread), 'stdout').trim() || undefined))
    await eventually(() => (runningCommandCount(connection.id) === 2 ? true : undefined))
    connection.close()
    await Promise.all([running, buffered])
    expect(isAlive(pid)).toBe(false)
    expect(runningCommandCount(connection.id)).toBe(0)
  })

  it('kills the command when its request is cancelled', async () => {
    const cancel = new AbortController()
    const started = Date.now()
    const running = client.call('command/exec', { command: ['sleep', '30'] }, cancel.signal)
    await eventually(() => (runningCommandCount(client.id) === 1 ? true : undefined))
    cancel.abort()
    expect((await running).exitCode).toBe(137)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('backpressure', () => {
  it('pauses a command while the client is not reading, so memory stays bounded', async () => {
    const limit = 256 * 1024
    const slow = server.connect(limit)
    const total = 20 * 1024 * 1024
    let settled = false
    const running = exec({ command: ['head', '-c', String(total), '/dev/zero'], processId: 'flood', streamStdoutStderr: true, disableOutputCap: true }, slow)
      .finally(() => { settled = true })

    // Not reading: the output stops piling up just above the limit.
    await eventually(() => (slow.unreadBytes > limit ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 500))
    // At most one notification past the limit: a batch in base64, plus its JSON envelope.
    const bound = limit + Math.ceil(OUTPUT_BATCH_BYTES / 3) * 4 + 4096
    expect(slow.peakUnreadBytes).toBeLessThan(bound)
    expect(settled).toBe(false)

    // Reading again lets everything through, in order.
    let received = 0
    const deadline = Date.now() + 60_000
    while (!settled && Date.now() < deadline) {
      for (const delta of deltas(slow.read())) received += Buffer.from(delta.deltaBase64, 'base64').length
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    for (const delta of deltas(slow.read())) received += Buffer.from(delta.deltaBase64, 'base64').length
    expect(await running).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(received).toBe(total)
    expect(slow.peakUnreadBytes).toBeLessThan(bound)
    slow.close()
  })
})
