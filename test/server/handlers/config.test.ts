// config/read, config/value/write and config/batchWrite on a real config.toml: result shapes,
// versions, codex's errors, atomic writes and concurrent writers.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection
let configPath: string

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'config-handlers-'))
  configPath = join(home, 'config.toml')
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

// sha256 of `{}` and of `{"features":{"foo":true},"model":"gpt-5","zeta":1}`, as codex reports them.
const EMPTY_VERSION = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
const CODEX_SAMPLE_VERSION = 'sha256:60d7468c7c47f6c98c92ee69a35199c3b359a2cc53467c670e614100357d8c5f'
const userLayer = () => ({ type: 'user', file: configPath, profile: null })

describe('config/read', () => {
  it('reads a missing file as an empty configuration', async () => {
    expect(await client.call('config/read', {})).toEqual({ config: {}, origins: {} })
    expect(await client.call('config/read', { includeLayers: true })).toEqual({
      config: {},
      origins: {},
      layers: [{ name: userLayer(), version: EMPTY_VERSION, config: {} }],
    })
  })

  it('reports the origin of every leaf value', async () => {
    await writeFile(configPath, 'model = "m"\ntbls = [{ n = 1 }]\n\n[a.b]\nc = [1, 2]\n[h]\n')
    const { origins, config } = await client.call('config/read', { cwd: '/anywhere' })
    expect(config).toEqual({ model: 'm', tbls: [{ n: 1 }], a: { b: { c: [1, 2] } }, h: {} })
    expect(Object.keys(origins)).toEqual(['model', 'tbls.0.n', 'a.b.c.0', 'a.b.c.1'])
    expect(origins.model).toEqual({ name: userLayer(), version: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) })
  })

  // Codes and messages as codex 0.169.0 answers them for the same file.
  it('answers a file that is not TOML with where it is broken, on read and on write', async () => {
    await writeFile(configPath, 'model = \n')
    const reason = `${configPath}:1:9: string values must be quoted, expected literal string`
    expect(await rpcErrorOf(client.call('config/read', {}))).toEqual({ code: -32603, message: `failed to read configuration layers: ${reason}` })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'a', value: 1, mergeStrategy: 'replace' })))
      .toEqual({ code: -32603, message: `failed to load configuration: ${reason}` })
    expect(await rpcErrorOf(client.call('config/batchWrite', { edits: [{ keyPath: 'a', value: 1, mergeStrategy: 'replace' }] })))
      .toEqual({ code: -32603, message: `failed to load configuration: ${reason}` })
    expect(await rpcErrorOf(client.call('configRequirements/read', undefined))).toEqual({ code: -32603, message: `failed to read configuration layers: ${reason}` })
    expect(await readFile(configPath, 'utf8')).toBe('model = \n')
  })
})

describe('config writes', () => {
  it('writes values as codex does and versions the configuration, not the file', async () => {
    const result = await client.call('config/batchWrite', {
      edits: [
        { keyPath: 'zeta', value: 1, mergeStrategy: 'replace' },
        { keyPath: 'model', value: 'gpt-5', mergeStrategy: 'replace' },
        { keyPath: 'features.foo', value: true, mergeStrategy: 'upsert' },
      ],
    })
    expect(result).toEqual({ status: 'ok', version: CODEX_SAMPLE_VERSION, filePath: configPath, overriddenMetadata: null })
    expect(await readFile(configPath, 'utf8')).toBe('zeta = 1\nmodel = "gpt-5"\n\n[features]\nfoo = true\n')
    const read = await client.call('config/read', { includeLayers: true })
    expect(read.layers?.[0]?.version).toBe(CODEX_SAMPLE_VERSION)
    // An empty batch changes nothing.
    expect((await client.call('config/batchWrite', { edits: [] })).version).toBe(CODEX_SAMPLE_VERSION)
  })

  it('replaces, merges tables on upsert, and removes keys written as null', async () => {
    const write = (keyPath: string, value: unknown, mergeStrategy: 'replace' | 'upsert' = 'replace') =>
      client.call('config/value/write', { keyPath, value: value as never, mergeStrategy })
    await write('a', { b: { c: 1, d: 2 }, e: 3 })
    await write('a', { b: { c: 9 }, f: 4 }, 'upsert')
    expect((await client.call('config/read', {})).config).toEqual({ a: { b: { c: 9, d: 2 }, e: 3, f: 4 } })
    await write('a', { only: 1 })
    await write('a.only', null)
    await write('missing.key', null)
    await write('"dotted.name".x', 'v')
    expect((await client.call('config/read', {})).config).toEqual({ a: {}, 'dotted.name': { x: 'v' } })
  })

  it('refuses bad key paths, nulls in arrays and writes through a value', async () => {
    const error = (message: string) => ({ code: -32600, message, data: { config_write_error_code: 'configValidationError' } })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: '', value: 5, mergeStrategy: 'replace' }))).toEqual(error('keyPath must not be empty'))
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'a..b', value: 5, mergeStrategy: 'replace' }))).toEqual(error('keyPath segments must not be empty'))
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'arr', value: [1, null], mergeStrategy: 'replace' })))
      .toEqual(error('invalid value: invalid type: null, expected any valid TOML value'))
    await client.call('config/value/write', { keyPath: 'zeta', value: 1, mergeStrategy: 'replace' })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'zeta.sub', value: 5, mergeStrategy: 'replace' }))).toEqual(error('cannot set value on non-table parent'))
  })

  it('applies a batch all or nothing', async () => {
    expect(await rpcErrorOf(client.call('config/batchWrite', {
      edits: [{ keyPath: 'ok', value: 1, mergeStrategy: 'replace' }, { keyPath: '', value: 1, mergeStrategy: 'replace' }],
    }))).toMatchObject({ code: -32600 })
    expect((await client.call('config/read', {})).config).toEqual({})
  })

  it('refuses a stale expectedVersion and accepts the current one', async () => {
    const first = await client.call('config/value/write', { keyPath: 'a', value: 1, mergeStrategy: 'replace' })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'a', value: 2, mergeStrategy: 'replace', expectedVersion: EMPTY_VERSION }))).toEqual({
      code: -32600,
      message: 'Configuration was modified since last read. Fetch latest version and retry.',
      data: { config_write_error_code: 'configVersionConflict' },
    })
    await client.call('config/value/write', { keyPath: 'a', value: 2, mergeStrategy: 'replace', expectedVersion: first.version })
    expect((await client.call('config/read', {})).config).toEqual({ a: 2 })
  })

  it('writes only the user config', async () => {
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'a', value: 1, mergeStrategy: 'replace', filePath: join(home, 'other.toml') }))).toEqual({
      code: -32600,
      message: 'Only writes to the user config are allowed',
      data: { config_write_error_code: 'configLayerReadonly' },
    })
    expect((await client.call('config/value/write', { keyPath: 'a', value: 1, mergeStrategy: 'replace', filePath: configPath })).status).toBe('ok')
  })

  it('loses no write when many clients write at once, and leaves no temporary files', async () => {
    const writers = Array.from({ length: 8 }, () => server.connect())
    await Promise.all(writers.flatMap((writer, w) => Array.from({ length: 5 }, (_, i) =>
      writer.call('config/value/write', { keyPath: `w${w}.k${i}`, value: i, mergeStrategy: 'replace' }))))
    const { config } = await client.call('config/read', {})
    for (let w = 0; w < 8; w++) expect(config[`w${w}`]).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 })
    expect(await readdir(home)).toEqual(['config.toml'])
    for (const writer of writers) writer.close()
  })

  it('keeps values a client wrote across a restart of the server (the file is the state)', async () => {
    await client.call('config/value/write', { keyPath: 'model', value: 'kept', mergeStrategy: 'replace' })
    const later = server.connect()
    expect((await later.call('config/read', {})).config).toEqual({ model: 'kept' })
    later.close()
  })
})

describe('configRequirements/read', () => {
  it('reports no managed requirements, as codex 0.169.0 does with none configured', async () => {
    expect(await client.call('configRequirements/read', undefined)).toEqual({ requirements: null, supportsIndependentSpeedModes: true })
  })
})

describe('configuration values of the wrong type', () => {
  it('are refused on write with codex\'s message, leaving the file as it was', async () => {
    await client.call('config/value/write', { keyPath: 'model', value: 'ok', mergeStrategy: 'replace' })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'model', value: 5, mergeStrategy: 'replace' }))).toEqual({
      code: -32600,
      message: 'Invalid configuration: invalid type: integer `5`, expected a string\nin `model`\n',
      data: { config_write_error_code: 'configValidationError' },
    })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'approval_policy', value: 'sometimes', mergeStrategy: 'replace' })))
      .toMatchObject({ code: -32600, message: expect.stringMatching(/^Invalid configuration: .*sometimes.*\nin `approval_policy`\n$/s) })
    expect(await readFile(configPath, 'utf8')).toBe('model = "ok"\n')
    // Keys the protocol does not describe are kept as they are.
    expect((await client.call('config/value/write', { keyPath: 'custom.anything', value: [1, 'two'], mergeStrategy: 'replace' })).status).toBe('ok')
  })

  it('in a hand-edited file fail reads (-32603) and writes', async () => {
    await writeFile(configPath, 'model = 5\n')
    expect(await rpcErrorOf(client.call('config/read', {}))).toEqual({ code: -32603, message: 'invalid configuration: invalid type: integer `5`, expected a string\nin `model`\n' })
    expect(await rpcErrorOf(client.call('config/value/write', { keyPath: 'zeta', value: 1, mergeStrategy: 'replace' }))).toEqual({
      code: -32600,
      message: 'Invalid configuration: invalid type: integer `5`, expected a string\nin `model`\n',
      data: { config_write_error_code: 'configValidationError' },
    })
  })
})
