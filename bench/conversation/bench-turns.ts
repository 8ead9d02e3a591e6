// Turn latency side by side: our server (CLI, stdio) with its offline agent and the real
// `codex app-server` (stdio) with the fake Responses API, each in one thread, taking turns so that
// both see the same machine load. Every reply is 20 streamed deltas.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startThread } from './client-steps.js'
import { CodexRun } from './codex-run.js'
import type { Message, RecordedConnection } from './recorded-connection.js'
import { OurServer } from './our-server.js'
import { timedTurn, type TurnTiming } from './timing.js'

export const DELTAS = 20
// Our agent answers "You said: <the prompt without the directive>": 40 characters, which both our
// agent and the fake model cut into exactly 20 deltas.
const PROMPT = 'hello, what is in this folder?'
export const OUR_PROMPT = `[[deltas: ${DELTAS}]] ${PROMPT}`

export interface TurnsOptions {
  repoRoot: string
  turns: number
  warmupTurns: number
  codexBin: string | undefined
  progress: (line: string) => void
}

export interface TurnsResult {
  ours: TurnTiming[]
  codex: TurnTiming[] | undefined
  /** The reply our agent gave, which the fake model streams to codex too. */
  replyText: string
}

export async function measureTurns(options: TurnsOptions): Promise<TurnsResult> {
  const root = mkdtempSync(join(tmpdir(), 'bench-conversation-turns-'))
  const workspace = join(root, 'workspace')
  mkdirSync(workspace)
  writeFileSync(join(workspace, 'README.md'), 'a workspace for the benchmark\n')
  const ours = OurServer.start(options.repoRoot, join(root, 'home'), { cwd: workspace })
  let codex: CodexRun | undefined
  try {
    await ours.connection.initialize(true)
    const ourThread = await startThread(ours.connection)
    // The first turn tells which text our agent answers; codex's model is given the same text.
    const replyText = await firstReply(ours, ourThread)
    let codexThread: string | undefined
    let codexConnection: RecordedConnection | undefined
    if (options.codexBin) {
      options.progress('starting codex app-server with the fake Responses API...')
      codex = await CodexRun.start({
        codexBin: options.codexBin,
        transport: 'stdio',
        choose: () => ({ kind: 'text', text: replyText, deltas: DELTAS, delayMs: 0 }),
      })
      codexConnection = await codex.connect('codex')
      const initialized = await codexConnection.initialize(true)
      if (initialized.error) throw new Error(`codex initialize failed: ${initialized.error.message}`)
      codexThread = await startThread(codexConnection)
    }
    const oursTimings: TurnTiming[] = []
    const codexTimings: TurnTiming[] = []
    const total = options.warmupTurns + options.turns
    for (let turn = 0; turn < total; turn++) {
      const measured = turn >= options.warmupTurns
      const a = await timedTurn(ours.connection, ourThread, OUR_PROMPT)
      if (measured) oursTimings.push(a)
      if (codexConnection && codexThread) {
        const b = await timedTurn(codexConnection, codexThread, PROMPT)
        if (measured) codexTimings.push(b)
      }
      if ((turn + 1) % 5 === 0 || turn + 1 === total) options.progress(`  turn ${turn + 1}/${total}${measured ? '' : ' (warm-up)'}`)
    }
    return { ours: oursTimings, codex: codex ? codexTimings : undefined, replyText }
  } finally {
    await ours.stop()
    await codex?.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

async function firstReply(server: OurServer, threadId: string): Promise<string> {
  const completed = server.connection.waitFor((message) => message.method === 'item/completed'
    && ((message.params as Message).item as Message | undefined)?.type === 'agentMessage', 30_000, 'the agent message')
  const timing = await timedTurn(server.connection, threadId, OUR_PROMPT)
  if (timing.status !== 'completed') throw new Error(`our first turn ended ${timing.status}`)
  const message = await completed
  return String(((message?.params as Message | undefined)?.item as Message | undefined)?.text ?? 'ok')
}
