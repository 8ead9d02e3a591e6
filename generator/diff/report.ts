// The three ways protocol-diff prints its findings: text for people, JSON for tools, Markdown for a
// pull-request comment. Each lists, per variant, every finding grouped by level.
import { LEVELS, type Finding, type Level } from './judge.js'
import type { LedgerEntry } from './ledger.js'

export interface Report {
  from: string
  to: string
  variants: ('stable' | 'experimental')[]
  findings: ReportedFinding[]
}

export interface ReportedFinding extends Omit<Finding, 'change'> {
  /** The ledger's reason, when the break was acknowledged. */
  acknowledged?: string
}

export const LEVEL_TITLES: Record<Level, string> = {
  'breaking-clients': 'breaking for clients',
  'breaking-servers': 'breaking for servers',
  additive: 'additive',
  experimental: 'experimental only',
}

export function toReport(from: string, to: string, variants: Report['variants'], findings: readonly Finding[], acknowledged: (finding: Finding) => LedgerEntry | undefined): Report {
  return {
    from,
    to,
    variants,
    findings: findings.map(({ change: _change, ...rest }) => {
      const entry = acknowledged(rest as Finding)
      return entry === undefined ? rest : { ...rest, acknowledged: entry.reason }
    }),
  }
}

export function formatText(report: Report): string {
  const lines = [`protocol-diff ${report.from} → ${report.to}`]
  for (const [variant, findings] of byVariant(report)) {
    lines.push('', `${variant}: ${summary(findings)}`)
    for (const [level, group] of byLevel(findings)) {
      lines.push(`  ${LEVEL_TITLES[level]} (${group.length})`)
      for (const finding of group) {
        lines.push(`    ${finding.rule.padEnd(24)} ${finding.member}${finding.detail ? `  (${finding.detail})` : ''}${finding.acknowledged ? `  [acknowledged: ${finding.acknowledged}]` : ''}`)
        if (finding.example) lines.push(`      e.g. ${JSON.stringify(finding.example.message)}`, `           accepted by ${finding.example.acceptedBy}, refused by ${finding.example.refusedBy}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

export function formatMarkdown(report: Report): string {
  const lines = [`### Protocol changes ${report.from} → ${report.to}`]
  for (const [variant, findings] of byVariant(report)) {
    lines.push('', `#### ${variant} variant: ${summary(findings)}`)
    for (const [level, group] of byLevel(findings)) {
      lines.push('', `**${LEVEL_TITLES[level]}**`, '', '| rule | member | detail | example |', '|---|---|---|---|')
      for (const finding of group) {
        const example = finding.example ? `\`${escapeCell(JSON.stringify(finding.example.message))}\` accepted by ${finding.example.acceptedBy}, refused by ${finding.example.refusedBy}` : ''
        const detail = [finding.detail, finding.acknowledged ? `acknowledged: ${finding.acknowledged}` : undefined].filter(Boolean).join('; ')
        lines.push(`| ${finding.rule} | \`${escapeCell(finding.member)}\` | ${escapeCell(detail)} | ${example} |`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

function byVariant(report: Report): [string, ReportedFinding[]][] {
  return report.variants.map((variant) => [variant, report.findings.filter((finding) => finding.variant === variant)])
}

function byLevel(findings: ReportedFinding[]): [Level, ReportedFinding[]][] {
  return LEVELS.map((level) => [level, findings.filter((finding) => finding.level === level)] as [Level, ReportedFinding[]]).filter(([, group]) => group.length > 0)
}

function summary(findings: ReportedFinding[]): string {
  if (findings.length === 0) return 'no changes'
  const counts = byLevel(findings).map(([level, group]) => `${group.length} ${LEVEL_TITLES[level]}`)
  const acknowledged = findings.filter((finding) => finding.acknowledged !== undefined).length
  return `${counts.join(', ')}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''}`
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}
