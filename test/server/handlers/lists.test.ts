// model/list and thread/loaded/list paging, and the startup reads with fixed answers
// (account, hooks, skills, GovCloud check) plus mock/experimentalMethod.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tmpdir } from 'node:os'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

let server: TestServer
let client: TestConnection

beforeEach(() => {
  server = new TestServer(tmpdir())
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
})

describe('model/list', () => {
  it('lists the visible models with every required field and exactly one default', async () => {
    const { data, nextCursor } = await client.call('model/list', {})
    expect(nextCursor).toBeNull()
    expect(data.length).toBeGreaterThanOrEqual(2)
    expect(data.filter((model) => model.isDefault)).toHaveLength(1)
    for (const model of data) {
      expect(model).toMatchObject({ id: expect.any(String), model: model.id, displayName: expect.any(String), description: expect.any(String), hidden: false })
      expect(model.supportedReasoningEfforts.map((option) => option.reasoningEffort)).toContain(model.defaultReasoningEffort)
    }
  })

  it('includes hidden models on request', async () => {
    const visible = (await client.call('model/list', {})).data
    const all = (await client.call('model/list', { includeHidden: true })).data
    expect(all.length).toBeGreaterThan(visible.length)
    expect(all.some((model) => model.hidden)).toBe(true)
  })

  it('pages with an offset cursor, treating a limit below 1 as 1', async () => {
    const all = (await client.call('model/list', { includeHidden: true })).data
    const pages: string[] = []
    let cursor: string | null | undefined
    for (let guard = 0; guard < 20; guard++) {
      const page = await client.call('model/list', { includeHidden: true, limit: 0, cursor })
      expect(page.data).toHaveLength(1)
      pages.push(page.data[0]!.id)
      cursor = page.nextCursor
      if (cursor == null) break
    }
    expect(pages).toEqual(all.map((model) => model.id))
    expect(await client.call('model/list', { includeHidden: true, cursor: String(all.length) })).toEqual({ data: [], nextCursor: null })
  })

  it('refuses bad cursors and unknown providers as codex does', async () => {
    const total = (await client.call('model/list', {})).data.length
    expect(await rpcErrorOf(client.call('model/list', { cursor: 'bogus' }))).toEqual({ code: -32600, message: 'invalid cursor: bogus' })
    expect(await rpcErrorOf(client.call('model/list', { cursor: '-1' }))).toEqual({ code: -32600, message: 'invalid cursor: -1' })
    expect(await rpcErrorOf(client.call('model/list', { cursor: '99' }))).toEqual({ code: -32600, message: `cursor 99 exceeds total models ${total}` })
    expect(await rpcErrorOf(client.call('model/list', { modelProvider: 'nope' }))).toEqual({
      code: -32600,
      message: 'This chat uses model provider “nope”, which is no longer configured. Restore this provider’s configuration to continue.',
      data: { type: 'modelProviderNotConfigured', modelProvider: 'nope' },
    })
  })
})

describe('thread/loaded/list', () => {
  it('is an empty page while no thread is loaded, whatever the cursor', async () => {
    expect(await client.call('thread/loaded/list', {})).toEqual({ data: [], nextCursor: null })
    expect(await client.call('thread/loaded/list', { cursor: 'abc', limit: 0 })).toEqual({ data: [], nextCursor: null })
  })

  it("pages the server's loaded threads, sorted, by the last id seen", async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push((await client.call('thread/start', { ephemeral: true })).thread.id)
    const sorted = [...ids].sort()
    expect(await client.call('thread/loaded/list', {})).toEqual({ data: sorted, nextCursor: null })
    expect(await client.call('thread/loaded/list', { limit: 0 })).toEqual({ data: [sorted[0]], nextCursor: sorted[0] })
    expect(await client.call('thread/loaded/list', { limit: 1, cursor: sorted[0] })).toEqual({ data: [sorted[1]], nextCursor: sorted[1] })
    expect(await client.call('thread/loaded/list', { limit: 5, cursor: sorted[1] })).toEqual({ data: [sorted[2]], nextCursor: null })
    expect(await client.call('thread/loaded/list', { cursor: '00000000-0000-0000-0000-000000000000' })).toEqual({ data: sorted, nextCursor: null })
    expect(await rpcErrorOf(client.call('thread/loaded/list', { cursor: 'zzz' }))).toEqual({ code: -32600, message: 'invalid cursor: zzz' })
  })
})

describe('fixed answers', () => {
  it('needs no sign-in and has no account', async () => {
    expect(await client.call('account/read', {})).toEqual({ account: null, userId: null, requiresOpenaiAuth: false, workspaceRouting: null })
    expect(await client.call('account/bedrock/checkGovCloudRequirements', {})).toEqual({ isGovCloud: false, shouldWarn: false })
  })

  it('lists no hooks and no skills, per folder as given (the server folder when none)', async () => {
    expect(await client.call('hooks/list', { cwds: ['.', '/tmp/../usr'] })).toEqual({
      data: [{ cwd: '.', hooks: [], warnings: [], errors: [] }, { cwd: '/tmp/../usr', hooks: [], warnings: [], errors: [] }],
    })
    expect(await client.call('hooks/list', {})).toEqual({ data: [{ cwd: process.cwd(), hooks: [], warnings: [], errors: [] }] })
    expect(await client.call('skills/list', { cwds: ['rel'], forceReload: true })).toEqual({ data: [{ cwd: 'rel', skills: [], errors: [] }] })
    expect(await client.call('skills/list', { cwds: [] })).toEqual({ data: [{ cwd: process.cwd(), skills: [], errors: [] }] })
  })

  it('echoes mock/experimentalMethod', async () => {
    expect(await client.call('mock/experimentalMethod', { value: 'hi' })).toEqual({ echoed: 'hi' })
    expect(await client.call('mock/experimentalMethod', {})).toEqual({ echoed: null })
  })
})
