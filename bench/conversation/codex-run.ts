// One recording session: a fake Responses API, a throwaway CODEX_HOME and workspace pointing codex at
// it, a `codex app-server` child (stdio, or a websocket listener for several connections), and the
// transcript every connection and every model request is written into.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { codexConfigToml, startFakeResponsesApi, summarizeRequest, type FakeResponsesApi, type RecordedRequest, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import { Normalizer } from './normalize.js'
import { RecordedConnection, Transcript, type Json } from './recorded-connection.js'

// The default model of codex 0.169.0's built-in catalog, so codex uses its real metadata (no fallback warning).
export const MODEL = process.env.RECORD_MODEL ?? 'gpt-5.5'

export function findCodex(): string | undefined {
  return [
    process.env.CODEX_BIN,
    join(homedir(), '.cache/codex-app-server-toolkit/codex-0.169.0/node_modules/.bin/codex'),
    '/tmp/codex/node_modules/.bin/codex',
  ].find((path): path is string => Boolean(path) && existsSync(path!))
}

export interface CodexRunOptions {
  codexBin: string
  transport: 'stdio' | 'ws'
  replies?: Reply[]
  choose?: (body: unknown, earlier: RecordedRequest[]) => Reply | undefined
  /** Extra top-level lines for config.toml. */
  configExtra?: string
}

export class CodexRun {
  readonly transcript = new Transcript()
  readonly home: string
  readonly workspace: string
  private child?: ChildProcess
  private stderrText = ''
  private wsUrl?: string
  private stdioUsed = false

  /** `root` holds the home and the workspace; it is removed by `stop`. */
  private constructor(readonly fake: FakeResponsesApi, private readonly root: string) {
    this.home = join(root, 'codex-home')
    this.workspace = join(root, 'workspace')
  }

  static async start(options: CodexRunOptions): Promise<CodexRun> {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'record-codex-')))
    let run: CodexRun | undefined
    const fake = await startFakeResponsesApi({
      replies: options.replies,
      choose: options.choose,
      onRequest: (request) => run?.transcript.add({
        dir: 'codex->model',
        msg: request.path === '/v1/responses'
          ? { method: request.method, path: request.path, reply: request.reply ?? null, summary: summarizeRequest(request.body) as unknown as Json }
          : { method: request.method, path: request.path },
      }),
    })
    run = new CodexRun(fake, root)
    mkdirSync(run.home)
    mkdirSync(run.workspace)
    writeFileSync(join(run.workspace, 'README.md'), 'a workspace for recording codex\n')
    writeFileSync(join(run.home, 'config.toml'), codexConfigToml(fake.baseUrl, MODEL, options.configExtra ?? ''))
    const listen = options.transport === 'ws' ? ['--listen', 'ws://127.0.0.1:0'] : []
    const child = spawn(options.codexBin, ['app-server', ...listen], {
      cwd: run.workspace,
      env: { ...process.env, CODEX_HOME: run.home, RUST_LOG: 'warn', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    run.child = child
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (chunk: string) => { run!.stderrText += chunk })
    if (options.transport === 'ws') {
      run.wsUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`codex did not listen; stderr:\n${run!.stderrText}`)), 30_000)
        const look = () => {
          const match = /listening on: (ws:\/\/\S+)/.exec(run!.stderrText)
          if (match) { clearTimeout(timer); resolve(match[1]!) }
        }
        child.stderr!.on('data', look)
        look()
      })
    }
    return run
  }

  get stderr(): string { return this.stderrText }

  async connect(name: string): Promise<RecordedConnection> {
    if (this.wsUrl) return RecordedConnection.overWebsocket(name, this.transcript, this.wsUrl)
    if (this.stdioUsed) throw new Error('a stdio codex run has only one connection')
    this.stdioUsed = true
    return RecordedConnection.overStdio(name, this.transcript, this.child!.stdin!, this.child!.stdout!)
  }

  /** Path placeholders for the normalizer; the workspace and home sit inside the run's root. */
  normalizer(): Normalizer {
    return new Normalizer([
      [this.home, '<codex-home>'],
      [this.workspace, '<cwd>'],
      [this.root, '<tmp>'],
      [`127.0.0.1:${this.fake.port}`, '127.0.0.1:<fake-port>'],
      [homedir(), '<user-home>'],
    ])
  }

  async stop(keep = false): Promise<void> {
    const child = this.child
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
    await this.fake.close()
    if (!keep) rmSync(this.root, { recursive: true, force: true })
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
