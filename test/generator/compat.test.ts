// compat per supported version: our fixtures of each version against codex's own output of that
// version, with 0 unexplained differences in both variants. Codex's output comes from the cache
// `npm run compat` fills (~/.cache/codex-app-server-toolkit/codex-<V>-generated); a version whose
// output is not cached is skipped with the command that fills it, so `npm test` needs no network.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { cacheRoot } from '../../generator/compat/codex-output.js'
import { memberDifferences } from '../../generator/compat/member-diff.js'
import { SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import { runNode } from '../cli/helpers/run-node.js'

const REPO = join(import.meta.dirname, '..', '..')

describe.each(SUPPORTED_VERSIONS)('compat against codex %s', (version) => {
  const cached = join(cacheRoot(), `codex-${version}-generated`)
  test.skipIf(!existsSync(join(cached, 'json-exp')))(`0 unexplained differences (needs npm run compat -- --version ${version} once)`, async () => {
    const result = await runNode(REPO, 'bin/compat.js', ['--version', version, '--codex-out', cached])
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(`compat: our ${version} fixtures`)
    expect(result.stdout).toContain('No unexplained differences.')
    expect(result.code).toBe(0)
  }, 120_000)
})

test('an unknown version is one line and exit status 2', async () => {
  const result = await runNode(REPO, 'bin/compat.js', ['--version', '0.170.0'])
  expect(result.stderr).toBe(`compat: unknown codex version "0.170.0" (supported: ${SUPPORTED_VERSIONS.join(', ')}) (see --help)\n`)
  expect(result.code).toBe(2)
})

describe('differences are named by kind and member', () => {
  const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required })
  test('fields added, removed and made required', () => {
    expect(memberDifferences(object({ a: { type: 'string' }, b: { type: 'string' } }, ['a']), object({ a: { type: 'string' }, c: { type: 'string' } }))).toEqual([
      'field added: .b', 'field removed: .c', 'field now required: .a',
    ])
  })
  test('enum values and union arms, paired by their tag rather than their position', () => {
    const arm = (tag: string, extra: Record<string, unknown> = {}) => object({ type: { type: 'string', enum: [tag] }, ...extra }, ['type'])
    expect(memberDifferences({ oneOf: [arm('a'), arm('new'), arm('b', { x: { type: 'string', enum: ['p', 'q'] } })] }, { oneOf: [arm('a'), arm('b', { x: { type: 'string', enum: ['p'] } })] })).toEqual([
      'arm added: type=new', 'enum value added at [type=b].x: "q"',
    ])
  })
  test('a node whose kind changed', () => {
    expect(memberDifferences(object({ n: { type: 'integer' } }), object({ n: { type: 'string' } }))).toEqual(['type changed at .n'])
    expect(memberDifferences({ oneOf: [{ type: 'null' }] }, object({}))).toEqual(['type changed (codex has a union)'])
  })
})
