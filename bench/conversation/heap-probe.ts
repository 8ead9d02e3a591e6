// The V8 heap of a Node process started with `--inspect=127.0.0.1:0`, read through its inspector
// (Chrome DevTools protocol over a websocket): collect garbage, then read the used size. RSS alone
// moves with the collector's timing, too much to divide by a few hundred threads.
import WebSocket from 'ws'

export class HeapProbe {
  private nextId = 1
  private readonly pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } }
      if (message.id === undefined) return
      this.pending.get(message.id)?.(message)
      this.pending.delete(message.id)
    })
  }

  /** Connects to the inspector whose address the process printed ("Debugger listening on ws://…"). */
  static async connect(address: string): Promise<HeapProbe> {
    const socket = new WebSocket(address)
    await new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject) })
    return new HeapProbe(socket)
  }

  private call(method: string): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)))
      this.socket.send(JSON.stringify({ id, method }))
    })
  }

  /** Bytes of the heap in use after a full garbage collection. */
  async usedAfterGc(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage')
    await this.call('HeapProfiler.collectGarbage')
    const usage = await this.call('Runtime.getHeapUsage') as { usedSize: number }
    return usage.usedSize
  }

  close(): void {
    this.socket.close()
  }
}
