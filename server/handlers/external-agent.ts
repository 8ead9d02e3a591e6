// externalAgentConfig/*: finding another agent's setup (the user's and the repositories'),
// importing it for real, and the history of imports, kept in `external-agent-imports.json` in
// the server's home so it survives a restart. An import answers its id at once, then reports
// each item with `externalAgentConfig/import/progress` and all of them, grouped by kind, with
// `externalAgentConfig/import/completed`, as codex does; an import of nothing records nothing.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type {
  ExternalAgentConfigImportHistory, ExternalAgentConfigImportItemTypeFailure, ExternalAgentConfigImportItemTypeSuccess,
  ExternalAgentConfigImportTypeResult, ExternalAgentConfigMigrationItem, ExternalAgentConfigMigrationItemType,
} from '../../generated/experimental/index.js'
import { defineHandlers, type HandlerContext } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { importItem } from './external-agent-import.js'
import { AgentScope, detectScope } from './external-agent-sources.js'
import { JsonDocument } from './json-document.js'

/** The order codex groups results by kind in. */
const KIND_ORDER: ExternalAgentConfigMigrationItemType[] = ['CONFIG', 'SKILLS', 'AGENTS_MD', 'PLUGINS', 'MCP_SERVER_CONFIG', 'SUBAGENTS', 'HOOKS', 'COMMANDS', 'MEMORY', 'SESSIONS']

interface ImportHistoryFile {
  imports: ExternalAgentConfigImportHistory[]
}

export class ExternalAgentFamily implements HandlerFamily {
  readonly name = 'external-agent'
  readonly #history: JsonDocument<ImportHistoryFile>
  /** Imports still running; the server waits for them when it shuts down. */
  readonly #running = new Set<Promise<void>>()
  readonly handlers

  constructor(private readonly environment: FamilyEnvironment, private readonly userConfig: ConfigStore) {
    this.#history = new JsonDocument(join(environment.home, 'external-agent-imports.json'), () => ({ imports: [] }), (value) => historyProblem(value, (entry) => environment.describeTypeError('ExternalAgentConfigImportHistory', entry)))
    this.handlers = defineHandlers({
      'externalAgentConfig/detect': async ({ includeHome, cwds }) => {
        const scopes = [...(includeHome === true ? [null] : []), ...(cwds ?? [])].map((cwd) => new AgentScope(cwd, this.environment.home))
        const items = (await Promise.all(scopes.map(detectScope))).flat()
        return { items, connectors: [] }
      },

      'externalAgentConfig/import': ({ migrationItems, providerId }, context) => {
        const importId = randomUUID()
        context.afterResponse(() => {
          const running = this.#import(importId, migrationItems, providerId ?? null, context)
          this.#running.add(running)
          void running.finally(() => this.#running.delete(running)).catch(() => {})
        })
        return { importId }
      },

      'externalAgentConfig/import/recordHistory': async ({ providerId, itemTypeResults }) => {
        const importId = randomUUID()
        const successes = itemTypeResults.flatMap((result) => result.successes.map((success) => ({
          itemType: success.itemType, cwd: success.cwd ?? null, source: success.source ?? null, target: success.target ?? null, title: success.title ?? null,
        })))
        await this.#record({ importId, providerId, completedAtMs: Date.now(), successes, failures: itemTypeResults.flatMap((result) => result.failures) })
        return { importId }
      },

      'externalAgentConfig/import/readHistories': async () => {
        const imports = [...(await this.#history.read()).imports].sort((a, b) => b.completedAtMs - a.completedAtMs)
        return { data: imports, connectors: [] }
      },
    })
  }

  async #import(importId: string, items: ExternalAgentConfigMigrationItem[], providerId: string | null, context: HandlerContext): Promise<void> {
    if (items.length === 0) return
    const successes: ExternalAgentConfigImportItemTypeSuccess[] = []
    const failures: ExternalAgentConfigImportItemTypeFailure[] = []
    for (const item of items) {
      const outcome = await importItem(item, { codexHome: this.environment.home, userConfig: this.userConfig })
      successes.push(...outcome.successes)
      failures.push(...outcome.failures)
      context.notify('externalAgentConfig/import/progress', { importId, itemTypeResults: [{ itemType: item.itemType, ...outcome }] })
    }
    const itemTypeResults = groupByKind(items.map((item) => item.itemType), successes, failures)
    context.notify('externalAgentConfig/import/completed', { importId, itemTypeResults })
    const ordered = itemTypeResults.flatMap((result) => result.successes)
    await this.#record({ importId, providerId, completedAtMs: Date.now(), successes: ordered, failures: itemTypeResults.flatMap((result) => result.failures) })
      .catch((error: unknown) => this.environment.log.warn(`external agent import ${importId} ran but was not recorded: ${error instanceof Error ? error.message : String(error)}`))
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#running])
  }

  #record(entry: ExternalAgentConfigImportHistory): Promise<void> {
    return this.#history.update((file) => ({ state: { imports: [...file.imports, entry] }, result: undefined }))
  }
}

function groupByKind(kinds: ExternalAgentConfigMigrationItemType[], successes: ExternalAgentConfigImportItemTypeSuccess[], failures: ExternalAgentConfigImportItemTypeFailure[]): ExternalAgentConfigImportTypeResult[] {
  return KIND_ORDER.filter((kind) => kinds.includes(kind)).map((itemType) => ({
    itemType,
    successes: successes.filter((success) => success.itemType === itemType),
    failures: failures.filter((failure) => failure.itemType === itemType),
  }))
}

function historyProblem(value: unknown, entryProblem: (entry: unknown) => string | undefined): string | undefined {
  const imports = (value as { imports?: unknown } | null)?.imports
  if (!Array.isArray(imports)) return 'expected an object with an `imports` array'
  for (const [index, entry] of imports.entries()) {
    const problem = entryProblem(entry)
    if (problem !== undefined) return `imports[${index}]: ${problem}`
  }
  return undefined
}
