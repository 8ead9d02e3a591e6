// The project family: named groups of threads tied to one or more folders — listing, creating,
// importing existing threads, editing, reordering and deleting them, with a change notification.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const ProjectListParams = v2('ProjectListParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of projects to return; the server picks a page size when absent.' }),
  sortKey: t.option(t.ref('ProjectSortKey'), { description: 'What to sort by (default `position`); sorting by recency puts projects without threads last.' }),
  sortDirection: t.option(t.ref('SortDirection'), { description: 'Sort order; only with `sortKey`. Defaults to ascending for `position` and descending for `recencyAt`.' }),
}), 'Parameters of the experimental `project/list`.')

export const ProjectListResponse = v2('ProjectListResponse', t.object({
  data: t.describe('Projects on this page.', t.array(t.ref('Project'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of projects from `project/list`.')

export const ProjectReadParams = v2('ProjectReadParams', t.object({
  projectId: t.describe('Project to read.', t.string()),
}), 'Parameters of the experimental `project/read`.')

export const ProjectReadResponse = v2('ProjectReadResponse', t.object({
  project: t.describe('The project.', t.ref('Project')),
}), 'Result of `project/read`.')

export const ProjectCreateParams = v2('ProjectCreateParams', t.object({
  name: t.describe('Name of the new project.', t.string()),
  roots: t.describe('Folders the project covers.', t.array(t.ref('ProjectRoot'))),
  metadata: t.option(t.map(t.string()), { description: 'Client-defined key/value data to store with the project.' }),
  idempotencyKey: t.describe('Client-chosen key that makes retries safe: repeating a request with the same key does not create a second project.', t.string()),
}), 'Parameters of the experimental `project/create`.')

export const ProjectCreateResponse = v2('ProjectCreateResponse', t.object({
  project: t.describe('The created project.', t.ref('Project')),
}), 'Result of `project/create`.')

export const ProjectImportParams = v2('ProjectImportParams', t.object({
  name: t.describe('Name of the new project.', t.string()),
  roots: t.describe('Folders the project covers.', t.array(t.ref('ProjectRoot'))),
  metadata: t.option(t.map(t.string()), { description: 'Client-defined key/value data to store with the project.' }),
  threads: t.option(t.array(t.string()), { description: 'Ids of existing threads to put in the project.' }),
  idempotencyKey: t.describe('Client-chosen key that makes retries safe: repeating a request with the same key does not create a second project.', t.string()),
}), 'Parameters of the experimental `project/import`, which creates a project and moves existing threads into it.')

export const ProjectImportResponse = v2('ProjectImportResponse', t.object({
  project: t.describe('The created project.', t.ref('Project')),
}), 'Result of `project/import`.')

export const ProjectUpdateParams = v2('ProjectUpdateParams', t.object({
  projectId: t.describe('Project to change.', t.string()),
  name: t.option(t.string(), { description: 'New name; unchanged when absent.' }),
  roots: t.option(t.array(t.ref('ProjectRoot')), { description: 'New list of folders; unchanged when absent.' }),
  metadata: t.option(t.map(t.string()), { description: 'New key/value data; unchanged when absent.' }),
}), 'Parameters of the experimental `project/update`.')

export const ProjectUpdateResponse = v2('ProjectUpdateResponse', t.object({
  project: t.describe('The project after the change.', t.ref('Project')),
}), 'Result of `project/update`.')

export const ProjectMoveParams = v2('ProjectMoveParams', t.object({
  projectId: t.describe('Project to move.', t.string()),
  beforeProjectId: t.option(t.string(), { description: 'Project to place it in front of; the end of the list when absent.' }),
}), 'Parameters of the experimental `project/move`, which changes a project\'s place in the user\'s ordering.')

export const ProjectMoveResponse = v2('ProjectMoveResponse', t.object({}), 'Result of `project/move`; empty on success.')

export const ProjectDeleteParams = v2('ProjectDeleteParams', t.object({
  projectId: t.describe('Project to delete.', t.string()),
}), 'Parameters of the experimental `project/delete`.')

export const ProjectDeleteResponse = v2('ProjectDeleteResponse', t.object({}), 'Result of `project/delete`; empty on success.')

export const ProjectChangedNotification = v2('ProjectChangedNotification', t.object({
  projectId: t.describe('Project that changed.', t.string()),
  changeType: t.describe('What happened to it.', t.ref('ProjectChangeType')),
}), 'Sent when a project is created, updated or deleted; read it again for the new state.')

export const Project = v2('Project', t.object({
  id: t.describe('Project id.', t.string()),
  name: t.describe('Project name.', t.string()),
  roots: t.describe('Folders the project covers.', t.array(t.ref('ProjectRoot'))),
  metadata: t.describe('Client-defined key/value data.', t.map(t.string())),
  position: t.removed('0.171.0', t.describe('Place in the user\'s ordering of projects (lower comes first).', t.int('int64'))),
  createdAt: t.describe('Creation time in Unix epoch seconds.', t.int('int64')),
  updatedAt: t.describe('Last change time in Unix epoch seconds.', t.int('int64')),
  recencyAt: t.option(t.int('int64'), { description: 'Latest activity of the project\'s newest non-archived thread, in Unix epoch seconds; null when it has no such thread.' }),
}), 'A named group of threads tied to one or more folders.')

export const ProjectChangeType = v2('ProjectChangeType', t.enum(['created', 'updated', 'deleted']), 'What happened to a project.')

export const ProjectRoot = v2('ProjectRoot', t.object({
  path: t.describe('Absolute path of the folder.', t.ref('AbsolutePathBuf')),
}), 'A folder that belongs to a project.')

export const ProjectSortKey = v2('ProjectSortKey', t.enum(['position', 'recencyAt']), 'How to sort projects: by the user\'s ordering or by latest thread activity.')
