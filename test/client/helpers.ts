// Shared pieces of the client tests: a validator that records what it checked (the real schema
// validator underneath), the offline flow every server must serve, and a whole turn with an approval.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Client, Variant } from '../../client/index.js'
import { loadSchemaValidator, type MessageKind, type MessageValidator } from '../../client/validation/index.js'
import { repoRoot } from '../server/helpers/spawn-server.js'

export { repoRoot }

/** Wraps the schema validator of `variant`, counting every received message it checked and keeping every problem. */
export class RecordingValidator implements MessageValidator {
  readonly problems: string[] = []
  readonly received = new Map<string, number>()
  private readonly inner: MessageValidator

  constructor(variant: Variant) {
    this.inner = loadSchemaValidator(variant, repoRoot)
  }

  check(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): string | undefined {
    const problem = this.inner.check(kind, method, part, value)
    const incoming = (kind === 'clientRequest' && part === 'result') || ((kind === 'serverNotification' || kind === 'serverRequest') && part === 'params')
    if (incoming) this.received.set(`${kind} ${method}`, (this.received.get(`${kind} ${method}`) ?? 0) + 1)
    if (problem !== undefined) this.problems.push(`${kind} ${method} ${part}: ${problem}`)
    return problem
  }

  get receivedCount(): number {
    return [...this.received.values()].reduce((sum, count) => sum + count, 0)
  }
}

/** Collects the client's error events; a test asserts there were none. */
export function collectErrors<V extends Variant>(client: Client<V>): Error[] {
  const errors: Error[] = []
  client.on('error', (error) => errors.push(error))
  return errors
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

const text = (value: string) => Buffer.from(value).toString('base64')
const fromBase64 = (value: string) => Buffer.from(value, 'base64').toString('utf8')

/** The offline methods both codex and the reference server serve: asserted on real results. */
export async function offlineFlow(client: Client<'stable'>, workDir: string): Promise<void> {
  const models = await client.request('model/list', {})
  expect(Array.isArray(models.data)).toBe(true)
  const config = await client.request('config/read', { includeLayers: false })
  expect(typeof config.config).toBe('object')

  const dir = join(workDir, 'files')
  await client.request('fs/createDirectory', { path: dir, recursive: true })
  await client.request('fs/writeFile', { path: join(dir, 'a.txt'), dataBase64: text('hello client') })
  const read = await client.request('fs/readFile', { path: join(dir, 'a.txt') })
  expect(fromBase64(read.dataBase64)).toBe('hello client')
  const metadata = await client.request('fs/getMetadata', { path: join(dir, 'a.txt') })
  expect(metadata.isFile).toBe(true)
  await client.request('fs/copy', { sourcePath: join(dir, 'a.txt'), destinationPath: join(dir, 'b.txt') })
  const listing = await client.request('fs/readDirectory', { path: dir })
  expect(listing.entries.map((entry) => entry.fileName).sort()).toEqual(['a.txt', 'b.txt'])
  await client.request('fs/remove', { path: join(dir, 'b.txt') })
  expect((await client.request('fs/readDirectory', { path: dir })).entries.map((entry) => entry.fileName)).toEqual(['a.txt'])

  // Streamed output arrives as notifications before the response.
  const chunks: string[] = []
  const stream = client.onNotification('command/exec/outputDelta', (params, envelope) => {
    expect(params.processId).toBe('p1')
    expect(envelope.emittedAtMs).toBeGreaterThan(Date.now() - 60_000)
    chunks.push(fromBase64(params.deltaBase64))
  })
  const exec = await client.request('command/exec', {
    command: ['sh', '-c', 'echo one; sleep 0.05; echo two'], processId: 'p1', streamStdoutStderr: true, cwd: workDir,
    // codex's sandbox helper cannot run in every container; the reference server runs commands unsandboxed anyway.
    sandboxPolicy: { type: 'dangerFullAccess' },
  })
  stream.dispose()
  expect({ exitCode: exec.exitCode, output: chunks.join('') }).toEqual({ exitCode: 0, output: 'one\ntwo\n' })
  expect(chunks.join('')).toBe('one\ntwo\n')

  const started = new Promise<string>((resolve) => {
    const subscription = client.onNotification('thread/started', ({ thread }) => {
      subscription.dispose()
      resolve(thread.id)
    })
  })
  const { thread } = await client.request('thread/start', { cwd: workDir })
  expect(await started).toBe(thread.id)
}

/** A whole turn on the reference server whose `[[run: …]]` directive asks for an approval, accepted by the client. */
export async function approvedTurn(client: Client<'stable'>, workDir: string): Promise<void> {
  const approvals: string[] = []
  const approval = client.onServerRequest('item/commandExecution/requestApproval', (params) => {
    approvals.push(params.command ?? '')
    return { decision: 'accept' }
  })
  const output: string[] = []
  const deltas = client.onNotification('item/commandExecution/outputDelta', ({ delta }) => { output.push(delta) })
  try {
    const { thread } = await client.request('thread/start', { cwd: workDir })
    const completed = new Promise<string>((resolve) => {
      const subscription = client.onNotification('turn/completed', ({ threadId, turn }) => {
        if (threadId !== thread.id) return
        subscription.dispose()
        resolve(turn.status)
      })
    })
    const started = await client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text: '[[run: echo approved-by-client]]' }] })
    expect(started.turn.status).toBe('inProgress')
    expect(await completed).toBe('completed')
    expect(approvals).toEqual([expect.stringContaining('echo approved-by-client')])
    expect(output.join('')).toContain('approved-by-client')
  } finally {
    approval.dispose()
    deltas.dispose()
  }
}
