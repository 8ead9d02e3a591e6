// Command-line flags of reference-app-server, codex-compatible where codex has the same flag.
// Every mistake is reported as one line; nothing is started until the whole command line is valid.
import { isIP } from 'node:net'
import type { ListenTarget } from '../server.js'

export interface ParsedFlags {
  help: boolean
  version: boolean
  listen: ListenTarget
  /** `unix://` without a path: the default socket inside the home folder. */
  defaultUnixSocket: boolean
  home: string | undefined
  wsAuth: WsAuthFlags | undefined
  /** How long a thread nobody subscribes to stays loaded (undefined: codex's 30 minutes). */
  threadIdleSeconds: number | undefined
  /** The scenario every turn plays unless its prompt names another. */
  scenario: string | undefined
  /** The codex release whose protocol surface to speak (undefined: the latest supported). */
  codexVersion: string | undefined
}

export type WsAuthFlags =
  | { mode: 'capability-token'; tokenFile?: string; tokenSha256?: string }
  | { mode: 'signed-bearer-token'; sharedSecretFile: string; issuer?: string; audience?: string; maxClockSkewSeconds: number }

/** A startup error: contradictory or incomplete flags, unusable secrets (exit status 1, as codex). */
export class FlagError extends Error {}

/** A command line that does not parse: unknown flag, missing or malformed value (exit status 2, as codex's clap). */
export class UsageError extends FlagError {}

const VALUE_FLAGS = new Set([
  '--listen', '--home', '--ws-auth', '--ws-token-file', '--ws-token-sha256', '--ws-shared-secret-file',
  '--ws-issuer', '--ws-audience', '--ws-max-clock-skew-seconds', '--thread-idle-seconds', '--scenario', '--codex-version',
])
const SWITCHES = new Set(['--help', '-h', '--version', '--stdio'])
const TOKEN_FLAGS = ['--ws-token-file', '--ws-token-sha256']
const JWT_FLAGS = ['--ws-shared-secret-file', '--ws-issuer', '--ws-audience', '--ws-max-clock-skew-seconds']
const DEFAULT_CLOCK_SKEW_SECONDS = 30

/** Parses argv (without node and script); throws FlagError with a one-line message. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  const values = new Map<string, string>()
  const switches = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1
    const name = equals > 0 ? arg.slice(0, equals) : arg
    if (SWITCHES.has(name)) {
      if (equals > 0) throw new UsageError(`${name} takes no value`)
      switches.add(name === '-h' ? '--help' : name)
      continue
    }
    if (!VALUE_FLAGS.has(name)) {
      throw new UsageError(arg.startsWith('-') ? `unknown flag ${name} (see --help)` : `unexpected argument ${JSON.stringify(arg)} (see --help)`)
    }
    const value = equals > 0 ? arg.slice(equals + 1) : argv[++i]
    if (value === undefined || (equals < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`)
    if (values.has(name)) throw new UsageError(`${name} was given more than once`)
    values.set(name, value)
  }
  const help = switches.has('--help')
  const version = switches.has('--version')
  if (switches.has('--stdio') && values.has('--listen')) throw new UsageError('--stdio and --listen cannot be used together')
  // Values that do not parse are usage errors, reported before any check of how flags combine.
  const { listen, defaultUnixSocket } = parseListen(values.get('--listen') ?? 'stdio://')
  const home = values.get('--home')
  if (home === '') throw new UsageError('--home needs a folder path')
  const mode = values.get('--ws-auth')
  if (mode !== undefined && mode !== 'capability-token' && mode !== 'signed-bearer-token') {
    throw new UsageError(`--ws-auth must be \`capability-token\` or \`signed-bearer-token\`, not ${JSON.stringify(mode)}`)
  }
  const skewText = values.get('--ws-max-clock-skew-seconds')
  if (skewText !== undefined && !/^\d+$/.test(skewText)) throw new UsageError(`--ws-max-clock-skew-seconds must be a whole number of seconds, not ${JSON.stringify(skewText)}`)
  const idleText = values.get('--thread-idle-seconds')
  if (idleText !== undefined && !/^\d+(\.\d+)?$/.test(idleText)) throw new UsageError(`--thread-idle-seconds must be a number of seconds, not ${JSON.stringify(idleText)}`)
  const threadIdleSeconds = idleText === undefined ? undefined : Number(idleText)
  const codexVersion = values.get('--codex-version')
  if (codexVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(codexVersion)) throw new UsageError(`--codex-version must be a codex release such as 0.169.0, not ${JSON.stringify(codexVersion)}`)
  const wsAuth = parseWsAuth(values)
  if (wsAuth && listen.kind === 'stdio') throw new FlagError('--ws-auth applies to websocket listeners (`--listen ws://IP:PORT` or `unix://`), not to stdio')
  if (listen.kind === 'ws' && !wsAuth && !isLoopback(listen.host)) {
    throw new FlagError(`refusing to start non-loopback websocket listener ${listen.host}:${listen.port} without auth; configure \`--ws-auth capability-token\` or \`--ws-auth signed-bearer-token\``)
  }
  const scenario = values.get('--scenario')
  if (scenario === '') throw new UsageError('--scenario needs a scenario name')
  return { help, version, listen, defaultUnixSocket, home, wsAuth, threadIdleSeconds, scenario, codexVersion }
}

function parseListen(url: string): { listen: ListenTarget; defaultUnixSocket: boolean } {
  if (url === 'stdio://') return { listen: { kind: 'stdio' }, defaultUnixSocket: false }
  if (url === 'unix://') return { listen: { kind: 'unix', path: '' }, defaultUnixSocket: true }
  if (url.startsWith('unix://')) return { listen: { kind: 'unix', path: url.slice('unix://'.length) }, defaultUnixSocket: false }
  if (url.startsWith('ws://')) {
    const match = /^ws:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(url)
    const host = match?.[1]?.replace(/^\[|\]$/g, '')
    const port = Number(match?.[2])
    if (!match || !host || !isIP(host) || port > 65535) throw new UsageError(`invalid websocket --listen URL \`${url}\`; expected \`ws://IP:PORT\``)
    return { listen: { kind: 'ws', host, port }, defaultUnixSocket: false }
  }
  throw new UsageError(`unsupported --listen URL \`${url}\`; expected \`stdio://\`, \`unix://\`, \`unix://PATH\`, or \`ws://IP:PORT\``)
}

function parseWsAuth(values: Map<string, string>): WsAuthFlags | undefined {
  const mode = values.get('--ws-auth')
  const given = (flags: string[]) => flags.filter((flag) => values.has(flag))
  if (mode === undefined) {
    if (given([...TOKEN_FLAGS, ...JWT_FLAGS]).length > 0) {
      throw new FlagError('websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`')
    }
    return undefined
  }
  if (mode === 'capability-token') {
    if (given(JWT_FLAGS).length > 0) {
      throw new FlagError('`--ws-shared-secret-file`, `--ws-issuer`, `--ws-audience`, and `--ws-max-clock-skew-seconds` require `--ws-auth signed-bearer-token`')
    }
    const tokenFile = values.get('--ws-token-file')
    const tokenSha256 = values.get('--ws-token-sha256')
    if (tokenFile !== undefined && tokenSha256 !== undefined) throw new FlagError('`--ws-token-file` and `--ws-token-sha256` are mutually exclusive')
    if (tokenFile === undefined && tokenSha256 === undefined) {
      throw new FlagError('`--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set')
    }
    if (tokenSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(tokenSha256)) throw new FlagError('--ws-token-sha256 must be a 64-character hex SHA-256 digest')
    return tokenFile !== undefined ? { mode, tokenFile } : { mode, tokenSha256: tokenSha256! }
  }
  if (mode === 'signed-bearer-token') {
    if (given(TOKEN_FLAGS).length > 0) throw new FlagError('`--ws-token-file` and `--ws-token-sha256` require `--ws-auth capability-token`')
    const sharedSecretFile = values.get('--ws-shared-secret-file')
    if (sharedSecretFile === undefined) throw new FlagError('`--ws-shared-secret-file` is required when `--ws-auth signed-bearer-token` is set')
    const skewText = values.get('--ws-max-clock-skew-seconds')
    const maxClockSkewSeconds = skewText === undefined ? DEFAULT_CLOCK_SKEW_SECONDS : Number(skewText)
    const issuer = values.get('--ws-issuer')
    const audience = values.get('--ws-audience')
    return {
      mode,
      sharedSecretFile,
      maxClockSkewSeconds,
      ...(issuer !== undefined ? { issuer } : {}),
      ...(audience !== undefined ? { audience } : {}),
    }
  }
  throw new Error(`unreachable: --ws-auth ${mode} was checked by parseFlags`)
}

function isLoopback(host: string): boolean {
  return host === '::1' || /^127\./.test(host) || host === '::ffff:127.0.0.1'
}
