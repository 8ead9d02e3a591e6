// Golden cases of protocol-diff's rules: each folder under cases/ holds a before and an after
// bundle (or {stable, experimental} pair), the findings expected, and where needed results.json
// (method → result type), as data.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffVersions, readVersion, type ProtocolVersion } from '../../../generator/diff/diff.js'
import { RULES } from '../../../generator/diff/rules/index.js'

const CASES = join(import.meta.dirname, 'cases')

function version(label: string, file: string): ProtocolVersion {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const [stable, experimental] = 'stable' in data ? [data.stable, data.experimental] : [data, data]
  // Result types, where the case does not follow the Params → Response naming.
  const resultsFile = join(dirname(file), 'results.json')
  const results = new Map(existsSync(resultsFile) ? Object.entries(JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, string>) : [])
  return readVersion(label, stable, experimental, results)
}

interface Expected { variant?: string; rule: string; level: string; member: string; example: boolean }

describe('protocol-diff rules (golden cases)', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name, () => {
      const dir = join(CASES, name)
      const findings = diffVersions(version('before', join(dir, 'before.json')), version('after', join(dir, 'after.json')))
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected[]
      // A case without variants expects the same findings in both.
      const wanted = expected.flatMap((entry) => (entry.variant ? [entry] : [{ ...entry, variant: 'stable' }, { ...entry, variant: 'experimental' }]))
      const actual = findings.map((finding) => ({ variant: finding.variant, rule: finding.rule, level: finding.level, member: finding.member, example: finding.example !== undefined }))
      const key = (entry: Expected) => `${entry.variant} ${entry.member} ${entry.rule}`
      expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(wanted.sort((a, b) => key(a).localeCompare(key(b))))
    })
  }

  it('has a golden case for every rule but the catalog-only ones', () => {
    const used = new Set(readdirSync(CASES).flatMap((name) => (JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as Expected[]).map((entry) => entry.rule)))
    const missing = RULES.map((rule) => rule.id).filter((id) => !used.has(id))
    expect(missing).toEqual([])
  })

  it('shows each breaking example as a message the one side accepts and the other refuses', () => {
    const dir = join(CASES, 'value-added-to-server-data')
    const [finding] = diffVersions(version('0.1', join(dir, 'before.json')), version('0.2', join(dir, 'after.json')))
    expect(finding!.example).toEqual({ message: { method: 'status/changed', params: { status: 'paused' } }, acceptedBy: '0.2', refusedBy: 'older clients (0.1)' })
  })
})
