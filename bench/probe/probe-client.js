// A minimal JSON-RPC client over a `codex app-server` child's stdio, for probing what codex answers.
// Records every request with its answer and the notifications that arrived while it was pending.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function codexBin() {
  const path = process.env.CODEX_BIN ?? join(homedir(), '.cache/codex-app-server-toolkit/codex-0.169.0/node_modules/.bin/codex')
  if (!existsSync(path)) throw new Error(`codex not found at ${path}; run npm run compat first`)
  return path
}

export class ProbeClient {
  #nextId = 1
  #pending = new Map()
  #buffer = ''
  notifications = []
  serverRequests = []

  /** PROBE_SERVER=reference drives this repository's reference server instead, for comparison. */
  constructor(home, cwd, extraEnv = {}) {
    const reference = process.env.PROBE_SERVER === 'reference'
    const [command, args] = reference
      ? [process.execPath, [join(dirname(fileURLToPath(import.meta.url)), '../../bin/reference-app-server.js'), '--home', home]]
      : [codexBin(), ['app-server']]
    this.child = spawn(command, args, {
      cwd,
      env: { ...process.env, CODEX_HOME: home, RUST_LOG: 'warn', NO_COLOR: '1', ...extraEnv },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    this.stderr = ''
    this.child.stderr.setEncoding('utf8').on('data', (chunk) => { this.stderr += chunk })
    this.child.stdout.setEncoding('utf8').on('data', (chunk) => this.#receive(chunk))
  }

  #receive(chunk) {
    this.#buffer += chunk
    let newline
    while ((newline = this.#buffer.indexOf('\n')) >= 0) {
      const line = this.#buffer.slice(0, newline)
      this.#buffer = this.#buffer.slice(newline + 1)
      if (!line.trim()) continue
      const message = JSON.parse(line)
      if (message.id !== undefined && message.method === undefined) {
        this.#pending.get(message.id)?.(message)
        this.#pending.delete(message.id)
      } else if (message.id !== undefined) {
        this.serverRequests.push(message)
      } else {
        this.notifications.push(message)
      }
    }
  }

  request(method, params, timeoutMs = 20_000) {
    const id = this.#nextId++
    const message = params === undefined ? { id, method } : { id, method, params }
    this.child.stdin.write(JSON.stringify(message) + '\n')
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.#pending.delete(id); resolve({ timeout: timeoutMs }) }, timeoutMs)
      this.#pending.set(id, (answer) => { clearTimeout(timer); resolve(answer) })
    })
  }

  notify(method, params) {
    this.child.stdin.write(JSON.stringify(params === undefined ? { method } : { method, params }) + '\n')
  }

  /** Notifications received since the last call. */
  takeNotifications() {
    return this.notifications.splice(0)
  }

  async initialize() {
    const answer = await this.request('initialize', { clientInfo: { name: 'probe', title: null, version: '0' }, capabilities: { experimentalApi: true } })
    this.notify('initialized')
    return answer
  }

  stop() {
    this.child.stdin.end()
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000)
    return exited.finally(() => clearTimeout(timer))
  }
}
