// command/exec under a sandbox policy: confined with bubblewrap under readOnly and workspaceWrite,
// unconfined under dangerFullAccess, and refused (never run) by a server whose bubblewrap is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandExecParams } from '../../../generated/experimental/index.js'
import { Sandbox } from '../../../server/sandbox/sandbox.js'
import { rpcErrorOf, TestServer, type TestConnection } from './handler-context.js'

const unusable = await new Sandbox().unavailableReason()

let home: string
let cwd: string
let server: TestServer
let client: TestConnection

function open(settings: ConstructorParameters<typeof TestServer>[1] = {}) {
  server = new TestServer(home, settings)
  client = server.connect()
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'exec-sandbox-home-'))
  cwd = mkdtempSync(join(tmpdir(), 'exec-sandbox-cwd-'))
})

afterEach(async () => {
  client.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
  rmSync(cwd, { recursive: true, force: true })
})

const exec = (params: CommandExecParams) => client.call('command/exec', params)
const touch = (name: string): CommandExecParams => ({ command: ['sh', '-c', `touch ${name}`], cwd })

describe.skipIf(unusable !== undefined)('command/exec with a confining policy', () => {
  it('readOnly cannot write in its cwd; workspaceWrite can; dangerFullAccess runs unconfined', async () => {
    open()
    const denied = await exec({ ...touch('a'), sandboxPolicy: { type: 'readOnly' } })
    expect(denied.exitCode).not.toBe(0)
    expect(denied.stderr).toMatch(/read-only file system/i)
    expect(existsSync(join(cwd, 'a'))).toBe(false)
    expect(await exec({ ...touch('b'), sandboxPolicy: { type: 'workspaceWrite' } })).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(existsSync(join(cwd, 'b'))).toBe(true)
    expect((await exec({ ...touch('c'), sandboxPolicy: { type: 'dangerFullAccess' } })).exitCode).toBe(0)
    expect(existsSync(join(cwd, 'c'))).toBe(true)
  })

  it('streams a confined command\'s output like any other', async () => {
    open()
    await exec({ command: ['sh', '-c', 'echo confined'], cwd, processId: 'p', streamStdoutStderr: true, sandboxPolicy: { type: 'readOnly' } })
    const deltas = client.read().filter((n) => n.method === 'command/exec/outputDelta')
    expect(Buffer.concat(deltas.map((n) => Buffer.from((n.params as { deltaBase64: string }).deltaBase64, 'base64'))).toString()).toBe('confined\n')
  })
})

describe('command/exec where bubblewrap is missing', () => {
  it('refuses a confining policy with one clear error and runs nothing; unconfined policies still run', async () => {
    open({ sandbox: { bwrapPath: '/nonexistent/bwrap' } })
    for (const sandboxPolicy of [{ type: 'readOnly' }, { type: 'workspaceWrite' }] as const) {
      expect(await rpcErrorOf(exec({ ...touch('a'), sandboxPolicy }))).toEqual({
        code: -32603, message: 'failed to spawn command: bubblewrap is unavailable: /nonexistent/bwrap is not an executable program',
      })
    }
    expect(existsSync(join(cwd, 'a'))).toBe(false)
    expect((await exec({ ...touch('b'), sandboxPolicy: { type: 'dangerFullAccess' } })).exitCode).toBe(0)
    expect((await exec(touch('c'))).exitCode).toBe(0)
  })
})
