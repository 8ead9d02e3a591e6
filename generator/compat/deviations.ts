// Deliberate differences from codex, read from deviations.json: each names what it covers (exact
// names, `*` globs, or a computed rule) and why. Compat reports matching rows as deviations.
import { readFile } from 'node:fs/promises'
import type { CompatKind, CompatRow, CompatStatus } from './compare.js'

export const DEVIATIONS_FILE = 'deviations.json'

/** Rules whose membership is computed from the two outputs rather than listed. */
export type DeviationRule =
  /** A method our definitions mark experimental (codex's stable output still lists runtime-gated notifications). */
  | 'experimental-method'
  /** A type (or its fixture file) that, in codex's own output of the variant, no method of the variant nor the envelope reaches. */
  | 'unreachable-in-codex'

export interface SchemaDeviation {
  id: string
  variant: 'stable' | 'experimental' | '*'
  kind: CompatKind
  status: CompatStatus
  names?: string[]
  rule?: DeviationRule
  reason: string
}

export interface DeviationsFile {
  schema: SchemaDeviation[]
  server: { id: string; reason: string }[]
}

export async function readDeviations(path: string): Promise<DeviationsFile> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as DeviationsFile
  for (const d of parsed.schema) {
    if (!d.id || !d.reason || !d.kind || !d.status || !d.variant || (!d.names && !d.rule)) {
      throw new Error(`${path}: schema deviation ${JSON.stringify(d.id ?? d)} needs id, variant, kind, status, reason and names or rule`)
    }
  }
  return parsed
}

export interface RuleFacts {
  experimentalMethods: Set<string>
  /** Per variant, codex types that no root of the variant reaches in codex's own output. */
  unreachableInCodex: Map<string, Set<string>>
}

/** The deviation that explains a row, if any. */
export function explain(row: CompatRow, deviations: SchemaDeviation[], facts: RuleFacts): SchemaDeviation | undefined {
  return deviations.find((d) =>
    (d.variant === '*' || d.variant === row.variant) && d.kind === row.kind && d.status === row.status &&
    ((d.names && d.names.some((pattern) => globMatch(pattern, row.name))) || (d.rule && ruleMatches(d.rule, row, facts))))
}

function ruleMatches(rule: DeviationRule, row: CompatRow, facts: RuleFacts): boolean {
  if (rule === 'experimental-method') return facts.experimentalMethods.has(row.name.split(' ')[1] ?? '')
  const typeName = row.kind === 'file' ? row.name.replace(/^.*\//, '').replace(/\.json$/, '') : row.name
  return facts.unreachableInCodex.get(row.variant)?.has(typeName) ?? false
}

function globMatch(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`)
  return re.test(name)
}
