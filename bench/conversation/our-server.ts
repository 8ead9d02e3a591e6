// Our reference server as a user runs it: the CLI (`bin/reference-app-server.js`) as a child
// process on stdio with a given home folder, one connection over its pipes, and the times at
// which it was spawned and printed its "listening on:" line.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { RecordedConnection, Transcript } from './recorded-connection.js'

export class OurServer {
  private stderrText = ''
  /** performance.now() when the "listening on:" line arrived; undefined until then. */
  listeningAt: number | undefined
  readonly listening: Promise<number>

  private constructor(
    readonly child: ChildProcess,
    readonly spawnedAt: number,
    readonly connection: RecordedConnection,
  ) {
    this.listening = new Promise((resolve, reject) => {
      const look = () => {
        if (this.listeningAt === undefined && this.stderrText.includes('listening on:')) {
          this.listeningAt = performance.now()
          resolve(this.listeningAt)
        }
      }
      child.stderr!.on('data', (chunk: string) => { this.stderrText += chunk; look() })
      child.once('exit', (code, signal) => reject(new Error(`our server exited (${code ?? signal}) before listening; stderr:\n${this.stderrText}`)))
    })
    this.listening.catch(() => {})
  }

  /**
   * Spawns the CLI; the connection is usable at once (stdin is buffered until the server reads it).
   * With `inspect`, Node's inspector listens on a free loopback port (see inspectorAddress).
   */
  static start(repoRoot: string, home: string, { cwd, inspect = false }: { cwd?: string; inspect?: boolean } = {}): OurServer {
    const spawnedAt = performance.now()
    const nodeOptions = [process.env.NODE_OPTIONS, inspect ? '--inspect=127.0.0.1:0' : undefined].filter(Boolean).join(' ')
    const child = spawn(process.execPath, [join(repoRoot, 'bin/reference-app-server.js'), '--home', home], {
      cwd: cwd ?? repoRoot,
      env: { ...process.env, REFERENCE_APP_SERVER_LOG: 'warn', NODE_OPTIONS: nodeOptions },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    child.stderr!.setEncoding('utf8')
    const connection = RecordedConnection.overStdio('ours', new Transcript(), child.stdin!, child.stdout!)
    return new OurServer(child, spawnedAt, connection)
  }

  get stderr(): string { return this.stderrText }

  /** The inspector's websocket address, once the server is listening (started with `inspect`). */
  get inspectorAddress(): string | undefined {
    return /Debugger listening on (ws:\/\/\S+)/.exec(this.stderrText)?.[1]
  }

  /** Resident memory of the server process in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
  }

  /** SIGTERM (the server closes its store and saves its index), SIGKILL after 5 s. */
  async stop(): Promise<void> {
    const child = this.child
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
}
