// Shared setup for the thread store tests: temporary home folders and summaries.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileThreadStore, type FileThreadStoreOptions } from '../../../server/conversations/file-thread-store.js'
import type { ThreadSummary } from '../../../server/conversations/thread-store.js'

export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'thread-store-'))
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) }
}

export function summary(id: string, fields: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id,
    createdAtMs: 1_700_000_000_000,
    updatedAtMs: 1_700_000_000_000,
    cwd: '/work/project',
    sourceKind: 'vscode',
    modelProvider: 'openai',
    preview: `preview of ${id}`,
    ...fields,
  }
}

/** Opens a store that records its warnings. */
export async function openStore(home: string, options: FileThreadStoreOptions = {}): Promise<{ store: FileThreadStore; warnings: string[] }> {
  const warnings: string[] = []
  const store = await FileThreadStore.open(home, { log: { warn: (line) => warnings.push(line), info: () => {} }, ...options })
  return { store, warnings }
}
