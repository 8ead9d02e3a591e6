// Every rule of shared/reference/codex-0.169.0/wire-rules.md that holds for any transport, run
// against the real CLI over stdio and over websocket (one table of cases, two transports). The
// rules and recordings are codex 0.169.0's, so the server speaks that release (--codex-version).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { eventually, repoRoot, spawnServer, type SpawnedServer } from './helpers/spawn-server.js'
import { StdioClient, WebsocketClient, idText, type WireClient } from './helpers/wire-client.js'

interface Opened {
  client: WireClient
  home: string
  /** Server log lines written since this connection opened. */
  log(): string
}

interface Harness {
  open(): Promise<Opened>
  dispose(): Promise<void>
}

/** stdio has one connection per process: every case gets its own server. */
function stdioHarness(): Harness {
  const servers: SpawnedServer[] = []
  return {
    async open() {
      const server = await spawnServer({ args: ['--codex-version', '0.169.0'] })
      servers.push(server)
      const client = new StdioClient(server.process)
      const start = server.stderr().length
      return { client, home: server.home, log: () => server.stderr().slice(start) }
    },
    async dispose() {
      await Promise.all(servers.map((server) => server.stop()))
    },
  }
}

/** websocket: one server for the file, a fresh connection per case. */
function websocketHarness(): Harness {
  let server: SpawnedServer | undefined
  const clients: WireClient[] = []
  return {
    async open() {
      server ??= await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0', '--codex-version', '0.169.0'] })
      const running = server
      const start = running.stderr().length
      const client = await WebsocketClient.connect(running.address)
      clients.push(client)
      return { client, home: running.home, log: () => running.stderr().slice(start) }
    },
    async dispose() {
      await Promise.all(clients.map((client) => client.close()))
      await server?.stop()
    },
  }
}

const model = loadProtocolModel(repoRoot, '0.169.0')
const codexUnknownMethod = readFileSync(new URL('./fixtures/codex-0.169.0-unknown-method-response.json', import.meta.url), 'utf8').trim()
/** A stable method without a handler, with unit params (so any params-free call reaches dispatch). */
/** A stable method without params: its params are decoded as a unit before any handler runs. */
const unitParams = [...model.clientRequests.values()].find((info) => !info.experimental && info.params.presence === 'none')!
const isResponse = (id: string) => (message: { text: string; json: Record<string, unknown> }) => idText(message) === id && !('method' in message.json)

for (const [transport, makeHarness] of [['stdio', stdioHarness], ['websocket', websocketHarness]] as const) {
  describe(`wire rules over ${transport}`, () => {
    const harness = makeHarness()
    afterAll(() => harness.dispose())
    let open: () => Promise<Opened>
    beforeAll(() => {
      open = () => harness.open()
    })

    it('envelope: exact member order, no jsonrpc, emittedAtMs only on notifications', async () => {
      const { client, home } = await open()
      const init = await client.initialize()
      expect(init.text).toMatch(/^\{"id":1000,"result":\{"userAgent":"wire-test\/0\.169\.0 \([^";]+; [^";]+\) [^ "]+ \(wire-test; 1\.0\.0\)","codexHome":"[^"]+","platformFamily":"unix","platformOs":"[a-z]+"\}\}$/)
      expect(init.json.result.codexHome).toBe(home)
      const startup = await client.waitFor((message) => message.json.method === 'remoteControl/status/changed')
      expect(Object.keys(startup.json)).toEqual(['method', 'params', 'emittedAtMs'])
      expect(Number.isInteger(startup.json.emittedAtMs)).toBe(true)
      expect(Math.abs(startup.json.emittedAtMs - Date.now())).toBeLessThan(60_000)
      expect(client.received.indexOf(startup)).toBeGreaterThan(client.received.indexOf(init))
      expect(startup.json.params).toMatchObject({ status: 'disabled', environmentId: null })

      client.sendText('{"jsonrpc":"2.0","id":"j","method":"thread/loaded/list","params":{"unknownField":1},"unknownMember":true}')
      const ok = await client.waitFor(isResponse('"j"'))
      expect(ok.text).toMatch(/^\{"id":"j","result":\{/)
      expect(ok.text).not.toContain('jsonrpc')
      expect(ok.text).not.toContain('emittedAtMs')
      const error = await client.request('nope', {}, 'e')
      expect(error.text).toBe(codexUnknownMethod.replace('"id":2}', '"id":"e"}'))
      if (client instanceof WebsocketClient) expect(ok.text.endsWith('\n')).toBe(false)
    })

    it('echoes request ids exactly: strings (also ""), integers across the whole int64 range', async () => {
      const { client } = await open()
      await client.initialize()
      const ids = ['""', '"abc"', '"5"', '5', '0', '-1', '9007199254740993', '9223372036854775807', '-9223372036854775808']
      for (const id of ids) client.sendText(`{"id":${id},"method":"thread/loaded/list","params":{}}`)
      for (const id of ids) {
        const response = await client.waitFor(isResponse(id), 5000, `id ${id}`)
        expect(response.text.startsWith(`{"id":${id},"result"`)).toBe(true)
      }
      // An id may be reused once its request is answered.
      expect((await client.request('thread/loaded/list', {}, 5)).json.result).toBeDefined()
    })

    it('accepts an optional trace object', async () => {
      const { client } = await open()
      await client.initialize()
      client.sendText('{"id":1,"method":"thread/loaded/list","params":{},"trace":{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","tracestate":"a=b"}}')
      client.sendText('{"id":2,"method":"thread/loaded/list","params":{},"trace":null}')
      expect((await client.waitFor(isResponse('1'))).json.result).toBeDefined()
      expect((await client.waitFor(isResponse('2'))).json.result).toBeDefined()
    })

    it('drops input that is not a message: no response, one error line each', async () => {
      const { client, log } = await open()
      await client.initialize()
      const garbage = ['', '{"id":1,', 'nope', '\ufeff{"id":2,"method":"thread/loaded/list","params":{}}', '{"id":3,"method":"thread/loaded/list","params":{}}{"id":4,"method":"thread/loaded/list","params":{}}',
        '[{"id":5,"method":"thread/loaded/list","params":{}}]', '{}', '"str"', '42', 'null', '{"id":6}', '{"id":7,"method":5}']
      const before = client.received.length
      for (const text of garbage) client.sendText(text)
      const sentinel = await client.request('thread/loaded/list', {}, 'sentinel')
      expect(client.received.slice(before)).toEqual([sentinel])
      await eventually(() => (log().match(/dropped a message that is not JSON-RPC/g) ?? []).length >= garbage.length, 5000, 'one log line per dropped message')
      expect(log().match(/dropped a message that is not JSON-RPC/g)).toHaveLength(garbage.length)
    })

    // "More observed facts" of wire-rules.md, each checked against codex 0.169.0.
    it('answers the sequence form of a request; ignores [id, result]; drops repeated envelope fields', async () => {
      const { client, log } = await open()
      await client.initialize()
      const before = client.received.length
      client.sendText('["x","thread/loaded/list",{}]')
      client.sendText('["x4","thread/loaded/list",{},null]')
      client.sendText('[1,2]')
      client.sendText('{"id":"d1","id":"d2","method":"thread/loaded/list","params":{}}')
      client.sendText('{"id":"d3","method":"thread/loaded/list","method":"thread/loaded/list","params":{}}')
      client.sendText('{"id":"d4","method":"thread/loaded/list","params":{},"params":{}}')
      client.sendText('{"id":"u","method":"thread/loaded/list","params":{"limit":1,"limit":2},"extra":1,"extra":2}')
      expect((await client.waitFor(isResponse('"x"'))).text).toBe('{"id":"x","result":{"data":[],"nextCursor":null}}')
      expect((await client.waitFor(isResponse('"x4"'))).json.result).toBeDefined()
      expect((await client.waitFor(isResponse('"u"'))).json.result).toBeDefined()
      const sentinel = await client.request('thread/loaded/list', {}, 'sentinel')
      expect(client.received.slice(before).map(idText).sort()).toEqual(['"sentinel"', '"u"', '"x"', '"x4"'])
      expect(sentinel.json.result).toBeDefined()
      await eventually(() => /ignored an answer to server request 1:/.test(log()), 5000, 'the warning about [1,2]')
      expect(log().match(/dropped a message that is not JSON-RPC/g)).toHaveLength(2)
    })

    it('refuses a path with a NUL byte with -32600, as codex, without echoing the path', async () => {
      const { client } = await open()
      await client.initialize()
      for (const [method, params] of [['fs/readFile', {}], ['fs/getMetadata', {}], ['fs/writeFile', { dataBase64: '' }], ['fs/readDirectory', {}]] as const) {
        const answer = await client.request(method, { ...params, path: '/tmp/a\u0000b' }, method)
        expect(answer.json.error, method).toEqual({ code: -32600, message: 'file name contained an unexpected NUL byte' })
      }
    })

    it('ignores requests whose id or trace does not decode, without an answer or a log line', async () => {
      const { client, log } = await open()
      await client.initialize()
      const before = client.received.length
      for (const id of ['null', '1.5', '1.0', '1e3', 'true', '{}', '[1]', '9223372036854775808', '-9223372036854775809']) {
        client.sendText(`{"id":${id},"method":"thread/loaded/list","params":{}}`)
      }
      client.sendText('{"id":8,"method":"thread/loaded/list","params":{},"trace":"x"}')
      const sentinel = await client.request('thread/loaded/list', {}, 'sentinel')
      expect(client.received.slice(before)).toEqual([sentinel])
      expect(log()).not.toContain('not JSON-RPC')
    })

    it('ignores client responses that match no pending server request, with a warning', async () => {
      const { client, log } = await open()
      await client.initialize()
      const before = client.received.length
      client.sendText('{"id":99,"result":{}}')
      client.sendText('{"id":"x","error":{"code":1,"message":"m"}}')
      const sentinel = await client.request('thread/loaded/list', {}, 'sentinel')
      expect(client.received.slice(before)).toEqual([sentinel])
      await eventually(() => (log().match(/no request with that id is waiting/g) ?? []).length >= 2, 5000, 'two warnings')
      expect(log().match(/no request with that id is waiting/g)).toHaveLength(2)
    })

    it('checks in order: decode, then initialization; a failed initialize may be retried; a second one is refused', async () => {
      const { client } = await open()
      expect((await client.request('nope', {}, 1)).json.error.message).toMatch(/^Invalid request: unknown variant `nope`/)
      expect((await client.request('thread/loaded/list', undefined, 2)).json.error).toEqual({ code: -32600, message: 'Invalid request: missing field `params`' })
      expect((await client.request('thread/loaded/list', {}, 3)).json.error).toEqual({ code: -32600, message: 'Not initialized' })
      const failed = await client.request('initialize', { clientInfo: { name: 'x' } }, 4)
      expect(failed.json.error).toEqual({ code: -32600, message: 'Invalid request: missing field `version`' })
      expect((await client.request('thread/loaded/list', {}, 5)).json.error.message).toBe('Not initialized')
      expect((await client.collect(100)).some((message) => message.json.method)).toBe(false) // nothing pushed before initialize
      expect((await client.initialize()).json.result.userAgent).toBeDefined()
      const again = await client.request('initialize', { clientInfo: { name: 'x', version: '1' }, capabilities: { experimentalApi: true } }, 6)
      expect(again.json.error).toEqual({ code: -32600, message: 'Already initialized' })
      // The second initialize's capabilities were ignored.
      expect((await client.request('mock/experimentalMethod', {}, 7)).json.error.message).toBe('mock/experimentalMethod requires experimentalApi capability')
    })

    it('does not acknowledge the initialized notification', async () => {
      const { client } = await open()
      await client.initialize()
      await client.waitFor((message) => message.json.method === 'remoteControl/status/changed')
      client.sendText('{"method":"initialized"}')
      expect(await client.collect(200)).toEqual([])
    })

    it('object params must be present; unit params accept absent, {} and null', async () => {
      const { client } = await open()
      await client.initialize({ experimentalApi: true })
      const missing = { code: -32600, message: 'Invalid request: missing field `params`' }
      expect((await client.request('config/read', undefined, 1)).json.error).toEqual(missing)
      expect((await client.request('config/read', null, 2)).json.error).toEqual(missing)
      for (const [id, params] of [[3, undefined], [4, {}], [5, null]] as const) {
        const response = await client.request(unitParams.method, params, id)
        expect(response.json.error?.code, JSON.stringify(params)).not.toBe(-32600)
      }
      expect((await client.request(unitParams.method, { a: 1 }, 6)).json.error).toEqual({ code: -32600, message: 'Invalid request: invalid type: map, expected unit' })
      expect((await client.request(unitParams.method, [], 7)).json.error.message).toBe('Invalid request: invalid type: sequence, expected unit')
    })

    it('words type errors and missing fields like codex (first problem in the order sent)', async () => {
      const { client } = await open()
      await client.initialize({ experimentalApi: true })
      const expectError = async (method: string, params: unknown, message: string) => {
        expect((await client.request(method, params)).json.error, `${method} ${JSON.stringify(params)}`).toEqual({ code: -32600, message: `Invalid request: ${message}` })
      }
      await expectError('config/read', { includeLayers: 'yes' }, 'invalid type: string "yes", expected a boolean')
      await expectError('fs/readFile', {}, 'missing field `path`')
      await expectError('thread/loaded/list', { limit: -1 }, 'invalid value: integer `-1`, expected u32')
      await expectError('thread/list', { cursor: 7, limit: 'x' }, 'invalid type: integer `7`, expected a string')
      await expectError('thread/start', { sandbox: 'bogus' }, 'unknown variant `bogus`, expected one of `read-only`, `workspace-write`, `danger-full-access`')
      await expectError('thread/sample', { threadId: 'x' }, 'missing field `expectedTurnId`')
    })

    it('refuses relative paths where the schema says AbsolutePathBuf, and normalises absolute ones', async () => {
      const { client, home } = await open()
      await client.initialize()
      for (const path of ['relative/file', '', '~/x']) {
        expect((await client.request('fs/readFile', { path })).json.error).toEqual({ code: -32600, message: 'Invalid request: AbsolutePathBuf deserialized without a base path' })
      }
      const watched = await client.request('fs/watch', { watchId: 'w', path: `${home}//./sub/../` })
      expect(watched.json.result).toEqual({ path: home })
    })

    it('gates experimental methods, fields and enum variants for clients without experimentalApi', async () => {
      const { client } = await open()
      await client.initialize()
      const gated = async (method: string, params: unknown, reason: string) => {
        expect((await client.request(method, params)).json.error).toEqual({ code: -32600, message: `${reason} requires experimentalApi capability` })
      }
      await gated('mock/experimentalMethod', {}, 'mock/experimentalMethod')
      await gated('thread/sample', { threadId: 't', expectedTurnId: 'u', prompt: 'p' }, 'thread/sample')
      await gated('thread/start', { experimentalRawEvents: true, mockExperimentalField: 'x' }, 'thread/start.mockExperimentalField')
      await gated('thread/start', { approvalPolicy: { granular: { sandbox_approval: true, rules: true, mcp_elicitations: true } } }, 'askForApproval.granular')
      await gated('command/exec', { command: ['true'], permissionProfile: 'p' }, 'command/exec.permissionProfile')
      // Unused experimental fields (false, null) pass the gate.
      const passed = await client.request('command/exec', { command: ['true'], permissionProfile: null })
      expect(passed.json.error?.message ?? '').not.toContain('requires experimentalApi')
    })

    it('lets a client with experimentalApi through the gate', async () => {
      const { client } = await open()
      await client.initialize({ experimentalApi: true })
      expect((await client.request('mock/experimentalMethod', { value: 'x' })).json.result).toEqual({ echoed: 'x' })
    })

    it('honours optOutNotificationMethods (exact names, unknown names accepted)', async () => {
      const { client } = await open()
      await client.initialize({ optOutNotificationMethods: ['remoteControl/status/changed', 'no/such/notification'] })
      expect((await client.collect(200)).filter((message) => message.json.method)).toEqual([])
      const other = await open()
      await other.client.initialize({ optOutNotificationMethods: ['remoteControl/status'] })
      await other.client.waitFor((message) => message.json.method === 'remoteControl/status/changed')
    })

    it('maps OS errors to -32603 with Rust wording', async () => {
      const { client, home } = await open()
      await client.initialize()
      expect((await client.request('fs/readFile', { path: `${home}/missing.txt` })).json.error).toEqual({ code: -32603, message: 'No such file or directory (os error 2)' })
    })

    it('handles requests of one connection concurrently: a quick one overtakes a slow one', async () => {
      const { client } = await open()
      await client.initialize()
      client.send({ id: 'slow', method: 'command/exec', params: { command: ['sleep', '0.6'] } })
      client.send({ id: 'quick', method: 'thread/loaded/list', params: {} })
      const quick = await client.waitFor(isResponse('"quick"'))
      const slow = await client.waitFor(isResponse('"slow"'))
      expect(client.received.indexOf(quick)).toBeLessThan(client.received.indexOf(slow))
    })
  })
}
