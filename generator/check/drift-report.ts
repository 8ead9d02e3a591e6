// The text `--check` prints on drift: what changed in protocol terms, which files, a short unified
// diff, and the one command that fixes it.
import { createTwoFilesPatch } from 'diff'
import type { MetaModel } from '../../protocol/model/meta-model.js'
import { textOf, type FileContent, type TreeDiff } from '../output/file-tree.js'
import { driftLevels } from './drift-levels.js'
import { semanticChanges } from './semantic-diff.js'

const MAX_SEMANTIC_LINES = 40
const MAX_DIFF_LINES = 60

export interface DriftInput {
  diff: TreeDiff
  files: ReadonlyMap<string, FileContent>
  /**
   * Per generated codex version, latest first: its meta model's path, the committed model if it
   * could be read, and the new one. The latest's changes are headed by the variant alone.
   */
  models: { file: string; latest: boolean; before: MetaModel | undefined; after: MetaModel }[]
  fixCommand: string
}

export function reportDrift({ diff, files, models, fixCommand }: DriftInput): string {
  const out = ['write-app-server-schema --check: the generated files do not match the definitions in protocol/.', '']
  let any = false
  for (const { file, latest, before, after } of models) {
    if (!before) {
      out.push(`The committed ${file} is missing or unreadable, so only files are listed.`)
      continue
    }
    for (const { variant, lines } of semanticChanges(before, after)) {
      if (lines.length === 0) continue
      any = true
      out.push(`${latest ? '' : `codex ${after.codexVersion} `}${variant}:`)
      out.push(...lines.slice(0, MAX_SEMANTIC_LINES).map((l) => `  ${l}`))
      if (lines.length > MAX_SEMANTIC_LINES) out.push(`  … and ${lines.length - MAX_SEMANTIC_LINES} more`)
    }
  }
  if (!any && models.every((m) => m.before)) out.push('No change in methods or types: generated files were edited by hand or are missing.')
  const latest = models.find((m) => m.latest)?.after
  const resultTypes = new Map((latest?.methods ?? []).flatMap((m) => (m.result ? [[m.method, m.result] as const] : [])))
  const levels = driftLevels(diff, files, resultTypes)
  if (levels.length > 0) out.push('', 'Whom the change breaks:', ...levels)
  out.push('', `files: ${diff.changed.length} changed, ${diff.added.length} missing, ${diff.removed.length} no longer generated`)
  const listed = [...diff.changed.map((p) => `  changed  ${p}`), ...diff.added.map((p) => `  missing  ${p}`), ...diff.removed.map((p) => `  stale    ${p}`)]
  out.push(...listed.slice(0, 20))
  if (listed.length > 20) out.push(`  … and ${listed.length - 20} more`)
  out.push('', ...shortDiff(diff, files), '', `To fix: ${fixCommand}`, '')
  return out.join('\n')
}

function shortDiff(diff: TreeDiff, files: ReadonlyMap<string, FileContent>): string[] {
  const lines: string[] = []
  const paths = [...diff.changed, ...diff.added, ...diff.removed]
  for (const path of paths) {
    if (lines.length >= MAX_DIFF_LINES) break
    const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, diff.before.get(path) ?? '', textOf(files.get(path)), undefined, undefined, { context: 2 })
    lines.push(...patch.split('\n').filter((l) => !l.startsWith('====')).filter((l) => l !== ''))
  }
  if (lines.length > MAX_DIFF_LINES) return [...lines.slice(0, MAX_DIFF_LINES), `… diff cut at ${MAX_DIFF_LINES} lines`]
  return lines
}
