// Commands the agent runs under each sandbox policy, for real: bubblewrap confines readOnly and
// workspaceWrite commands (writes, network, protected .git), dangerFullAccess and escalated
// commands run unconfined, a denied command runs again unconfined only when the caller's approval
// says so, and a server whose bubblewrap is missing refuses confined commands instead of running
// them. When bubblewrap cannot work on this machine at all, only the refusal tests run.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SandboxPolicy } from '../../../generated/experimental/index.js'
import { REFUSED_EXIT_CODE, runAgentCommand, type AgentCommandOptions } from '../../../server/conversations/agent-command.js'
import { ProcessSupervisor } from '../../../server/process/process-supervisor.js'
import { SANDBOX_RETRY_REASON } from '../../../server/sandbox/escalation.js'
import { Sandbox } from '../../../server/sandbox/sandbox.js'

const unusable = await new Sandbox().unavailableReason()
if (unusable !== undefined) console.warn(`bubblewrap cannot confine commands on this machine (${unusable}): only the refusal tests run`)

// Commands run as `bash -lc`: an empty HOME keeps this machine's login profile (which may wait on
// locks shared with other shells) out of what is measured here.
const emptyHome = mkdtempSync(join(tmpdir(), 'sandbox-home-'))
beforeAll(() => { vi.stubEnv('HOME', emptyHome) })
afterAll(() => {
  vi.unstubAllEnvs()
  rmSync(emptyHome, { recursive: true, force: true })
})

const READ_ONLY: SandboxPolicy = { type: 'readOnly', networkAccess: false }
// /tmp and $TMPDIR excluded, so that a sibling folder under /tmp is outside every writable root.
const WORKSPACE: SandboxPolicy = { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeSlashTmp: true, excludeTmpdirEnvVar: true }

let root: string
let cwd: string
let outside: string
const supervisors: ProcessSupervisor[] = []

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-test-'))
  cwd = join(root, 'workspace')
  outside = join(root, 'elsewhere')
  mkdirSync(cwd)
  mkdirSync(outside)
})

afterEach(() => {
  for (const supervisor of supervisors.splice(0)) supervisor.close()
  rmSync(root, { recursive: true, force: true })
})

function supervisor(bwrapPath?: string): ProcessSupervisor {
  const created = new ProcessSupervisor(join(root, 'home'), undefined, bwrapPath === undefined ? {} : { sandbox: { bwrapPath } })
  supervisors.push(created)
  return created
}

function run(command: string, options: AgentCommandOptions, processes = supervisor()) {
  return runAgentCommand(processes, command, cwd, new AbortController().signal, () => undefined, 30_000, options)
}

describe.skipIf(unusable !== undefined)('a confined command', () => {
  it('under readOnly cannot write in its cwd, and the failure counts as a sandbox denial', async () => {
    const result = await run('echo data > made.txt', { sandbox: READ_ONLY })
    expect(result.exitCode).not.toBe(0)
    expect(result.output).toMatch(/read-only file system/i)
    expect(result).toMatchObject({ confined: true, sandboxDenied: true, retriedUnconfined: false })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(false)
  })

  it('under readOnly still reads everything', async () => {
    writeFileSync(join(outside, 'note.txt'), 'readable')
    const result = await run(`cat ${join(outside, 'note.txt')}`, { sandbox: READ_ONLY })
    expect(result).toMatchObject({ exitCode: 0, confined: true, sandboxDenied: false })
    expect(result.output).toContain('readable')
  })

  it('under workspaceWrite writes in its cwd and extra roots, but nowhere else', async () => {
    const extra = join(root, 'extra')
    mkdirSync(extra)
    const policy: SandboxPolicy = { ...WORKSPACE, writableRoots: [extra] }
    expect((await run('echo data > made.txt', { sandbox: policy })).exitCode).toBe(0)
    expect(existsSync(join(cwd, 'made.txt'))).toBe(true)
    expect((await run(`echo data > ${join(extra, 'made.txt')}`, { sandbox: policy })).exitCode).toBe(0)
    expect(existsSync(join(extra, 'made.txt'))).toBe(true)
    const denied = await run(`echo data > ${join(outside, 'made.txt')}`, { sandbox: policy })
    expect(denied).toMatchObject({ confined: true, sandboxDenied: true })
    expect(existsSync(join(outside, 'made.txt'))).toBe(false)
  })

  it('under workspaceWrite keeps .git, .agents and .codex read-only', async () => {
    for (const folder of ['.git', '.agents', '.codex']) mkdirSync(join(cwd, folder))
    for (const folder of ['.git', '.agents', '.codex']) {
      const result = await run(`echo x > ${folder}/file`, { sandbox: WORKSPACE })
      expect(result.exitCode, folder).not.toBe(0)
      expect(existsSync(join(cwd, folder, 'file')), folder).toBe(false)
    }
    expect((await run('echo x > tracked.txt', { sandbox: WORKSPACE })).exitCode).toBe(0)
  })

  it('under workspaceWrite writes to /tmp unless the policy excludes it', async () => {
    const inTmp = join(tmpdir() === '/tmp' ? '/tmp' : tmpdir(), `sandbox-test-${process.pid}-${Date.now()}`)
    try {
      const allowed = await run(`echo x > ${inTmp}`, { sandbox: { ...WORKSPACE, excludeSlashTmp: false, excludeTmpdirEnvVar: false } })
      expect(allowed.exitCode).toBe(0)
      expect(existsSync(inTmp)).toBe(true)
    } finally {
      rmSync(inTmp, { force: true })
    }
  })

  it('has no network unless the policy allows it', async () => {
    const listener = await listening()
    try {
      const port = (listener.address() as { port: number }).port
      const connect = `exec 3<>/dev/tcp/127.0.0.1/${port} && echo connected`
      const isolated = await run(connect, { sandbox: READ_ONLY })
      expect(isolated.exitCode).not.toBe(0)
      expect(isolated.output).not.toContain('connected')
      const env = await run('echo "flag=$CODEX_SANDBOX_NETWORK_DISABLED"', { sandbox: READ_ONLY })
      expect(env.output).toContain('flag=1')
      const allowed = await run(connect, { sandbox: { type: 'readOnly', networkAccess: true } })
      expect(allowed.output).toContain('connected')
    } finally {
      listener.close()
    }
  })

  it('runs in its own PID namespace', async () => {
    const result = await run('echo "pid=$$"', { sandbox: READ_ONLY })
    expect(result.output).toMatch(/pid=[12]\b/)
  })

  it('ends with everything it started when it is stopped', async () => {
    const controller = new AbortController()
    const seconds = `${900 + (process.pid % 100)}.${Date.now() % 1000}`
    let started!: () => void
    const begun = new Promise<void>((resolve) => { started = resolve })
    const result = runAgentCommand(supervisor(), `sleep ${seconds} & echo started; sleep ${seconds}`, cwd, controller.signal, (delta) => {
      if (delta.includes('started')) started()
    }, 30_000, { sandbox: READ_ONLY })
    await begun
    // The background sleep may still be a forked shell for a moment.
    await expect.poll(() => sleepers(seconds).length, { timeout: 5_000 }).toBe(2)
    controller.abort()
    await result
    await expect.poll(() => sleepers(seconds).length, { timeout: 5_000 }).toBe(0)
  })
})

describe.skipIf(unusable !== undefined)('escaping the sandbox', () => {
  it('dangerFullAccess writes anywhere the server may', async () => {
    const result = await run(`echo data > ${join(outside, 'made.txt')}`, { sandbox: { type: 'dangerFullAccess' } })
    expect(result).toMatchObject({ exitCode: 0, confined: false, sandboxDenied: false })
    expect(existsSync(join(outside, 'made.txt'))).toBe(true)
  })

  it('an escalated command (approved require_escalated) runs unconfined under readOnly', async () => {
    const result = await run('echo data > made.txt', { sandbox: READ_ONLY, escalated: true })
    expect(result).toMatchObject({ exitCode: 0, confined: false })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(true)
  })

  it('a denied command runs again unconfined once the retry is approved, and not when it is declined', async () => {
    const asked: string[] = []
    const declined = await run('echo data > made.txt', { sandbox: READ_ONLY, retryUnconfined: async (reason) => { asked.push(reason); return false } })
    expect(declined).toMatchObject({ sandboxDenied: true, retriedUnconfined: false })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(false)
    const approved = await run('echo data > made.txt', { sandbox: READ_ONLY, retryUnconfined: async (reason) => { asked.push(reason); return true } })
    expect(approved).toMatchObject({ exitCode: 0, confined: false, sandboxDenied: false, retriedUnconfined: true })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(true)
    expect(asked).toEqual([SANDBOX_RETRY_REASON, SANDBOX_RETRY_REASON])
  })

  it('a command that fails on its own is not offered a retry', async () => {
    let asked = false
    const result = await run('exit 3', { sandbox: READ_ONLY, retryUnconfined: async () => { asked = true; return true } })
    expect(result).toMatchObject({ exitCode: 3, sandboxDenied: false, retriedUnconfined: false })
    expect(asked).toBe(false)
  })
})

describe('where bubblewrap is missing', () => {
  const missing = () => supervisor('/nonexistent/bwrap')

  it('a confined command is refused with one clear line and never runs', async () => {
    const result = await run('echo data > made.txt', { sandbox: READ_ONLY }, missing())
    expect(result).toMatchObject({ exitCode: REFUSED_EXIT_CODE, confined: true, sandboxDenied: true })
    expect(result.output).toBe('bubblewrap is unavailable: /nonexistent/bwrap is not an executable program\n')
    expect(existsSync(join(cwd, 'made.txt'))).toBe(false)
    const workspace = await run('echo data > made.txt', { sandbox: WORKSPACE }, missing())
    expect(workspace.exitCode).toBe(REFUSED_EXIT_CODE)
    expect(existsSync(join(cwd, 'made.txt'))).toBe(false)
  })

  it('unconfined policies and escalated commands still run', async () => {
    const processes = missing()
    expect((await run('echo a > a.txt', { sandbox: { type: 'dangerFullAccess' } }, processes)).exitCode).toBe(0)
    expect((await run('echo b > b.txt', { sandbox: { type: 'externalSandbox', networkAccess: 'restricted' } }, processes)).exitCode).toBe(0)
    expect((await run('echo c > c.txt', { sandbox: READ_ONLY, escalated: true }, processes)).exitCode).toBe(0)
    expect(['a.txt', 'b.txt', 'c.txt'].every((name) => existsSync(join(cwd, name)))).toBe(true)
  })

  it('a refused command runs unconfined only when the user approves the retry', async () => {
    const result = await run('echo data > made.txt', { sandbox: READ_ONLY, retryUnconfined: async () => true }, missing())
    expect(result).toMatchObject({ exitCode: 0, retriedUnconfined: true })
    expect(existsSync(join(cwd, 'made.txt'))).toBe(true)
  })

  it('finds out once per sandbox object', async () => {
    const sandbox = new Sandbox({ bwrapPath: '/nonexistent/bwrap' })
    const first = await sandbox.unavailableReason()
    expect(first).toContain('bubblewrap is unavailable')
    expect(await sandbox.unavailableReason()).toBe(first)
  })
})

/** Processes whose command line is `sleep <seconds>`. */
function sleepers(seconds: string): string[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${seconds}\0`
    } catch {
      return false
    }
  })
}

function listening(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.end())
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}
