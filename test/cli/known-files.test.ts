// The record of files a build wrote or verified lets a later run skip reading them, but never hides
// an edit: a same-size edit with the modification time put back is still caught.
import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
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

test('--no-cache reads every file and agrees', async () => {
  const run = await generator(['--check', '--no-cache', '--out', 'out'])
  expect(run.code).toBe(0)
})
