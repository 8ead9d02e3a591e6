// The fs family: reading, writing, copying and removing files and directories on the server host,
// and watching paths for changes. All paths are absolute; file contents travel as base64.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const FsReadFileParams = v2('FsReadFileParams', t.object({
  path: t.describe('Absolute path of the file.', t.ref('AbsolutePathBuf')),
}), 'Parameters of `fs/readFile`, which reads a whole file on the server host.')

export const FsReadFileResponse = v2('FsReadFileResponse', t.object({
  dataBase64: t.describe('The file\'s bytes, base64-encoded.', t.string()),
}), 'Result of `fs/readFile`.')

export const FsWriteFileParams = v2('FsWriteFileParams', t.object({
  path: t.describe('Absolute path of the file to create or replace.', t.ref('AbsolutePathBuf')),
  dataBase64: t.describe('The bytes to write, base64-encoded.', t.string()),
}), 'Parameters of `fs/writeFile`, which writes a whole file on the server host.')

export const FsWriteFileResponse = v2('FsWriteFileResponse', t.object({}), 'Result of `fs/writeFile`; empty on success.')

export const FsCreateDirectoryParams = v2('FsCreateDirectoryParams', t.object({
  path: t.describe('Absolute path of the directory.', t.ref('AbsolutePathBuf')),
  recursive: t.option(t.boolean(), { description: 'Also create missing parent directories (default true).' }),
}), 'Parameters of `fs/createDirectory`.')

export const FsCreateDirectoryResponse = v2('FsCreateDirectoryResponse', t.object({}), 'Result of `fs/createDirectory`; empty on success.')

export const FsGetMetadataParams = v2('FsGetMetadataParams', t.object({
  path: t.describe('Absolute path to look at.', t.ref('AbsolutePathBuf')),
}), 'Parameters of `fs/getMetadata`.')

export const FsGetMetadataResponse = v2('FsGetMetadataResponse', t.object({
  isDirectory: t.describe('True when the path leads to a directory (following symlinks).', t.boolean()),
  isFile: t.describe('True when the path leads to a regular file (following symlinks).', t.boolean()),
  isSymlink: t.describe('True when the path itself is a symbolic link.', t.boolean()),
  createdAtMs: t.describe('Creation time in Unix epoch milliseconds; 0 when the platform does not report it.', t.int('int64')),
  modifiedAtMs: t.describe('Last modification time in Unix epoch milliseconds; 0 when not available.', t.int('int64')),
}), 'Result of `fs/getMetadata`: the kind and timestamps of a path.')

export const FsReadDirectoryParams = v2('FsReadDirectoryParams', t.object({
  path: t.describe('Absolute path of the directory.', t.ref('AbsolutePathBuf')),
}), 'Parameters of `fs/readDirectory`, which lists a directory\'s immediate children.')

export const FsReadDirectoryResponse = v2('FsReadDirectoryResponse', t.object({
  entries: t.describe('The directory\'s immediate children (not recursive).', t.array(t.ref('FsReadDirectoryEntry'))),
}), 'Result of `fs/readDirectory`.')

export const FsRemoveParams = v2('FsRemoveParams', t.object({
  path: t.describe('Absolute path of the file or directory.', t.ref('AbsolutePathBuf')),
  recursive: t.option(t.boolean(), { description: 'Remove a directory with everything in it (default true).' }),
  force: t.option(t.boolean(), { description: 'Succeed when the path does not exist (default true).' }),
}), 'Parameters of `fs/remove`, which deletes a file or directory.')

export const FsRemoveResponse = v2('FsRemoveResponse', t.object({}), 'Result of `fs/remove`; empty on success.')

export const FsCopyParams = v2('FsCopyParams', t.object({
  sourcePath: t.describe('Absolute path to copy from.', t.ref('AbsolutePathBuf')),
  destinationPath: t.describe('Absolute path to copy to.', t.ref('AbsolutePathBuf')),
  recursive: t.optional(t.describe('Must be true to copy a directory; has no effect for a file.', t.boolean())),
}), 'Parameters of `fs/copy`, which copies a file or a directory tree.')

export const FsCopyResponse = v2('FsCopyResponse', t.object({}), 'Result of `fs/copy`; empty on success.')

export const FsWatchParams = v2('FsWatchParams', t.object({
  watchId: t.describe('Id the client chooses for this watch, unique on the connection; used by `fs/unwatch` and in `fs/changed`.', t.string()),
  path: t.describe('Absolute path of the file or directory to watch.', t.ref('AbsolutePathBuf')),
}), 'Parameters of `fs/watch`, which starts sending `fs/changed` notifications for a path.')

export const FsWatchResponse = v2('FsWatchResponse', t.object({
  path: t.describe('The watched path in canonical form.', t.ref('AbsolutePathBuf')),
}), 'Result of `fs/watch`.')

export const FsUnwatchParams = v2('FsUnwatchParams', t.object({
  watchId: t.describe('The `watchId` given in `fs/watch`.', t.string()),
}), 'Parameters of `fs/unwatch`, which stops a watch.')

export const FsUnwatchResponse = v2('FsUnwatchResponse', t.object({}), 'Result of `fs/unwatch`; empty on success.')

export const FsChangedNotification = v2('FsChangedNotification', t.object({
  watchId: t.describe('The `watchId` given in `fs/watch`.', t.string()),
  changedPaths: t.describe('Paths affected by the change.', t.array(t.ref('AbsolutePathBuf'))),
}), 'Sent to the watching connection when something under a watched path changes.')

export const FsReadDirectoryEntry = v2('FsReadDirectoryEntry', t.object({
  fileName: t.describe('Name of the entry alone, not a path.', t.string()),
  isDirectory: t.describe('True when the entry leads to a directory.', t.boolean()),
  isFile: t.describe('True when the entry leads to a regular file.', t.boolean()),
}), 'One child of a directory listed by `fs/readDirectory`.')
