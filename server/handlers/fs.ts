// fs/*: reads and writes on the host filesystem with absolute paths (already checked and
// normalised by the core). Operating-system failures answer -32603 with the OS message.
import { copyFile, lstat, mkdir, readdir, readFile, readlink, rm, rmdir, stat, symlink, unlink, writeFile } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { Base64Error, decodeBase64Strict } from './base64.js'
import { isSystemError, withOsErrors } from './os-error.js'
import type { HandlerFamily } from './family.js'

/** fs/* file operations: no state of their own. */
export function fsFamily(): HandlerFamily {
  return { name: 'fs', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'fs/readFile': ({ path }) => withOsErrors(async () => {
    if (!(await stat(path)).isFile()) throw new RpcError(ErrorCode.invalidRequest, `path \`${path}\` is not a file`)
    return { dataBase64: (await readFile(path)).toString('base64') }
  }),

  'fs/writeFile': ({ path, dataBase64 }) => withOsErrors(async () => {
    await writeFile(path, decodeOrReject(dataBase64))
    return {}
  }),

  'fs/createDirectory': ({ path, recursive }) => withOsErrors(async () => {
    await mkdir(path, { recursive: recursive ?? true })
    return {}
  }),

  'fs/getMetadata': ({ path }) => withOsErrors(async () => {
    const target = await stat(path, { bigint: true })
    const link = await lstat(path)
    return {
      isDirectory: target.isDirectory(),
      isFile: target.isFile(),
      isSymlink: link.isSymbolicLink(),
      createdAtMs: milliseconds(target.birthtimeNs),
      modifiedAtMs: milliseconds(target.mtimeNs),
    }
  }),

  'fs/readDirectory': ({ path }) => withOsErrors(async () => {
    const names = await readdir(path)
    const entries = await Promise.all(names.map(async (fileName) => {
      // Entries are described by what they resolve to; dangling links are left out.
      const target = await stat(join(path, fileName)).catch(() => undefined)
      return target && { fileName, isDirectory: target.isDirectory(), isFile: target.isFile() }
    }))
    return { entries: entries.filter((entry) => entry !== undefined) }
  }),

  'fs/remove': ({ path, recursive, force }) => withOsErrors(async () => {
    const entry = await lstat(path).catch((error: unknown) => {
      if (isSystemError(error) && error.code === 'ENOENT' && (force ?? true)) return undefined
      throw error
    })
    if (entry === undefined) return {}
    if (!entry.isDirectory()) await unlink(path)
    else if (recursive ?? true) await rm(path, { recursive: true, force: force ?? true })
    else await rmdir(path)
    return {}
  }),

  'fs/copy': ({ sourcePath, destinationPath, recursive }) => withOsErrors(async () => {
    const source = await lstat(sourcePath)
    if (source.isSymbolicLink()) {
      await symlink(await readlink(sourcePath), destinationPath)
      return {}
    }
    if (source.isDirectory()) {
      if (recursive !== true) throw new RpcError(ErrorCode.invalidRequest, 'fs/copy requires recursive: true when sourcePath is a directory')
      if (isSameOrInside(destinationPath, sourcePath)) {
        throw new RpcError(ErrorCode.invalidRequest, 'fs/copy cannot copy a directory to itself or one of its descendants')
      }
      await copyTree(sourcePath, destinationPath)
      return {}
    }
    if (!source.isFile()) throw new RpcError(ErrorCode.invalidRequest, 'fs/copy only supports regular files, directories, and symlinks')
    // Copying a file onto itself leaves it untouched (copyFile sees the same inode).
    await copyFile(sourcePath, destinationPath)
    return {}
  }),
})

function decodeOrReject(dataBase64: string): Buffer {
  try {
    return decodeBase64Strict(dataBase64)
  } catch (error) {
    if (error instanceof Base64Error) {
      throw new RpcError(ErrorCode.invalidRequest, `fs/writeFile requires valid base64 dataBase64: ${error.message}`)
    }
    throw error
  }
}

/** Copies a directory tree into `destination` (merging with what is there); links stay links. */
async function copyTree(source: string, destination: string): Promise<void> {
  await mkdir(destination).catch(async (error: unknown) => {
    if (!(isSystemError(error) && error.code === 'EEXIST' && (await stat(destination)).isDirectory())) throw error
  })
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const from = join(source, entry.name)
    const to = join(destination, entry.name)
    if (entry.isDirectory()) await copyTree(from, to)
    else if (entry.isSymbolicLink()) await symlink(await readlink(from), to)
    else if (entry.isFile()) await copyFile(from, to)
    // Sockets, pipes and devices are skipped, as codex does.
  }
}

function isSameOrInside(path: string, directory: string): boolean {
  const rest = relative(directory, path)
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest))
}

/** Whole milliseconds since the epoch; 0 when the platform does not record the time. */
function milliseconds(nanoseconds: BigIntStats['mtimeNs']): number {
  return nanoseconds > 0n ? Number(nanoseconds / 1_000_000n) : 0
}
