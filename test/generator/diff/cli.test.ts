// protocol-diff's command line, run as a user runs it: arguments, exit statuses, formats, ledger.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')
const CASE = join(import.meta.dirname, 'cases/value-added-to-server-data')
const work = mkdtempSync(join(tmpdir(), 'protocol-diff-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A folder in our fixture layout holding one case bundle as both variants. */
function folder(name: string, bundle: string): string {
  const dir = join(work, name)
  for (const variant of ['stable', 'experimental']) {
    mkdirSync(join(dir, variant), { recursive: true })
    copyFileSync(bundle, join(dir, variant, 'codex_app_server_protocol.schemas.json'))
  }
  return dir
}

const before = folder('before', join(CASE, 'before.json'))
const after = folder('after', join(CASE, 'after.json'))

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/protocol-diff.js'), ...args], { cwd: work, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('protocol-diff CLI', () => {
  it('prints the findings as text and exits 0 without --fail-on', () => {
    const { status, stdout } = run(before, after)
    expect(status).toBe(0)
    expect(stdout).toContain('stable: 1 breaking for clients')
    expect(stdout).toMatch(/value-added\s+Status:paused/)
    expect(stdout).toContain('e.g. {"method":"status/changed","params":{"status":"paused"}}')
  })

  it('fails on a breaking level unless the ledger acknowledges the finding', () => {
    expect(run(before, after, '--fail-on', 'breaking').status).toBe(1)
    expect(run(before, after, '--fail-on', 'breaking-servers').status).toBe(0)
    const ledger = join(work, 'ledger.json')
    writeFileSync(ledger, JSON.stringify({ acknowledged: [{ rule: 'value-added', member: 'Status:paused', reason: 'clients were told in advance' }] }))
    const { status, stdout } = run(before, after, '--fail-on', 'breaking', '--ledger', ledger)
    expect(status).toBe(0)
    expect(stdout).toContain('[acknowledged: clients were told in advance]')
  })

  it('writes JSON and Markdown', () => {
    const json = JSON.parse(run(before, after, '--format', 'json', '--variant', 'stable').stdout)
    expect(json.variants).toEqual(['stable'])
    expect(json.findings).toEqual([expect.objectContaining({ rule: 'value-added', level: 'breaking-clients', member: 'Status:paused', breaks: ['clients'] })])
    expect(run(before, after, '--format', 'markdown').stdout).toContain('| value-added | `Status:paused` |')
  })

  it('says in one line what is wrong with its arguments, exit status 2', () => {
    const cases: [string[], RegExp][] = [
      [[before], /expected FROM and TO, got 1/],
      [[before, after, '--format', 'yaml'], /--format must be text, json or markdown/],
      [[before, after, '--fail-on', 'severe'], /--fail-on: unknown level "severe"/],
      [[before, after, '--colour'], /Unknown option '--colour'/],
      [['9.9.9', after], /9\.9\.9 is not a supported version .* use codex@9\.9\.9/],
      [['no-such-ref-anywhere', after], /no-such-ref-anywhere is not a folder, a supported version .*, nor a git ref/],
      [[work, after], /expected codex_app_server_protocol\.schemas\.json in stable\/ and experimental\//],
    ]
    for (const [args, message] of cases) {
      const { status, stderr } = run(...args)
      expect(status, args.join(' ')).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(message)
    }
  })

  it('refuses a broken ledger in one line', () => {
    const ledger = join(work, 'broken-ledger.json')
    writeFileSync(ledger, JSON.stringify({ acknowledged: [{ rule: 'value-added', member: 'Status:paused' }] }))
    const { status, stderr } = run(before, after, '--ledger', ledger)
    expect(status).toBe(2)
    expect(stderr).toMatch(/entry 0 needs "rule", "member" and a non-empty "reason"/)
  })
})
