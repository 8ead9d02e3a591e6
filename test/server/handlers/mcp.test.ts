// The MCP servers of config.toml, started for real: a stdio server built with the MCP SDK and a
// command that does not exist, answered as codex 0.169.0 answers
// (test/server/fixtures/codex-0.169.0/methods/ecosystem-mcp.json).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConversationFamily } from '../../../server/handlers/conversation.js'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

const echoServer = fileURLToPath(new URL('../helpers/echo-mcp-server.js', import.meta.url))
let home: string
let server: TestServer
let client: TestConnection

beforeEach(() => {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-test-')))
  writeFileSync(join(home, 'config.toml'), [
    '[mcp_servers.echo]', `command = ${JSON.stringify(process.execPath)}`, `args = [${JSON.stringify(echoServer)}]`, '',
    '[mcp_servers.broken]', 'command = "/nonexistent/mcp-server"', '',
  ].join('\n'))
  server = new TestServer(home)
  client = server.connect()
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
})

async function startThread(): Promise<string> {
  const { thread } = await client.call('thread/start', { cwd: home })
  return thread.id
}

describe('mcpServerStatus/list', () => {
  it('starts every configured server and reports its tools, resources or startup error', async () => {
    const { data, nextCursor } = await client.call('mcpServerStatus/list', {})
    expect(nextCursor).toBeNull()
    expect(data.map((status) => status.name)).toEqual(['broken', 'echo'])
    expect(data[0]).toEqual({
      name: 'broken', runtimeStatus: null, pluginId: null, httpOrigin: null, serverInfo: null, serverCapabilities: null, toolListMeta: null,
      tools: {}, toolsError: 'MCP startup failed: No such file or directory (os error 2)', resources: [], resourceTemplates: [], authStatus: 'unsupported',
    })
    const echo = data[1]!
    expect(echo.serverInfo).toMatchObject({ name: 'echo-server', version: '2.0.0' })
    expect(Object.keys(echo.tools).sort()).toEqual(['echo', 'fail'])
    expect(echo.tools.echo).toMatchObject({ name: 'echo', description: 'Echoes its text', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } })
    expect(echo.resources).toEqual([{ mimeType: 'text/plain', name: 'greeting', uri: 'echo://greeting' }])
    expect(echo.toolsError).toBeNull()
  })

  it('pages by offset, filters by name, leaves out resources for toolsAndAuthOnly, and refuses bad cursors', async () => {
    expect((await client.call('mcpServerStatus/list', { limit: 1 })).nextCursor).toBe('1')
    expect((await client.call('mcpServerStatus/list', { cursor: '1' })).data.map((status) => status.name)).toEqual(['echo'])
    expect((await client.call('mcpServerStatus/list', { serverName: 'echo', detail: 'toolsAndAuthOnly' })).data.map((status) => [status.name, status.resources])).toEqual([['echo', []]])
    expect(await rpcErrorOf(client.call('mcpServerStatus/list', { cursor: 'bogus' }))).toEqual({ code: -32600, message: 'invalid cursor: bogus' })
  })

  it('reports the runtime status for a thread', async () => {
    const threadId = await startThread()
    const { data } = await client.call('mcpServerStatus/list', { threadId })
    expect(data.map((status) => [status.name, status.runtimeStatus])).toEqual([['broken', 'failed'], ['echo', 'connected']])
  })
})

describe('mcpServer/tool/call and mcpServer/resource/read', () => {
  it('calls a tool of a running server for a loaded thread', async () => {
    const threadId = await startThread()
    expect(await client.call('mcpServer/tool/call', { threadId, server: 'echo', tool: 'echo', arguments: { text: 'hi' } })).toEqual({ content: [{ type: 'text', text: 'echo: hi' }], isError: false })
    expect(await client.call('mcpServer/tool/call', { threadId, server: 'echo', tool: 'fail', arguments: {} })).toEqual({ content: [{ type: 'text', text: 'it failed' }], isError: true })
  })

  it('refuses unknown threads and servers, and reports a server that failed to start', async () => {
    const missing = '00000000-0000-0000-0000-000000000000'
    expect(await rpcErrorOf(client.call('mcpServer/tool/call', { threadId: missing, server: 'echo', tool: 'echo' }))).toEqual({ code: -32600, message: `thread not found: ${missing}` })
    const threadId = await startThread()
    expect(await rpcErrorOf(client.call('mcpServer/tool/call', { threadId, server: 'nope', tool: 'echo' }))).toEqual({ code: -32603, message: "unknown MCP server 'nope'" })
    expect(await rpcErrorOf(client.call('mcpServer/tool/call', { threadId, server: 'broken', tool: 'echo' }))).toEqual({ code: -32603, message: 'failed to get client: MCP startup failed: No such file or directory (os error 2)' })
  })

  it('reads a resource with or without a thread', async () => {
    expect(await client.call('mcpServer/resource/read', { server: 'echo', uri: 'echo://greeting' })).toEqual({ contents: [{ uri: 'echo://greeting', mimeType: 'text/plain', text: 'hello from echo' }], originCallId: null })
    expect(await rpcErrorOf(client.call('mcpServer/resource/read', { server: 'nope', uri: 'echo://greeting' }))).toEqual({ code: -32603, message: "unknown MCP server 'nope'" })
  })

  it('restarts a server whose configuration changed', async () => {
    await client.call('mcpServerStatus/list', {})
    writeFileSync(join(home, 'config.toml'), '[mcp_servers.echo]\ncommand = "/nonexistent/other"\n')
    const { data } = await client.call('mcpServerStatus/list', {})
    expect(data.map((status) => [status.name, status.toolsError])).toEqual([['echo', 'MCP startup failed: No such file or directory (os error 2)']])
  })
})

describe('MCP sign-in and event streams', () => {
  it('answer codex\'s errors', async () => {
    expect(await rpcErrorOf(client.call('mcpServer/oauth/login', { name: 'nope' }))).toEqual({ code: -32600, message: "No MCP server named 'nope' found." })
    expect(await rpcErrorOf(client.call('mcpServer/oauth/login', { name: 'echo' }))).toEqual({ code: -32600, message: 'OAuth login is only supported for streamable HTTP servers.' })
    const threadId = await startThread()
    expect(await rpcErrorOf(client.call('mcpServer/event/stream/start', { threadId, server: 'echo', subscriptionId: 's', name: 'n', arguments: {} }))).toEqual({ code: -32600, message: 'MCP event subscriptions are only supported for hosted apps' })
    expect(await client.call('mcpServer/event/stream/stop', { subscriptionId: 's' })).toEqual({})
    expect(server.family(ConversationFamily).manager.loaded.has(threadId)).toBe(true)
  })
})

describe('MCP servers of installed plugins', () => {
  it('are listed with their plugin, called, and stopped when the plugin is uninstalled', async () => {
    const market = join(home, 'market')
    const write = (path: string, text: string) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    }
    write(join(market, '.agents/plugins/marketplace.json'), JSON.stringify({ name: 'm', plugins: [{ name: 'with-mcp', source: { source: 'local', path: './with-mcp' } }] }))
    write(join(market, 'with-mcp/.codex-plugin/plugin.json'), JSON.stringify({ name: 'with-mcp', version: '1.0.0', mcpServers: './servers.json' }))
    write(join(market, 'with-mcp/servers.json'), JSON.stringify({ mcpServers: { 'plugin-echo': { command: process.execPath, args: [echoServer] } } }))
    await client.call('marketplace/add', { source: market })
    const marketplacePath = join(market, '.agents/plugins/marketplace.json')
    expect((await client.call('plugin/read', { marketplacePath, pluginName: 'with-mcp' })).plugin.mcpServers).toEqual(['plugin-echo'])
    await client.call('plugin/install', { marketplacePath, pluginName: 'with-mcp' })

    const { data } = await client.call('mcpServerStatus/list', { serverName: 'plugin-echo' })
    expect(data.map((status) => [status.name, status.pluginId, status.tools.echo?.description])).toEqual([['plugin-echo', 'with-mcp@m', 'Echoes its text. This tool is part of plugin `with-mcp`.']])
    const threadId = await startThread()
    expect(await client.call('mcpServer/tool/call', { threadId, server: 'plugin-echo', tool: 'echo', arguments: { text: 'plugin' } })).toEqual({ content: [{ type: 'text', text: 'echo: plugin' }], isError: false })

    await client.call('plugin/uninstall', { pluginId: 'with-mcp@m' })
    expect((await client.call('mcpServerStatus/list', {})).data.map((status) => status.name)).toEqual(['broken', 'echo'])
    expect(await rpcErrorOf(client.call('mcpServer/tool/call', { threadId, server: 'plugin-echo', tool: 'echo' }))).toEqual({ code: -32603, message: "unknown MCP server 'plugin-echo'" })
  })
})
