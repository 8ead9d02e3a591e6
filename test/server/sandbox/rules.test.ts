// codex's rules around the sandbox, without running anything: the bubblewrap layout for a policy,
// which failures count as sandbox denials, when a denied command may be retried unconfined, and
// when the agent may ask to leave the sandbox at all.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bwrapArguments } from '../../../server/sandbox/bwrap-arguments.js'
import { asksToRetryUnconfined, escalationApproval, escalationRefusal, looksLikeSandboxDenial, SANDBOX_RETRY_REASON, sandboxRetryApproval } from '../../../server/sandbox/escalation.js'
import { writableRootsOf } from '../../../server/sandbox/writable-roots.js'

let cwd: string
beforeEach(() => { cwd = mkdtempSync(join(tmpdir(), 'sandbox-rules-')) })
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

describe('the bubblewrap layout', () => {
  it('readOnly: the whole filesystem read-only, a fresh /dev and /proc, own PID namespace, no network', () => {
    expect(bwrapArguments(['true'], writableRootsOf({ type: 'readOnly' }, cwd, {}), { mountProc: true, network: false })).toEqual([
      '--new-session', '--die-with-parent', '--ro-bind', '/', '/', '--dev', '/dev', '--unshare-pid', '--unshare-net', '--proc', '/proc', '--', 'true',
    ])
  })

  it('workspaceWrite: extra roots, cwd, /tmp and $TMPDIR writable, protected metadata read-only again after them', () => {
    mkdirSync(join(cwd, '.git'))
    const extra = mkdtempSync(join(tmpdir(), 'sandbox-extra-'))
    try {
      const roots = writableRootsOf({ type: 'workspaceWrite', writableRoots: [extra], networkAccess: true }, cwd, { TMPDIR: extra })
      expect(roots.map((root) => root.root)).toEqual([extra, cwd, '/tmp'])
      expect(bwrapArguments(['true'], roots, { mountProc: false, network: true })).toEqual([
        '--new-session', '--die-with-parent', '--ro-bind', '/', '/', '--dev', '/dev',
        '--bind', extra, extra, '--bind', cwd, cwd, '--bind', '/tmp', '/tmp',
        '--ro-bind', join(cwd, '.git'), join(cwd, '.git'), '--unshare-pid', '--', 'true',
      ])
    } finally {
      rmSync(extra, { recursive: true, force: true })
    }
  })

  it('protects the git folder a .git pointer file names, and covers a symlinked .codex with /dev/null', () => {
    const gitdir = join(cwd, 'real-git')
    mkdirSync(gitdir)
    writeFileSync(join(cwd, '.git'), 'gitdir: real-git\n')
    mkdirSync(join(cwd, 'decoy'))
    symlinkSync(join(cwd, 'decoy'), join(cwd, '.codex'))
    const [root] = writableRootsOf({ type: 'workspaceWrite', excludeSlashTmp: true, excludeTmpdirEnvVar: true }, cwd, {})
    expect(root!.readOnlySubpaths).toEqual([gitdir, join(cwd, '.git'), join(cwd, '.codex')])
    const args = bwrapArguments(['true'], [root!], { mountProc: true, network: false })
    expect(args.join(' ')).toContain(`--ro-bind /dev/null ${join(cwd, '.codex')}`)
    expect(args.join(' ')).toContain(`--ro-bind ${gitdir} ${gitdir}`)
  })

  it('refuses a writable root that does not exist, in codex\'s words', () => {
    expect(() => writableRootsOf({ type: 'workspaceWrite', writableRoots: ['/nonexistent/root'] }, cwd, {}))
      .toThrow('Sandbox expected writable root /nonexistent/root, but it does not exist.')
  })
})

describe('sandbox denials and escalations', () => {
  it('counts a failure with denial wording, or killed by seccomp, as a denial; not success or the command\'s own failures', () => {
    expect(looksLikeSandboxDenial(1, 'touch: cannot touch \'x\': Read-only file system\n')).toBe(true)
    expect(looksLikeSandboxDenial(1, 'Permission denied')).toBe(true)
    expect(looksLikeSandboxDenial(159, '')).toBe(true)
    expect(looksLikeSandboxDenial(0, 'Permission denied')).toBe(false)
    expect(looksLikeSandboxDenial(127, 'bash: nope: command not found')).toBe(false)
    expect(looksLikeSandboxDenial(1, '')).toBe(false)
  })

  it('offers an unconfined retry only under untrusted or a granular policy with sandbox_approval', () => {
    expect(asksToRetryUnconfined('untrusted')).toBe(true)
    expect(asksToRetryUnconfined('on-request')).toBe(false)
    expect(asksToRetryUnconfined('never')).toBe(false)
    const granular = (sandbox_approval: boolean) => ({ granular: { mcp_elicitations: false, rules: false, sandbox_approval } })
    expect(asksToRetryUnconfined(granular(true))).toBe(true)
    expect(asksToRetryUnconfined(granular(false))).toBe(false)
  })

  it('lets the agent ask to leave the sandbox only under on-request (or granular sandbox approval)', () => {
    expect(escalationRefusal('on-request')).toBeUndefined()
    expect(escalationRefusal('never')).toBe('approval policy is Never; reject command — you cannot ask for escalated permissions if the approval policy is Never')
    expect(escalationRefusal('untrusted')).toContain('approval policy is UnlessTrusted; reject command')
  })

  it('asks about an escalation with the agent\'s justification, and about a retry in a prompt of its own', () => {
    const base = { kind: 'command' as const, threadId: 't', turnId: 'u', itemId: 'i', startedAtMs: 1, approvalId: null, reason: 'r', command: 'c' }
    expect(escalationApproval(base, 'needs the network to fetch dependencies')).toEqual({ ...base, reason: 'needs the network to fetch dependencies' })
    const retry = sandboxRetryApproval(base)
    expect(retry).toMatchObject({ ...base, startedAtMs: expect.any(Number), reason: SANDBOX_RETRY_REASON, approvalId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(sandboxRetryApproval(base).approvalId).not.toBe(retry.approvalId)
  })
})
