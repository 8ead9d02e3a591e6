// What happens to a command's stdout and stderr: kept for the response (buffered mode), or sent
// as notifications (streamed mode: command/exec/outputDelta, process/outputDelta). Either way each stream keeps at
// most `cap` bytes; later bytes are read and dropped so the process is never blocked by the cap.
//
// Streamed output is batched (reads within OUTPUT_BATCH_MS, up to OUTPUT_BATCH_BYTES, become
// one notification) and follows the connection's backpressure: when `notify` reports a full
// outgoing buffer both pipes are paused until it drains, so a client that stops reading stops
// the process's output instead of filling the server's memory.
import type { Readable } from 'node:stream'
import type { HandlerContext } from '../handler-types.js'

export const OUTPUT_BATCH_MS = 5
export const OUTPUT_BATCH_BYTES = 64 * 1024

export type OutputStream = 'stdout' | 'stderr'

/** What a stream produced within its cap; capReached once the cap was reached. */
export interface Captured {
  bytes: Buffer
  capReached: boolean
}

/** Collects up to `cap` bytes of a stream (all of it when cap is null) until it ends. */
export function captureOutput(stream: Readable, cap: number | null): Promise<Buffer> {
  return captureWithin(stream, cap).then((captured) => captured.bytes)
}

/** captureOutput, also telling whether the cap was reached. */
export function captureWithin(stream: Readable, cap: number | null): Promise<Captured> {
  const chunks: Buffer[] = []
  let kept = 0
  stream.on('data', (chunk: Buffer) => {
    const room = cap === null ? chunk.length : Math.min(chunk.length, cap - kept)
    if (room <= 0) return
    chunks.push(room === chunk.length ? chunk : chunk.subarray(0, room))
    kept += room
  })
  return ended(stream).then(() => ({ bytes: Buffer.concat(chunks), capReached: cap !== null && kept >= cap }))
}

export interface StreamTarget {
  cap: number | null
  context: Pick<HandlerContext, 'drained'>
  /** Sends one chunk as a notification; false when the connection's outgoing buffer is full. */
  send(stream: OutputStream, bytes: Buffer, capReached: boolean): boolean
}

/**
 * Sends both streams as notifications; resolves once both have ended and everything is sent,
 * with whether each reached its cap.
 */
export async function streamOutput(target: StreamTarget, stdout: Readable, stderr: Readable): Promise<{ stdout: boolean; stderr: boolean }> {
  const gate = new DrainGate([stdout, stderr], target.context)
  const [stdoutCapReached, stderrCapReached] = await Promise.all([
    pump(target, 'stdout', stdout, gate),
    pump(target, 'stderr', stderr, gate),
  ])
  return { stdout: stdoutCapReached, stderr: stderrCapReached }
}

function pump(target: StreamTarget, name: OutputStream, stream: Readable, gate: DrainGate): Promise<boolean> {
  const { cap } = target
  let pending: Buffer[] = []
  let pendingBytes = 0
  let sent = 0
  let timer: NodeJS.Timeout | undefined

  // No notification carries more than a batch, and none is sent while the gate holds: together
  // they bound how far a client that stops reading can fall behind. With `all`, the tail smaller
  // than a batch goes too (the batching delay is over, or the stream ended or hit its cap).
  const flush = (all: boolean) => {
    while (pendingBytes >= (all ? 1 : OUTPUT_BATCH_BYTES)) {
      if (gate.holding) {
        void gate.opened().then(() => flush(all))
        return
      }
      const joined = Buffer.concat(pending, pendingBytes)
      const bytes = joined.subarray(0, OUTPUT_BATCH_BYTES)
      pending = bytes.length < joined.length ? [joined.subarray(bytes.length)] : []
      pendingBytes -= bytes.length
      sent += bytes.length
      const capReached = cap !== null && sent >= cap
      if (!target.send(name, bytes, capReached)) gate.hold()
    }
    // The delay counts from the first byte still pending, not from the latest chunk.
    if (pendingBytes === 0) {
      clearTimeout(timer)
      timer = undefined
    } else {
      timer ??= setTimeout(() => {
        timer = undefined
        flush(true)
      }, OUTPUT_BATCH_MS)
    }
  }

  stream.on('data', (chunk: Buffer) => {
    const room = cap === null ? chunk.length : Math.min(chunk.length, cap - sent - pendingBytes)
    if (room <= 0) return
    pending.push(room === chunk.length ? chunk : chunk.subarray(0, room))
    pendingBytes += room
    flush(cap !== null && sent + pendingBytes >= cap)
  })
  return ended(stream).then(async () => {
    while (pendingBytes > 0) {
      await gate.opened()
      flush(true)
    }
    return cap !== null && sent >= cap
  })
}

/** Pauses a command's pipes while the connection's outgoing buffer is full. */
class DrainGate {
  /** Set while holding: resolves when the connection has drained and the pipes run again. */
  #open: Promise<void> | undefined

  constructor(private readonly streams: Readable[], private readonly context: Pick<HandlerContext, 'drained'>) {}

  get holding(): boolean {
    return this.#open !== undefined
  }

  /** Resolves once the gate is open (at once if it is). */
  opened(): Promise<void> {
    return this.#open ?? Promise.resolve()
  }

  hold(): void {
    if (this.#open) return
    for (const stream of this.streams) stream.pause()
    this.#open = this.context.drained().then(() => {
      this.#open = undefined
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
