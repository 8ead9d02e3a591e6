// The reference-app-server command: parses flags, starts one listener, prints where it listens,
// and exits with status 0 on SIGTERM/SIGINT or (stdio) when stdin ends.
import { join, resolve } from 'node:path'
import { loadWsAuth } from './cli/auth-config.js'
import { FlagError, parseFlags, UsageError } from './cli/flags.js'
import { HELP } from './cli/help.js'
import { SERVER_NAME, SERVER_VERSION } from './core/server-core.js'
import { resolveHome } from './home.js'
import { ScenarioError, ScenarioLibrary } from './conversations/scenarios/scenario-loader.js'
import { createLogger, parseLogLevel } from './log.js'
import { UnknownCodexVersion } from './model/protocol-model.js'
import { startServer, type ListenTarget, type RunningServer } from './server.js'

const COMMAND = 'reference-app-server'

export async function main(argv: readonly string[], repoRoot: string): Promise<number> {
  // Exit status 2 for a command line that does not parse, 1 for a startup failure (as codex).
  const fail = (message: string, status = 1) => {
    process.stderr.write(`${COMMAND}: ${message}\n`)
    return status
  }
  let flags
  let auth
  try {
    flags = parseFlags(argv)
    if (flags.help) {
      process.stdout.write(HELP)
      return 0
    }
    if (flags.version) {
      process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`)
      return 0
    }
    auth = flags.wsAuth ? loadWsAuth(flags.wsAuth) : undefined
  } catch (error) {
    if (error instanceof FlagError) return fail(error.message, error instanceof UsageError ? 2 : 1)
    throw error
  }
  const level = parseLogLevel(process.env.REFERENCE_APP_SERVER_LOG)
  if (!level) return fail(`REFERENCE_APP_SERVER_LOG must be one of off, error, warn, info, debug (got ${JSON.stringify(process.env.REFERENCE_APP_SERVER_LOG)})`)
  const log = createLogger(level)
  const home = resolveHome(flags.home, process.env)
  // A scenario every turn would fail on is refused before the server starts.
  if (flags.scenario !== undefined) {
    try {
      await ScenarioLibrary.ofHome(home).load(flags.scenario)
    } catch (error) {
      if (error instanceof ScenarioError) return fail(`--scenario: ${error.message}`)
      throw error
    }
  }
  const listen: ListenTarget = flags.listen.kind === 'unix'
    ? { kind: 'unix', path: flags.defaultUnixSocket ? join(home, 'app-server-control', 'app-server-control.sock') : resolve(flags.listen.path) }
    : flags.listen

  // Installed before anything is printed, so a script that signals right after the banner is obeyed.
  let running: RunningServer | undefined
  const shutdown = () => {
    // Exit promptly even if a connection does not close cleanly.
    setTimeout(() => process.exit(0), 1000).unref()
    void (running?.close() ?? Promise.resolve()).finally(() => process.exit(0))
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)

  let server
  try {
    server = await startServer({
      listen, home, repoRoot, auth, log, onStdioEnd: () => process.exit(0),
      ...(flags.threadIdleSeconds !== undefined ? { idleUnloadMs: flags.threadIdleSeconds * 1000 } : {}),
      ...(flags.scenario !== undefined ? { defaultScenario: flags.scenario } : {}),
      ...(flags.codexVersion !== undefined ? { codexVersion: flags.codexVersion } : {}),
    })
  } catch (error) {
    if (error instanceof UnknownCodexVersion) return fail(`--codex-version: ${error.message}`, 2)
    return fail(`cannot start: ${(error as Error).message}`)
  }
  const lines = [`${SERVER_NAME} ${SERVER_VERSION} (codex ${server.core.model.codexVersion} protocol)`, `  listening on: ${server.address}`]
  if (listen.kind === 'ws') {
    const http = server.address.replace(/^ws:/, 'http:')
    lines.push(`  readyz: ${http}/readyz`, `  healthz: ${http}/healthz`)
  }
  lines.push(`  home: ${home}`)
  running = server
  process.stderr.write(`${lines.join('\n')}\n`)
  return new Promise<number>(() => {})
}
