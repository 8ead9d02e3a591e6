// What `--check` says about whom its drift breaks: the changed schema bundles (committed against
// generated, per codex version) judged by protocol-diff's rules and levels.
import { diffVersions, readVersion } from '../diff/diff.js'
import { LEVELS } from '../diff/judge.js'
import { LEVEL_TITLES } from '../diff/report.js'
import { BUNDLE_FILE } from '../emit/emit-json.js'
import { textOf, type FileContent, type TreeDiff } from '../output/file-tree.js'

const MAX_FINDINGS = 20

/**
 * Lines judging the drift of each version whose bundles changed; `resultTypes` names each
 * request's result (the new meta model's).
 */
export function driftLevels(diff: TreeDiff, files: ReadonlyMap<string, FileContent>, resultTypes: ReadonlyMap<string, string>): string[] {
  const bundlePath = /(?:stable|experimental)\/codex_app_server_protocol\.schemas\.json$/
  const folders = new Set(diff.changed.filter((path) => bundlePath.test(path)).map((path) => path.replace(bundlePath, '')))
  const lines: string[] = []
  for (const folder of [...folders].sort()) {
    const bundle = (variant: string, side: 'before' | 'after') => {
      const path = `${folder}${variant}/${BUNDLE_FILE}`
      return JSON.parse(side === 'before' ? (diff.before.get(path) ?? textOf(files.get(path))) : textOf(files.get(path))) as unknown
    }
    let findings
    try {
      const version = (side: 'before' | 'after') => readVersion(side === 'before' ? 'committed' : 'generated', bundle('stable', side), bundle('experimental', side), resultTypes)
      findings = diffVersions(version('before'), version('after'))
    } catch (error) {
      lines.push(`${folder}: the committed bundles could not be compared: ${(error as Error).message}`)
      continue
    }
    if (findings.length === 0) continue
    const counts = LEVELS.map((level) => [level, findings.filter((finding) => finding.level === level).length] as const).filter(([, count]) => count > 0)
    lines.push(`${folder} (protocol-diff levels): ${counts.map(([level, count]) => `${count} ${LEVEL_TITLES[level]}`).join(', ')}`)
    for (const finding of findings.slice(0, MAX_FINDINGS)) lines.push(`  ${finding.variant.padEnd(12)} ${LEVEL_TITLES[finding.level].padEnd(20)} ${finding.rule.padEnd(24)} ${finding.member}`)
    if (findings.length > MAX_FINDINGS) lines.push(`  … and ${findings.length - MAX_FINDINGS} more (npm run protocol-diff -- HEAD <folder> for the whole report)`)
  }
  return lines
}
