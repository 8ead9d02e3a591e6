// Bad output locations and a damaged output cache: one line, or a correct regeneration, never a
// stack trace or a silently wrong file.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { copyRepo, REPO, removeCopy } from './helpers/repo-copy.js'
import { linesOf, runNode } from './helpers/run-node.js'

test('--out naming a file: one line on stderr, exit 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'write-schema-file-'))
  try {
    await writeFile(join(dir, 'file'), 'x\n')
    for (const args of [['--out', join(dir, 'file')], ['--check', '--out', join(dir, 'file')]]) {
      const run = await runNode(REPO, 'bin/write-app-server-schema.js', args)
      expect(run.code).toBe(1)
      const lines = linesOf(run.stderr)
      expect(lines, run.stderr).toHaveLength(1)
      expect(lines[0]).toMatch(/^write-app-server-schema: cannot read or write the output folder: .*file/)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

let copy: string
const generator = (args: string[]) => runNode(copy, 'bin/write-app-server-schema.js', args)

async function cacheFile(): Promise<string> {
  const base = join(copy, 'node_modules/.cache/codex-app-server-toolkit')
  const found = (await readdir(base, { recursive: true })).find((f) => /output-\d+\.bin$/.test(f))
  if (!found) throw new Error('no output cache')
  return join(base, found)
}

beforeAll(async () => {
  copy = await copyRepo('cache-damage')
  expect((await generator(['--out', 'out'])).code).toBe(0)
}, 120_000)
afterAll(async () => {
  if (copy) await removeCopy(copy)
})

test('a truncated output cache is ignored: the run regenerates and writes correct files', async () => {
  const cache = await cacheFile()
  const data = await readFile(cache)
  await writeFile(cache, data.subarray(0, data.length - 5000))
  const run = await generator(['--out', 'out'])
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('no changes')
  expect((await generator(['--check', '--no-cache', '--out', 'out'])).code).toBe(0)
})

test('an altered output cache is ignored', async () => {
  const cache = await cacheFile()
  const data = await readFile(cache)
  data[data.length - 10] = data[data.length - 10]! ^ 1
  await writeFile(cache, data)
  const run = await generator(['--check', '--out', 'out'])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
})

test('an altered output cache is not written out when a file must be restored', async () => {
  const cache = await cacheFile()
  const data = await readFile(cache)
  // The last bytes of the cache belong to the last file it lists; damage that file's content
  // (another byte than the test before flips, so the two cannot cancel out).
  data[data.length - 20] = data[data.length - 20]! ^ 1
  await writeFile(cache, data)
  const header = JSON.parse(data.subarray(0, data.indexOf(10)).toString('utf8')) as { entries: [string, number][] }
  const lastFile = join(copy, 'out', header.entries.at(-1)![0])
  await rm(lastFile)
  const run = await generator(['--out', 'out'])
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('wrote 1 files (1 new)')
  expect((await generator(['--check', '--no-cache', '--out', 'out'])).code).toBe(0)
})

test('an unreadable output cache is ignored, not a crash', async () => {
  await writeFile(await cacheFile(), 'garbage\n')
  const run = await generator(['--check', '--out', 'out'])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
})
