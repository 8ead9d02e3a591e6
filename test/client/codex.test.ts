// The client drives the real codex 0.169.0 (installed from npm into the cache as `npm run compat`
// does, when missing) over stdio with a throwaway CODEX_HOME, offline: the same flow as against the
// reference server, every received message validated against the stable schemas.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connect, stdio, type Client } from '../../client/index.js'
import { codexBinary } from '../../generator/compat/codex-output.js'
import { collectErrors, offlineFlow, RecordingValidator, tempDir } from './helpers.js'

const home = tempDir('client-codex-home-')
const work = tempDir('client-codex-work-')
const stderr: string[] = []
let client: Client<'stable'>
let validator: RecordingValidator
let errors: Error[]

beforeAll(async () => {
  const bin = await codexBinary('0.169.0')
  validator = new RecordingValidator('stable')
  client = await connect({
    variant: 'stable',
    transport: stdio({ command: bin, args: ['app-server'], env: { ...process.env, CODEX_HOME: home.path, RUST_LOG: 'warn' } }),
    validator,
    timeoutMs: 30_000,
  })
  errors = collectErrors(client)
  client.on('stderr', (line) => stderr.push(line))
}, 300_000)

afterAll(async () => {
  await client?.close()
  home.remove()
  work.remove()
})

describe('the client against codex 0.169.0 over stdio', () => {
  test('initializes', async () => {
    const result = await client.initialize({ clientInfo: { name: 'client-test', version: '1.0.0' } })
    expect(result.userAgent).toMatch(/^client-test\/0\.169\.0 /)
    expect(result.codexHome).toBe(home.path)
  })

  test('serves the offline methods, streamed command output and thread/start', async () => {
    await offlineFlow(client, work.path)
  })

  test('a request codex refuses rejects with its code', async () => {
    await expect(client.request('fs/readFile', { path: `${work.path}/missing` })).rejects.toMatchObject({ name: 'ResponseError', code: -32603, method: 'fs/readFile' })
  })

  test('every message received validated against the stable schemas', () => {
    expect(validator.problems).toEqual([])
    expect(errors).toEqual([])
    expect(validator.receivedCount).toBeGreaterThan(10)
  })

  test('closing ends codex', async () => {
    const closed = new Promise((resolve) => client.on('closed', resolve))
    await client.close()
    expect(await closed).toMatchObject({ requested: true })
    expect(client.isClosed).toBe(true)
  })
})
