// process/spawn and its follow-ups with real programs, checked against what codex 0.169.0 sends:
// the empty answer first, then buffered output in process/exited or streamed process/outputDelta
// chunks, caps, timeouts, kill, stdin, handles private to a connection and free again after the
// exit, codex's errors, and every process ended when its connection closes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProcessExitedNotification, ProcessOutputDeltaNotification, ProcessSpawnParams } from '../../../generated/experimental/index.js'
import { ProcessFamily } from '../../../server/handlers/process.js'
import { ConversationHarness } from '../conversations/conversation-harness.js'
import { eventually, rpcErrorOf, TestServer, type SentNotification, type TestConnection } from './handler-context.js'
import { isAlive } from '../helpers/spawn-server.js'

let home: string
let server: TestServer
let client: TestConnection
const seen: SentNotification[] = []

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'process-handlers-'))
  server = new TestServer(home)
  client = server.connect()
  seen.length = 0
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
})

const spawn = (params: Omit<ProcessSpawnParams, 'cwd'> & { cwd?: string }, connection = client) =>
  connection.call('process/spawn', { cwd: home, ...params })
const base64 = (text: string) => Buffer.from(text).toString('base64')

/** Waits for the exit of `handle`, keeping every notification read on the way. */
function exited(handle: string, connection = client): Promise<ProcessExitedNotification> {
  return eventually(() => {
    seen.push(...connection.read())
    return seen.find((n) => n.method === 'process/exited' && (n.params as ProcessExitedNotification).processHandle === handle)?.params as ProcessExitedNotification | undefined
  }, 10_000, `process/exited of ${handle}`)
}
const deltasOf = (handle: string) => seen.filter((n) => n.method === 'process/outputDelta').map((n) => n.params as ProcessOutputDeltaNotification).filter((d) => d.processHandle === handle)

describe('process/spawn', () => {
  it('answers {} once running, then reports collected output and the exit code', async () => {
    expect(await spawn({ command: ['sh', '-c', 'echo hi; echo err >&2; exit 3'], processHandle: 'p1' })).toEqual({})
    expect(await exited('p1')).toEqual({ processHandle: 'p1', exitCode: 3, outputDrainTimedOut: false, stdout: 'hi\n', stdoutCapReached: false, stderr: 'err\n', stderrCapReached: false })
  })

  it('streams output as process/outputDelta and leaves it out of process/exited', async () => {
    await spawn({ command: ['sh', '-c', 'echo hi; echo err >&2; exit 3'], processHandle: 'p2', streamStdoutStderr: true })
    expect(await exited('p2')).toMatchObject({ exitCode: 3, stdout: '', stderr: '' })
    // The two pipes are read independently, so either may come first.
    expect(deltasOf('p2').sort((a, b) => a.stream.localeCompare(b.stream))).toEqual([
      { processHandle: 'p2', stream: 'stderr', deltaBase64: base64('err\n'), capReached: false },
      { processHandle: 'p2', stream: 'stdout', deltaBase64: base64('hi\n'), capReached: false },
    ])
  })

  it('caps each stream, buffered or streamed, and says so', async () => {
    await spawn({ command: ['head', '-c', '100', '/dev/zero'], processHandle: 'cap', outputBytesCap: 10 })
    expect(await exited('cap')).toMatchObject({ stdout: '\u0000'.repeat(10), stdoutCapReached: true, stderrCapReached: false })
    await spawn({ command: ['head', '-c', '100', '/dev/zero'], processHandle: 'cap2', outputBytesCap: 10, streamStdoutStderr: true })
    expect(await exited('cap2')).toMatchObject({ stdout: '', stdoutCapReached: true })
    expect(deltasOf('cap2')).toEqual([{ processHandle: 'cap2', stream: 'stdout', deltaBase64: Buffer.alloc(10).toString('base64'), capReached: true }])
  })

  it('stops a process at its timeout with exit code 124, and after process/kill with 137', async () => {
    await spawn({ command: ['sleep', '30'], processHandle: 't', timeoutMs: 200 })
    expect((await exited('t')).exitCode).toBe(124)
    await spawn({ command: ['sleep', '30'], processHandle: 'k' })
    expect(await client.call('process/kill', { processHandle: 'k' })).toEqual({})
    expect((await exited('k')).exitCode).toBe(137)
  })

  it('passes env overrides and writes stdin, closing it on request', async () => {
    await spawn({ command: ['sh', '-c', 'echo "$FOO"; cat'], processHandle: 'c', streamStdin: true, env: { FOO: 'bar' } })
    expect(await client.call('process/writeStdin', { processHandle: 'c', deltaBase64: base64('hello\n') })).toEqual({})
    expect(await client.call('process/writeStdin', { processHandle: 'c', closeStdin: true })).toEqual({})
    expect(await exited('c')).toMatchObject({ exitCode: 0, stdout: 'bar\nhello\n' })
  })

  it('frees a handle once its process exited; a running handle is refused, but not on another connection', async () => {
    await spawn({ command: ['sleep', '30'], processHandle: 'h' })
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'h' }))).toEqual({ code: -32600, message: 'duplicate active process handle: "h"' })
    const other = server.connect()
    try {
      await spawn({ command: ['true'], processHandle: 'h' }, other)
      await exited('h', other)
    } finally {
      other.close()
    }
    seen.length = 0
    await client.call('process/kill', { processHandle: 'h' })
    await exited('h')
    seen.length = 0
    await spawn({ command: ['true'], processHandle: 'h' })
    expect((await exited('h')).exitCode).toBe(0)
  })

  it('answers codex\'s errors', async () => {
    expect(await rpcErrorOf(spawn({ command: [], processHandle: 'e' }))).toEqual({ code: -32600, message: 'command must not be empty' })
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'e', size: { rows: 1, cols: 1 } }))).toEqual({ code: -32602, message: 'process/spawn size requires tty: true' })
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'e', tty: true, size: { rows: 0, cols: 1 } }))).toEqual({ code: -32602, message: 'process size rows and cols must be greater than 0' })
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'e', timeoutMs: -1 }))).toEqual({ code: -32602, message: 'process/spawn timeoutMs must be non-negative, got -1' })
    expect(await rpcErrorOf(spawn({ command: ['/nonexistent'], processHandle: 'e' }))).toEqual({ code: -32603, message: 'failed to spawn process: No such file or directory (os error 2)' })
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'e', cwd: '/nonexistent-dir' }))).toEqual({ code: -32603, message: 'failed to spawn process: No such file or directory (os error 2)' })
    for (const method of ['process/kill', 'process/writeStdin', 'process/resizePty'] as const) {
      const params = { processHandle: 'nope', deltaBase64: 'aGk=', size: { rows: 10, cols: 10 } }
      expect(await rpcErrorOf(client.call(method, params))).toEqual({ code: -32600, message: 'no active process for process handle "nope"' })
    }
    await spawn({ command: ['sleep', '30'], processHandle: 's' })
    expect(await rpcErrorOf(client.call('process/writeStdin', { processHandle: 's' }))).toEqual({ code: -32602, message: 'process/writeStdin requires deltaBase64 or closeStdin' })
    expect(await rpcErrorOf(client.call('process/writeStdin', { processHandle: 's', deltaBase64: '!!!' }))).toEqual({ code: -32602, message: 'invalid deltaBase64: Invalid symbol 33, offset 0.' })
    expect(await rpcErrorOf(client.call('process/writeStdin', { processHandle: 's', deltaBase64: 'aGk=' }))).toEqual({ code: -32600, message: 'stdin streaming is not enabled for this process' })
    expect(await rpcErrorOf(client.call('process/resizePty', { processHandle: 's', size: { rows: 30, cols: 90 } }))).toEqual({ code: -32600, message: 'failed to resize PTY: process is not attached to a PTY' })
  })

  it('refuses tty: this server has no pseudo-terminals', async () => {
    expect(await rpcErrorOf(spawn({ command: ['true'], processHandle: 'tty', tty: true }))).toMatchObject({ code: -32600, message: expect.stringContaining('tty is not supported by this server') })
  })

  it('ends every process of a connection when it closes', async () => {
    await spawn({ command: ['sleep', '30'], processHandle: 'a' })
    await spawn({ command: ['sleep', '30'], processHandle: 'b' })
    const family = server.family(ProcessFamily)
    const pids = family.runningPids(client.id)
    expect(pids).toHaveLength(2)
    client.close()
    expect(family.runningPids(client.id)).toEqual([])
    await eventually(() => (pids.every((pid) => !isAlive(pid)) ? true : undefined))
  })
})

describe('process/* over a websocket', () => {
  it('is answered, then notified, in order; a client without experimentalApi cannot use it', async () => {
    const harness = await ConversationHarness.start()
    try {
      const client = await harness.connect()
      const response = await client.request('process/spawn', { command: ['sh', '-c', 'echo over-the-wire'], processHandle: 'w', cwd: harness.home, streamStdoutStderr: true })
      expect(response.json.result).toEqual({})
      const exit = await client.waitFor((message) => message.json.method === 'process/exited')
      const after = client.received.slice(client.received.indexOf(response))
      const methods = after.map((message) => message.json.method ?? 'response')
      expect(methods).toEqual(['response', 'process/outputDelta', 'process/exited'])
      expect(Buffer.from(after[1]!.json.params.deltaBase64, 'base64').toString()).toBe('over-the-wire\n')
      expect(exit.json.params).toMatchObject({ processHandle: 'w', exitCode: 0 })

      const relative = await client.request('process/spawn', { command: ['true'], processHandle: 'r', cwd: 'tmp' })
      expect(relative.json.error).toEqual({ code: -32600, message: 'Invalid request: AbsolutePathBuf deserialized without a base path' })

      const stable = await harness.connect({})
      const refused = await stable.request('process/spawn', { command: ['true'], processHandle: 'x', cwd: harness.home })
      expect(refused.json.error).toMatchObject({ code: -32600, message: expect.stringContaining('requires experimentalApi capability') })
    } finally {
      await harness.stop()
    }
  })
})
