// JSONL over stdin/stdout: one message per `\n`-terminated line of at most MAX_LINE_BYTES. The
// process exits (status 0) when stdin ends, after writing what is already queued.
import type { Connection } from '../core/connection.js'
import type { ServerCore } from '../core/server-core.js'
import { LineSplitter } from './line-splitter.js'

/**
 * Longest accepted line. codex has no cap (a 100 MB line is read, ~290 MB of memory); an unbounded
 * buffer would let one line take all memory, so a longer line is dropped with a log line and the
 * connection goes on. 128 MiB still takes the largest message codex was seen to accept.
 */
export const MAX_LINE_BYTES = 128 * 1024 * 1024

/** How long requests received before the end of stdin may take to be answered. */
const END_OF_INPUT_GRACE_MS = 2000

export interface StdioOptions {
  input?: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown; destroy?(): unknown }
  /** Longest accepted line in bytes (default MAX_LINE_BYTES). */
  maxLineBytes?: number
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

  const lines = new LineSplitter(options.maxLineBytes ?? MAX_LINE_BYTES, {
    line: (text) => connection.receive(text),
    oversized: (bytes) => core.log.error(`stdio: dropped a line of ${bytes} bytes; the limit is ${options.maxLineBytes ?? MAX_LINE_BYTES} bytes`),
  })
  input.on('data', (chunk: Buffer | string) => lines.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))
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
