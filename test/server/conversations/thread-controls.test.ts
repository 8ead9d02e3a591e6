// The requests that steer a thread without a turn, against the reference server, as codex 0.169.0
// answers them (test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl): elicitation
// counts, thread and turn settings, approved plans, the guardian, samples and predictions,
// background terminals and memory; bad input, who hears what, and what survives a restart.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, callError, harnessPerTest, runTurn, startThread, text, untilTurnCompleted } from './conversation-harness.js'

const start = harnessPerTest()

const UNKNOWN = '0190f0a4-0000-7000-8000-000000000000'
const PROBLEM = 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1'
const MALFORMED = `invalid thread id: ${PROBLEM}`
const NOT_FOUND = { code: -32600, message: `thread not found: ${UNKNOWN}` }

describe('elicitation counts', () => {
  it('counts prompts open outside the protocol per loaded thread, never below zero', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    expect(await call(client, 'thread/increment_elicitation', { threadId })).toEqual({ count: 1, paused: true })
    expect(await call(client, 'thread/increment_elicitation', { threadId })).toEqual({ count: 2, paused: true })
    expect(await call(client, 'thread/decrement_elicitation', { threadId })).toEqual({ count: 1, paused: true })
    expect(await call(client, 'thread/decrement_elicitation', { threadId })).toEqual({ count: 0, paused: false })
    expect(await callError(client, 'thread/decrement_elicitation', { threadId })).toEqual({ code: -32600, message: 'out-of-band elicitation count is already zero' })
    for (const method of ['thread/increment_elicitation', 'thread/decrement_elicitation']) {
      expect(await callError(client, method, { threadId: UNKNOWN })).toEqual(NOT_FOUND)
      expect(await callError(client, method, { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
    }
  })
})

describe('thread/settings/update', () => {
  it('changes the next turns\' settings; subscribers hear them only when something changed; they survive a restart', async () => {
    const first = await start()
    const [c1, c2, c3] = [await first.connect(), await first.connect(), await first.connect()]
    const threadId = await startThread(c1)
    await runTurn(c1, threadId, 'hello')
    await call(c2, 'thread/resume', { threadId })
    const marks = [c1, c2, c3].map((c) => c.received.length)
    const heard = () => [c1, c2, c3].map((c, n) => c.received.slice(marks[n]).filter((m) => m.json.method === 'thread/settings/updated').map((m) => m.json.params))

    expect(await call(c1, 'thread/settings/update', { threadId })).toEqual({})
    expect(await call(c1, 'thread/settings/update', { threadId, model: 'gpt-5.4', effort: 'high' })).toEqual({})
    await c2.waitFor((m) => m.json.method === 'thread/settings/updated')
    expect(await call(c1, 'thread/settings/update', { threadId, approvalPolicy: 'never', sandboxPolicy: { type: 'dangerFullAccess' }, summary: 'concise', serviceTier: 'flex', disabledPluginIds: ['a@b'] })).toEqual({})
    await c2.waitFor((m) => m.json.method === 'thread/settings/updated' && m.json.params.threadSettings.serviceTier === 'flex')
    // A relative cwd is ignored, as codex ignores it.
    expect(await call(c1, 'thread/settings/update', { threadId, cwd: 'relative/dir' })).toEqual({})
    await new Promise((resolve) => setTimeout(resolve, 150))
    const [own, other, none] = heard()
    expect(own).toHaveLength(2)
    expect(other).toEqual(own)
    expect(none).toEqual([])
    expect(own![1]).toEqual({
      threadId,
      threadSettings: {
        disabledPluginIds: ['a@b'], cwd: process.cwd(), environments: [{ environmentId: 'local', cwd: process.cwd(), runtimeWorkspaceRoots: [process.cwd()] }],
        approvalPolicy: 'never', approvalsReviewer: 'user', sandboxPolicy: { type: 'dangerFullAccess' }, activePermissionProfile: null,
        model: 'gpt-5.4', modelProvider: expect.any(String), serviceTier: 'flex', effort: 'high', summary: 'concise',
        collaborationMode: { mode: 'default', settings: { model: 'gpt-5.4', reasoning_effort: 'high', developer_instructions: null } },
        multiAgentMode: 'explicitRequestOnly', personality: null,
      },
    })
    expect(await callError(c1, 'thread/settings/update', { threadId, permissions: 'workspace', sandboxPolicy: { type: 'readOnly', networkAccess: false } }))
      .toEqual({ code: -32600, message: '`permissions` cannot be combined with `sandboxPolicy`' })
    expect(await callError(c1, 'thread/settings/update', { threadId, permissions: 'no-such-profile' }))
      .toEqual({ code: -32600, message: 'failed to load configuration: default_permissions requires a `[permissions]` table' })
    expect(await callError(c1, 'thread/settings/update', { threadId: UNKNOWN, model: 'x' })).toEqual(NOT_FOUND)
    expect(await callError(c1, 'thread/settings/update', { threadId: 'not-a-uuid', model: 'x' })).toEqual({ code: -32600, message: MALFORMED })
    // The next turn runs with them, and they are what a resume reports after a restart.
    await runTurn(c1, threadId, 'again')
    await first.stop()
    const second = await start({ home: first.home })
    const again = await second.connect()
    expect(await call(again, 'thread/resume', { threadId })).toMatchObject({ model: 'gpt-5.4', approvalPolicy: 'never', sandbox: { type: 'dangerFullAccess' }, reasoningEffort: 'high', serviceTier: 'flex' })
    expect(await callError(again, 'thread/settings/update', { threadId: UNKNOWN })).toEqual(NOT_FOUND)
  })

  it('is refused for a thread that is not loaded', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    await call(client, 'thread/archive', { threadId })
    expect(await callError(client, 'thread/settings/update', { threadId, model: 'gpt-5.4' })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
  })
})

describe('turn/settings/update and the guardian', () => {
  it('changes only the running turn, once config.toml turns the step_model_switching feature on', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const [finished] = (await runTurn(client, threadId, 'hello')).filter((m) => m.json.method === 'turn/started')
    writeFileSync(join(harness.home, 'config.toml'), '[features]\nstep_model_switching = true\n')
    client.send({ id: 'slow', method: 'turn/start', params: { threadId, input: text('[[slow: 200]] [[deltas: 5]] slow') } })
    const running = (await client.waitFor((m) => m.json.method === 'turn/started' && m.json.params.turn.id !== finished!.json.params.turn.id)).json.params.turn.id
    expect(await call(client, 'turn/settings/update', { threadId, turnId: running, effort: 'low' })).toEqual({ status: 'applied' })
    expect(await call(client, 'turn/settings/update', { threadId, turnId: running, model: 'reference-quick', serviceTier: null, summary: 'detailed' })).toEqual({ status: 'applied' })
    expect(await call(client, 'turn/settings/update', { threadId, turnId: running })).toEqual({ status: 'applied' })
    expect(await callError(client, 'turn/settings/update', { threadId, turnId: running, model: 'gpt-unknown' })).toEqual({ code: -32600, message: 'the destination model has only fallback metadata' })
    for (const turnId of [finished!.json.params.turn.id, UNKNOWN]) {
      expect(await call(client, 'turn/settings/update', { threadId, turnId, effort: 'low' })).toEqual({ status: 'targetUnavailable' })
    }
    await untilTurnCompleted(client, threadId)
    expect(await call(client, 'turn/settings/update', { threadId, turnId: running, effort: 'low' })).toEqual({ status: 'targetUnavailable' })
    // A configuration that does not parse is reported, not taken as "off".
    writeFileSync(join(harness.home, 'config.toml'), '[features\n')
    expect((await callError(client, 'turn/settings/update', { threadId, turnId: running })).message).toMatch(/^failed to load configuration: .*config\.toml:/)
  })

  it('answers the errors codex 0.169.0 gives without the feature or the reviewer model', async () => {
    const harness = await start()
    const client = await harness.connect()
    const fresh = await startThread(client)
    const threadId = await startThread(client)
    const [started] = (await runTurn(client, threadId, 'hello')).filter((m) => m.json.method === 'turn/started')
    const turnId = started!.json.params.turn.id
    expect(await callError(client, 'turn/settings/update', { threadId, turnId, model: 'gpt-5.4' })).toEqual({ code: -32600, message: 'turn settings updates require the step_model_switching feature' })
    expect(await callError(client, 'turn/settings/update', { threadId: UNKNOWN, turnId })).toEqual(NOT_FOUND)
    expect(await callError(client, 'thread/guardianReview', { threadId })).toEqual({ code: -32600, message: 'expected a completed plaintext exec_command, apply_patch, request_permissions, or MCP call with a nonempty call ID' })
    expect(await callError(client, 'thread/guardianReview', { threadId: fresh })).toEqual({ code: -32600, message: 'expected a final plaintext exec_command, apply_patch, request_permissions, or MCP call' })
    expect(await callError(client, 'thread/guardianReview', { threadId: 'not-a-uuid' })).toEqual({ code: -32600, message: MALFORMED })
  })
})

describe('thread/prepareApprovedPlan', () => {
  it('gives the first prompt, and puts a plan whose saved copy cannot be read into the thread\'s model history', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const path = (await call(client, 'thread/read', { threadId })).thread.path
    expect(await call(client, 'thread/prepareApprovedPlan', { threadId, markdown: '# Plan\n- with file', attachmentPath: path })).toEqual({ prompt: 'Implement the plan.' })
    expect(readFileSync(path, 'utf8')).not.toContain('with file')
    expect(await call(client, 'thread/prepareApprovedPlan', { threadId, markdown: '# Plan\n- missing file', attachmentPath: '/does/not/exist.md' })).toEqual({ prompt: 'Implement the plan.' })
    expect(readFileSync(path, 'utf8')).toContain('missing file')
    expect(await callError(client, 'thread/prepareApprovedPlan', { threadId, markdown: '# Plan', attachmentPath: 'relative.md' })).toEqual({ code: -32602, message: '`attachmentPath` must be absolute on the app server' })
    expect(await callError(client, 'thread/prepareApprovedPlan', { threadId, markdown: '  ' })).toEqual({ code: -32600, message: 'The approved plan is empty.' })
    expect(await callError(client, 'thread/prepareApprovedPlan', { threadId: UNKNOWN, markdown: '# Plan' })).toEqual(NOT_FOUND)
  })
})

describe('samples and predictions', () => {
  it('samples the offline agent from the latest finished turn without recording anything', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    const first = (await runTurn(client, threadId, 'hello')).find((m) => m.json.method === 'turn/started')!.json.params.turn.id
    const latest = (await runTurn(client, threadId, 'second')).find((m) => m.json.method === 'turn/started')!.json.params.turn.id
    const sample = await call(client, 'thread/sample', { threadId, expectedTurnId: latest, prompt: 'predict the next message' })
    expect(sample).toEqual({ sourceTurnId: latest, responseId: expect.stringMatching(/^resp_/), text: 'You said: predict the next message', inputTokens: expect.any(Number), cachedInputTokens: 0, outputTokens: expect.any(Number) })
    expect((await call(client, 'thread/turns/list', { threadId })).data).toHaveLength(2)
    for (const expectedTurnId of [first, UNKNOWN]) {
      expect(await callError(client, 'thread/sample', { threadId, expectedTurnId, prompt: 'x' })).toEqual({ code: -32600, message: 'sample source turn must be the latest finished turn' })
    }
    expect(await callError(client, 'thread/sample', { threadId: UNKNOWN, expectedTurnId: latest, prompt: 'x' })).toEqual({ code: -32600, message: 'thread/sample requires a loaded source' })
    expect(await callError(client, 'thread/sample', { threadId: 'not-a-uuid', expectedTurnId: latest, prompt: 'x' })).toEqual({ code: -32600, message: PROBLEM })
    expect(await call(client, 'thread/sample/cancel', { requestId: 999 })).toEqual({})
    expect(await callError(client, 'thread/prediction/request', { threadId, sourceTurnId: latest })).toEqual({ code: -32601, message: 'thread/prediction/request is not implemented yet' })
  })

  it('refuses to sample a running turn unless asked to allow it', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    client.send({ id: 'slow', method: 'turn/start', params: { threadId, input: text('[[slow: 200]] [[deltas: 5]] slow') } })
    const started = await client.waitFor((m) => m.json.method === 'turn/started')
    const turnId = started.json.params.turn.id
    expect(await callError(client, 'thread/sample', { threadId, expectedTurnId: turnId, prompt: 'x' })).toEqual({ code: -32600, message: 'sample source turn must be the latest finished turn' })
    expect((await call(client, 'thread/sample', { threadId, expectedTurnId: turnId, prompt: 'x', allowInProgressTurn: true })).sourceTurnId).toBe(turnId)
    await untilTurnCompleted(client, threadId)
  })
})

describe('background terminals and memory', () => {
  it('has no background terminal to stop, and checks the process id as codex does', async () => {
    const harness = await start()
    const client = await harness.connect()
    const threadId = await startThread(client)
    expect(await call(client, 'thread/backgroundTerminals/clean', { threadId })).toEqual({})
    expect(await call(client, 'thread/backgroundTerminals/terminate', { threadId, processId: '12345' })).toEqual({ terminated: false })
    expect(await callError(client, 'thread/backgroundTerminals/terminate', { threadId, processId: '' })).toEqual({ code: -32600, message: 'invalid background terminal process id: cannot parse integer from empty string' })
    expect(await callError(client, 'thread/backgroundTerminals/terminate', { threadId, processId: 'abc' })).toEqual({ code: -32600, message: 'invalid background terminal process id: invalid digit found in string' })
    expect(await callError(client, 'thread/backgroundTerminals/clean', { threadId: UNKNOWN })).toEqual(NOT_FOUND)
    expect(await callError(client, 'thread/backgroundTerminals/terminate', { threadId: UNKNOWN, processId: '1' })).toEqual(NOT_FOUND)
  })

  it('keeps a thread\'s memory mode in its history, loaded or not; reports an empty memory store', async () => {
    const first = await start()
    const client = await first.connect()
    const threadId = await startThread(client)
    await runTurn(client, threadId, 'hello')
    const path = (await call(client, 'thread/read', { threadId })).thread.path
    expect(await call(client, 'thread/memory/read', { threadId })).toEqual({ summary: null })
    expect(await call(client, 'thread/memoryMode/set', { threadId, mode: 'disabled' })).toEqual({})
    expect(readFileSync(path, 'utf8')).toContain('"memoryModeChanged"')
    expect(await callError(client, 'thread/memoryMode/set', { threadId: UNKNOWN, mode: 'disabled' })).toEqual({ code: -32600, message: `no rollout found for thread id ${UNKNOWN}` })
    expect(await callError(client, 'thread/memory/read', { threadId: UNKNOWN })).toEqual(NOT_FOUND)
    expect(await call(client, 'memory/status', {})).toEqual({ v2ConsolidatedThreads: 0, v2Ready: true })
    for (const minConsolidatedThreads of [0, 5000]) {
      expect(await callError(client, 'memory/status', { minConsolidatedThreads })).toEqual({ code: -32602, message: 'minConsolidatedThreads must be between 1 and 4096' })
    }
    expect(await call(client, 'memory/reset', undefined)).toEqual({})
    expect(await call(client, 'rollout/compress', undefined)).toEqual({})
    await first.stop()

    const second = await start({ home: first.home })
    const again = await second.connect()
    expect(await call(again, 'thread/memoryMode/set', { threadId, mode: 'enabled' })).toEqual({})
    const modes = readFileSync(path, 'utf8').split('\n').filter((line) => line.includes('memoryModeChanged')).map((line) => JSON.parse(line))
    expect(modes.map((record) => record.mode ?? record.record?.mode)).toEqual(['disabled', 'enabled'])
    expect(await callError(again, 'thread/memory/read', { threadId })).toEqual({ code: -32600, message: `thread not found: ${threadId}` })
  })
})
