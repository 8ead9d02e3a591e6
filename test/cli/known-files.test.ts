// The record of files a build wrote or verified lets a later run skip reading them and listing
// their folders, but never hides an edit: a same-size edit with the modification time put back,
// an added file or a removed one is still caught.
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { copyRepo, removeCopy } from './helpers/repo-copy.js'
import { runNode } from './helpers/run-node.js'

let copy: string
const generator = (args: string[]) => runNode(copy, 'bin/write-app-server-schema.js', args)

beforeAll(async () => {
  copy = await copyRepo('known-files')
  expect((await generator(['--out', 'out'])).code).toBe(0)
  await new Promise((resolve) => setTimeout(resolve, 300)) // past the window where fresh files are not trusted
  expect((await generator(['--check', '--out', 'out'])).code).toBe(0) // records every file as verified
}, 120_000)
afterAll(async () => {
  if (copy) await removeCopy(copy)
})

test('a same-size edit with its modification time restored is still reported', async () => {
  const file = join(copy, 'out', 'generated', 'stable', 'v2', 'ThreadId.ts')
  const before = await stat(file)
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace('string', 'strinG'))
  await utimes(file, before.atime, before.mtime)
  const run = await generator(['--check', '--out', 'out'])
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('changed  generated/stable/v2/ThreadId.ts')
  expect((await generator(['--out', 'out'])).code).toBe(0)
  expect(await readFile(file, 'utf8')).toBe(text)
})

test('a file added to or removed from a folder since the record is still reported', async () => {
  const extra = join(copy, 'out', 'generated', 'stable', 'v2', 'Extra.ts')
  await writeFile(extra, 'export type Extra = string\n')
  let run = await generator(['--check', '--out', 'out'])
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('stale    generated/stable/v2/Extra.ts')
  expect((await generator(['--out', 'out'])).code).toBe(0)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect((await generator(['--check', '--out', 'out'])).code).toBe(0)

  const file = join(copy, 'out', 'fixtures', 'experimental', 'v2', 'ThreadStartParams.json')
  await rm(file)
  run = await generator(['--check', '--out', 'out'])
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('missing  fixtures/experimental/v2/ThreadStartParams.json')
  expect((await generator(['--out', 'out'])).code).toBe(0)
  await stat(file)
})

test('--no-cache reads every file and agrees', async () => {
  const run = await generator(['--check', '--no-cache', '--out', 'out'])
  expect(run.code).toBe(0)
})

test('a run that writes files records every one of them, so the next run reads none', async () => {
  const run = await generator(['--out', 'fresh'])
  const written = Number(/wrote (\d+) files/.exec(run.stdout)?.[1])
  expect(written).toBeGreaterThan(2000)
  const base = join(copy, 'node_modules', '.cache', 'codex-app-server-toolkit')
  const record = (await readdir(base, { recursive: true })).find((f) => f.endsWith(`known-${join(copy, 'fresh').replace(/[^A-Za-z0-9]+/g, '_')}.json`))
  expect(record).toBeDefined()
  // Every file listed with a stamp (an empty stamp marks a file too fresh to trust), and the folders too.
  const stored = JSON.parse(await readFile(join(base, record!), 'utf8')) as { paths: string[]; stamps: string[]; folders?: unknown[] }
  expect(stored.paths).toHaveLength(written)
  expect(stored.stamps.filter((stamp) => stamp !== '')).toHaveLength(written)
  expect(stored.folders?.length).toBeGreaterThan(0)
})
