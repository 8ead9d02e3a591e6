// The client drives the reference server over every transport: the offline methods, streamed
// command output, and a whole turn whose command approval the client answers. Every message the
// client receives is validated against the stable schemas.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connect, inProcess, stdio, unixSocket, websocket, type Client, type TransportFactory } from '../../client/index.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { createLogger } from '../../server/log.js'
import { spawnServer, serverBin, type SpawnedServer } from '../server/helpers/spawn-server.js'
import { approvedTurn, collectErrors, offlineFlow, RecordingValidator, repoRoot, tempDir } from './helpers.js'
import { LATEST_VERSION } from '../../protocol/versions.js'

const work = tempDir('client-work-')
const homes = tempDir('client-homes-')
let inProcessServer: RunningServer
let wsServer: SpawnedServer
let unixServer: SpawnedServer

// The agent runs commands in a login shell (`bash -lc`): a throwaway HOME keeps the machine user's
// profile (which may be slow, or wait on a lock) out of the turn.
const shellHome = tempDir('client-shell-home-')
const serverEnv = { ...process.env, HOME: shellHome.path, REFERENCE_APP_SERVER_LOG: 'warn' }
const savedHome = process.env.HOME

beforeAll(async () => {
  process.env.HOME = shellHome.path
  inProcessServer = await startServer({ listen: { kind: 'none' }, home: `${homes.path}/in-process`, repoRoot, log: createLogger('off') })
  wsServer = await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0'], env: serverEnv })
  unixServer = await spawnServer({ args: ['--listen', `unix://${homes.path}/app-server.sock`], env: serverEnv })
})

afterAll(async () => {
  await inProcessServer?.close()
  await wsServer?.stop()
  await unixServer?.stop()
  if (savedHome === undefined) delete process.env.HOME
  else process.env.HOME = savedHome
  work.remove()
  homes.remove()
  shellHome.remove()
})

const transports: [string, () => TransportFactory][] = [
  ['stdio', () => stdio({ command: process.execPath, args: [serverBin, '--home', `${homes.path}/stdio`], env: serverEnv })],
  ['websocket', () => websocket({ url: wsServer.address })],
  ['unix socket', () => unixSocket({ path: unixServer.address.slice('unix://'.length) })],
  ['in-process', () => inProcess(inProcessServer.connect!)],
]

describe.each(transports)('the client over %s', (_name, transport) => {
  let client: Client<'stable'>
  let validator: RecordingValidator
  let errors: Error[]

  beforeAll(async () => {
    validator = new RecordingValidator('stable')
    client = await connect({ variant: 'stable', transport: transport(), validator, timeoutMs: 20_000 })
    errors = collectErrors(client)
  })
  afterAll(async () => {
    await client?.close()
  })

  test('initializes, with the startup notification', async () => {
    const status = new Promise<string>((resolve) => client.onNotification('remoteControl/status/changed', ({ status }) => resolve(status)))
    const result = await client.initialize({ clientInfo: { name: 'client-test', version: '1.0.0' } })
    // The reference server speaks the latest supported release unless told otherwise.
    expect(result.userAgent.startsWith(`client-test/${LATEST_VERSION} `)).toBe(true)
    expect(await status).toBe('disabled')
    expect(client.isInitialized).toBe(true)
  })

  test('serves the offline methods, streamed command output and thread/start', async () => {
    await offlineFlow(client, work.path)
  })

  test('runs a whole turn whose command approval the client answers', async () => {
    await approvedTurn(client, work.path)
  })

  test('every message received validated against the stable schemas', () => {
    expect(validator.problems).toEqual([])
    expect(errors).toEqual([])
    expect(validator.receivedCount).toBeGreaterThan(20)
    expect(validator.received.get('serverRequest item/commandExecution/requestApproval')).toBe(1)
    expect(validator.received.get('serverNotification turn/completed')).toBe(1)
  })
})

describe('an experimental client', () => {
  test('opts into experimentalApi by default and may call experimental methods; a stable one is refused by the server', async () => {
    const validator = new RecordingValidator('experimental')
    const client = await connect({ variant: 'experimental', transport: inProcess(inProcessServer.connect!), validator })
    const stable = await connect({ variant: 'stable', transport: inProcess(inProcessServer.connect!) })
    try {
      await client.initialize({ clientInfo: { name: 'experimental-test', version: '1' } })
      expect(await client.request('mock/experimentalMethod', { value: 'hi' })).toEqual({ echoed: 'hi' })
      expect(validator.problems).toEqual([])
      await stable.initialize({ clientInfo: { name: 'stable-test', version: '1' } })
      // The stable types have no such method; a client that sends it anyway hears codex's gate error.
      const raw = stable as unknown as Client<'experimental'>
      await expect(raw.request('mock/experimentalMethod', { value: 'hi' })).rejects.toMatchObject({
        name: 'ResponseError', code: -32600, message: 'mock/experimentalMethod requires experimentalApi capability',
      })
    } finally {
      await client.close()
      await stable.close()
    }
  })
})
