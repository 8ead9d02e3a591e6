// What happens to a command's stdout and stderr: kept for the response (buffered mode), or sent
// as command/exec/outputDelta notifications (streamed mode). Either way each stream keeps at
// most `cap` bytes; later bytes are read and dropped so the process is never blocked by the cap.
//
// Streamed output is batched (reads within OUTPUT_BATCH_MS, up to OUTPUT_BATCH_BYTES, become
// one notification) and follows the connection's backpressure: when `notify` reports a full
// outgoing buffer both pipes are paused until it drains, so a client that stops reading stops
// the process's output instead of filling the server's memory.
import type { Readable } from 'node:stream'
import type { CommandExecOutputStream } from '../../generated/experimental/index.js'
import type { HandlerContext } from '../handler-types.js'

export const OUTPUT_BATCH_MS = 5
export const OUTPUT_BATCH_BYTES = 64 * 1024

/** Collects up to `cap` bytes of a stream (all of it when cap is null) until it ends. */
export function captureOutput(stream: Readable, cap: number | null): Promise<Buffer> {
  const chunks: Buffer[] = []
  let kept = 0
  stream.on('data', (chunk: Buffer) => {
    const room = cap === null ? chunk.length : Math.min(chunk.length, cap - kept)
    if (room <= 0) return
    chunks.push(room === chunk.length ? chunk : chunk.subarray(0, room))
    kept += room
  })
  return ended(stream).then(() => Buffer.concat(chunks))
}

export interface StreamTarget {
  processId: string
  cap: number | null
  context: Pick<HandlerContext, 'notify' | 'drained'>
}

/** Sends both streams as notifications; resolves once both have ended and everything is sent. */
export function streamOutput(target: StreamTarget, stdout: Readable, stderr: Readable): Promise<void> {
  const gate = new DrainGate([stdout, stderr], target.context)
  return Promise.all([
    pump(target, 'stdout', stdout, gate),
    pump(target, 'stderr', stderr, gate),
  ]).then(() => undefined)
}

function pump(target: StreamTarget, name: CommandExecOutputStream, stream: Readable, gate: DrainGate): Promise<void> {
  const { cap, processId, context } = target
  let pending: Buffer[] = []
  let pendingBytes = 0
  let sent = 0
  let timer: NodeJS.Timeout | undefined

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    if (pendingBytes === 0) return
    const bytes = Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    sent += bytes.length
    const capReached = cap !== null && sent >= cap
    const accepted = context.notify('command/exec/outputDelta', { processId, stream: name, deltaBase64: bytes.toString('base64'), capReached })
    if (!accepted) gate.hold()
  }

  stream.on('data', (chunk: Buffer) => {
    const room = cap === null ? chunk.length : Math.min(chunk.length, cap - sent - pendingBytes)
    if (room <= 0) return
    pending.push(room === chunk.length ? chunk : chunk.subarray(0, room))
    pendingBytes += room
    const full = pendingBytes >= OUTPUT_BATCH_BYTES || (cap !== null && sent + pendingBytes >= cap)
    if (full) flush()
    else timer ??= setTimeout(flush, OUTPUT_BATCH_MS)
  })
  return ended(stream).then(flush)
}

/** Pauses a command's pipes while the connection's outgoing buffer is full. */
class DrainGate {
  #holding = false

  constructor(private readonly streams: Readable[], private readonly context: Pick<HandlerContext, 'drained'>) {}

  hold(): void {
    if (this.#holding) return
    this.#holding = true
    for (const stream of this.streams) stream.pause()
    void this.context.drained().then(() => {
      this.#holding = false
      for (const stream of this.streams) stream.resume()
    })
  }
}

function ended(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) return resolve()
    stream.once('end', resolve)
    stream.once('close', resolve)
  })
}
