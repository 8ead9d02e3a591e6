// The projects of one server as data: what `projects.json` in the server's home folder holds,
// and the changes project/* requests make to it, with codex's rules and error messages. No I/O
// here; ProjectFamily loads and saves the book through a JsonDocument.
import type { Project, ProjectRoot } from '../../generated/experimental/index.js'

/**
 * A project as kept on disk: with its place in the user's order, which answers no longer carry
 * (codex 0.171.0 removed `Project.position`) but project/list and project/move still use.
 */
export type StoredProject = Project & { position: number }

/** A stored project as answers show it. */
export function publicProject({ position: _position, ...project }: StoredProject): Project {
  return project
}
import { newId, nowSeconds } from '../conversations/clock.js'
import { ErrorCode, RpcError } from '../handler-types.js'

export interface ProjectBook {
  /** In creation order; `position` gives the user's ordering. */
  projects: StoredProject[]
  /** Idempotency key of each project/create or project/import → the project it made. */
  idempotencyKeys: Record<string, string>
}

export const emptyBook = (): ProjectBook => ({ projects: [], idempotencyKeys: {} })

/** Why a parsed file is not a ProjectBook; `projectProblem` checks one project. */
export function bookProblem(value: unknown, projectProblem: (project: unknown) => string | undefined): string | undefined {
  if (typeof value !== 'object' || value === null) return 'expected an object with `projects` and `idempotencyKeys`'
  const { projects, idempotencyKeys } = value as Partial<Record<keyof ProjectBook, unknown>>
  if (!Array.isArray(projects)) return '`projects` is not an array'
  for (const [index, project] of projects.entries()) {
    const problem = projectProblem(project)
    if (problem !== undefined) return `projects[${index}]: ${problem}`
  }
  if (typeof idempotencyKeys !== 'object' || idempotencyKeys === null || Object.values(idempotencyKeys).some((id) => typeof id !== 'string')) {
    return '`idempotencyKeys` is not an object of strings'
  }
  return undefined
}

export interface NewProject {
  name: string
  roots: ProjectRoot[]
  metadata?: { [key: string]: string | undefined } | null
  idempotencyKey: string
}

/** Adds a project at the end of the ordering; a key seen before returns that project unchanged. */
export function createProject(book: ProjectBook, request: NewProject): { project: StoredProject; created: boolean } {
  checkName(request.name)
  if (request.idempotencyKey === '') throw invalidParams('idempotencyKey must not be empty')
  checkRoots(request.roots)
  const earlier = book.projects.find((project) => project.id === book.idempotencyKeys[request.idempotencyKey])
  if (earlier !== undefined) return { project: earlier, created: false }
  const now = nowSeconds()
  const project: StoredProject = {
    id: newId(),
    name: request.name,
    roots: request.roots.map(({ path }) => ({ path })),
    metadata: metadataOf(request.metadata),
    position: book.projects.reduce((last, { position }) => Math.max(last, position + 1), 0),
    createdAt: now,
    updatedAt: now,
    recencyAt: null,
  }
  book.projects.push(project)
  book.idempotencyKeys[request.idempotencyKey] = project.id
  return { project, created: true }
}

export interface ProjectChanges {
  name?: string | null
  roots?: ProjectRoot[] | null
  metadata?: { [key: string]: string | undefined } | null
}

/** Applies the named changes; `changed` is false when they change nothing. */
export function updateProject(book: ProjectBook, projectId: string, changes: ProjectChanges): { project: StoredProject; changed: boolean } {
  const project = findProject(book, projectId)
  if (changes.name != null) checkName(changes.name)
  if (changes.roots != null) checkRoots(changes.roots)
  const before = JSON.stringify(project)
  if (changes.name != null) project.name = changes.name
  if (changes.roots != null) project.roots = changes.roots.map(({ path }) => ({ path }))
  if (changes.metadata != null) project.metadata = metadataOf(changes.metadata)
  const changed = JSON.stringify(project) !== before
  if (changed) project.updatedAt = nowSeconds()
  return { project, changed }
}

/** Puts a project in front of another one (or last) and numbers every position again from 0. */
export function moveProject(book: ProjectBook, projectId: string, beforeProjectId: string | null | undefined): void {
  const moving = findProject(book, projectId)
  if (beforeProjectId === projectId) throw invalidParams(`project ${projectId} cannot be moved before itself`)
  if (beforeProjectId != null && !book.projects.some((project) => project.id === beforeProjectId)) {
    throw invalidParams(`before project not found: ${beforeProjectId}`)
  }
  const order = [...book.projects].sort(byPosition).filter((project) => project !== moving)
  const at = beforeProjectId == null ? order.length : order.findIndex((project) => project.id === beforeProjectId)
  order.splice(at, 0, moving)
  order.forEach((project, position) => { project.position = position })
  moving.updatedAt = nowSeconds()
}

/** Removes a project; the others keep their positions (codex does not renumber them). */
export function deleteProject(book: ProjectBook, projectId: string): void {
  findProject(book, projectId)
  book.projects = book.projects.filter((project) => project.id !== projectId)
  for (const [key, id] of Object.entries(book.idempotencyKeys)) if (id === projectId) delete book.idempotencyKeys[key]
}

export function findProject(book: ProjectBook, projectId: string): StoredProject {
  const project = book.projects.find((candidate) => candidate.id === projectId)
  if (project === undefined) throw invalidParams(`project not found: ${projectId}`)
  return project
}

export function byPosition(a: StoredProject, b: StoredProject): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function checkName(name: string): void {
  if (name.trim() === '') throw invalidParams('project name must not be empty')
}

function checkRoots(roots: ProjectRoot[]): void {
  const seen = new Set<string>()
  for (const { path } of roots) {
    if (seen.has(path)) throw invalidParams(`duplicate project root: ${path}`)
    seen.add(path)
  }
}

function metadataOf(metadata: { [key: string]: string | undefined } | null | undefined): { [key: string]: string } {
  return Object.fromEntries(Object.entries(metadata ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined))
}

export function invalidParams(message: string): RpcError {
  return new RpcError(ErrorCode.invalidParams, message)
}
