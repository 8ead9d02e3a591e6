// A thread as thread/start (or a fork) creates it: its metadata, the settings it runs with, and
// the instruction files that apply to its working folder.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { ThreadStartParams } from '../../generated/experimental/index.js'
import { newId, nowSeconds } from './clock.js'
import type { ThreadMeta } from './thread-records.js'
import { applySettings, defaultSettings, type ThreadSettings } from './thread-settings.js'

export interface NewThreadContext {
  codexVersion: string
  /** Where the thread's history file will be (null for an ephemeral thread). */
  historyPath: (threadId: string) => string | null
  clientName: string | undefined
}

export function newThread(params: ThreadStartParams, context: NewThreadContext): { meta: ThreadMeta; settings: ThreadSettings } {
  const id = newId()
  const now = nowSeconds()
  const ephemeral = params.ephemeral === true
  const settings = applySettings(defaultSettings(), params)
  const meta: ThreadMeta = {
    id,
    sessionId: id,
    forkedFromId: null,
    attachedToThreadId: null,
    parentThreadId: null,
    preview: '',
    ephemeral,
    section: null,
    sectionEnteredAt: null,
    projectId: null,
    daybreakEnabled: null,
    historyMode: params.historyMode ?? 'legacy',
    modelProvider: settings.modelProvider,
    model: settings.model,
    reasoningEffort: settings.reasoningEffort,
    createdAt: now,
    updatedAt: now,
    recencyAt: now,
    path: ephemeral ? null : context.historyPath(id),
    cwd: resolve(params.cwd ?? process.cwd()),
    cliVersion: context.codexVersion,
    originator: context.clientName ?? null,
    // Threads that clients create through the app server are recorded as coming from `vscode`.
    source: 'vscode',
    threadSource: params.threadSource ?? null,
    agentNickname: null,
    agentRole: null,
    gitInfo: null,
    name: null,
  }
  return { meta, settings }
}

/**
 * The instruction files for a folder: `AGENTS.md` in the server's home folder, then those from the
 * root of the repository containing the folder (or the folder itself outside a repository) down
 * to the folder, outermost first.
 */
export function instructionSources(home: string, cwd: string): string[] {
  const sources: string[] = []
  const global = join(home, 'AGENTS.md')
  if (existsSync(global)) sources.push(global)
  const chain: string[] = []
  for (let folder = cwd; ; folder = dirname(folder)) {
    chain.unshift(folder)
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) break
  }
  const root = chain[0]!
  const inRepository = existsSync(join(root, '.git'))
  for (const folder of inRepository ? chain : [cwd]) {
    const file = join(folder, 'AGENTS.md')
    if (existsSync(file)) sources.push(file)
  }
  return sources
}
