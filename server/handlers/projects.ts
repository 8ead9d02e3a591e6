// project/*: named groups of threads tied to folders, kept in `projects.json` in the server's
// home folder (codex keeps them in its state database) so they survive a restart. Every change
// is announced to all clients with `project/changed` after the response; project/import moves
// existing threads into the new project (their `projectId`, recorded in their history) and
// announces each with `thread/project/updated`.
import { join } from 'node:path'
import type { Project, ProjectListParams } from '../../generated/experimental/index.js'
import type { ThreadManager } from '../conversations/thread-manager.js'
import { defineHandlers, type HandlerContext } from '../handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { JsonDocument } from './json-document.js'
import {
  bookProblem, byPosition, createProject, deleteProject, emptyBook, findProject, invalidParams, moveProject, updateProject,
  type NewProject, type ProjectBook, publicProject, type StoredProject,
} from './project-book.js'
import { projectRecency } from './project-recency.js'

const DEFAULT_PAGE_SIZE = 100

export class ProjectFamily implements HandlerFamily {
  readonly name = 'project'
  readonly #book: JsonDocument<ProjectBook>
  readonly handlers

  constructor(private readonly environment: FamilyEnvironment, private readonly threads: ThreadManager) {
    this.#book = new JsonDocument(join(environment.home, 'projects.json'), emptyBook, (value) => bookProblem(value, (project) => environment.describeTypeError('Project', project)))
    this.handlers = defineHandlers({
      'project/list': async (params) => listProjects(await this.#withRecency(), params),

      'project/read': async ({ projectId }) => ({ project: publicProject(findProject({ projects: await this.#withRecency(), idempotencyKeys: {} }, projectId)) }),

      'project/create': async (request, context) => ({ project: await this.#create(request, [], context) }),

      'project/import': async ({ threads, ...request }, context) => ({ project: await this.#create(request, threads ?? [], context) }),

      'project/update': async ({ projectId, ...changes }, context) => {
        const { project, changed } = await this.#book.update((book) => {
          const outcome = updateProject(book, projectId, changes)
          return { state: book, result: outcome }
        })
        if (changed) this.#announce(context, project.id, 'updated')
        return { project: await this.#recent(project) }
      },

      'project/move': async ({ projectId, beforeProjectId }, context) => {
        await this.#book.update((book) => ({ state: book, result: moveProject(book, projectId, beforeProjectId) }))
        this.#announce(context, projectId, 'updated')
        return {}
      },

      'project/delete': async ({ projectId }, context) => {
        await this.#book.update((book) => ({ state: book, result: deleteProject(book, projectId) }))
        this.#announce(context, projectId, 'deleted')
        return {}
      },
    })
  }

  async #create(request: NewProject, threadIds: string[], context: HandlerContext): Promise<Project> {
    // Unknown threads fail the import before anything is written.
    for (const threadId of threadIds) {
      if (!(await this.#threadExists(threadId))) throw invalidParams(`thread not found: ${threadId}`)
    }
    const { project, created } = await this.#book.update((book) => {
      const outcome = createProject(book, request)
      return { state: book, result: outcome }
    })
    if (!created) return this.#recent(project)
    for (const threadId of threadIds) {
      const thread = await this.threads.open(threadId, (id) => invalidParams(`thread not found: ${id}`))
      await thread.changeMeta({ projectId: project.id })
      this.environment.connections.broadcast('thread/project/updated', { threadId, projectId: project.id })
    }
    this.#announce(context, project.id, 'created')
    return this.#recent(project)
  }

  /** Codex imports stored threads only: a thread started but not yet written is "not found". */
  async #threadExists(threadId: string): Promise<boolean> {
    return this.threads.loaded.get(threadId)?.isMaterialized === true || (await this.threads.store()).summary(threadId) !== undefined
  }

  async #withRecency(): Promise<StoredProject[]> {
    const projects = (await this.#book.read()).projects
    const recency = await projectRecency(this.threads)
    return projects.map((project) => ({ ...project, recencyAt: recency.get(project.id) ?? null }))
  }

  async #recent(project: StoredProject): Promise<Project> {
    return publicProject({ ...project, recencyAt: (await projectRecency(this.threads)).get(project.id) ?? null })
  }

  #announce(context: HandlerContext, projectId: string, changeType: 'created' | 'updated' | 'deleted'): void {
    context.afterResponse(() => this.environment.connections.broadcast('project/changed', { projectId, changeType }))
  }
}

/** One page in the asked order; the cursor is `<sort value>|<id>` of the page's last project. */
function listProjects(projects: StoredProject[], { cursor, limit, sortKey, sortDirection }: ProjectListParams): { data: Project[]; nextCursor: string | null } {
  if (sortDirection != null && sortKey == null) throw invalidParams('sortDirection requires sortKey')
  const key = sortKey ?? 'position'
  const descending = (sortDirection ?? (key === 'position' ? 'asc' : 'desc')) === 'desc'
  const sign = descending ? -1 : 1
  const value = (project: StoredProject) => (key === 'position' ? project.position : project.recencyAt ?? null)
  const order = (a: StoredProject, b: StoredProject) => {
    const [x, y] = [value(a), value(b)]
    if (x === null || y === null) return x === y ? sign * byPosition(a, b) : x === null ? 1 : -1 // none last
    return sign * (x - y) || sign * byPosition(a, b)
  }
  const sorted = [...projects].sort(order)
  let start = 0
  if (cursor != null) {
    const anchor = /^(-?\d+|null)\|(.+)$/.exec(cursor)
    if (anchor === null || (key === 'position' && anchor[1] === 'null')) throw invalidParams('invalid project cursor: malformed or mismatched sort anchor')
    const last = sorted.findIndex((project) => project.id === anchor[2])
    // A project deleted since the last page: continue after where it would sort.
    start = last >= 0 ? last + 1 : sorted.filter((project) => compareToAnchor(project, anchor[1]!, anchor[2]!, value, sign) <= 0).length
  }
  const size = Math.max(1, limit ?? DEFAULT_PAGE_SIZE)
  const data = sorted.slice(start, start + size)
  const more = start + size < sorted.length
  const lastShown = data[data.length - 1]
  return { data: data.map(publicProject), nextCursor: more && lastShown ? `${value(lastShown) ?? 'null'}|${lastShown.id}` : null }
}

function compareToAnchor(project: StoredProject, anchorValue: string, anchorId: string, value: (project: StoredProject) => number | null, sign: number): number {
  const mine = value(project)
  const theirs = anchorValue === 'null' ? null : Number(anchorValue)
  if (mine === null || theirs === null) {
    if (mine !== theirs) return mine === null ? 1 : -1
  } else if (mine !== theirs) return sign * (mine - theirs)
  return sign * (project.id < anchorId ? -1 : project.id > anchorId ? 1 : 0)
}
