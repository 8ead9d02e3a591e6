// Websocket-only rules of wire-rules.md, against the real CLI: probes, Origin, framing, message
// size, pings, per-connection state, auth on upgrade, and the unix socket listener.
import { spawn } from 'node:child_process'
import { createHash, createHmac } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, makeTempHome, spawnServer, type SpawnedServer } from './helpers/spawn-server.js'
import { WebsocketClient } from './helpers/wire-client.js'

interface HttpResult {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
  upgraded: boolean
}

/** A raw HTTP request (optionally a websocket upgrade) so status codes and bodies can be checked. */
function httpRequest(address: string, path: string, headers: Record<string, string>, upgrade: boolean): Promise<HttpResult> {
  const { hostname, port } = new URL(address.replace(/^ws:/, 'http:'))
  const upgradeHeaders = upgrade ? { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } : {}
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, headers: { ...upgradeHeaders, ...headers } })
    request.on('response', (response) => {
      let body = ''
      response.on('data', (chunk) => { body += chunk })
      response.on('end', () => resolve({ status: response.statusCode!, body, headers: response.headers, upgraded: false }))
    })
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve({ status: response.statusCode!, body: '', headers: response.headers, upgraded: true })
    })
    request.on('error', reject)
    request.end()
  })
}

/** Sends one raw HTTP request and returns everything the server wrote within a short while. */
function rawHttp(address: string, text: string): Promise<string> {
  const { hostname, port } = new URL(address.replace(/^ws:/, 'http:'))
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => { received += chunk.toString('latin1') })
    socket.on('error', reject)
    socket.on('close', () => resolve(received))
    setTimeout(() => socket.destroy(), 300)
  })
}

const UPGRADE_HEADERS = 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'

describe('websocket listener without auth', () => {
  let server: SpawnedServer
  beforeAll(async () => {
    server = await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0'] })
  })
  afterAll(() => server.stop())

  it('answers /healthz and /readyz with 200 and an empty body', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const result = await httpRequest(server.address, path, {}, false)
      expect(result.status).toBe(200)
      expect(result.body).toBe('')
    }
  })

  // Observed on codex 0.169.0 (wire-rules.md, "Plain HTTP on the websocket port").
  it('answers probes to HEAD and with a query, refuses other methods with 405, and never upgrades a probe', async () => {
    for (const path of ['/healthz', '/readyz?verbose=1']) {
      expect(await rawHttp(server.address, `HEAD ${path} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200 OK\r\n(?:.*\r\n)*content-length: 0\r\n/i)
      const upgrade = await rawHttp(server.address, `GET ${path} HTTP/1.1\r\nHost: x\r\n${UPGRADE_HEADERS}\r\n`)
      expect(upgrade).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(upgrade).not.toMatch(/sec-websocket-accept/i)
      const post = await rawHttp(server.address, `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`)
      expect(post).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
      expect(post).toMatch(/\r\nallow: GET,HEAD\r\n/i)
    }
    const postRoot = await rawHttp(server.address, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n')
    expect(postRoot).toMatch(/^HTTP\/1\.1 405 /)
    expect(postRoot.endsWith('\r\n\r\nRequest method must be `GET`')).toBe(true)
  })

  it('refuses any request carrying an Origin header with 403, probes included', async () => {
    expect((await httpRequest(server.address, '/', { Origin: 'http://example.test' }, true)).status).toBe(403)
    expect((await httpRequest(server.address, '/healthz', { Origin: 'null' }, false))).toMatchObject({ status: 403, body: '' })
  })

  it('accepts the upgrade on any path, and ignores the compression header the Codex TUI sends', async () => {
    for (const path of ['/', '/some/path?x=1']) expect((await httpRequest(server.address, path, {}, true)).upgraded).toBe(true)
    const client = await WebsocketClient.connect(server.address, { 'x-codex-app-server-compression': 'zstd-stream-v1' })
    expect((await client.initialize()).json.result).toBeDefined()
    await client.close()
  })

  it('answers a plain GET that is not an upgrade with 400', async () => {
    for (const path of ['/', '/other', '/healthz/']) {
      const result = await httpRequest(server.address, path, {}, false)
      expect(result).toMatchObject({ status: 400, body: "Connection header did not include 'upgrade'" })
      expect(result.headers['content-type']).toMatch(/^text\/plain/)
    }
  })

  it('drops binary frames (logged) and keeps the connection', async () => {
    const client = await WebsocketClient.connect(server.address)
    const logged = server.stderr().length
    client.socket.send(Buffer.from('{"id":1,"method":"initialize","params":{"clientInfo":{"name":"b","version":"1"}}}'), { binary: true })
    expect((await client.initialize()).json.result).toBeDefined()
    expect(client.received.filter((message) => message.json.id === 1)).toEqual([])
    await eventually(() => /dropped a binary frame/.test(server.stderr().slice(logged)), 5000, 'the binary-frame log line')
    await client.close()
  })

  it('accepts a 16 MiB message and drops the connection on a larger one', async () => {
    const client = await WebsocketClient.connect(server.address)
    await client.initialize()
    const frame = (size: number) => {
      const head = '{"id":"big","method":"thread/loaded/list","params":{},"pad":"'
      return `${head}${'x'.repeat(size - head.length - 2)}"}`
    }
    client.sendText(frame(16 * 1024 * 1024))
    expect((await client.waitFor((message) => message.json.id === 'big', 20_000)).json.result).toBeDefined()
    client.sendText(frame(16 * 1024 * 1024 + 1))
    expect(await client.closedPromise).toBe(1009)
  })

  it('drops a frame of deeply nested arrays (logged) without stalling other connections', async () => {
    const attacker = await WebsocketClient.connect(server.address)
    const other = await WebsocketClient.connect(server.address)
    await Promise.all([attacker.initialize(), other.initialize()])
    const logged = server.stderr().length
    // 15 MB of nested arrays: JSON.parse alone would take seconds and most of a gigabyte.
    attacker.sendText(`{"id":"deep","method":"thread/loaded/list","params":{"x":${'['.repeat(15_000_000)}}}`)
    attacker.sendText('{"id":"after","method":"thread/loaded/list","params":{}}')
    const started = Date.now()
    expect((await other.request('thread/loaded/list', {}, 'other')).json.result).toBeDefined()
    expect((await attacker.waitFor((message) => message.json.id === 'after')).json.result).toBeDefined()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(attacker.received.some((message) => message.json.id === 'deep')).toBe(false)
    expect(server.stderr().slice(logged)).toMatch(/dropped a message that is not JSON-RPC: nesting deeper than 127 levels/)
    await Promise.all([attacker.close(), other.close()])
  })

  it('answers a client close frame with a close frame (codex drops TCP instead; see deviations.json)', async () => {
    const client = await WebsocketClient.connect(server.address)
    await client.initialize()
    client.socket.close(1000, 'bye')
    expect(await client.closedPromise).toBe(1000)
  })

  it('keeps serving others when a client process is killed with SIGKILL mid-stream', async () => {
    const script = `
      const WebSocket = (await import(${JSON.stringify(new URL('../../node_modules/ws/wrapper.mjs', import.meta.url).href)})).default
      const ws = new WebSocket(${JSON.stringify(server.address)})
      ws.on('open', () => {
        ws.send(JSON.stringify({ id: 0, method: 'initialize', params: { clientInfo: { name: 'k', version: '1' } } }))
        for (let i = 1; i <= 2000; i++) ws.send(JSON.stringify({ id: i, method: 'thread/loaded/list', params: {} }))
        console.log('sent')
      })`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const other = await WebsocketClient.connect(server.address)
    expect((await other.initialize()).json.result).toBeDefined()
    expect((await other.request('thread/loaded/list', {}, 'still')).json.result).toBeDefined()
    await other.close()
  })

  it('answers pings and sends none of its own', async () => {
    const client = await WebsocketClient.connect(server.address)
    let pings = 0
    client.socket.on('ping', () => pings++)
    const pong = new Promise<string>((resolve) => client.socket.once('pong', (data) => resolve(data.toString())))
    client.socket.ping('hello')
    expect(await pong).toBe('hello')
    await client.collect(300)
    expect(pings).toBe(0)
    await client.close()
  })

  it('keeps initialization, capabilities and request ids per connection', async () => {
    const first = await WebsocketClient.connect(server.address)
    const second = await WebsocketClient.connect(server.address)
    await first.initialize({ experimentalApi: true })
    expect((await second.request('thread/loaded/list', {}, 1)).json.error.message).toBe('Not initialized')
    await second.initialize()
    const [a, b] = await Promise.all([first.request('mock/experimentalMethod', {}, 7), second.request('mock/experimentalMethod', {}, 7)])
    expect(a.json.result).toBeDefined()
    expect(b.json.error.message).toBe('mock/experimentalMethod requires experimentalApi capability')
    await Promise.all([first.close(), second.close()])
  })
})

describe('a client that stops reading (real CLI)', () => {
  it('keeps the server memory bounded and other connections responsive', async () => {
    const server = await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0'] })
    const file = join(server.home, 'big.bin')
    writeFileSync(file, Buffer.alloc(1024 * 1024, 7))
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))![1]) * 1024
    const reader = await WebsocketClient.connect(server.address)
    const other = await WebsocketClient.connect(server.address)
    await reader.initialize()
    await other.initialize()
    const before = rss()
    reader.socket.pause()
    // 120 answers of ~1.4 MB each: far more than the server may hold for one connection.
    for (let i = 0; i < 120; i++) reader.send({ id: i, method: 'fs/readFile', params: { path: file } })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const started = Date.now()
    expect((await other.request('thread/loaded/list', {})).json.result).toBeDefined()
    expect(Date.now() - started).toBeLessThan(1000)
    // Unbounded, the 120 answers alone would take ~170 MB (twice that as strings and frames).
    const growth = rss() - before
    expect(growth).toBeLessThan(96 * 1024 * 1024)
    reader.socket.resume()
    const answered = () => reader.received.filter((message) => typeof message.json.id === 'number' && message.json.result?.dataBase64).length
    await eventually(() => answered() === 120, 30_000, 'all 120 answers once reading resumes')
    await Promise.all([reader.close(), other.close()])
    await server.stop()
  })
})

describe('websocket auth on upgrade', () => {
  const home = makeTempHome()
  const secret = 'k'.repeat(48)
  writeFileSync(join(home, 'token'), 'sekrit\n')
  writeFileSync(join(home, 'secret'), `${secret}\n`)
  const servers: SpawnedServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
  })
  const start = async (args: string[]) => {
    const server = await spawnServer({ args: ['--listen', 'ws://127.0.0.1:0', ...args] })
    servers.push(server)
    return server
  }
  const upgrade = (server: SpawnedServer, authorization?: string) =>
    httpRequest(server.address, '/', authorization === undefined ? {} : { Authorization: authorization }, true)

  it('capability token from a file: success and each failure body (401, text/plain)', async () => {
    const server = await start(['--ws-auth', 'capability-token', '--ws-token-file', join(home, 'token')])
    expect((await upgrade(server, 'Bearer sekrit')).upgraded).toBe(true)
    expect((await upgrade(server, 'bearer sekrit')).upgraded).toBe(true)
    for (const [header, body] of [[undefined, 'missing websocket bearer token'], ['Bearer nope', 'invalid websocket bearer token'], ['Basic sekrit', 'invalid authorization header'], ['Bearer', 'invalid authorization header']] as const) {
      const result = await upgrade(server, header)
      expect(result).toMatchObject({ status: 401, body })
      expect(result.headers['content-type']).toBe('text/plain; charset=utf-8')
    }
    // No query-string tokens; probes need no auth.
    expect((await httpRequest(server.address, '/?token=sekrit', {}, true)).status).toBe(401)
    expect((await httpRequest(server.address, '/readyz', {}, false)).status).toBe(200)
    const client = await WebsocketClient.connect(server.address, { Authorization: 'Bearer sekrit' })
    expect((await client.initialize()).json.result).toBeDefined()
    await client.close()
  })

  it('takes a request head as large as codex does (~512 KiB): a 100 KB bearer token is checked, not refused', async () => {
    const big = 'b'.repeat(100_000)
    writeFileSync(join(home, 'big-token'), big)
    const server = await start(['--ws-auth', 'capability-token', '--ws-token-file', join(home, 'big-token')])
    expect((await upgrade(server, `Bearer ${big}`)).upgraded).toBe(true)
    expect((await upgrade(server, `Bearer ${'c'.repeat(500_000)}`))).toMatchObject({ status: 401, body: 'invalid websocket bearer token' })
    expect((await upgrade(server, `Bearer ${'c'.repeat(600_000)}`)).status).toBe(431)
  })

  it('capability token given as its SHA-256 digest', async () => {
    const digest = createHash('sha256').update('sekrit').digest('hex')
    const server = await start(['--ws-auth', 'capability-token', '--ws-token-sha256', digest])
    expect((await upgrade(server, 'Bearer sekrit')).upgraded).toBe(true)
    expect((await upgrade(server, 'Bearer other')).body).toBe('invalid websocket bearer token')
  })

  it('signed bearer token (HS256 JWT): success and each failure body', async () => {
    const server = await start(['--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', join(home, 'secret'), '--ws-issuer', 'iss1', '--ws-audience', 'aud1'])
    const now = Math.floor(Date.now() / 1000)
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const jwt = (claims: Record<string, unknown>, alg = 'HS256') => {
      const body = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`
      return `Bearer ${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
    }
    const good = { exp: now + 300, iss: 'iss1', aud: 'aud1' }
    expect((await upgrade(server, jwt(good))).upgraded).toBe(true)
    expect((await upgrade(server, jwt({ ...good, aud: ['x', 'aud1'] }))).upgraded).toBe(true)
    const failures: [string | undefined, string][] = [
      [undefined, 'missing websocket bearer token'],
      ['Basic x', 'invalid authorization header'],
      [jwt({ iss: 'iss1', aud: 'aud1' }), 'invalid websocket jwt'],
      [jwt(good, 'HS512'), 'invalid websocket jwt'],
      [`Bearer ${b64({ alg: 'none' })}.${b64(good)}.`, 'invalid websocket jwt'],
      [jwt({ ...good, exp: now - 300 }), 'expired websocket jwt'],
      [jwt({ ...good, nbf: now + 200 }), 'websocket jwt is not valid yet'],
      [jwt({ ...good, iss: 'other' }), 'websocket jwt issuer mismatch'],
      [jwt({ ...good, aud: 'other' }), 'websocket jwt audience mismatch'],
    ]
    for (const [header, body] of failures) expect(await upgrade(server, header), body).toMatchObject({ status: 401, body })
  })
})

describe('unix socket listener', () => {
  it('speaks websocket framing over the socket (explicit path and the default path in the home folder)', async () => {
    const home = makeTempHome()
    const path = join(home, 'server.sock')
    const explicit = await spawnServer({ args: ['--listen', `unix://${path}`] })
    expect(explicit.address).toBe(`unix://${path}`)
    const client = await WebsocketClient.connect(explicit.address)
    expect(client.transport).toBe('unix')
    await client.initialize()
    expect((await client.request('thread/loaded/list', {})).json.result).toBeDefined()
    await client.close()
    expect(await explicit.stop()).toBe(0)

    const byDefault = await spawnServer({ args: ['--listen', 'unix://'], home })
    expect(byDefault.address).toBe(`unix://${join(home, 'app-server-control', 'app-server-control.sock')}`)
    const second = await WebsocketClient.connect(byDefault.address)
    expect((await second.initialize()).json.result.codexHome).toBe(home)
    await second.close()
    expect(await byDefault.stop()).toBe(0)
  })
})
