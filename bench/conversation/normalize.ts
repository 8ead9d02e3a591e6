// Makes a transcript stable from run to run: uuids, timestamps, temporary paths and version strings
// become placeholders, while every field name, the order of fields and all other values are kept.
// The same uuid always gets the same placeholder within one transcript, named after the field where
// it was first seen (`<thread-1>`, `<turn-2>`, `<item-3>` …), so relations between messages survive.
import type { Json } from './recorded-connection.js'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const TIMESTAMP_KEYS = new Set(['createdAt', 'updatedAt', 'startedAt', 'completedAt', 'startedAtMs', 'completedAtMs', 'emittedAtMs', 'archivedAt', 'lastUpdatedAt', 'resetsAt', 'timestamp', 'recencyAt'])
const DURATION_KEYS = new Set(['durationMs', 'elapsedMs'])
const PROCESS_KEYS = new Set(['processId', 'pid'])
const ISO_DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g
const ROLLOUT_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}/g
const DATE_FOLDERS = /sessions\/\d{4}\/\d{2}\/\d{2}/g

export class Normalizer {
  private readonly names = new Map<string, string>()
  private readonly counts = new Map<string, number>()

  /** `paths` maps absolute paths (longest first is best) to placeholders such as `<codex-home>`. */
  constructor(private readonly paths: [string, string][]) {}

  value(value: Json, key = '', parentKey = ''): Json {
    if (Array.isArray(value)) return value.map((entry) => this.value(entry, key, parentKey))
    if (value !== null && typeof value === 'object') {
      const out: { [key: string]: Json } = {}
      // Keys can be ids too (thread/list's readStates is keyed by thread id).
      for (const [childKey, child] of Object.entries(value)) out[this.text(childKey, key, parentKey)] = this.value(child, childKey, key)
      return out
    }
    if (typeof value === 'number' && TIMESTAMP_KEYS.has(key)) return key.endsWith('Ms') || value > 1e11 ? '<unix-ms>' : '<unix-s>'
    if (typeof value === 'number' && DURATION_KEYS.has(key)) return '<duration-ms>'
    if ((typeof value === 'string' || typeof value === 'number') && PROCESS_KEYS.has(key)) return '<pid>'
    if (typeof value === 'string') return this.text(value, key, parentKey)
    return value
  }

  private text(text: string, key: string, parentKey: string): string {
    let out = text
    for (const [path, placeholder] of this.paths) out = out.split(path).join(placeholder)
    out = out.replace(DATE_FOLDERS, 'sessions/<yyyy>/<mm>/<dd>').replace(ISO_DATETIME, '<iso-datetime>').replace(ROLLOUT_STAMP, '<datetime>').replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>')
    out = out.replace(UUID, (uuid) => this.placeholder(uuid.toLowerCase(), key, parentKey))
    return out
  }

  private placeholder(uuid: string, key: string, parentKey: string): string {
    const known = this.names.get(uuid)
    if (known) return known
    const kind = kindOf(key, parentKey)
    const count = (this.counts.get(kind) ?? 0) + 1
    this.counts.set(kind, count)
    const name = `<${kind}-${count}>`
    this.names.set(uuid, name)
    return name
  }
}

// threadId → thread, turn.id → turn, items[].id → item, anything else → id.
function kindOf(key: string, parentKey: string): string {
  if (key.endsWith('Id') && key.length > 2) return key.slice(0, -2).replace(/^(expected|client|root|parent|forked|source)/, '').toLowerCase() || 'id'
  if (key === 'id' || key === 'data') {
    const parent = parentKey.replace(/s$/, '')
    if (['thread', 'turn', 'item'].includes(parent)) return parent
  }
  return 'id'
}
