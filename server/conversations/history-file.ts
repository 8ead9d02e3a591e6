// The format of one thread's history file: JSON Lines, each line a record ending in '\n'. The
// store's own lines carry `type: SUMMARY_RECORD_TYPE` and the whole summary at that point; the last
// one wins, so the index can always be rebuilt from the files. A last line without its '\n' is a
// write that never completed (a "torn" line): never acknowledged, so it is not part of the history.
import { SUMMARY_RECORD_TYPE, type ThreadRecord, type ThreadSummary } from './thread-store.js'

const NEWLINE = 0x0a

export function encodeLines(records: readonly object[]): string {
  let text = ''
  for (const record of records) text += `${JSON.stringify(record)}\n`
  return text
}

export function summaryLine(summary: ThreadSummary): object {
  return { type: SUMMARY_RECORD_TYPE, summary }
}

export interface ParsedHistory {
  /** The last summary line's summary; undefined when there is none or the file is corrupted. */
  summary: ThreadSummary | undefined
  /** The engine's records, when asked for. */
  records: ThreadRecord[]
  /** Bytes up to and including the last '\n'. */
  completeBytes: number
  /** Bytes after the last '\n' (a torn write). */
  tornBytes: number
  /** The first damaged complete line, if any. */
  corruption?: { line: number; reason: string }
}

/** Reads a history file's bytes; every line is checked, `withRecords` false keeps only the summary (for index rebuilds). */
export function parseHistory(bytes: Uint8Array, withRecords: boolean): ParsedHistory {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const completeBytes = buffer.lastIndexOf(NEWLINE) + 1
  const result: ParsedHistory = { summary: undefined, records: [], completeBytes, tornBytes: buffer.length - completeBytes }
  let start = 0
  let line = 0
  while (start < completeBytes) {
    const end = buffer.indexOf(NEWLINE, start)
    line++
    const text = buffer.toString('utf8', start, end)
    start = end + 1
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return corrupted(result, line, 'not valid JSON')
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as ThreadRecord).type !== 'string') {
      return corrupted(result, line, 'not a JSON object with a string "type"')
    }
    const record = value as ThreadRecord
    if (record.type === SUMMARY_RECORD_TYPE) {
      const problem = summaryProblem(record.summary)
      if (problem) return corrupted(result, line, `bad summary: ${problem}`)
      result.summary = record.summary as ThreadSummary
    } else if (withRecords) {
      result.records.push(record)
    }
  }
  if (!result.summary && completeBytes > 0) return corrupted(result, 1, 'no summary line')
  return result
}

function corrupted(result: ParsedHistory, line: number, reason: string): ParsedHistory {
  return { ...result, summary: undefined, records: [], corruption: { line, reason } }
}

/** What is wrong with a summary, for the fields the store relies on; undefined when it is fine. */
export function summaryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object'
  const summary = value as Record<string, unknown>
  for (const field of ['id', 'cwd', 'sourceKind', 'modelProvider', 'preview']) {
    if (typeof summary[field] !== 'string') return `"${field}" must be a string`
  }
  for (const field of ['createdAtMs', 'updatedAtMs']) {
    if (!Number.isFinite(summary[field])) return `"${field}" must be a number`
  }
  if (summary.recencyAtMs != null && !Number.isFinite(summary.recencyAtMs)) return '"recencyAtMs" must be a number or null'
  if (summary.name != null && typeof summary.name !== 'string') return '"name" must be a string or null'
  return undefined
}
