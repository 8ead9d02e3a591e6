// `npm run protocol-diff -- FROM TO`: what changed in the protocol between two versions, judged by
// direction (see --help). Exit status: 0 clean, 1 findings at a --fail-on level that the ledger
// does not acknowledge, 2 usage errors.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { diffVersions } from './diff.js'
import { LEVELS, type Level } from './judge.js'
import { acknowledgement, readLedger, type LedgerEntry } from './ledger.js'
import { formatJson, formatMarkdown, formatText, toReport } from './report.js'
import { resolveSource, SourceError, type VersionLayout } from './sources.js'

const NAME = 'protocol-diff'
export const LEDGER_FILE = 'protocol/acknowledged-breaks.json'
const USAGE = `Usage: npm run protocol-diff -- FROM TO [--format text|json|markdown] [--fail-on LEVELS] [--ledger FILE] [--variant stable|experimental]

Lists every change of the protocol from FROM to TO, per variant, each with the rule that judged it
and a level: breaking-clients, breaking-servers, additive or experimental (experimental-only
members change freely; a member that becomes experimental is reported). Breaking findings carry an
example message that one side accepts and the other refuses.

FROM and TO are each one of:
  a supported version         e.g. 0.169.0 (this repository's committed fixtures of it)
  codex@X.Y.Z                 codex's own output for that release (installed from npm, cached)
  a git ref of this repository e.g. main, HEAD~3, v0.1.0 (its committed fixtures)
  a folder                    with stable/ and experimental/ (our layout) or json/ and json-exp/

Options:
  --format F       text (default), json, or markdown (for a pull-request comment)
  --fail-on LEVELS exit 1 when a finding has one of these comma-separated levels (or "breaking"
                   for both breaking levels) and the ledger does not acknowledge it
  --ledger FILE    acknowledged breaks (default ${LEDGER_FILE}, when it exists)
  --variant V      report one variant only
  -h, --help       show this help
`

export async function main(argv: string[], repoRoot: string, layout: VersionLayout): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string' }, ledger: { type: 'string' }, variant: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    })
    if (parsed.values.help) {
      process.stdout.write(USAGE)
      return 0
    }
    if (parsed.positionals.length !== 2) throw new Error(`expected FROM and TO, got ${parsed.positionals.length} argument(s)`)
    if (!['text', 'json', 'markdown'].includes(parsed.values.format!)) throw new Error(`--format must be text, json or markdown, not "${parsed.values.format}"`)
    if (parsed.values.variant !== undefined && !['stable', 'experimental'].includes(parsed.values.variant)) throw new Error(`--variant must be stable or experimental, not "${parsed.values.variant}"`)
    failLevels(parsed.values['fail-on'])
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message} (see --help)\n`)
    return 2
  }
  const { values, positionals } = parsed
  try {
    const ledgerPath = values.ledger !== undefined ? resolve(values.ledger) : join(repoRoot, LEDGER_FILE)
    const ledger: LedgerEntry[] = values.ledger !== undefined || existsSync(ledgerPath) ? await readLedger(ledgerPath) : []
    const [before, after] = await Promise.all(positionals.map((argument) => resolveSource(argument, repoRoot, layout)))
    const variants = values.variant === undefined ? (['stable', 'experimental'] as const) : ([values.variant] as ['stable' | 'experimental'])
    const findings = diffVersions(before!, after!).filter((finding) => variants.includes(finding.variant))
    const report = toReport(before!.label, after!.label, [...variants], findings, (finding) => acknowledgement(finding, ledger))
    const format = values.format === 'json' ? formatJson : values.format === 'markdown' ? formatMarkdown : formatText
    process.stdout.write(format(report))
    const failing = failLevels(values['fail-on'])
    const failures = report.findings.filter((finding) => finding.acknowledged === undefined && failing.has(finding.level))
    if (failures.length > 0) process.stderr.write(`${NAME}: ${failures.length} finding(s) at --fail-on levels not acknowledged in the ledger\n`)
    return failures.length > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof SourceError) {
      process.stderr.write(`${NAME}: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

function failLevels(option: string | undefined): Set<Level> {
  const levels = new Set<Level>()
  for (const name of option === undefined ? [] : option.split(',').map((part) => part.trim())) {
    if (name === 'breaking') levels.add('breaking-clients').add('breaking-servers')
    else if ((LEVELS as readonly string[]).includes(name)) levels.add(name as Level)
    else throw new Error(`--fail-on: unknown level "${name}" (levels: breaking, ${LEVELS.join(', ')})`)
  }
  return levels
}
