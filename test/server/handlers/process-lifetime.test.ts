// Children of command/exec never outlive the real server CLI: not after SIGKILL, not after the end
// of stdin, not when they left their process group with setsid; and a server that starts on a
// home where another one died reaps what that one left running, never an unrelated process.
// Processes are recognised by a marker in their argv: `sleep` is run through a symlink whose
// name holds the marker, so /proc/PID/cmdline tells ours apart from everything else.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXEC_MARKER_ENV, ProcessSupervisor, RECORDS_FOLDER, type SupervisorRecord } from '../../../server/process/process-supervisor.js'
import { processStartTime } from '../../../server/process/proc-table.js'
import { eventually, makeTempHome, spawnServer, type SpawnedServer, isAlive } from '../helpers/spawn-server.js'
import { StdioClient, WebsocketClient } from '../helpers/wire-client.js'

let home: string
let sleeper: string
let marker: string
const started: (SpawnedServer | ChildProcess)[] = []

beforeEach(() => {
  home = makeTempHome('proc-life-')
  marker = `procmark${process.pid}x${Math.random().toString(36).slice(2, 8)}`
  sleeper = join(home, `sleep-${marker}`)
  symlinkSync('/bin/sleep', sleeper)
})

afterEach(() => {
  for (const item of started.splice(0)) ('process' in item ? item.process : item).kill('SIGKILL')
  for (const pid of markedPids()) process.kill(pid, 'SIGKILL')
  rmSync(home, { recursive: true, force: true })
})

/** Pids of the processes whose command line holds this test's marker. */
function markedPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)
    } catch {
      return false
    }
  })
}

async function startServer(): Promise<{ server: SpawnedServer; client: StdioClient }> {
  const server = await spawnServer({ home })
  started.push(server)
  const client = new StdioClient(server.process)
  await client.initialize({ experimentalApi: true })
  client.send({ method: 'initialized' })
  return { server, client }
}

/** Starts commands that between them run 5 marked processes, two of them in a session of their own. */
async function startMarkedCommands(client: StdioClient): Promise<void> {
  const commands = [
    [sleeper, '300'],
    ['sh', '-c', `setsid sh -c '${sleeper} 301' & wait`],
    ['sh', '-c', `setsid ${sleeper} 302 & ${sleeper} 303`],
    ['sh', '-c', `${sleeper} 304 & wait`],
  ]
  commands.forEach((command, index) => client.send({ id: `cmd${index}`, method: 'command/exec', params: { command, disableTimeout: true } }))
  client.send({ id: 'streamed', method: 'command/exec', params: { command: ['sh', '-c', `echo started; exec ${sleeper} 305`], processId: 'p1', streamStdoutStderr: true } })
  // 4 sleeps, the setsid'd `sh -c` and the streamed one's sleep all hold the marker.
  await eventually(() => markedPids().length >= 7, 5_000, 'the marked processes to start')
}

describe('children of command/exec end with the server', () => {
  it('leaves no process behind when the server is killed with SIGKILL', async () => {
    const { server, client } = await startServer()
    await startMarkedCommands(client)
    server.process.kill('SIGKILL')
    await server.exited
    await eventually(() => markedPids().length === 0, 1_000, `every marked process to end after SIGKILL (left: ${markedPids().length})`)
  })

  it('ends children at once when stdin ends, still answering the requests', async () => {
    const { server, client } = await startServer()
    await startMarkedCommands(client)
    const ended = Date.now()
    await client.close()
    const answers = await Promise.all(['cmd0', 'cmd1', 'cmd2', 'cmd3', 'streamed'].map((id) => client.waitFor((message) => message.json.id === id, 1_500, `the answer to ${id}`)))
    expect(answers.map((answer) => answer.json.result?.exitCode)).toEqual([137, 137, 137, 137, 137])
    expect(markedPids()).toEqual([])
    expect(await server.exited).toBe(0)
    // Well under the 2 s the server allows pending requests at the end of input.
    expect(Date.now() - ended).toBeLessThan(1_500)
  })

  it('kills a child that called setsid when its command is terminated', async () => {
    const { client } = await startServer()
    const running = client.request('command/exec', { command: ['sh', '-c', `setsid ${sleeper} 306 & echo go; wait`], processId: 'escape', streamStdoutStderr: true, disableTimeout: true })
    // The `sh -c` line and the setsid'd sleep.
    await eventually(() => markedPids().length === 2, 5_000, 'the setsid child to start')
    await client.request('command/exec/terminate', { processId: 'escape' })
    expect((await running).json.result.exitCode).toBe(137)
    await eventually(() => markedPids().length === 0, 1_000, 'the setsid child to end')
  })

  it('kills a child that called setsid when its websocket connection closes', async () => {
    const server = await spawnServer({ home, args: ['--listen', 'ws://127.0.0.1:0'] })
    started.push(server)
    const client = await WebsocketClient.connect(server.address)
    await client.initialize({ experimentalApi: true })
    client.send({ method: 'initialized' })
    client.send({ id: 'escape', method: 'command/exec', params: { command: ['sh', '-c', `setsid ${sleeper} 307 & wait`], disableTimeout: true } })
    await eventually(() => markedPids().length === 2, 5_000, 'the setsid child to start')
    await client.close()
    await eventually(() => markedPids().length === 0, 1_000, 'the setsid child to end')
  })
})

describe('a server starting on a home where another one died', () => {
  function spawnDetached(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
    const child = spawn(sleeper, args, { detached: true, stdio: 'ignore', env })
    started.push(child)
    return child
  }

  async function startTimeOf(child: ChildProcess): Promise<number> {
    let startTime: number | undefined
    await eventually(() => (startTime = processStartTime(child.pid!)) !== undefined, 2_000, 'the process to appear in /proc')
    return startTime!
  }

  it('reaps the recorded groups and marked processes of the dead server, sparing a reused pid', async () => {
    const straggler = spawnDetached(['310'])
    const escaped = spawnDetached(['311'], { ...process.env, [EXEC_MARKER_ENV]: 'deadbeef/7' })
    const unrelated = spawnDetached(['312'])
    const record: SupervisorRecord = {
      // This test process with a start time it never had: a server that is gone.
      server: { pid: process.pid, startTime: 1 },
      token: 'deadbeef',
      groups: [
        { pid: straggler.pid!, startTime: await startTimeOf(straggler) },
        // The recorded pid now belongs to a process started at another time: not ours.
        { pid: unrelated.pid!, startTime: (await startTimeOf(unrelated)) - 1 },
      ],
    }
    await startTimeOf(escaped)
    const folder = join(home, RECORDS_FOLDER)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, '1.json'), JSON.stringify(record))
    writeFileSync(join(folder, '2.json'), 'not a record')

    const { server } = await startServer()
    await eventually(() => !isAlive(straggler.pid!) || straggler.exitCode !== null || straggler.signalCode !== null, 1_000, 'the straggler to be killed')
    await eventually(() => escaped.signalCode !== null, 1_000, 'the escaped process to be killed')
    expect(straggler.signalCode).toBe('SIGKILL')
    expect(escaped.signalCode).toBe('SIGKILL')
    expect(unrelated.exitCode === null && unrelated.signalCode === null).toBe(true)
    expect(isAlive(unrelated.pid!)).toBe(true)
    expect(existsSync(join(folder, '1.json'))).toBe(false)
    expect(existsSync(join(folder, '2.json'))).toBe(false)
    expect(server.stderr()).toContain(`${join(folder, '2.json')} is not a record of running commands; removing it`)
  })

  it('leaves the commands of a server that is still running alone', async () => {
    const first = await startServer()
    first.client.send({ id: 'long', method: 'command/exec', params: { command: [sleeper, '313'], disableTimeout: true } })
    await eventually(() => markedPids().length === 1, 5_000, 'the command to start')
    const [pid] = markedPids()
    // A second server cannot start on a home in use (its lock refuses), so the reaping of one is
    // run directly here, as a defence that holds even without the lock.
    new ProcessSupervisor(home).reapStragglers()
    expect(isAlive(pid!)).toBe(true)
    expect(markedPids()).toEqual([pid])
  })
})
