// JSONL over stdin/stdout: one message per `\n`-terminated line, no length limit. The process
// exits (status 0) when stdin ends, after writing what is already queued.
import type { Connection } from '../core/connection.js'
import type { ServerCore } from '../core/server-core.js'

/** How long requests received before the end of stdin may take to be answered. */
const END_OF_INPUT_GRACE_MS = 2000

export interface StdioOptions {
  input?: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown; destroy?(): unknown }
  output?: NodeJS.WritableStream & { writableLength: number }
  /** Called once stdin has ended and queued output is written. */
  onEnd(): void
  /** Called as soon as stdin ends, before pending requests are answered (ends child processes). */
  onInputEnd?(): void
}

export function serveStdio(core: ServerCore, options: StdioOptions): Connection {
  const input = options.input ?? process.stdin
  const output = options.output ?? process.stdout
  const connection = core.openConnection(() => ({
    label: 'stdio',
    write: (messages) => {
      output.write(messages.length === 1 ? `${messages[0]}\n` : `${messages.join('\n')}\n`)
    },
    bufferedBytes: () => output.writableLength,
    pauseInput: () => input.pause(),
    resumeInput: () => input.resume(),
    close: () => finish(),
  }))
  output.on('drain', () => connection.outputDrained())
  output.on('error', (error: Error) => {
    core.log.warn(`stdio: cannot write to stdout (${error.message}); exiting`)
    finish()
  })

  // A line may span many chunks: keep the pieces and join them once its newline arrives.
  let pieces: string[] = []
  input.setEncoding('utf8')
  input.on('data', (chunk: string) => {
    let start = 0
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      const tail = chunk.slice(start, newline)
      const line = pieces.length === 0 ? tail : pieces.join('') + tail
      pieces = []
      start = newline + 1
      connection.receive(line)
    }
    if (start < chunk.length) pieces.push(chunk.slice(start))
  })
  let ended = false
  function finish(): void {
    if (ended) return
    ended = true
    connection.flush()
    connection.dispose()
    // An empty write calls back once everything written before it has been flushed.
    output.write('', () => options.onEnd())
  }
  // At the end of input, answer what was already received (briefly), then exit.
  let inputEnded = false
  const endOfInput = () => {
    if (inputEnded) return
    inputEnded = true
    options.onInputEnd?.()
    const grace = setTimeout(finish, END_OF_INPUT_GRACE_MS)
    void connection.whenIdle().then(() => {
      clearTimeout(grace)
      setImmediate(finish)
    })
  }
  input.on('end', endOfInput)
  input.on('close', endOfInput)
  return connection
}
