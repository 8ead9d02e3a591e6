// fs/* handlers on real files in a temporary folder; error texts as codex 0.169.0 answers them.
import { mkdtemp, mkdir, readFile, readlink, rm, stat, symlink, writeFile, lstat } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let root: string
let server: TestServer
let client: TestConnection

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fs-handlers-'))
  server = new TestServer(root)
  client = server.connect()
  await mkdir(join(root, 'dir/sub'), { recursive: true })
  await writeFile(join(root, 'a.txt'), 'hello\n')
  await writeFile(join(root, 'dir/sub/y'), 'y')
  await symlink('a.txt', join(root, 'link'))
  await symlink('nowhere', join(root, 'dangling'))
})

afterEach(async () => {
  client.close()
  await server.close()
  await rm(root, { recursive: true, force: true })
})

const noEntry = { code: -32603, message: 'No such file or directory (os error 2)' }

describe('fs/readFile', () => {
  it('returns the bytes as base64, following links', async () => {
    expect(await client.call('fs/readFile', { path: join(root, 'a.txt') })).toEqual({ dataBase64: 'aGVsbG8K' })
    expect(await client.call('fs/readFile', { path: join(root, 'link') })).toEqual({ dataBase64: 'aGVsbG8K' })
  })

  it('refuses what is not a regular file and reports a missing one as an OS error', async () => {
    expect(await rpcErrorOf(client.call('fs/readFile', { path: join(root, 'dir') })))
      .toEqual({ code: -32600, message: `path \`${join(root, 'dir')}\` is not a file` })
    expect(await rpcErrorOf(client.call('fs/readFile', { path: join(root, 'missing') }))).toEqual(noEntry)
  })
})

describe('fs/writeFile', () => {
  it('creates or replaces a file with the decoded bytes', async () => {
    const path = join(root, 'b.bin')
    expect(await client.call('fs/writeFile', { path, dataBase64: Buffer.from([0, 255, 1]).toString('base64') })).toEqual({})
    expect([...(await readFile(path))]).toEqual([0, 255, 1])
    await client.call('fs/writeFile', { path, dataBase64: '' })
    expect((await stat(path)).size).toBe(0)
  })

  it('refuses bad base64 with the decoder message and leaves the file alone', async () => {
    expect(await rpcErrorOf(client.call('fs/writeFile', { path: join(root, 'a.txt'), dataBase64: '!!notbase64' })))
      .toEqual({ code: -32600, message: 'fs/writeFile requires valid base64 dataBase64: Invalid symbol 33, offset 0.' })
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('hello\n')
  })

  it('reports OS errors', async () => {
    expect(await rpcErrorOf(client.call('fs/writeFile', { path: join(root, 'nodir/b'), dataBase64: 'aGk=' }))).toEqual(noEntry)
    expect(await rpcErrorOf(client.call('fs/writeFile', { path: join(root, 'dir'), dataBase64: 'aGk=' })))
      .toEqual({ code: -32603, message: 'Is a directory (os error 21)' })
  })
})

describe('fs/createDirectory', () => {
  it('creates parents by default and accepts an existing directory', async () => {
    await client.call('fs/createDirectory', { path: join(root, 'n1/n2') })
    expect((await stat(join(root, 'n1/n2'))).isDirectory()).toBe(true)
    expect(await client.call('fs/createDirectory', { path: join(root, 'n1') })).toEqual({})
  })

  it('without recursive, needs the parent and refuses an existing directory', async () => {
    expect(await rpcErrorOf(client.call('fs/createDirectory', { path: join(root, 'm1/m2'), recursive: false }))).toEqual(noEntry)
    expect(await rpcErrorOf(client.call('fs/createDirectory', { path: join(root, 'dir'), recursive: false })))
      .toEqual({ code: -32603, message: 'File exists (os error 17)' })
  })

  it('refuses an existing file and a path through a file', async () => {
    expect(await rpcErrorOf(client.call('fs/createDirectory', { path: join(root, 'a.txt') })))
      .toEqual({ code: -32603, message: 'File exists (os error 17)' })
    expect(await rpcErrorOf(client.call('fs/createDirectory', { path: join(root, 'a.txt/x') })))
      .toEqual({ code: -32603, message: 'Not a directory (os error 20)' })
  })
})

describe('fs/getMetadata', () => {
  it('describes files, directories and links (by what they point to)', async () => {
    const file = await client.call('fs/getMetadata', { path: join(root, 'a.txt') })
    expect(file).toMatchObject({ isDirectory: false, isFile: true, isSymlink: false })
    expect(file.modifiedAtMs).toBe(Math.floor((await stat(join(root, 'a.txt'))).mtimeMs))
    expect(Number.isInteger(file.createdAtMs)).toBe(true)
    expect(await client.call('fs/getMetadata', { path: join(root, 'link') })).toMatchObject({ isFile: true, isSymlink: true })
    expect(await client.call('fs/getMetadata', { path: join(root, 'dir') })).toMatchObject({ isDirectory: true, isFile: false })
  })

  it('reports a missing path and a dangling link as missing', async () => {
    expect(await rpcErrorOf(client.call('fs/getMetadata', { path: join(root, 'missing') }))).toEqual(noEntry)
    expect(await rpcErrorOf(client.call('fs/getMetadata', { path: join(root, 'dangling') }))).toEqual(noEntry)
  })
})

describe('fs/readDirectory', () => {
  it('lists direct children by what they resolve to, leaving dangling links out', async () => {
    const { entries } = await client.call('fs/readDirectory', { path: root })
    expect(entries.sort((a, b) => a.fileName.localeCompare(b.fileName))).toEqual([
      { fileName: 'a.txt', isDirectory: false, isFile: true },
      { fileName: 'dir', isDirectory: true, isFile: false },
      { fileName: 'link', isDirectory: false, isFile: true },
    ])
  })

  it('reports special files as neither file nor directory', async () => {
    execFileSync('mkfifo', [join(root, 'dir/fifo')])
    const { entries } = await client.call('fs/readDirectory', { path: join(root, 'dir') })
    expect(entries).toContainEqual({ fileName: 'fifo', isDirectory: false, isFile: false })
  })

  it('reports OS errors', async () => {
    expect(await rpcErrorOf(client.call('fs/readDirectory', { path: join(root, 'a.txt') })))
      .toEqual({ code: -32603, message: 'Not a directory (os error 20)' })
    expect(await rpcErrorOf(client.call('fs/readDirectory', { path: join(root, 'missing') }))).toEqual(noEntry)
  })
})

describe('fs/remove', () => {
  it('removes trees by default and ignores missing paths unless force is false', async () => {
    expect(await client.call('fs/remove', { path: join(root, 'dir') })).toEqual({})
    await expect(stat(join(root, 'dir'))).rejects.toThrow()
    expect(await client.call('fs/remove', { path: join(root, 'missing') })).toEqual({})
    expect(await rpcErrorOf(client.call('fs/remove', { path: join(root, 'missing'), force: false }))).toEqual(noEntry)
  })

  it('without recursive, removes files and empty directories only', async () => {
    expect(await rpcErrorOf(client.call('fs/remove', { path: join(root, 'dir'), recursive: false })))
      .toEqual({ code: -32603, message: 'Directory not empty (os error 39)' })
    await client.call('fs/remove', { path: join(root, 'dir/sub/y'), recursive: false })
    await client.call('fs/remove', { path: join(root, 'dir/sub'), recursive: false })
    await expect(stat(join(root, 'dir/sub'))).rejects.toThrow()
  })

  it('removes a link to a directory, not the directory', async () => {
    await symlink(join(root, 'dir'), join(root, 'dirlink'))
    await client.call('fs/remove', { path: join(root, 'dirlink') })
    await expect(lstat(join(root, 'dirlink'))).rejects.toThrow()
    expect(await readFile(join(root, 'dir/sub/y'), 'utf8')).toBe('y')
  })
})

describe('fs/copy', () => {
  it('copies files, overwriting the destination', async () => {
    await writeFile(join(root, 'c.txt'), 'old')
    expect(await client.call('fs/copy', { sourcePath: join(root, 'a.txt'), destinationPath: join(root, 'c.txt') })).toEqual({})
    expect(await readFile(join(root, 'c.txt'), 'utf8')).toBe('hello\n')
  })

  it('keeps the content when a file is copied onto itself', async () => {
    await client.call('fs/copy', { sourcePath: join(root, 'a.txt'), destinationPath: join(root, 'a.txt') })
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('hello\n')
  })

  it('copies directories only with recursive, merging into an existing destination', async () => {
    const from = join(root, 'dir')
    const to = join(root, 'dir2')
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: from, destinationPath: to })))
      .toEqual({ code: -32600, message: 'fs/copy requires recursive: true when sourcePath is a directory' })
    await symlink('../a.txt', join(from, 'lnk'))
    await client.call('fs/copy', { sourcePath: from, destinationPath: to, recursive: true })
    await writeFile(join(from, 'sub/z'), 'z')
    await rm(join(to, 'lnk'))
    await client.call('fs/copy', { sourcePath: from, destinationPath: to, recursive: true })
    expect(await readFile(join(to, 'sub/y'), 'utf8')).toBe('y')
    expect(await readFile(join(to, 'sub/z'), 'utf8')).toBe('z')
    expect(await readlink(join(to, 'lnk'))).toBe('../a.txt')
  })

  it('refuses to copy a directory into itself', async () => {
    for (const destinationPath of [join(root, 'dir'), join(root, 'dir/inside')]) {
      expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'dir'), destinationPath, recursive: true })))
        .toEqual({ code: -32600, message: 'fs/copy cannot copy a directory to itself or one of its descendants' })
    }
    // A sibling whose name starts with the source's name is not inside it.
    await client.call('fs/copy', { sourcePath: join(root, 'dir'), destinationPath: join(root, 'dir-copy'), recursive: true })
    expect(await readFile(join(root, 'dir-copy/sub/y'), 'utf8')).toBe('y')
  })

  it('copies a link as a link', async () => {
    await client.call('fs/copy', { sourcePath: join(root, 'link'), destinationPath: join(root, 'link2') })
    expect(await readlink(join(root, 'link2'))).toBe('a.txt')
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'link'), destinationPath: join(root, 'link2') })))
      .toEqual({ code: -32603, message: 'File exists (os error 17)' })
  })

  it('refuses special files and reports OS errors', async () => {
    execFileSync('mkfifo', [join(root, 'fifo')])
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'fifo'), destinationPath: join(root, 'fifo2') })))
      .toEqual({ code: -32600, message: 'fs/copy only supports regular files, directories, and symlinks' })
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'missing'), destinationPath: join(root, 'z') }))).toEqual(noEntry)
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'a.txt'), destinationPath: join(root, 'dir') })))
      .toEqual({ code: -32603, message: 'Is a directory (os error 21)' })
    expect(await rpcErrorOf(client.call('fs/copy', { sourcePath: join(root, 'dir'), destinationPath: join(root, 'a.txt'), recursive: true })))
      .toEqual({ code: -32603, message: 'File exists (os error 17)' })
  })
})
