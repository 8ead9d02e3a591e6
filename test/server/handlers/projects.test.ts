// project/*: a real projects.json in the server's home, codex's rules and errors (as recorded in
// fixtures/codex-0.169.0/methods/workspace.json), notifications, and what survives a restart.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventually, rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let home: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'project-handlers-'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(home, { recursive: true, force: true })
})

async function restart(): Promise<void> {
  client.close()
  await server.close()
  server = new TestServer(home)
  client = server.connect()
}

const create = (name: string, key: string, roots = ['/work/a']) =>
  client.call('project/create', { name, roots: roots.map((path) => ({ path })), idempotencyKey: key }).then(({ project }) => project)
const names = async (params = {}) => (await client.call('project/list', params)).data.map((project) => project.name)
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('project/create and project/read', () => {
  it('creates projects at the end of the ordering and announces each', async () => {
    const alpha = await client.call('project/create', { name: 'Alpha', roots: [{ path: '/work/a' }], metadata: { color: 'red' }, idempotencyKey: 'k1' })
    expect(alpha.project).toMatchObject({ name: 'Alpha', roots: [{ path: '/work/a' }], metadata: { color: 'red' }, recencyAt: null })
    // codex 0.171.0 answers without Project.position; the order shows in project/list.
    expect('position' in alpha.project).toBe(false)
    expect(alpha.project.createdAt).toBe(alpha.project.updatedAt)
    const beta = await create('Beta', 'k2', [])
    expect(await names()).toEqual(['Alpha', 'Beta'])
    await settle()
    expect(client.read()).toEqual([
      { method: 'project/changed', params: { projectId: alpha.project.id, changeType: 'created' } },
      { method: 'project/changed', params: { projectId: beta.id, changeType: 'created' } },
    ])
    expect(await client.call('project/read', { projectId: beta.id })).toEqual({ project: beta })
  })

  it('answers a repeated idempotency key with the first project, without a second one', async () => {
    const first = await create('Alpha', 'k1')
    await settle()
    client.read()
    expect(await create('Other name', 'k1')).toEqual(first)
    await settle()
    expect(client.read()).toEqual([])
    expect(await names()).toEqual(['Alpha'])
  })

  it('refuses bad input with codex errors and writes nothing', async () => {
    expect(await rpcErrorOf(create('  ', 'k1'))).toEqual({ code: -32602, message: 'project name must not be empty' })
    expect(await rpcErrorOf(create('A', ''))).toEqual({ code: -32602, message: 'idempotencyKey must not be empty' })
    expect(await rpcErrorOf(create('A', 'k1', ['/x', '/x']))).toEqual({ code: -32602, message: 'duplicate project root: /x' })
    expect(await rpcErrorOf(client.call('project/read', { projectId: 'nope' }))).toEqual({ code: -32602, message: 'project not found: nope' })
    expect(await names()).toEqual([])
  })
})

describe('project/update, project/move and project/delete', () => {
  it('changes only what is named and announces real changes only', async () => {
    const alpha = await create('Alpha', 'k1')
    await settle()
    client.read()
    const { project } = await client.call('project/update', { projectId: alpha.id, name: 'Renamed', metadata: { color: 'blue' } })
    expect(project).toMatchObject({ name: 'Renamed', roots: alpha.roots, metadata: { color: 'blue' } })
    expect((await client.call('project/update', { projectId: alpha.id })).project).toEqual(project)
    await settle()
    expect(client.read()).toEqual([{ method: 'project/changed', params: { projectId: alpha.id, changeType: 'updated' } }])
    expect(await rpcErrorOf(client.call('project/update', { projectId: alpha.id, name: '' }))).toEqual({ code: -32602, message: 'project name must not be empty' })
    expect((await client.call('project/read', { projectId: alpha.id })).project.name).toBe('Renamed')
  })

  it('moves a project before another or to the end, numbering positions again', async () => {
    const [a, b, c] = [await create('A', 'k1'), await create('B', 'k2'), await create('C', 'k3')]
    await client.call('project/move', { projectId: c.id, beforeProjectId: a.id })
    expect(await names()).toEqual(['C', 'A', 'B'])
    await client.call('project/move', { projectId: c.id })
    expect(await names()).toEqual(['A', 'B', 'C'])
    expect(await rpcErrorOf(client.call('project/move', { projectId: b.id, beforeProjectId: b.id }))).toEqual({ code: -32602, message: `project ${b.id} cannot be moved before itself` })
    expect(await rpcErrorOf(client.call('project/move', { projectId: b.id, beforeProjectId: 'nope' }))).toEqual({ code: -32602, message: 'before project not found: nope' })
  })

  it('deletes a project, keeping the others in place', async () => {
    const [a, b] = [await create('A', 'k1'), await create('B', 'k2')]
    await client.call('project/delete', { projectId: a.id })
    expect((await client.call('project/list', {})).data).toEqual([b])
    expect(await rpcErrorOf(client.call('project/delete', { projectId: a.id }))).toEqual({ code: -32602, message: `project not found: ${a.id}` })
    await create('C', 'k3')
    expect(await names()).toEqual(['B', 'C'])
  })
})

describe('project/list', () => {
  it('pages with a cursor and sorts by position or recency', async () => {
    for (const name of ['A', 'B', 'C']) await create(name, name)
    const first = await client.call('project/list', { limit: 0 })
    expect(first.data.map((project) => project.name)).toEqual(['A'])
    expect(first.nextCursor).toBe(`0|${first.data[0]!.id}`)
    const rest = await client.call('project/list', { cursor: first.nextCursor!, limit: 5 })
    expect(rest.data.map((project) => project.name)).toEqual(['B', 'C'])
    expect(rest.nextCursor).toBeNull()
    expect(await names({ sortKey: 'recencyAt' })).toEqual(['C', 'B', 'A'])
    expect(await names({ sortKey: 'position', sortDirection: 'desc' })).toEqual(['C', 'B', 'A'])
    expect(await rpcErrorOf(client.call('project/list', { sortDirection: 'desc' }))).toEqual({ code: -32602, message: 'sortDirection requires sortKey' })
    expect(await rpcErrorOf(client.call('project/list', { cursor: 'garbage' }))).toEqual({ code: -32602, message: 'invalid project cursor: malformed or mismatched sort anchor' })
  })
})

describe('project/import', () => {
  it('refuses unknown threads before creating anything', async () => {
    const request = { name: 'Imported', roots: [{ path: '/w' }], threads: ['00000000-0000-0000-0000-000000000001'], idempotencyKey: 'k' }
    expect(await rpcErrorOf(client.call('project/import', request))).toEqual({ code: -32602, message: 'thread not found: 00000000-0000-0000-0000-000000000001' })
    expect(await names()).toEqual([])
  })

  it('refuses a thread that is started but not yet written, as codex does', async () => {
    const { thread } = await client.call('thread/start', { cwd: home })
    const request = { name: 'Imported', roots: [{ path: home }], threads: [thread.id], idempotencyKey: 'k' }
    expect(await rpcErrorOf(client.call('project/import', request))).toEqual({ code: -32602, message: `thread not found: ${thread.id}` })
  })

  it('moves stored threads into the new project, announced and kept in their history', async () => {
    const { thread } = await client.call('thread/start', { cwd: home })
    await client.call('turn/start', { threadId: thread.id, input: [{ type: 'text', text: 'hello', text_elements: [] }] })
    await eventually(() => client.unread.find((note) => note.method === 'turn/completed'))
    client.read()
    const { project } = await client.call('project/import', { name: 'Imported', roots: [{ path: home }], threads: [thread.id], idempotencyKey: 'k' })
    await settle()
    expect(client.read().filter((note) => note.method.includes('project'))).toEqual([
      { method: 'thread/project/updated', params: { threadId: thread.id, projectId: project.id } },
      { method: 'project/changed', params: { projectId: project.id, changeType: 'created' } },
    ])
    expect((await client.call('thread/read', { threadId: thread.id })).thread.projectId).toBe(project.id)
    expect((await client.call('project/read', { projectId: project.id })).project.recencyAt).toBe(thread.recencyAt)
    await restart()
    expect((await client.call('thread/read', { threadId: thread.id })).thread.projectId).toBe(project.id)
  })
})

describe('durability', () => {
  it('keeps projects, their order and idempotency keys across a restart', async () => {
    const [a, b] = [await create('A', 'k1'), await create('B', 'k2')]
    await client.call('project/move', { projectId: b.id, beforeProjectId: a.id })
    const before = await client.call('project/list', {})
    await restart()
    expect(await client.call('project/list', {})).toEqual(before)
    expect((await create('again', 'k1')).id).toBe(a.id)
  })

  it('leaves a damaged projects.json as it is and says which file is wrong', async () => {
    const file = join(home, 'projects.json')
    await writeFile(file, '{"projects": [{"id": 1}], "idempotencyKeys": {}}')
    const error = await rpcErrorOf(create('A', 'k1'))
    expect(error.code).toBe(-32603)
    expect(error.message).toContain(`${file} cannot be read, so it was left as it is: projects[0]:`)
    expect(await readFile(file, 'utf8')).toBe('{"projects": [{"id": 1}], "idempotencyKeys": {}}')
  })
})
