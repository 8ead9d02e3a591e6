// The transports' own failures, with real processes and sockets: a command that does not start, a
// server that exits mid-request, a websocket that drops (with and without reconnection), auth.
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { connect, ConnectionClosedError, signBearerToken, stdio, websocket } from '../../client/index.js'
import { serverBin, spawnServer, type SpawnedServer } from '../server/helpers/spawn-server.js'
import { tempDir } from './helpers.js'

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function track<T extends { close(): Promise<void> } | SpawnedServer>(value: T): T {
  cleanups.push(() => ('stop' in value ? value.stop() : value.close()))
  return value
}

const clientInfo = { name: 'transport-test', version: '1' }

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('stdio', () => {
  test('a command that cannot start rejects the connect with the reason', async () => {
    await expect(connect({ variant: 'stable', transport: stdio({ command: '/nonexistent/codex', args: ['app-server'] }) }))
      .rejects.toThrow(new ConnectionClosedError('cannot start /nonexistent/codex: spawn /nonexistent/codex ENOENT'))
  })

  test('a server that exits mid-request rejects the request with its exit status and last stderr line', async () => {
    const home = tempDir('client-exit-')
    cleanups.push(home.remove)
    const client = track(await connect({ variant: 'stable', transport: stdio({ command: process.execPath, args: [serverBin, '--home', home.path] }) }))
    const stderr: string[] = []
    client.on('stderr', (line) => stderr.push(line))
    const closed = new Promise((resolve) => client.on('closed', resolve))
    await client.initialize({ clientInfo })
    // The command kills the server that runs it, while its request waits.
    const error = await client.request('command/exec', { command: ['sh', '-c', 'kill -9 $PPID; sleep 5'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionClosedError)
    expect((error as Error).message).toMatch(/^command\/exec: the connection closed before the answer came \(node was killed by SIGKILL; its last stderr line: .+\)$/)
    expect(await closed).toMatchObject({ requested: false })
    expect(stderr.some((line) => line.includes('listening on: stdio://'))).toBe(true)
  })

  test('a server that writes garbage and exits is reported, not thrown', async () => {
    const script = 'process.stdout.write("not json\\n{\\"id\\":1,\\"result\\":\\n"); process.stderr.write("boom\\n"); setTimeout(() => process.exit(3), 50)'
    const client = track(await connect({ variant: 'stable', transport: stdio({ command: process.execPath, args: ['-e', script] }) }))
    const errors: string[] = []
    client.on('error', (error) => errors.push(error.message))
    const initialize = client.initialize({ clientInfo }).catch((e: unknown) => e)
    const error = await initialize
    expect(error).toMatchObject({ name: 'MalformedMessageError' })
    expect((error as Error).message).toMatch(/^initialize: the answer is unreadable: stdio\(node\) sent not JSON/)
    expect(await new Promise((resolve) => client.on('closed', resolve))).toEqual({ reason: 'node exited with code 3; its last stderr line: boom', requested: false })
    expect(errors).toEqual([expect.stringMatching(/^stdio\(node\) sent not JSON \(.*\): not json$/)])
  })
})

describe('websocket', () => {
  test('a dropped connection rejects the pending request; the client closes', async () => {
    const server = track(await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0'] }))
    const client = await connect({ variant: 'stable', transport: websocket({ url: server.address }) })
    await client.initialize({ clientInfo })
    const closed = new Promise((resolve) => client.on('closed', resolve))
    const pending = client.request('command/exec', { command: ['sleep', '5'] }).catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 100))
    server.process.kill('SIGKILL')
    const error = await pending
    expect(error).toBeInstanceOf(ConnectionClosedError)
    expect((error as Error).message).toMatch(/^command\/exec: the connection closed before the answer came \(ws:\/\/127\.0\.0\.1:\d+ closed \(websocket code 1006\)\)$/)
    expect(await closed).toMatchObject({ requested: false })
  })

  test('with reconnect on, a new connection is opened and initialized again, and the application is told', async () => {
    const port = await freePort()
    const home = tempDir('client-reconnect-')
    cleanups.push(home.remove)
    const first = await spawnServer({ args: ['--listen', `ws://127.0.0.1:${port}`], home: home.path })
    const client = track(await connect({ variant: 'stable', transport: websocket({ url: `ws://127.0.0.1:${port}` }), reconnect: { initialDelayMs: 50, maxDelayMs: 200, maxAttempts: 50 } }))
    await client.initialize({ clientInfo, optOutNotificationMethods: ['thread/started'] })
    const attempts: number[] = []
    client.on('reconnecting', ({ attempt }) => attempts.push(attempt))
    const reconnected = new Promise<{ attempt: number; initializeResult: unknown }>((resolve) => client.on('reconnected', resolve))
    const pending = client.request('command/exec', { command: ['sleep', '5'] }).catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await first.stop()
    expect(await pending).toBeInstanceOf(ConnectionClosedError)
    // While it is down, requests fail at once instead of waiting.
    await expect(client.request('thread/loaded/list', {})).rejects.toThrow(/^thread\/loaded\/list: the connection was lost \(.*\); reconnecting$/)
    const second = track(await spawnServer({ args: ['--listen', `ws://127.0.0.1:${port}`], home: home.path }))
    const event = await reconnected
    expect(event.initializeResult).toMatchObject({ userAgent: expect.stringMatching(/^transport-test\//) })
    expect(attempts[0]).toBe(1)
    expect(client.isInitialized).toBe(true)
    expect(await client.request('thread/loaded/list', {})).toEqual({ data: [], nextCursor: null })
    expect(second.address).toBe(`ws://127.0.0.1:${port}`)
  })

  test('reconnection gives up after its attempts, and closing while it waits ends it at once', async () => {
    const port = await freePort()
    const server = await spawnServer({ args: ['--listen', `ws://127.0.0.1:${port}`] })
    const giveUp = track(await connect({ variant: 'stable', transport: websocket({ url: `ws://127.0.0.1:${port}` }), reconnect: { initialDelayMs: 20, maxAttempts: 2 } }))
    const patient = await connect({ variant: 'stable', transport: websocket({ url: `ws://127.0.0.1:${port}` }), reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } })
    const gaveUp = new Promise((resolve) => giveUp.on('closed', resolve))
    const waiting = new Promise((resolve) => patient.on('reconnecting', resolve))
    await server.stop()
    expect(await gaveUp).toEqual({
      requested: false,
      reason: expect.stringMatching(new RegExp(`; reconnecting failed: gave up after 2 attempts; the last one failed: cannot connect to ws://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`)),
    })
    expect(await waiting).toMatchObject({ attempt: 1, delayMs: 60_000 })
    const started = performance.now()
    await patient.close()
    expect(performance.now() - started).toBeLessThan(1000)
    expect(patient.isClosed).toBe(true)
  })

  test('capability token: a wrong token is refused with the HTTP status and reason, the right one works', async () => {
    const dir = tempDir('client-token-')
    cleanups.push(dir.remove)
    writeFileSync(`${dir.path}/token`, 'sesame-open-sesame\n')
    const server = track(await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0', '--ws-auth', 'capability-token', '--ws-token-file', `${dir.path}/token`] }))
    await expect(connect({ variant: 'stable', transport: websocket({ url: server.address, token: 'wrong' }) }))
      .rejects.toThrow(`cannot connect to ${server.address}: HTTP 401 invalid websocket bearer token`)
    await expect(connect({ variant: 'stable', transport: websocket({ url: server.address }) }))
      .rejects.toThrow(`cannot connect to ${server.address}: HTTP 401 missing websocket bearer token`)
    const client = track(await connect({ variant: 'stable', transport: websocket({ url: server.address, token: 'sesame-open-sesame' }) }))
    expect((await client.initialize({ clientInfo })).userAgent).toMatch(/^transport-test\//)
  })

  test('signed bearer token: a token signed with the shared secret is accepted', async () => {
    const dir = tempDir('client-jwt-')
    cleanups.push(dir.remove)
    const secret = 'a-shared-secret-of-at-least-32-bytes!'
    writeFileSync(`${dir.path}/secret`, secret)
    const server = track(await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0', '--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', `${dir.path}/secret`, '--ws-audience', 'tests'] }))
    await expect(connect({ variant: 'stable', transport: websocket({ url: server.address, token: signBearerToken({ secret, audience: 'other' }) }) }))
      .rejects.toThrow('HTTP 401 websocket jwt audience mismatch')
    const client = track(await connect({ variant: 'stable', transport: websocket({ url: server.address, token: signBearerToken({ secret, audience: 'tests' }) }) }))
    expect((await client.initialize({ clientInfo })).userAgent).toMatch(/^transport-test\//)
  })
})

