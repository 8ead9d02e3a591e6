// The command line: help; one-line usage errors (exit 2) for what does not parse, and one-line
// startup errors (exit 1) for contradictory or incomplete flags and unusable secrets, as codex.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempHome, runCli } from './helpers/spawn-server.js'

const home = makeTempHome()
const tokenFile = join(home, 'token')
const shortSecret = join(home, 'short-secret')
writeFileSync(tokenFile, 'sekrit\n')
writeFileSync(shortSecret, 'x'.repeat(31))
const ws = ['--listen', 'ws://127.0.0.1:0']

describe('reference-app-server command line', () => {
  it('prints help', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const flag of ['--listen', '--home', '--ws-auth', '--ws-token-file', '--ws-token-sha256', '--ws-shared-secret-file', '--ws-issuer', '--ws-audience', '--ws-max-clock-skew-seconds']) {
      expect(stdout).toContain(flag)
    }
  })

  it.each([
    [['--listen', 'ws://0.0.0.0:0'], 'refusing to start non-loopback websocket listener 0.0.0.0:0 without auth; configure `--ws-auth capability-token` or `--ws-auth signed-bearer-token`'],
    [[...ws, '--ws-auth', 'capability-token'], '`--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set'],
    [[...ws, '--ws-token-file', tokenFile], 'websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`'],
    [[...ws, '--ws-auth', 'capability-token', '--ws-token-file', tokenFile, '--ws-token-sha256', 'a'.repeat(64)], '`--ws-token-file` and `--ws-token-sha256` are mutually exclusive'],
    [[...ws, '--ws-auth', 'capability-token', '--ws-token-sha256', 'abc'], '--ws-token-sha256 must be a 64-character hex SHA-256 digest'],
    [[...ws, '--ws-auth', 'capability-token', '--ws-token-file', tokenFile, '--ws-issuer', 'x'], '`--ws-shared-secret-file`, `--ws-issuer`, `--ws-audience`, and `--ws-max-clock-skew-seconds` require `--ws-auth signed-bearer-token`'],
    [[...ws, '--ws-auth', 'signed-bearer-token'], '`--ws-shared-secret-file` is required when `--ws-auth signed-bearer-token` is set'],
    [[...ws, '--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', shortSecret], `signed websocket bearer secret ${shortSecret} must be at least 32 bytes`],
    [[...ws, '--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', join(home, 'missing')], `failed to read websocket auth secret ${join(home, 'missing')}: No such file or directory (os error 2)`],
    [[...ws, '--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', tokenFile, '--ws-token-file', tokenFile], '`--ws-token-file` and `--ws-token-sha256` require `--ws-auth capability-token`'],
    [['--ws-auth', 'capability-token', '--ws-token-file', tokenFile], '--ws-auth applies to websocket listeners (`--listen ws://IP:PORT` or `unix://`), not to stdio'],
  ])('refuses %j with one line and exit 1', async (args, message) => {
    const { code, stderr, stdout } = await runCli(args.includes('--home') ? args : ['--home', home, ...args])
    expect(code).toBe(1)
    expect(stderr).toBe(`reference-app-server: ${message}\n`)
    expect(stdout).toBe('')
  })

  it.each([
    [['--bogus'], 'unknown flag --bogus (see --help)'],
    [['--listen'], '--listen needs a value'],
    [['--listen', 'http://x'], 'unsupported --listen URL `http://x`; expected `stdio://`, `unix://`, `unix://PATH`, or `ws://IP:PORT`'],
    [['--listen', 'ws://localhost:0'], 'invalid websocket --listen URL `ws://localhost:0`; expected `ws://IP:PORT`'],
    [['--listen', 'ws://127.0.0.1'], 'invalid websocket --listen URL `ws://127.0.0.1`; expected `ws://IP:PORT`'],
    [[...ws, '--ws-auth', 'signed-bearer-token', '--ws-shared-secret-file', tokenFile, '--ws-max-clock-skew-seconds', 'soon'], '--ws-max-clock-skew-seconds must be a whole number of seconds, not "soon"'],
    [[...ws, '--ws-auth', 'password'], '--ws-auth must be `capability-token` or `signed-bearer-token`, not "password"'],
    [['--listen', 'stdio://', '--listen', 'stdio://'], '--listen was given more than once'],
    [['--home', ''], '--home needs a folder path'],
    [[...ws, '--ws-auth', 'signed-bearer-token', '--ws-max-clock-skew-seconds', '-5'], '--ws-max-clock-skew-seconds must be a whole number of seconds, not "-5"'],
    [[...ws, '--ws-auth', 'sometimes', '--ws-token-file', tokenFile], '--ws-auth must be `capability-token` or `signed-bearer-token`, not "sometimes"'],
    [['--thread-idle-seconds', 'soon'], '--thread-idle-seconds must be a number of seconds, not "soon"'],
  ])('refuses %j as a usage error: one line and exit 2', async (args, message) => {
    const { code, stderr, stdout } = await runCli(args.includes('--home') ? args : ['--home', home, ...args])
    expect(code).toBe(2)
    expect(stderr).toBe(`reference-app-server: ${message}\n`)
    expect(stdout).toBe('')
  })

  it('refuses a listener address already in use, in one line', async () => {
    const net = await import('node:net')
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const { code, stderr } = await runCli(['--home', home, '--listen', `ws://127.0.0.1:${port}`])
    blocker.close()
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^reference-app-server: cannot start: .*EADDRINUSE/)
  })
})
