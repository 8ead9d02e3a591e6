// The thread sections of one server home: named, user-ordered groups of threads (like sidebar
// folders). The sections and the order of the threads in each are kept in one JSON file in the
// home, replaced whole at each change; a thread's own `section` (what thread/read shows) is kept in
// its metadata and rewritten when its section is renamed or deleted. A new home starts with the one
// section codex 0.169.0 starts with, "Pinned". Observed:
// test/server/fixtures/codex-0.169.0/conversations/j-thread-queue-sections.jsonl.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ThreadSection, ThreadSectionAppearance } from '../../generated/experimental/index.js'
import { nowSeconds } from './clock.js'
import { conversationErrors } from './conversation-errors.js'
import { writeFileAtomic } from './durable-fs.js'
import { threadFamilyErrors } from './thread-family-errors.js'
import type { ThreadManager } from './thread-manager.js'
import type { ThreadMeta } from './thread-records.js'

const SECTIONS_FILE = 'thread-sections.json'
const FIRST_SECTION_NAME = 'Pinned'

interface SectionsFile {
  version: 1
  sections: ThreadSection[]
  /** Thread ids of each section, in the order the user gave them. */
  members: Record<string, string[]>
}

export class ThreadSections {
  private state: Promise<SectionsFile> | undefined
  /** Changes run one after another, each writing the whole file. */
  private changing: Promise<unknown> = Promise.resolve()

  constructor(private readonly home: string, private readonly manager: ThreadManager) {}

  async list(): Promise<ThreadSection[]> {
    return (await this.load()).sections
  }

  create(name: string, appearance: ThreadSectionAppearance | null): Promise<ThreadSection> {
    return this.change(async (file) => {
      const section: ThreadSection = { id: randomUUID(), name: checkName(name), appearance }
      file.sections.push(section)
      file.members[section.id] = []
      return section
    })
  }

  /** Renames a section; `appearance` absent keeps it, null clears it. Its threads show the new section. */
  update(sectionId: string, name: string, appearance: ThreadSectionAppearance | null | undefined): Promise<ThreadSection> {
    return this.change(async (file) => {
      const checked = checkName(name)
      const index = file.sections.findIndex((section) => section.id === sectionId)
      if (index < 0) throw threadFamilyErrors.sectionNotFound(sectionId)
      const section: ThreadSection = { ...file.sections[index]!, name: checked, ...(appearance === undefined ? {} : { appearance }) }
      file.sections[index] = section
      return section
    }, async (file, section) => {
      for (const threadId of file.members[section.id] ?? []) await this.changeThreadMeta(threadId, { section })
    })
  }

  /** Deletes a section; its threads are left in none. */
  delete(sectionId: string): Promise<void> {
    let members: string[] = []
    return this.change(async (file) => {
      if (!file.sections.some((section) => section.id === sectionId)) throw threadFamilyErrors.sectionNotFound(sectionId)
      file.sections = file.sections.filter((section) => section.id !== sectionId)
      members = file.members[sectionId] ?? []
      delete file.members[sectionId]
    }, async () => {
      for (const threadId of members) await this.changeThreadMeta(threadId, { section: null, sectionEnteredAt: null })
    })
  }

  /**
   * Moves a stored or loaded thread into a section (before `beforeThreadId`, or last), within it,
   * or (sectionId null) out of its section.
   */
  move(threadId: string, sectionId: string | null, beforeThreadId: string | null): Promise<void> {
    let changes: Partial<ThreadMeta> = {}
    return this.change(async (file) => {
      if (!this.manager.loaded.has(threadId) && !(await this.manager.store()).summary(threadId)) throw conversationErrors.threadNotFound(threadId)
      const section = sectionId === null ? undefined : file.sections.find((candidate) => candidate.id === sectionId)
      if (sectionId !== null && !section) throw conversationErrors.unknownSection(sectionId)
      const before = section && beforeThreadId != null ? beforeThreadId : null
      if (section && before !== null && !(file.members[section.id] ?? []).includes(before)) throw threadFamilyErrors.beforeThreadNotInSection(before, section.id)
      const wasIn = Object.keys(file.members).find((id) => file.members[id]!.includes(threadId))
      for (const id of Object.keys(file.members)) file.members[id] = file.members[id]!.filter((member) => member !== threadId)
      if (!section) {
        changes = { section: null, sectionEnteredAt: null }
        return
      }
      // Threads deleted since they were placed leave the order here.
      const store = await this.manager.store()
      const order = (file.members[section.id] ?? []).filter((id) => this.manager.loaded.has(id) || store.summary(id) !== undefined)
      const found = before === null ? -1 : order.indexOf(before)
      const at = found < 0 ? order.length : found
      order.splice(at, 0, threadId)
      file.members[section.id] = order
      changes = wasIn === section.id ? { section } : { section, sectionEnteredAt: nowSeconds() }
    }, async () => {
      await this.changeThreadMeta(threadId, changes)
    })
  }

  /** Runs `edit` on the file and writes it, then `after` (which updates the threads concerned). */
  private change<T>(edit: (file: SectionsFile) => Promise<T>, after?: (file: SectionsFile, result: T) => Promise<void>): Promise<T> {
    const run = this.changing.then(async () => {
      const current = await this.load()
      const file: SectionsFile = structuredClone(current)
      const result = await edit(file)
      await this.write(file)
      this.state = Promise.resolve(file)
      await after?.(file, result)
      return result
    })
    this.changing = run.catch(() => undefined)
    return run
  }

  private load(): Promise<SectionsFile> {
    this.state ??= this.read()
    const state = this.state
    // A read that failed is tried again by the next request.
    state.catch(() => { if (this.state === state) this.state = undefined })
    return state
  }

  private async read(): Promise<SectionsFile> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      // Written at once, so the first section keeps its id across restarts.
      const first: ThreadSection = { id: randomUUID(), name: FIRST_SECTION_NAME, appearance: null }
      const file: SectionsFile = { version: 1, sections: [first], members: { [first.id]: [] } }
      await this.write(file)
      return file
    }
    const file = JSON.parse(text) as Partial<SectionsFile>
    if (file.version !== 1 || !Array.isArray(file.sections) || typeof file.members !== 'object' || file.members === null) {
      throw new Error(`${this.path} is not a thread sections file of this server (version 1)`)
    }
    return file as SectionsFile
  }

  private write(file: SectionsFile): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify(file, null, 1)}\n`)
  }

  private get path(): string {
    return join(this.home, SECTIONS_FILE)
  }

  /** Changes a thread's metadata, loaded (in memory and history) or only stored (in its history). */
  private async changeThreadMeta(threadId: string, changes: Partial<ThreadMeta>): Promise<void> {
    const loaded = this.manager.loaded.get(threadId)
    if (loaded) return loaded.changeMeta(changes)
    const store = await this.manager.store()
    const stored = store.summary(threadId)
    if (stored) await store.append({ ...stored.meta, ...changes }, [{ type: 'metaChanged', changes }])
  }
}

function checkName(name: string): string {
  if (name.trim() === '') throw threadFamilyErrors.emptySectionName()
  return name
}
