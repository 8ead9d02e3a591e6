// The project family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ProjectListParams = v2('ProjectListParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  sortKey: t.option(t.ref('ProjectSortKey')),
  sortDirection: t.option(t.ref('SortDirection')),
}))

export const ProjectListResponse = v2('ProjectListResponse', t.object({
  data: t.array(t.ref('Project')),
  nextCursor: t.option(t.string()),
}))

export const ProjectReadParams = v2('ProjectReadParams', t.object({
  projectId: t.string(),
}))

export const ProjectReadResponse = v2('ProjectReadResponse', t.object({
  project: t.ref('Project'),
}))

export const ProjectCreateParams = v2('ProjectCreateParams', t.object({
  name: t.string(),
  roots: t.array(t.ref('ProjectRoot')),
  metadata: t.option(t.map(t.string())),
  idempotencyKey: t.string(),
}))

export const ProjectCreateResponse = v2('ProjectCreateResponse', t.object({
  project: t.ref('Project'),
}))

export const ProjectImportParams = v2('ProjectImportParams', t.object({
  name: t.string(),
  roots: t.array(t.ref('ProjectRoot')),
  metadata: t.option(t.map(t.string())),
  threads: t.option(t.array(t.string())),
  idempotencyKey: t.string(),
}))

export const ProjectImportResponse = v2('ProjectImportResponse', t.object({
  project: t.ref('Project'),
}))

export const ProjectUpdateParams = v2('ProjectUpdateParams', t.object({
  projectId: t.string(),
  name: t.option(t.string()),
  roots: t.option(t.array(t.ref('ProjectRoot'))),
  metadata: t.option(t.map(t.string())),
}))

export const ProjectUpdateResponse = v2('ProjectUpdateResponse', t.object({
  project: t.ref('Project'),
}))

export const ProjectMoveParams = v2('ProjectMoveParams', t.object({
  projectId: t.string(),
  beforeProjectId: t.option(t.string()),
}))

export const ProjectMoveResponse = v2('ProjectMoveResponse', t.object({}))

export const ProjectDeleteParams = v2('ProjectDeleteParams', t.object({
  projectId: t.string(),
}))

export const ProjectDeleteResponse = v2('ProjectDeleteResponse', t.object({}))

export const ProjectChangedNotification = v2('ProjectChangedNotification', t.object({
  projectId: t.string(),
  changeType: t.ref('ProjectChangeType'),
}))

export const Project = v2('Project', t.object({
  id: t.string(),
  name: t.string(),
  roots: t.array(t.ref('ProjectRoot')),
  metadata: t.map(t.string()),
  position: t.int('int64'),
  createdAt: t.int('int64'),
  updatedAt: t.int('int64'),
  recencyAt: t.option(t.int('int64')),
}))

export const ProjectChangeType = v2('ProjectChangeType', t.enum(['created', 'updated', 'deleted']))

export const ProjectRoot = v2('ProjectRoot', t.object({
  path: t.ref('AbsolutePathBuf'),
}))

export const ProjectSortKey = v2('ProjectSortKey', t.enum(['position', 'recencyAt']))
