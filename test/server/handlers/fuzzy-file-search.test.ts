// fuzzyFileSearch and its sessions over real folders: what matches and how it ranks (as codex
// 0.169.0 ranked the same tree in fixtures/codex-0.169.0/methods/workspace.json), the session
// notifications, codex's errors, cancellation and the end of sessions with their connection.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventually, rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let ws: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fuzzy-search-'))
  ws = join(home, 'ws')
  for (const file of ['README.md', 'src/main.rs', 'src/lib.rs', 'src/readme_helper.ts', 'docs/guide.md', 'node_modules/x/index.js', '.hidden/secret.txt']) {
    await mkdir(dirname(join(ws, file)), { recursive: true })
    await writeFile(join(ws, file), `${file}\n`)
  }
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

const paths = async (query: string, roots = [ws]) => (await client.call('fuzzyFileSearch', { query, roots })).files.map((file) => file.path)

describe('fuzzyFileSearch', () => {
  it('ranks matches in the name first, as codex does, with the matched positions', async () => {
    const { files } = await client.call('fuzzyFileSearch', { query: 'rea', roots: [ws] })
    expect(files.map(({ root, path, match_type, file_name, indices }) => ({ root, path, match_type, file_name, indices }))).toEqual([
      { root: ws, path: 'README.md', match_type: 'file', file_name: 'README.md', indices: [0, 1, 2] },
      { root: ws, path: 'src/readme_helper.ts', match_type: 'file', file_name: 'readme_helper.ts', indices: [4, 5, 6] },
    ])
    expect(files[0]!.score).toBe(files[1]!.score)
    expect(await paths('src')).toEqual(['src', 'src/lib.rs', 'src/main.rs', 'src/readme_helper.ts'])
    expect(await paths('mn')).toEqual(['src/main.rs', 'node_modules/x/index.js'])
    expect(await paths('secret')).toEqual(['.hidden/secret.txt'])
  })

  it('leaves out what git ignores inside a work tree only, and answers at most 50 matches', async () => {
    await writeFile(join(ws, '.gitignore'), 'node_modules\n')
    expect(await paths('index')).toEqual(['node_modules/x/index.js']) // not a work tree: .gitignore does not apply
    const repo = join(home, 'repo')
    await mkdir(join(repo, 'build'), { recursive: true })
    execFileSync('git', ['init', '-q'], { cwd: repo })
    await writeFile(join(repo, '.gitignore'), 'build/\n')
    await writeFile(join(repo, 'build', 'output.bin'), 'x')
    await mkdir(join(repo, 'many'))
    for (let n = 0; n < 120; n++) await writeFile(join(repo, 'many', `zqfile-${String(n).padStart(3, '0')}.txt`), '')
    expect(await paths('output', [repo])).toEqual([])
    expect(await paths('zqfile', [repo])).toHaveLength(50)
    expect(await paths('HEAD', [repo])).toContain('.git/HEAD')
  })

  it('answers no matches for an empty query, missing or relative roots, and none', async () => {
    expect(await paths('')).toEqual([])
    expect(await paths('rea', [join(home, 'missing')])).toEqual([])
    expect(await paths('rea', ['relative/dir'])).toEqual([])
    expect(await paths('rea', [])).toEqual([])
  })

  it('lets a newer search with the same token cancel an older one', async () => {
    const cancelled = client.call('fuzzyFileSearch', { query: 'rea', roots: [ws], cancellationToken: 't' })
    const newer = client.call('fuzzyFileSearch', { query: 'lib', roots: [ws], cancellationToken: 't' })
    expect((await cancelled).files).toEqual([])
    expect((await newer).files.map((file) => file.path)).toEqual(['src/lib.rs'])
  })
})

describe('fuzzyFileSearch sessions', () => {
  const notes = () => eventually(() => {
    const unread = client.unread
    return unread.some((note) => note.method === 'fuzzyFileSearch/sessionCompleted') ? client.read() : undefined
  })

  it('answers each query with sessionUpdated then sessionCompleted', async () => {
    expect(await client.call('fuzzyFileSearch/sessionStart', { sessionId: 's1', roots: [ws] })).toEqual({})
    expect(await notes()).toEqual([
      { method: 'fuzzyFileSearch/sessionUpdated', params: { sessionId: 's1', query: '', files: [] } },
      { method: 'fuzzyFileSearch/sessionCompleted', params: { sessionId: 's1' } },
    ])
    await client.call('fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'lib' })
    const [updated, completed] = await notes()
    expect(updated).toMatchObject({ method: 'fuzzyFileSearch/sessionUpdated', params: { sessionId: 's1', query: 'lib', files: [{ path: 'src/lib.rs', indices: [4, 5, 6] }] } })
    expect(completed).toEqual({ method: 'fuzzyFileSearch/sessionCompleted', params: { sessionId: 's1' } })
  })

  it('gives codex errors for bad sessions and stops idempotently', async () => {
    expect(await rpcErrorOf(client.call('fuzzyFileSearch/sessionStart', { sessionId: '', roots: [ws] }))).toEqual({ code: -32600, message: 'sessionId must not be empty' })
    expect(await rpcErrorOf(client.call('fuzzyFileSearch/sessionStart', { sessionId: 's2', roots: [] })))
      .toEqual({ code: -32603, message: 'failed to start fuzzy file search session: at least one search directory is required' })
    expect(await rpcErrorOf(client.call('fuzzyFileSearch/sessionUpdate', { sessionId: 'nope', query: 'x' }))).toEqual({ code: -32600, message: 'fuzzy file search session not found: nope' })
    await client.call('fuzzyFileSearch/sessionStart', { sessionId: 's1', roots: [ws] })
    expect(await client.call('fuzzyFileSearch/sessionStop', { sessionId: 's1' })).toEqual({})
    expect(await client.call('fuzzyFileSearch/sessionStop', { sessionId: 's1' })).toEqual({})
    expect(await rpcErrorOf(client.call('fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'x' }))).toEqual({ code: -32600, message: 'fuzzy file search session not found: s1' })
  })

  it('keeps sessions apart per connection and ends them with it', async () => {
    const other = server.connect()
    await client.call('fuzzyFileSearch/sessionStart', { sessionId: 's1', roots: [ws] })
    expect(await rpcErrorOf(other.call('fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'x' }))).toMatchObject({ code: -32600 })
    client.close()
    client = server.connect()
    expect(await rpcErrorOf(client.call('fuzzyFileSearch/sessionUpdate', { sessionId: 's1', query: 'x' }))).toMatchObject({ code: -32600 })
    other.close()
  })
})
