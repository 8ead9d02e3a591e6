// File changes a scenario makes, apply_patch style: each is shown first (the item's `changes`, the
// legacy request's `fileChanges`), then applied for real in the thread's cwd. The turn keeps what
// each touched file held before its first change, so `turn/diff/updated` always shows the whole
// turn's diff, as codex does.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { createTwoFilesPatch } from 'diff'
import type { FileChange, FileUpdateChange } from '../../../generated/experimental/index.js'
import type { StepOf } from './scenario-format.js'

type Change = StepOf<'fileChange'>['changes'][number]

/** A change with its paths resolved and the file's current content read. */
export interface PlannedChange {
  change: Change
  path: string
  movePath: string | undefined
  before: string | undefined
  after: string | undefined
}

/** Resolves the changes against `cwd` and reads what the files hold now. */
export async function planChanges(changes: readonly Change[], cwd: string): Promise<PlannedChange[]> {
  return Promise.all(changes.map(async (change) => {
    const path = isAbsolute(change.path) ? change.path : join(cwd, change.path)
    const before = await readText(path)
    const after = change.kind === 'delete' ? undefined : change.content ?? before ?? ''
    const movePath = change.movePath === undefined ? undefined : isAbsolute(change.movePath) ? change.movePath : join(cwd, change.movePath)
    return { change, path, movePath, before, after }
  }))
}

/** The changes as a fileChange item lists them: the content for adds and deletes, a unified diff for updates. */
export function itemChanges(planned: readonly PlannedChange[]): FileUpdateChange[] {
  return planned.map(({ change, path, movePath, before, after }) => {
    switch (change.kind) {
      case 'add':
        return { path, kind: { type: 'add' }, diff: after ?? '' }
      case 'delete':
        return { path, kind: { type: 'delete' }, diff: before ?? '' }
      case 'update':
        return { path, kind: { type: 'update', move_path: movePath ?? null }, diff: hunks(before ?? '', after ?? '') }
    }
  })
}

/** The changes as the legacy applyPatchApproval request lists them, keyed by path. */
export function legacyChanges(planned: readonly PlannedChange[]): Record<string, FileChange> {
  return Object.fromEntries(planned.map(({ change, path, movePath, before, after }): [string, FileChange] => {
    switch (change.kind) {
      case 'add':
        return [path, { type: 'add', content: after ?? '' }]
      case 'delete':
        return [path, { type: 'delete', content: before ?? '' }]
      case 'update':
        return [path, { type: 'update', unified_diff: hunks(before ?? '', after ?? ''), move_path: movePath ?? null }]
    }
  }))
}

/**
 * Applies the changes in order; the first one that cannot be applied stops the rest and is
 * returned as one line (an update or delete of a missing file, an add over an existing one).
 */
export async function applyChanges(planned: readonly PlannedChange[], diff: TurnDiff): Promise<string | undefined> {
  for (const { change, path, movePath, after } of planned) {
    const current = await readText(path)
    try {
      if (change.kind === 'add' && current !== undefined) return `${path} already exists`
      if (change.kind !== 'add' && current === undefined) return `${path} does not exist`
      diff.remember(path, current)
      if (change.kind === 'delete') {
        await rm(path)
        continue
      }
      await mkdir(dirname(movePath ?? path), { recursive: true })
      await writeFile(path, after ?? '')
      if (movePath !== undefined) {
        diff.remember(movePath, await readText(movePath))
        await rename(path, movePath)
      }
    } catch (error) {
      return `${path}: ${(error as Error).message}`
    }
  }
  return undefined
}

/** What the files a turn changed held before the turn first touched them. */
export class TurnDiff {
  private readonly original = new Map<string, string | undefined>()

  constructor(private readonly cwd: string) {}

  remember(path: string, content: string | undefined): void {
    if (!this.original.has(path)) this.original.set(path, content)
  }

  /** The turn's changes as one git-style diff, files in the order they were first touched. */
  async text(): Promise<string> {
    const parts: string[] = []
    for (const [path, before] of this.original) {
      const after = await readText(path)
      if (after === before) continue
      const name = relative(this.cwd, path) || path
      const header = [`diff --git a/${name} b/${name}`]
      if (before === undefined) header.push('new file mode 100644')
      if (after === undefined) header.push('deleted file mode 100644')
      const from = before === undefined ? '/dev/null' : `a/${name}`
      const to = after === undefined ? '/dev/null' : `b/${name}`
      parts.push(`${header.join('\n')}\n--- ${from}\n+++ ${to}\n${hunks(before ?? '', after ?? '')}`)
    }
    return parts.join('')
  }
}

/** The hunks of a unified diff from `before` to `after`, without file headers. */
function hunks(before: string, after: string): string {
  const patch = createTwoFilesPatch('a', 'b', before, after, '', '', { context: 3 })
  return patch.slice(patch.indexOf('@@') >= 0 ? patch.indexOf('@@') : patch.length)
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
