// Editing the definitions in a throwaway copy of the repository: --check names the changed member,
// and broken definitions fail with one line that says what and where.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { copyRepo, removeCopy } from './helpers/repo-copy.js'
import { linesOf, runNode } from './helpers/run-node.js'

const THREAD_FILE = 'protocol/v2/thread.ts'
const REGISTRY_FILE = 'protocol/registry.ts'
const START_OF_PARAMS = "export const ThreadStartParams = v2('ThreadStartParams', t.object({\n"

let copy: string
const originals = new Map<string, string>()
const run = (args: string[] = []) => runNode(copy, 'bin/write-app-server-schema.js', args)

/** Rewrites a definition file of the copy; the original comes back after each test. */
async function edit(path: string, change: (source: string) => string): Promise<void> {
  const source = await readFile(join(copy, path), 'utf8')
  if (!originals.has(path)) originals.set(path, source)
  const changed = change(source)
  expect(changed, `the edit of ${path} must change it`).not.toBe(source)
  await writeFile(join(copy, path), changed)
}

/** Inserts lines as the first fields of ThreadStartParams. */
function withFirstFields(lines: string) {
  return (source: string) => {
    expect(source).toContain(START_OF_PARAMS)
    return source.replace(START_OF_PARAMS, `${START_OF_PARAMS}${lines}\n`)
  }
}

beforeAll(async () => {
  copy = await copyRepo('definition-edits')
  const first = await run()
  expect(first.stderr).toBe('')
  expect(first.code).toBe(0)
})

afterEach(async () => {
  for (const [path, source] of originals) await writeFile(join(copy, path), source)
  originals.clear()
})

afterAll(async () => {
  if (copy) await removeCopy(copy)
})

describe('--check after a definition change', () => {
  test('the regenerated copy checks clean', async () => {
    expect((await run(['--check'])).code).toBe(0)
  })

  test('an added field fails --check, naming the type and the field in both variants', async () => {
    await edit(THREAD_FILE, withFirstFields('  addedByTest: t.optional(t.string()),'))
    const check = await run(['--check'])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/^stable:\n(?: {2}.*\n)*? {2}type ThreadStartParams: field addedByTest added$/m)
    expect(check.stdout).toMatch(/^experimental:\n(?: {2}.*\n)*? {2}type ThreadStartParams: field addedByTest added$/m)
    expect(check.stdout).toContain('  changed  fixtures/stable/v2/ThreadStartParams.json')
    expect(check.stdout).toContain('  changed  generated/experimental/v2/ThreadStartParams.ts')
    expect(check.stdout).toContain('To fix: npm run write-app-server-schema\n')
    // Judged as protocol-diff judges it: an optional param breaks nobody.
    expect(check.stdout).toMatch(/^fixtures\/ \(protocol-diff levels\): 2 additive$/m)
    expect(check.stdout).toMatch(/^ {2}stable +additive +field-added-optional +ThreadStartParams\.addedByTest$/m)
  })

  test('a changed field type is named with what changed', async () => {
    await edit(THREAD_FILE, (source) => {
      const start = source.indexOf(START_OF_PARAMS)
      const cwd = source.indexOf('\n  cwd: t.option(t.string(', start)
      expect(cwd, 'ThreadStartParams.cwd is an optional string').toBeGreaterThan(start)
      return `${source.slice(0, cwd)}\n  cwd: t.option(t.boolean(${source.slice(cwd + '\n  cwd: t.option(t.string('.length)}`
    })
    const check = await run(['--check'])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/ {2}type ThreadStartParams: field cwd changed \(\/type\[0\]: "string" → "boolean"\)/)
    expect(check.stdout).toMatch(/^ {2}stable +breaking for clients +shape-changed +ThreadStartParams\.cwd$/m)
  })

  test('an experimental field shows up only in the experimental variant', async () => {
    await edit(THREAD_FILE, withFirstFields("  trialOnly: t.experimental('thread/start.trialOnly', t.optional(t.boolean())),"))
    const check = await run(['--check'])
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('  type ThreadStartParams: field trialOnly added')
    const stable = check.stdout.slice(check.stdout.indexOf('stable:'), check.stdout.indexOf('experimental:'))
    expect(check.stdout.indexOf('experimental:')).toBeGreaterThan(-1)
    expect(stable).not.toContain('trialOnly')
  })
})

describe('broken definitions', () => {
  async function expectOneErrorLine(args: string[], ...parts: string[]) {
    const result = await run(args)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const lines = linesOf(result.stderr)
    expect(lines, result.stderr).toHaveLength(1)
    for (const part of parts) expect(lines[0]).toContain(part)
    return lines[0]!
  }

  test('a dangling reference: one definition error naming the type, field and missing name', async () => {
    await edit(THREAD_FILE, withFirstFields("  broken: t.ref('Nope'),"))
    await expectOneErrorLine([], 'write-app-server-schema: definition error: type ThreadStartParams at .broken: reference to unknown type Nope')
    await expectOneErrorLine(['--check'], 'definition error: type ThreadStartParams')
  })

  test('a duplicate method: one definition error naming the method', async () => {
    await edit(REGISTRY_FILE, (source) => {
      const table = "export const clientRequests: MethodTables['clientRequests'] = [\n"
      expect(source).toContain(table)
      return source.replace(table, `${table}  { method: 'thread/start', params: v1Initialize.InitializeParams, result: v1Initialize.InitializeResponse, scope: scope.none },\n`)
    })
    await expectOneErrorLine([], 'definition error: clientRequest thread/start: duplicate method name')
  })

  test('a syntax error: one line naming the file, line and column', async () => {
    await edit(THREAD_FILE, (source) => `${source}\nexport const Unfinished = v2('Unfinished', t.object({\n`)
    const line = await expectOneErrorLine([], 'write-app-server-schema: the sources failed to compile: ')
    expect(line).toMatch(/protocol\/v2\/thread\.ts:\d+:\d+: /)
  })

  test('a definition that throws while loading: one line saying so', async () => {
    await edit(THREAD_FILE, (source) => `${source}\nexport const Thrown = (() => { throw new Error('boom in a family file') })()\n`)
    await expectOneErrorLine([], 'write-app-server-schema: the definitions failed to load: boom in a family file')
  })
})
