// --codex-version: the reference server speaks one supported codex release's surface (default:
// the latest); methods of another release are unknown to it, and an unknown release is one line.
import { describe, expect, it } from 'vitest'
import { runCli, spawnServer } from './helpers/spawn-server.js'
import { StdioClient } from './helpers/wire-client.js'

describe('--codex-version', () => {
  it('0.169.0: says so, and a method only 0.171.0 has is an unknown variant there but not by default', async () => {
    const old = await spawnServer({ args: ['--codex-version', '0.169.0'] })
    expect(old.stderr()).toContain('(codex 0.169.0 protocol)')
    const client = new StdioClient(old.process)
    expect((await client.initialize({ experimentalApi: true })).json.result).toMatchObject({ userAgent: expect.stringContaining('/0.169.0 ') })
    const answer = await client.request('thread/search/stream', { searchTerm: 'x' })
    expect((answer.json.error as { message: string }).message).toMatch(/^Invalid request: unknown variant `thread\/search\/stream`/)
    await old.stop()

    const latest = await spawnServer()
    expect(latest.stderr()).toContain('(codex 0.171.0 protocol)')
    const second = new StdioClient(latest.process)
    await second.initialize({ experimentalApi: true })
    const known = await second.request('thread/search/stream', { searchTerm: 'x' })
    expect((known.json.error as { message: string }).message).not.toMatch(/unknown variant/)
    await latest.stop()
  }, 60_000)

  it('an unknown release: one line naming the supported ones, exit 2', async () => {
    const run = await runCli(['--codex-version', '0.170.0'])
    expect(run.stderr).toBe('reference-app-server: --codex-version: unknown codex version 0.170.0 (supported: 0.169.0, 0.171.0)\n')
    expect(run.code).toBe(2)
    const bad = await runCli(['--codex-version', 'latest'])
    expect(bad.stderr).toBe('reference-app-server: --codex-version must be a codex release such as 0.169.0, not "latest"\n')
    expect(bad.code).toBe(2)
  })
})
