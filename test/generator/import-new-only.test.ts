// import-json-schema --new-only: from a codex bundle that has one method and two types more than
// protocol/, it writes only those types (marked added, with the family that reaches them) and a
// registry stub without a scope. The bundle is our own latest one with the additions spliced in.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runNode, type RunResult } from '../cli/helpers/run-node.js'

const REPO = join(import.meta.dirname, '..', '..')
let dir: string
let run: RunResult

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-new-only-'))
  const bundle = JSON.parse(await readFile(join(REPO, 'fixtures/experimental/codex_app_server_protocol.schemas.json'), 'utf8'))
  const v2 = bundle.definitions.v2
  v2.ThreadPinParams = { type: 'object', properties: { threadId: { type: 'string' }, color: { $ref: '#/definitions/v2/PinColor' } }, required: ['threadId'] }
  v2.ThreadPinResponse = { type: 'object' }
  v2.PinColor = { type: 'string', enum: ['red', 'blue'] }
  v2.Project.properties.badge = { $ref: '#/definitions/v2/ProjectBadge' }
  v2.ProjectBadge = { type: 'integer', format: 'uint8', minimum: 0, enum: [1, 2] }
  bundle.definitions.ClientRequest.oneOf.push({
    type: 'object', required: ['id', 'method', 'params'],
    properties: { id: { $ref: '#/definitions/RequestId' }, method: { type: 'string', enum: ['thread/pin'] }, params: { $ref: '#/definitions/v2/ThreadPinParams' } },
  })
  await writeFile(join(dir, 'bundle.json'), JSON.stringify(bundle))
  run = await runNode(REPO, 'bin/import-json-schema.js', ['--bundle', join(dir, 'bundle.json'), '--new-only', '9.9.9', '--out', join(dir, 'incoming')])
}, 60_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('only the new types are written, marked added, each with the family that reaches it', async () => {
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const thread = await readFile(join(dir, 'incoming/v2/thread.ts'), 'utf8')
  expect(thread).toContain("export const ThreadPinParams = v2('ThreadPinParams', t.object({")
  expect(thread).toContain("{ added: '9.9.9' })")
  expect(thread).toContain("export const PinColor = v2('PinColor', t.enum(['red', 'blue']), { added: '9.9.9' })")
  const project = await readFile(join(dir, 'incoming/v2/project.ts'), 'utf8')
  expect(project).toContain("export const ProjectBadge = v2('ProjectBadge', t.intEnum([1, 2], 'uint8'), { added: '9.9.9' })")
  expect(run.stdout).not.toMatch(/ThreadStartParams|unassigned/)
})

test('the registry stub has the new method without a scope (so it does not compile), and the result guessed from the params name', async () => {
  const stubs = await readFile(join(dir, 'incoming/registry-stubs.ts'), 'utf8')
  const entry = stubs.split('\n').find((line) => line.includes("method: 'thread/pin'"))!
  expect(entry).toContain('params: incomingThread.ThreadPinParams')
  expect(entry).toContain('result: incomingThread.ThreadPinResponse')
  expect(entry).toContain("added: '9.9.9'")
  expect(entry).not.toContain('scope')
  expect(stubs).toContain("import * as incomingThread from './v2/thread.js'")
  expect(run.stdout).toContain('registry-stubs.ts: 1 new methods')
})

test('--new-only refuses an existing folder and a version that is not one, with one line and exit 2', async () => {
  const existing = await runNode(REPO, 'bin/import-json-schema.js', ['--bundle', join(dir, 'bundle.json'), '--new-only', '9.9.9', '--out', dir])
  expect(existing.code).toBe(2)
  expect(existing.stderr).toMatch(/^import-json-schema: --new-only writes into a new folder, and .* exists \(nothing written\)\n$/)
  const bad = await runNode(REPO, 'bin/import-json-schema.js', ['--bundle', join(dir, 'bundle.json'), '--new-only', 'latest', '--out', join(dir, 'x')])
  expect(bad.code).toBe(2)
  expect(bad.stderr).toBe('import-json-schema: --new-only needs the codex version being imported, such as 0.172.0, not "latest" (see --help)\n')
})
