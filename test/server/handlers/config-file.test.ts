// config.toml as the user's file: writes keep the user's comments and layout, a broken file is
// reported as codex reports it and never overwritten, no write leaves an unreadable file,
// temporary files of interrupted writes are cleaned up, and concurrent writers lose no update.
import { spawnSync } from 'node:child_process'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection
let configPath: string

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'config-file-'))
  configPath = join(home, 'config.toml')
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

const write = (keyPath: string, value: unknown, extra: { expectedVersion?: string } = {}) =>
  client.call('config/value/write', { keyPath, value: value as never, mergeStrategy: 'replace', ...extra })
const validationError = (message: string) => ({ code: -32600, message, data: { config_write_error_code: 'configValidationError' } })

const COMMENTED = [
  '# Top comment about the whole file',
  '',
  '# Model chosen by hand',
  'model   =   "gpt-5"   # trailing note',
  'approval_policy="on-request"',
  '',
  'tags = [ "a",  "b" ]  # spaced array',
  'point = { x = 1,   y = 2 }',
  '',
  '[features]',
  '# keep this',
  'foo = true',
  '',
  '[untouched.table]',
  '# nothing here changes',
  "  indented  = 'literal'   # odd spacing",
  'list = [',
  '  1,  # one',
  '  2,',
  ']',
  '',
  '[profiles.work]',
  'model = "o3"',
  '',
].join('\n')

describe('writes into a commented config', () => {
  it('change only what they name: every comment and untouched line stays byte for byte', async () => {
    await writeFile(configPath, COMMENTED)
    await write('model', 'gpt-5.1')
    await client.call('config/batchWrite', {
      edits: [
        { keyPath: 'features.bar', value: false, mergeStrategy: 'replace' },
        { keyPath: 'point.y', value: 5, mergeStrategy: 'replace' },
        { keyPath: 'tags', value: ['c'], mergeStrategy: 'replace' },
        { keyPath: 'zeta', value: 7, mergeStrategy: 'upsert' },
        { keyPath: 'newtab', value: { k: 1, sub: { z: 'q' } }, mergeStrategy: 'replace' },
      ],
    })
    const text = await readFile(configPath, 'utf8')
    expect(text).toBe([
      '# Top comment about the whole file',
      '',
      '# Model chosen by hand',
      'model   =   "gpt-5.1"   # trailing note',
      'approval_policy="on-request"',
      '',
      'tags = [ "c" ]  # spaced array',
      'point = { x = 1,   y = 5 }',
      'zeta = 7',
      '',
      '[features]',
      '# keep this',
      'foo = true',
      'bar = false',
      '',
      '[untouched.table]',
      '# nothing here changes',
      "  indented  = 'literal'   # odd spacing",
      'list = [',
      '  1,  # one',
      '  2,',
      ']',
      '',
      '[profiles.work]',
      'model = "o3"',
      '',
      '[newtab]',
      'k = 1',
      '',
      '[newtab.sub]',
      'z = "q"',
      '',
    ].join('\n'))
    // Said another way: the lines the edits did not name appear unchanged and in their order.
    const edited = new Set(['model   =   "gpt-5"   # trailing note', 'tags = [ "a",  "b" ]  # spaced array', 'point = { x = 1,   y = 2 }'])
    let at = 0
    const lines = text.split('\n')
    for (const line of COMMENTED.split('\n').filter((line) => !edited.has(line))) {
      at = lines.indexOf(line, at)
      expect(at, `line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0)
      at++
    }
    expect((await client.call('config/read', {})).config).toMatchObject({ model: 'gpt-5.1', point: { x: 1, y: 5 }, newtab: { k: 1, sub: { z: 'q' } } })
  })

  it('remove a key with its own line and comment, and nothing else', async () => {
    await writeFile(configPath, COMMENTED)
    await write('approval_policy', null)
    await write('untouched.table.list', null)
    expect(await readFile(configPath, 'utf8')).toBe(COMMENTED
      .replace('approval_policy="on-request"\n', '')
      .replace('list = [\n  1,  # one\n  2,\n]\n', ''))
  })

  it('keep CRLF line ends and a file without a final newline', async () => {
    await writeFile(configPath, '# c\r\nmodel = "a"\r\n')
    await write('zeta', 1)
    expect(await readFile(configPath, 'utf8')).toBe('# c\r\nmodel = "a"\r\nzeta = 1\r\n')
    await writeFile(configPath, 'model = "a" # no newline')
    await write('model', 'b')
    expect(await readFile(configPath, 'utf8')).toBe('model = "b" # no newline')
  })

  it('add arrays of tables, new or over a value of another type', async () => {
    await writeFile(configPath, '# c\n[t]\nx = 1\n')
    await write('servers', [{ name: 'a' }, { name: 'b', args: ['-v'] }])
    await write('t.x', [{ n: 1 }])
    expect((await client.call('config/read', {})).config).toEqual({ servers: [{ name: 'a' }, { name: 'b', args: ['-v'] }], t: { x: [{ n: 1 }] } })
    expect(await readFile(configPath, 'utf8')).toMatch(/^# c\n/)
  })
})

describe('the file itself', () => {
  it('keeps its permissions, and a link stays a link to the file it names', async () => {
    await writeFile(configPath, 'model = "a"\n')
    await chmod(configPath, 0o640)
    await write('model', 'b')
    expect((await stat(configPath)).mode & 0o777).toBe(0o640)
    await rm(configPath)
    await mkdir(join(home, 'dotfiles'))
    const target = join(home, 'dotfiles', 'codex.toml')
    await writeFile(target, '# from my dotfiles\nmodel = "a"\n')
    await symlink(target, configPath)
    await write('model', 'c')
    expect((await lstat(configPath)).isSymbolicLink()).toBe(true)
    expect(await readFile(target, 'utf8')).toBe('# from my dotfiles\nmodel = "c"\n')
    expect(await readdir(join(home, 'dotfiles'))).toEqual(['codex.toml'])
  })

  it('is created readable by its owner only', async () => {
    await write('model', 'a')
    expect((await stat(configPath)).mode & 0o777).toBe(0o600)
  })
})

describe('a config.toml that does not parse', () => {
  // Messages as codex 0.169.0 answers config/read for each file (observed over stdio).
  it.each([
    ['model = \n', '1:9: string values must be quoted, expected literal string'],
    ['a = 1\na = 2\n', '2:1: duplicate key'],
    ['[t]\n[t]\n', '2:2: duplicate key'],
    ['a = "x\n', '1:7: invalid basic string, expected `"`'],
    ['x = { a = 1 }\n[x.b]\n', '2:2: cannot extend value of type inline table with a dotted key'],
    ['a = 012\n', '1:5: unexpected leading zero, expected nothing'],
    ['a = [1 2]\n', '1:6: string values must be quoted, expected literal string'],
    ['# ok\n\n[tbl\n', '3:5: unclosed table, expected `]`'],
    ['k = 1 2\n', '1:5: string values must be quoted, expected literal string'],
  ])('%j is reported as codex reports it and left byte for byte as it was', async (text, reason) => {
    await writeFile(configPath, text)
    const where = `${configPath}:${reason}`
    expect(await rpcErrorOf(client.call('config/read', { includeLayers: true }))).toEqual({ code: -32603, message: `failed to read configuration layers: ${where}` })
    expect(await rpcErrorOf(write('a', 1))).toEqual({ code: -32603, message: `failed to load configuration: ${where}` })
    expect(await rpcErrorOf(client.call('config/batchWrite', { edits: [{ keyPath: 'model', value: 'm', mergeStrategy: 'upsert' }] })))
      .toEqual({ code: -32603, message: `failed to load configuration: ${where}` })
    expect(await rpcErrorOf(write('a', null))).toEqual({ code: -32603, message: `failed to load configuration: ${where}` })
    expect(await readFile(configPath, 'utf8')).toBe(text)
    expect(await readdir(home)).toEqual(['config.toml'])
  })
})

describe('values a TOML file cannot store', () => {
  it('lone surrogates in key paths are refused and leave the config readable', async () => {
    await writeFile(configPath, 'model = "m" # mine\n')
    const refused = validationError('invalid keyPath: it holds a lone UTF-16 surrogate (U+D800), which a TOML file cannot store')
    expect(await rpcErrorOf(write('\ud800', 1))).toEqual(refused)
    expect(await rpcErrorOf(write('\udc00', 1))).toEqual({ ...refused, message: refused.message.replace('D800', 'DC00') })
    expect(await rpcErrorOf(write('a."\\ud800"', 1))).toEqual(refused)
    expect(await rpcErrorOf(write('a.x\ud800', 1))).toEqual(refused)
    expect(await readFile(configPath, 'utf8')).toBe('model = "m" # mine\n')
    expect((await client.call('config/read', {})).config).toEqual({ model: 'm' })
    expect((await write('zeta', 1)).status).toBe('ok')
  })

  it('lone surrogates in values and their keys are refused; a whole pair is written', async () => {
    expect(await rpcErrorOf(write('a', 'x\ud800y')))
      .toEqual(validationError('invalid value: a string in the value of `a` holds a lone UTF-16 surrogate (U+D800), which a TOML file cannot store'))
    expect(await rpcErrorOf(client.call('config/batchWrite', {
      edits: [{ keyPath: 'ok', value: 1, mergeStrategy: 'replace' }, { keyPath: 'b', value: { '\udc00': 1 }, mergeStrategy: 'replace' }],
    }))).toEqual(validationError('invalid value: a key in the value of `b` holds a lone UTF-16 surrogate (U+DC00), which a TOML file cannot store'))
    expect(await rpcErrorOf(write('c', [['\udfff']]))).toMatchObject({ code: -32600 })
    expect(await readdir(home)).toEqual([])
    expect((await write('"😀"', '😀')).status).toBe('ok')
    expect(await readFile(configPath, 'utf8')).toBe('"😀" = "😀"\n')
    expect((await client.call('config/read', {})).config).toEqual({ '😀': '😀' })
  })
})

describe('temporary files', () => {
  it('left by writes of processes that are gone are removed when the store starts', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const stale = [`config.toml.${gone}.0123456789ab.tmp`, `config.toml.${process.pid}.00ff00ff00ff.tmp`]
    // pid 1 runs: its write may be under way. Files not named like ours are not ours.
    const kept = ['config.toml', 'config.toml.1.abcdef.tmp', 'notes.tmp']
    for (const name of [...stale, ...kept]) await writeFile(join(home, name), 'model = "half-writ')
    await writeFile(configPath, 'model = "m"\n')
    expect((await write('zeta', 1)).status).toBe('ok')
    expect((await readdir(home)).sort()).toEqual(kept.sort())
  })

  it('are never left by writes that fail', async () => {
    await write('model', 'm')
    const refusals = [
      write('model', 5),
      write('\ud800', 1),
      write('model', 'n', { expectedVersion: 'sha256:stale' }),
      write('model.sub', 1),
      write('arr', [1, null]),
    ]
    for (const refusal of refusals) expect(await rpcErrorOf(refusal)).toMatchObject({ code: -32600 })
    expect(await readdir(home)).toEqual(['config.toml'])
    expect(await readFile(configPath, 'utf8')).toBe('model = "m"\n')
  })
})

describe('concurrent writers', () => {
  it('with the same expectedVersion: exactly one wins, the others are told to re-read', async () => {
    const { version } = await write('counter', 0)
    const writers = Array.from({ length: 10 }, () => server.connect())
    const results = await Promise.allSettled(writers.map((writer, index) =>
      writer.call('config/value/write', { keyPath: 'counter', value: index + 1, mergeStrategy: 'replace', expectedVersion: version })))
    const won = results.flatMap((result, index) => result.status === 'fulfilled' ? [index + 1] : [])
    expect(won).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ data: { config_write_error_code: 'configVersionConflict' } })
    }
    expect((await client.call('config/read', {})).config).toEqual({ counter: won[0] })
    for (const writer of writers) writer.close()
  })

  it('that read, change and write back with expectedVersion lose no update', async () => {
    await write('counter', 0)
    const increment = async (writer: TestConnection) => {
      for (;;) {
        const read = await writer.call('config/read', { includeLayers: true })
        const next = (read.config as { counter: number }).counter + 1
        try {
          return await writer.call('config/value/write', { keyPath: 'counter', value: next, mergeStrategy: 'replace', expectedVersion: read.layers![0]!.version })
        } catch (error) {
          if ((error as { data?: { config_write_error_code?: string } }).data?.config_write_error_code !== 'configVersionConflict') throw error
        }
      }
    }
    const writers = Array.from({ length: 5 }, () => server.connect())
    await Promise.all(writers.map(async (writer) => {
      for (let i = 0; i < 4; i++) await increment(writer)
    }))
    expect((await client.call('config/read', {})).config).toEqual({ counter: 20 })
    expect(await readdir(home)).toEqual(['config.toml'])
    for (const writer of writers) writer.close()
  })
})
