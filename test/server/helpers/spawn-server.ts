// Starts the real reference-app-server CLI (bin/reference-app-server.js) as a child process, for
// end-to-end tests. Each server gets a fresh temporary home folder unless one is given.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
export const serverBin = join(repoRoot, 'bin', 'reference-app-server.js')

export interface SpawnedServer {
  process: ChildProcess
  /** `stdio://`, `ws://127.0.0.1:PORT` or `unix://PATH`, as printed at startup. */
  address: string
  home: string
  /** Everything the server wrote on stderr so far. */
  stderr(): string
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>
  /** SIGTERM, then waits for exit; removes the home folder it created. */
  stop(): Promise<number | string>
}

export interface SpawnOptions {
  args?: string[]
  env?: NodeJS.ProcessEnv
  /** Uses this home folder (kept afterwards) instead of a fresh temporary one. */
  home?: string
  /** Wait for the "listening on" line (default true). */
  waitForAddress?: boolean
}

export function makeTempHome(prefix = 'ras-home-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export async function spawnServer(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const ownHome = options.home === undefined
  const home = options.home ?? makeTempHome()
  const child = spawn(process.execPath, [serverBin, '--home', home, ...(options.args ?? [])], {
    env: { ...process.env, REFERENCE_APP_SERVER_LOG: 'info', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => { stderr += chunk })
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  })
  let address = ''
  if (options.waitForAddress !== false) {
    address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within 20 s; stderr:\n${stderr}`)), 20_000)
      const look = () => {
        const match = /listening on: (\S+)/.exec(stderr)
        if (match) {
          clearTimeout(timer)
          child.stderr!.off('data', look)
          resolve(match[1]!)
        }
      }
      child.stderr!.on('data', look)
      void exited.then((code) => {
        clearTimeout(timer)
        reject(new Error(`server exited (${code}) before listening; stderr:\n${stderr}`))
      })
      look()
    })
  }
  return {
    process: child,
    address,
    home,
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const code = await exited
      if (ownHome) rmSync(home, { recursive: true, force: true })
      return code
    },
  }
}

/** Runs the CLI to completion (for flag errors, --help); resolves with its exit code and output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverBin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Polls `check` until it returns true (log lines arrive on stderr independently of replies). */
export async function eventually(check: () => boolean, timeoutMs = 5000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Whether a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
