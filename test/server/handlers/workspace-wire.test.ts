// The workspace requests through the real reference server (bin/reference-app-server.js) over
// websocket: project notifications reach only clients that opted into the experimental API,
// fuzzy-search sessions notify over the wire, diagnostics count real requests, and projects and
// provider settings survive a restart of the process.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawnServer, type SpawnedServer } from '../helpers/spawn-server.js'
import { WebsocketClient } from '../helpers/wire-client.js'

let home: string
let server: SpawnedServer | undefined
const clients: WebsocketClient[] = []

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'workspace-wire-'))
})

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close()
  await server?.stop()
  server = undefined
  await rm(home, { recursive: true, force: true })
})

async function start(): Promise<void> {
  server = await spawnServer({ home, args: ['--listen', 'ws://127.0.0.1:0'], env: { REFERENCE_APP_SERVER_LOG: 'warn' } })
}

async function connect(experimentalApi: boolean): Promise<WebsocketClient> {
  const client = await WebsocketClient.connect(server!.address)
  clients.push(client)
  await client.initialize({ experimentalApi })
  return client
}

async function result(client: WebsocketClient, method: string, params?: unknown): Promise<any> {
  const { json } = await client.request(method, params)
  if (json.error) throw new Error(`${method}: ${json.error.message}`)
  return json.result
}

describe('over the wire', () => {
  it('announces project changes to experimental clients only', async () => {
    await start()
    const experimental = await connect(true)
    const stable = await connect(false)
    const { project } = await result(experimental, 'project/create', { name: 'Alpha', roots: [{ path: home }], idempotencyKey: 'k' })
    await experimental.waitFor((message) => message.json.method === 'project/changed', 5_000, 'project/changed')
    expect((await stable.collect(300)).filter((message) => message.json.method === 'project/changed')).toEqual([])
    const refused = await stable.request('project/read', { projectId: project.id })
    expect(refused.json.error.message).toContain('experimentalApi')
  })

  it('runs a fuzzy-search session and reports diagnostics', async () => {
    await start()
    const client = await connect(true)
    await result(client, 'fuzzyFileSearch/sessionStart', { sessionId: 's', roots: [join(process.cwd(), 'server', 'handlers')] })
    await client.waitFor((message) => message.json.method === 'fuzzyFileSearch/sessionCompleted', 5_000, 'the first sessionCompleted')
    await result(client, 'fuzzyFileSearch/sessionUpdate', { sessionId: 's', query: 'fuzzyfile' })
    const updated = await client.waitFor((message) => message.json.method === 'fuzzyFileSearch/sessionUpdated' && message.json.params.query === 'fuzzyfile', 5_000, 'sessionUpdated')
    expect(updated.json.params.files[0]).toMatchObject({ path: 'fuzzy-file-search.ts', match_type: 'file' })
    const diagnostics = await result(client, 'server/diagnostics', {})
    expect(diagnostics.process.id).toBe(server!.process.pid)
    expect(diagnostics.gauges).toEqual([{ name: 'app.requests.in_flight', value: 1 }, { name: 'app.requests.queued', value: 0 }])
  })

  it('keeps projects and providers across a restart of the process', async () => {
    await start()
    let client = await connect(true)
    const { project } = await result(client, 'project/create', { name: 'Kept', roots: [{ path: home }], idempotencyKey: 'k' })
    await result(client, 'modelProvider/config/write', { settings: { type: 'customGateway', name: 'Gate', baseUrl: 'http://localhost:1/v1' } })
    await client.close()
    clients.splice(0)
    await server!.stop()
    await start()
    client = await connect(true)
    expect((await result(client, 'project/list', {})).data).toEqual([project])
    expect((await result(client, 'modelProvider/list', {})).data.map((provider: { id: string }) => provider.id)).toEqual(['gate', 'reference'])
  })
})
