// Servers in one process: each owns its state (two servers' connections share ids but nothing
// else), and every step between a frame arriving and a response leaving is guarded, so a throwing
// handler or encoder is answered -32603 and leaves the connection and the server running; params
// given as an array are decoded in declaration order.
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { HandlerMap } from '../../server/handler-types.js'
import { CommandExecFamily } from '../../server/handlers/command-exec.js'
import { createLogger } from '../../server/log.js'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { eventually, makeTempHome, repoRoot } from './helpers/spawn-server.js'
import { StdioClient } from './helpers/wire-client.js'

const model = loadProtocolModel(repoRoot)
const running: { server: RunningServer; input: PassThrough }[] = []

async function serve(options: { overrideHandlers?: HandlerMap; logLines?: string[] } = {}) {
  const input = new PassThrough()
  const output = new PassThrough()
  const server = await startServer({
    listen: { kind: 'stdio' }, stdio: { input, output }, home: makeTempHome(), repoRoot, model,
    log: createLogger('debug', (line) => { options.logLines?.push(line) }),
    ...(options.overrideHandlers ? { overrideHandlers: options.overrideHandlers } : {}),
  })
  running.push({ server, input })
  const client = new StdioClient({ stdin: input, stdout: output } as never)
  await client.initialize({ experimentalApi: true })
  return { server, client }
}

afterEach(async () => {
  for (const { server, input } of running.splice(0)) {
    input.end()
    await server.close()
  }
})

const commandFamily = (server: RunningServer) => server.core.families.find((family) => family instanceof CommandExecFamily) as CommandExecFamily

describe('two servers in one process', () => {
  it('share nothing, though their connections have the same ids', async () => {
    const a = await serve()
    const b = await serve()
    const [idA] = a.server.core.connectionStats().map((stats) => stats.id)
    const [idB] = b.server.core.connectionStats().map((stats) => stats.id)
    expect(idA).toBe(idB)

    const sleep = { command: ['sleep', '30'], processId: 'p', streamStdoutStderr: true }
    a.client.send({ id: 'a-exec', method: 'command/exec', params: sleep })
    await eventually(() => (commandFamily(a.server).runningCommandCount(idA!) === 1))
    // The same client-chosen process id on the other server is not a duplicate.
    b.client.send({ id: 'b-exec', method: 'command/exec', params: sleep })
    await eventually(() => (commandFamily(b.server).runningCommandCount(idB!) === 1))

    // Closing B's connection ends B's command only.
    const [entry] = running.splice(1, 1)
    entry!.input.end()
    await entry!.server.close()
    expect(commandFamily(b.server).runningCommandCount(idB!)).toBe(0)
    expect(commandFamily(a.server).runningCommandCount(idA!)).toBe(1)
    expect((await a.client.request('command/exec/terminate', { processId: 'p' })).json.result).toEqual({})
    const answer = await a.client.waitFor((message) => message.json.id === 'a-exec')
    expect(answer.json.result.exitCode).not.toBe(0)
  })
})

describe('guarded dispatch', () => {
  const throwing: HandlerMap = {
    'thread/archive': () => {
      throw new TypeError('handler bug')
    },
    // A result whose encoding throws stands for a failing encoder.
    'thread/unarchive': () => ({ toJSON() { throw new Error('encoder bug') } }) as never,
    'thread/name/set': (_params, context) => {
      context.notify('thread/name/updated', { threadId: 't', get threadName(): string { throw new Error('notification encoder bug') } } as never)
      return {}
    },
  }

  it('answers -32603, logs method and id, and keeps the connection serving', async () => {
    const logLines: string[] = []
    const { client } = await serve({ overrideHandlers: throwing, logLines })

    const handlerFailure = await client.request('thread/archive', { threadId: 'x' }, 'h1')
    expect(handlerFailure.json.error).toEqual({ code: -32603, message: 'handler bug' })
    expect(logLines.some((line) => line.includes('thread/archive (id "h1")') && line.includes('handler bug'))).toBe(true)

    const encoderFailure = await client.request('thread/unarchive', { threadId: 'x' }, 'e1')
    expect(encoderFailure.json.error).toEqual({ code: -32603, message: 'internal error while encoding the result of thread/unarchive' })
    expect(logLines.some((line) => line.includes('thread/unarchive (id "e1")') && line.includes('encoder bug'))).toBe(true)

    // A notification that cannot be encoded is dropped and logged; the request still succeeds.
    expect((await client.request('thread/name/set', { threadId: 'x', name: 'n' }, 'n1')).json.result).toEqual({})
    expect(logLines.some((line) => line.includes('not sending thread/name/updated'))).toBe(true)

    // The same connection still works.
    expect((await client.request('thread/loaded/list', {})).json.result).toEqual({ data: [], nextCursor: null })
  })
})

describe('positional params', () => {
  it('fills a params struct from an array in declaration order, as serde does', async () => {
    const { client } = await serve()
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'positional-')), 'a.txt')
    writeFileSync(file, 'hi')
    expect((await client.request('fs/readFile', [file])).json.result).toEqual({ dataBase64: Buffer.from('hi').toString('base64') })
    expect((await client.request('thread/loaded/list', [])).json.error).toEqual({
      code: -32600, message: 'Invalid request: invalid length 0, expected struct ThreadLoadedListParams with 2 elements',
    })
  })
})
