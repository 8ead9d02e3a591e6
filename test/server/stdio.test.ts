// stdio-only rules: framing tolerance, a line cap of 128 MiB that drops only the long line, and prompt exit with status 0 on end of
// input or SIGTERM (websocket listeners too).
import { describe, expect, it } from 'vitest'
import { LineSplitter } from '../../server/transports/line-splitter.js'
import { MAX_LINE_BYTES } from '../../server/transports/stdio.js'
import { spawnServer } from './helpers/spawn-server.js'
import { StdioClient } from './helpers/wire-client.js'

describe('stdio transport', () => {
  it('tolerates CRLF and surrounding spaces, and takes lines far longer than a websocket frame', async () => {
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

  it('drops a line over the limit with a log line, and answers the next line at once', async () => {
    const server = await spawnServer()
    const client = new StdioClient(server.process)
    await client.initialize()
    // A line just over the cap, written in pieces the way a pipe delivers it, then a normal request.
    const piece = 'y'.repeat(8 * 1024 * 1024)
    client.sendRaw('{"id":"huge","method":"thread/loaded/list","params":{"pad":"')
    for (let sent = 0; sent <= MAX_LINE_BYTES; sent += piece.length) client.sendRaw(piece)
    client.sendRaw('"}}\n')
    client.sendText('{"id":"next","method":"thread/loaded/list","params":{}}')
    expect((await client.waitFor((message) => message.json.id === 'next', 20_000)).json.result).toBeDefined()
    expect(client.received.some((message) => message.json.id === 'huge')).toBe(false)
    expect(server.stderr()).toMatch(/stdio: dropped a line of \d+ bytes; the limit is 134217728 bytes/)
    await server.stop()
  })

  it('answers the next request promptly after a line of deeply nested arrays', async () => {
    const server = await spawnServer()
    const client = new StdioClient(server.process)
    await client.initialize()
    client.sendText(`{"id":"deep","method":"thread/loaded/list","params":{"x":${'['.repeat(10_000_000)}}}`)
    const started = Date.now()
    client.sendText('{"id":"next","method":"thread/loaded/list","params":{}}')
    expect((await client.waitFor((message) => message.json.id === 'next', 20_000)).json.result).toBeDefined()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(server.stderr()).toMatch(/dropped a message that is not JSON-RPC: nesting deeper than 127 levels at line 1 column \d+/)
    await server.stop()
  })
})

describe('LineSplitter', () => {
  it('splits lines across chunks, keeps UTF-8 intact, and skips only an overlong line', () => {
    const lines: string[] = []
    const dropped: number[] = []
    const splitter = new LineSplitter(8, { line: (text) => lines.push(text), oversized: (bytes) => dropped.push(bytes) })
    const bytes = Buffer.from('ab\nwé\n0123456789abc\nlast\n')
    for (let i = 0; i < bytes.length; i += 3) splitter.push(bytes.subarray(i, i + 3))
    expect(lines).toEqual(['ab', 'wé', 'last'])
    expect(dropped).toEqual([13])
  })
})
