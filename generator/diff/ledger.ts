// The ledger of acknowledged breaks: a committed JSON file listing breaking findings that were
// accepted on purpose (rule id + member, optionally one variant, and why). Listed findings are
// still reported, marked as acknowledged, but no longer fail `--fail-on`.
import { readFile } from 'node:fs/promises'
import { isRecord } from '../model/schema-nodes.js'
import type { Finding } from './judge.js'
import { SourceError } from './sources.js'

export interface LedgerEntry {
  rule: string
  member: string
  variant?: 'stable' | 'experimental'
  reason: string
}

export async function readLedger(path: string): Promise<LedgerEntry[]> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new SourceError(`ledger ${path}: ${(error as Error).message}`)
  }
  const entries = isRecord(data) ? data.acknowledged : undefined
  if (!Array.isArray(entries)) throw new SourceError(`ledger ${path}: expected {"acknowledged": [{"rule", "member", "reason"}, …]}`)
  return entries.map((entry, index) => {
    const ok = isRecord(entry) && typeof entry.rule === 'string' && typeof entry.member === 'string' && typeof entry.reason === 'string' && entry.reason.trim() !== ''
      && (entry.variant === undefined || entry.variant === 'stable' || entry.variant === 'experimental')
    if (!ok) throw new SourceError(`ledger ${path}: entry ${index} needs "rule", "member" and a non-empty "reason" (and "variant", if any, stable or experimental)`)
    return entry as unknown as LedgerEntry
  })
}

/** The ledger entry that acknowledges a finding, if any. */
export function acknowledgement(finding: Finding, ledger: readonly LedgerEntry[]): LedgerEntry | undefined {
  return ledger.find((entry) => entry.rule === finding.rule && entry.member === finding.member && (entry.variant === undefined || entry.variant === finding.variant))
}
