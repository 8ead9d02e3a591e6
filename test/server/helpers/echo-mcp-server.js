// An MCP server over stdio built with the MCP SDK, for tests of the reference server's MCP
// client: one tool (`echo`), one tool that fails (`fail`) and one resource (`echo://greeting`).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { z } from 'zod'

const server = new McpServer({ name: 'echo-server', version: '2.0.0' })
server.registerTool('echo', { description: 'Echoes its text', inputSchema: { text: z.string() } }, ({ text }) => ({
  content: [{ type: 'text', text: `echo: ${text}` }],
}))
server.registerTool('fail', { description: 'Always fails' }, () => ({ content: [{ type: 'text', text: 'it failed' }], isError: true }))
server.registerResource('greeting', 'echo://greeting', { mimeType: 'text/plain' }, (uri) => ({
  contents: [{ uri: uri.href, mimeType: 'text/plain', text: 'hello from echo' }],
}))
await server.connect(new StdioServerTransport())
