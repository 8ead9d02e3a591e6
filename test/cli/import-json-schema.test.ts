// `import-json-schema` run for real: usage, and one-line errors for missing or bad input.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { REPO } from './helpers/repo-copy.js'
import { linesOf, runNode } from './helpers/run-node.js'

const runImporter = (args: string[]) => runNode(REPO, 'bin/import-json-schema.js', args)

describe('import-json-schema', () => {
  test('--help prints the usage and exits 0', async () => {
    const run = await runImporter(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: import-json-schema --bundle FILE --out DIR/)
    expect(run.stdout).toContain('--ts-dir DIR')
    expect(run.stderr).toBe('')
  })

  test.each([
    [['--out', 'somewhere'], '--bundle and --out are required'],
    [['--bundle', 'fixtures/experimental/codex_app_server_protocol.schemas.json'], '--bundle and --out are required'],
    [['--bogus'], '--bogus'],
    [['--bundle'], '--bundle'],
  ])('%j: one line on stderr, exit 2', async (args, named) => {
    const run = await runImporter(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = linesOf(run.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^import-json-schema: /)
    expect(lines[0]).toContain(named)
  })

  test('a bundle that does not exist: one line naming the file, exit 1, nothing written', async () => {
    const out = await mkdtemp(join(tmpdir(), 'import-missing-'))
    try {
      const run = await runImporter(['--bundle', join(out, 'nope.json'), '--out', out])
      expect(run.code).toBe(1)
      const lines = linesOf(run.stderr)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^import-json-schema: .*nope\.json/)
      expect(await readdir(out)).toEqual([])
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  test('--only imports just what the named types reach', async () => {
    const out = await mkdtemp(join(tmpdir(), 'import-only-'))
    try {
      const run = await runImporter(['--bundle', 'fixtures/experimental/codex_app_server_protocol.schemas.json', '--only', 'ThreadStartParams', '--out', out])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/^v2\/thread\.ts: \d+ types$/m)
      expect(await readdir(join(out, 'v2'))).toContain('thread.ts')
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
