// The thread's sandbox policy reaches the commands the agent runs in a turn: over a real
// websocket, an approved `[[run: …]]` cannot write in a read-only thread's cwd (the item fails
// with the sandbox's complaint), can under workspace-write, and a turn's own sandboxPolicy
// replaces the thread's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { Sandbox } from '../../../server/sandbox/sandbox.js'
import { ConversationHarness, startThread, text, untilTurnCompleted } from '../conversations/conversation-harness.js'
import type { WebsocketClient } from '../helpers/wire-client.js'

const unusable = await new Sandbox().unavailableReason()

// Commands run as `bash -lc`: an empty HOME keeps this machine's login profile (which may wait on
// locks shared with other shells) out of what is measured here.
const emptyHome = mkdtempSync(join(tmpdir(), 'sandbox-home-'))
beforeAll(() => { vi.stubEnv('HOME', emptyHome) })
afterAll(() => {
  vi.unstubAllEnvs()
  rmSync(emptyHome, { recursive: true, force: true })
})

let harness: ConversationHarness
let cwd: string
beforeAll(async () => { harness = await ConversationHarness.start() })
afterAll(() => harness.stop())
beforeEach(() => { cwd = mkdtempSync(join(tmpdir(), 'agent-sandbox-')) })
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

/** Runs `command` through the agent, approving it; the completed command item. */
async function approvedRun(client: WebsocketClient, threadId: string, command: string, extra: Record<string, unknown> = {}) {
  const start = client.received.length
  client.send({ id: `run-${start}`, method: 'turn/start', params: { threadId, input: text(`[[run: ${command}]]`), ...extra } })
  const request = await client.waitFor((message) => message.json.method === 'item/commandExecution/requestApproval' && client.received.indexOf(message) >= start)
  client.send({ id: request.json.id, result: { decision: 'accept' } })
  await untilTurnCompleted(client, threadId)
  return client.received.slice(start)
    .filter((message) => message.json.method === 'item/completed' && message.json.params.item.type === 'commandExecution')
    .map((message) => message.json.params.item)[0]
}

describe.skipIf(unusable !== undefined)('an agent command in a turn', () => {
  it('cannot write in a read-only thread\'s cwd', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd, sandbox: 'read-only' })
    const item = await approvedRun(client, threadId, 'touch made.txt')
    expect(item).toMatchObject({ status: 'failed' })
    expect(item.aggregatedOutput).toMatch(/read-only file system/i)
    expect(existsSync(join(cwd, 'made.txt'))).toBe(false)
  })

  it('writes in a workspace-write thread\'s cwd, and a turn\'s sandboxPolicy replaces the thread\'s', async () => {
    const client = await harness.connect()
    const threadId = await startThread(client, { cwd, sandbox: 'workspace-write' })
    expect(await approvedRun(client, threadId, 'touch made.txt')).toMatchObject({ status: 'completed', exitCode: 0 })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(true)
    const item = await approvedRun(client, threadId, 'touch second.txt', { sandboxPolicy: { type: 'readOnly' } })
    expect(item).toMatchObject({ status: 'failed' })
    expect(existsSync(join(cwd, 'second.txt'))).toBe(false)
  })
})
