// Starts the server under test (ours or codex) on stdio or a websocket port, with a throwaway home.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

export const CODEX_CANDIDATES = [
  process.env.CODEX_BIN,
  join(homedir(), '.cache/codex-app-server-toolkit/codex-0.169.0/node_modules/.bin/codex'),
  '/tmp/codex/node_modules/.bin/codex',
].filter(Boolean)

export function findCodex() {
  return CODEX_CANDIDATES.find((path) => existsSync(path))
}

/**
 * @param {{ kind: 'ours' | 'codex', repoRoot: string, codexBin?: string, transport: 'stdio' | 'ws' }} options
 */
export async function launch({ kind, repoRoot, codexBin, transport }) {
  const home = mkdtempSync(join(tmpdir(), `bench-${kind}-`))
  const listen = transport === 'ws' ? ['--listen', 'ws://127.0.0.1:0'] : []
  const child = kind === 'ours'
    ? spawn(process.execPath, [join(repoRoot, 'bin/reference-app-server.js'), '--home', home, ...listen], {
      env: { ...process.env, REFERENCE_APP_SERVER_LOG: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    : spawn(codexBin, ['app-server', ...listen], {
      env: { ...process.env, CODEX_HOME: home, RUST_LOG: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => { stderr += chunk })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)))
  let address
  if (transport === 'ws') {
    address = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${kind} did not start; stderr:\n${stderr}`)), 30_000)
      const look = () => {
        const match = /listening on: (ws:\/\/\S+)/.exec(stderr)
        if (match) {
          clearTimeout(timer)
          child.stderr.off('data', look)
          resolve(match[1])
        }
      }
      child.stderr.on('data', look)
      look()
    })
  }
  return {
    kind,
    child,
    address,
    stop: async () => {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
      rmSync(home, { recursive: true, force: true })
    },
  }
}
