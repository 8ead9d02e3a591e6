// stdio-only rules: framing tolerance, no line-length cap, and prompt exit with status 0 on end of
// input or SIGTERM (websocket listeners too).
import { describe, expect, it } from 'vitest'
import { spawnServer } from './helpers/spawn-server.js'
import { StdioClient } from './helpers/wire-client.js'

describe('stdio transport', () => {
  it('tolerates CRLF and surrounding spaces, and has no line-length cap', async () => {
    const server = await spawnServer()
    const client = new StdioClient(server.process)
    await client.initialize()
    client.sendRaw('   {"id":"crlf","method":"thread/loaded/list","params":{}}  \r\n')
    expect((await client.waitFor((message) => message.json.id === 'crlf')).json.result).toBeDefined()
    const pad = 'y'.repeat(20 * 1024 * 1024)
    client.sendText(`{"id":"long","method":"thread/loaded/list","params":{"pad":"${pad}"}}`)
    expect((await client.waitFor((message) => message.json.id === 'long', 20_000)).json.result).toBeDefined()
    await server.stop()
  })

  it('answers what was received, then exits with status 0 when stdin ends', async () => {
    const server = await spawnServer()
    const client = new StdioClient(server.process)
    client.sendText('{"id":1,"method":"initialize","params":{"clientInfo":{"name":"x","version":"1"}}}')
    client.sendText('{"id":2,"method":"thread/loaded/list","params":{}}')
    const started = Date.now()
    await client.close()
    expect(await server.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(client.received.map((message) => message.json.id)).toContain(2)
    await server.stop()
  })

  it('exits with status 0 on SIGTERM, over stdio and websocket', async () => {
    for (const args of [[], ['--listen', 'ws://127.0.0.1:0']]) {
      const server = await spawnServer({ args })
      const started = Date.now()
      server.process.kill('SIGTERM')
      expect(await server.exited, `${args.join(' ')}: ${server.stderr()}`).toBe(0)
      expect(Date.now() - started).toBeLessThan(3000)
      await server.stop()
    }
  })
})
