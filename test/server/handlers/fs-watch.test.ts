// fs/watch and fs/unwatch with real files: batched fs/changed notifications, paths that do not
// exist yet, per-connection ids, and watches ending with their connection.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FsWatchFamily } from '../../../server/handlers/fs-watch.js'
import { CHANGE_BATCH_MS } from '../../../server/handlers/path-watcher.js'
import { eventually, rpcErrorOf, TestServer, type SentNotification, type TestConnection } from './handler-context.js'

let root: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fs-watch-'))
  server = new TestServer(root)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(root, { recursive: true, force: true })
})

/** Waits for the next fs/changed notification of a watch. */
function nextChange(connection: TestConnection, watchId: string): Promise<string[]> {
  return eventually(() => {
    const index = connection.unread.findIndex((n) => n.method === 'fs/changed' && (n.params as { watchId: string }).watchId === watchId)
    if (index === -1) return undefined
    const [notification] = connection.unread.splice(index, 1) as [SentNotification]
    return (notification.params as { changedPaths: string[] }).changedPaths
  }, 5_000, `fs/changed for ${watchId}`)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, CHANGE_BATCH_MS * 2))

describe('fs/watch', () => {
  it('reports changes of a directory\'s children, batched and sorted', async () => {
    expect(await client.call('fs/watch', { watchId: 'w1', path: root })).toEqual({ path: root })
    await writeFile(join(root, 'b'), '1')
    await writeFile(join(root, 'a'), '1')
    expect(await nextChange(client, 'w1')).toEqual([join(root, 'a'), join(root, 'b')])
  })

  it('does not report changes deeper than direct children', async () => {
    await mkdir(join(root, 'sub'))
    await client.call('fs/watch', { watchId: 'w1', path: root })
    await client.call('fs/watch', { watchId: 'inner', path: join(root, 'sub') })
    await writeFile(join(root, 'sub/deep'), '1')
    expect(await nextChange(client, 'inner')).toEqual([join(root, 'sub/deep')])
    await settle()
    expect(client.unread.filter((n) => (n.params as { watchId: string }).watchId === 'w1')).toEqual([])
  })

  it('reports a watched file by its own path', async () => {
    const file = join(root, 'f.txt')
    await writeFile(file, 'x')
    await client.call('fs/watch', { watchId: 'file', path: file })
    await writeFile(file, 'y')
    expect(await nextChange(client, 'file')).toEqual([file])
  })

  it('waits for a path that does not exist yet, however deep', async () => {
    const target = join(root, 'p/q/r')
    expect(await client.call('fs/watch', { watchId: 'deep', path: target })).toEqual({ path: target })
    await mkdir(join(root, 'p/q'), { recursive: true })
    await writeFile(target, 'now')
    expect(await nextChange(client, 'deep')).toEqual([target])
    await settle()
    client.read()
    await writeFile(target, 'again')
    expect(await nextChange(client, 'deep')).toEqual([target])
  })

  it('follows a directory that is removed and created again', async () => {
    const dir = join(root, 'd')
    await mkdir(dir)
    await writeFile(join(dir, 'x'), '1')
    await client.call('fs/watch', { watchId: 'd', path: dir })
    await rm(dir, { recursive: true })
    expect(await nextChange(client, 'd')).toEqual([dir, join(dir, 'x')])
    await settle()
    client.read()
    await mkdir(dir)
    await settle()
    client.read()
    await writeFile(join(dir, 'again'), '1')
    expect(await nextChange(client, 'd')).toContain(join(dir, 'again'))
  })

  it('refuses an id already in use on the connection, but not on another connection', async () => {
    await client.call('fs/watch', { watchId: 'same', path: root })
    expect(await rpcErrorOf(client.call('fs/watch', { watchId: 'same', path: root })))
      .toEqual({ code: -32600, message: 'watchId already exists: same' })
    const other = server.connect()
    try {
      expect(await other.call('fs/watch', { watchId: 'same', path: root })).toEqual({ path: root })
    } finally {
      other.close()
    }
  })
})

describe('fs/unwatch', () => {
  it('stops notifications and accepts unknown ids', async () => {
    await client.call('fs/watch', { watchId: 'w', path: root })
    expect(await client.call('fs/unwatch', { watchId: 'w' })).toEqual({})
    expect(await client.call('fs/unwatch', { watchId: 'w' })).toEqual({})
    expect(await client.call('fs/unwatch', { watchId: 'never' })).toEqual({})
    await writeFile(join(root, 'after'), '1')
    await settle()
    expect(client.unread).toEqual([])
    // The id is free again.
    expect(await client.call('fs/watch', { watchId: 'w', path: root })).toEqual({ path: root })
  })
})

it('ends every watch of a connection when it closes', async () => {
  const connection = server.connect()
  await connection.call('fs/watch', { watchId: 'a', path: root })
  await connection.call('fs/watch', { watchId: 'b', path: join(root, 'later') })
  expect(server.family(FsWatchFamily).watchCount(connection.id)).toBe(2)
  connection.close()
  expect(server.family(FsWatchFamily).watchCount(connection.id)).toBe(0)
  await writeFile(join(root, 'later'), '1')
  await settle()
  expect(connection.unread).toEqual([])
})
