// A tiny MCP server over stdio (newline-delimited JSON-RPC) with one tool and one resource, for
// observing how codex talks to a configured MCP server. Hand-written so the probe needs no SDK.
import { createInterface } from 'node:readline'

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n')
const results = {
  initialize: () => ({ protocolVersion: '2025-06-18', capabilities: { tools: {}, resources: {} }, serverInfo: { name: 'tiny', version: '1.0.0' } }),
  'tools/list': () => ({ tools: [{ name: 'echo', description: 'Echoes its text', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } }] }),
  'tools/call': (params) => ({ content: [{ type: 'text', text: `echo: ${params?.arguments?.text ?? ''}` }], isError: false }),
  'resources/list': () => ({ resources: [{ uri: 'tiny://greeting', name: 'greeting', mimeType: 'text/plain' }] }),
  'resources/templates/list': () => ({ resourceTemplates: [] }),
  'resources/read': (params) => ({ contents: [{ uri: params.uri, mimeType: 'text/plain', text: 'hello from tiny' }] }),
}
createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line)
  if (message.id === undefined) return
  const result = results[message.method]
  if (result) send({ id: message.id, result: result(message.params) })
  else send({ id: message.id, error: { code: -32601, message: `no method ${message.method}` } })
})
