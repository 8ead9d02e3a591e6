// The fs family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const FsReadFileParams = v2('FsReadFileParams', t.object({
  path: t.ref('AbsolutePathBuf'),
}))

export const FsReadFileResponse = v2('FsReadFileResponse', t.object({
  dataBase64: t.string(),
}))

export const FsWriteFileParams = v2('FsWriteFileParams', t.object({
  path: t.ref('AbsolutePathBuf'),
  dataBase64: t.string(),
}))

export const FsWriteFileResponse = v2('FsWriteFileResponse', t.object({}))

export const FsCreateDirectoryParams = v2('FsCreateDirectoryParams', t.object({
  path: t.ref('AbsolutePathBuf'),
  recursive: t.option(t.boolean()),
}))

export const FsCreateDirectoryResponse = v2('FsCreateDirectoryResponse', t.object({}))

export const FsGetMetadataParams = v2('FsGetMetadataParams', t.object({
  path: t.ref('AbsolutePathBuf'),
}))

export const FsGetMetadataResponse = v2('FsGetMetadataResponse', t.object({
  isDirectory: t.boolean(),
  isFile: t.boolean(),
  isSymlink: t.boolean(),
  createdAtMs: t.int('int64'),
  modifiedAtMs: t.int('int64'),
}))

export const FsReadDirectoryParams = v2('FsReadDirectoryParams', t.object({
  path: t.ref('AbsolutePathBuf'),
}))

export const FsReadDirectoryResponse = v2('FsReadDirectoryResponse', t.object({
  entries: t.array(t.ref('FsReadDirectoryEntry')),
}))

export const FsRemoveParams = v2('FsRemoveParams', t.object({
  path: t.ref('AbsolutePathBuf'),
  recursive: t.option(t.boolean()),
  force: t.option(t.boolean()),
}))

export const FsRemoveResponse = v2('FsRemoveResponse', t.object({}))

export const FsCopyParams = v2('FsCopyParams', t.object({
  sourcePath: t.ref('AbsolutePathBuf'),
  destinationPath: t.ref('AbsolutePathBuf'),
  recursive: t.optional(t.boolean()),
}))

export const FsCopyResponse = v2('FsCopyResponse', t.object({}))

export const FsWatchParams = v2('FsWatchParams', t.object({
  watchId: t.string(),
  path: t.ref('AbsolutePathBuf'),
}))

export const FsWatchResponse = v2('FsWatchResponse', t.object({
  path: t.ref('AbsolutePathBuf'),
}))

export const FsUnwatchParams = v2('FsUnwatchParams', t.object({
  watchId: t.string(),
}))

export const FsUnwatchResponse = v2('FsUnwatchResponse', t.object({}))

export const FsChangedNotification = v2('FsChangedNotification', t.object({
  watchId: t.string(),
  changedPaths: t.array(t.ref('AbsolutePathBuf')),
}))

export const FsReadDirectoryEntry = v2('FsReadDirectoryEntry', t.object({
  fileName: t.string(),
  isDirectory: t.boolean(),
  isFile: t.boolean(),
}))
