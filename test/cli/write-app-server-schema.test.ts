// `write-app-server-schema` run for real, from the repository's definitions, into temp folders:
// flags, a full write, idempotence, and --check on a tree that was edited, trimmed or padded.
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { protocol } from '../../protocol/index.js'
import { generate } from '../../generator/generate.js'
import { REPO } from './helpers/repo-copy.js'
import { linesOf, runNode } from './helpers/run-node.js'

const runGenerator = (args: string[]) => runNode(REPO, 'bin/write-app-server-schema.js', args)

describe('usage errors', () => {
  test('--help prints the usage and exits 0', async () => {
    const run = await runGenerator(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: write-app-server-schema \[--check\] \[--out DIR\]/)
    expect(run.stdout).toContain('--check')
    expect(run.stderr).toBe('')
  })

  test.each([
    [['--bogus'], '--bogus'],
    [['stray'], '"stray"'],
    [['--out'], '--out'],
    [['--out', ''], '--out needs a folder'],
    [['--check', 'extra', '--out', 'x'], '"extra"'],
  ])('%j: one line on stderr naming the problem, exit 2', async (args, named) => {
    const run = await runGenerator(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = linesOf(run.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^write-app-server-schema: /)
    expect(lines[0]).toContain(named)
    expect(lines[0]).toContain('(see --help)')
  })
})

describe('--out into a temp folder', () => {
  let out: string
  const expected = [...generate(protocol).files.keys()].sort()

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'write-schema-out-'))
  })
  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort()
  }

  // The steps build on each other, so they run in order on one folder.
  test('a first run writes the full tree: fixtures, generated types and the meta model', async () => {
    await writeFile(join(out, 'NOTES.txt'), 'not the generator\'s\n')
    const run = await runGenerator(['--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`wrote ${expected.length} files (${expected.length} new), removed 0, 0 unchanged under ${out}`)
    expect(await filesUnder(out)).toEqual([...expected, 'NOTES.txt'].sort())
    expect(await readFile(join(out, 'NOTES.txt'), 'utf8')).toBe('not the generator\'s\n')
  })

  test('a second run changes nothing', async () => {
    const run = await runGenerator(['--out', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`no changes: ${expected.length} files up to date under ${out}`)
  })

  test('--check on the fresh tree exits 0', async () => {
    const run = await runGenerator(['--check', '--out', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${expected.length} files match the definitions`)
  })

  test('--no-cache generates from the definitions and agrees with the cached run', async () => {
    const run = await runGenerator(['--check', '--no-cache', '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${expected.length} files match the definitions`)
  })

  test('--check after a hand edit exits 1, lists the file, shows the diff and the fix command', async () => {
    const edited = 'generated/stable/v2/ThreadStartParams.ts'
    const original = await readFile(join(out, edited), 'utf8')
    await writeFile(join(out, edited), original.replace('export type ThreadStartParams', '// edited by hand\nexport type ThreadStartParams'))
    const run = await runGenerator(['--check', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('No change in methods or types: generated files were edited by hand or are missing.')
    expect(run.stdout).toContain(`  changed  ${edited}`)
    expect(run.stdout).toContain('-// edited by hand')
    expect(run.stdout).toContain(`To fix: npm run write-app-server-schema -- --out ${out}`)
    await writeFile(join(out, edited), original)
  })

  test('--check after a deletion exits 1 and lists the file as missing', async () => {
    const deleted = 'fixtures/experimental/v2/ThreadStartParams.json'
    await unlink(join(out, deleted))
    const run = await runGenerator(['--check', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`  missing  ${deleted}`)
    expect(run.stdout).toContain('files: 0 changed, 1 missing, 0 no longer generated')
    expect(run.stdout).toContain('To fix: npm run write-app-server-schema -- --out')
  })

  test('a normal run restores the deleted file', async () => {
    const run = await runGenerator(['--out', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('wrote 1 files (1 new), removed 0')
    expect((await runGenerator(['--check', '--out', out])).code).toBe(0)
  })

  test('--check without the committed meta model still lists the files, and says why', async () => {
    const model = join(out, 'generated/meta-model.json')
    const saved = await readFile(model, 'utf8')
    await unlink(model)
    const run = await runGenerator(['--check', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The committed generated/meta-model.json is missing or unreadable, so only files are listed.')
    expect(run.stdout).toContain('  missing  generated/meta-model.json')
    await writeFile(model, saved)
    expect((await runGenerator(['--check', '--out', out])).code).toBe(0)
  })

  test('a stale extra file fails --check and is removed by a normal run, with its emptied folder', async () => {
    await mkdir(join(out, 'generated/stable/old'), { recursive: true })
    await writeFile(join(out, 'generated/stable/old/Gone.ts'), 'export type Gone = string;\n')
    const check = await runGenerator(['--check', '--out', out])
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('  stale    generated/stable/old/Gone.ts')
    const run = await runGenerator(['--out', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('wrote 0 files (0 new), removed 1')
    expect(await readdir(join(out, 'generated/stable'))).not.toContain('old')
    expect(await filesUnder(out)).toEqual([...expected, 'NOTES.txt'].sort())
  })

  test('files outside the generator\'s folders are never touched', async () => {
    expect(await readFile(join(out, 'NOTES.txt'), 'utf8')).toBe('not the generator\'s\n')
  })
})
