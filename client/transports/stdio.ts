// A child process speaking JSON lines on stdin/stdout (`codex app-server`, the reference server, or
// any command). Its stderr is passed on line by line; its exit closes the transport with the exit
// status and the last stderr line, so a crash explains itself.
import { spawn } from 'node:child_process'
import type { Transport, TransportFactory } from '../transport.js'
import { LineBuffer } from './lines.js'

export interface StdioOptions {
  command: string
  args?: readonly string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** How long to wait after closing stdin before SIGTERM, then SIGKILL (default 2000 ms each). */
  exitGraceMs?: number
}

export function stdio(options: StdioOptions): TransportFactory {
  return (events) => new Promise<Transport>((resolve, reject) => {
    const name = options.command.split('/').pop()
    const label = `stdio(${name})`
    const child = spawn(options.command, options.args ?? [], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env ? { env: options.env } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    })
    let started = false
    let closing = false
    let lastStderr = ''
    const grace = options.exitGraceMs ?? 2000

    child.once('error', (error) => {
      if (!started) reject(new Error(`cannot start ${options.command}: ${error.message}`))
      else events.error(new Error(`${label}: ${error.message}`))
    })
    child.stdout.setEncoding('utf8')
    const lines = new LineBuffer((line) => events.message(line))
    child.stdout.on('data', (chunk: string) => lines.push(chunk))
    child.stderr.setEncoding('utf8')
    const stderrLines = new LineBuffer((line) => {
      lastStderr = line
      events.stderr(line)
    })
    child.stderr.on('data', (chunk: string) => stderrLines.push(chunk))
    // Writing to a process that died fails with EPIPE; its exit is what gets reported.
    child.stdin.on('error', () => {})
    child.once('close', (code, signal) => {
      lines.end()
      stderrLines.end()
      const status = signal ? `was killed by ${signal}` : `exited with code ${code}`
      const reason = `${name} ${status}${lastStderr && !closing ? `; its last stderr line: ${lastStderr}` : ''}`
      if (started) events.closed({ reason, requested: closing })
    })
    child.once('spawn', () => {
      started = true
      resolve({
        label,
        send: (text) => {
          if (child.exitCode !== null || child.signalCode !== null || !child.stdin.writable) throw new Error(`${name} is not running`)
          child.stdin.write(`${text}\n`)
        },
        close: () => {
          if (closing) return
          closing = true
          // End of input asks both codex and the reference server to exit; signals if they do not.
          child.stdin.end()
          const term = setTimeout(() => child.kill('SIGTERM'), grace)
          const kill = setTimeout(() => child.kill('SIGKILL'), 2 * grace)
          child.once('exit', () => { clearTimeout(term); clearTimeout(kill) })
        },
      })
    })
  })
}
