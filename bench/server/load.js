// Load generators: connections over stdio or websocket that match responses to requests by id
// without parsing them fully (the client shares the machine with the server).
import WebSocket from 'ws'

const INITIALIZE = (id) => JSON.stringify({ id, method: 'initialize', params: { clientInfo: { name: 'bench', version: '1.0.0' } } })
const REQUEST = (id) => `{"id":${id},"method":"thread/loaded/list","params":{}}`

/** The numeric id of a response (`{"id":N,...}` or `{...,"id":N}`); undefined for notifications. */
function responseId(text) {
  if (text.startsWith('{"id":')) return Number(text.slice(6, text.indexOf(',', 6)))
  const at = text.lastIndexOf('"id":')
  if (at < 0 || text.startsWith('{"method"')) return undefined
  return Number(text.slice(at + 5, text.length - 1))
}

class Connection {
  constructor() {
    this.pending = new Map()
    this.errors = 0
  }

  deliver(text) {
    const id = responseId(text)
    if (id === undefined) return
    const done = this.pending.get(id)
    if (!done) return
    this.pending.delete(id)
    if (!text.includes('"result"')) this.errors++
    done()
  }

  /** Sends a request and resolves when its response arrives. */
  call(id, text) {
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.write(text)
    })
  }

  initialize(id) {
    return this.call(id, INITIALIZE(id))
  }
}

export class StdioConnection extends Connection {
  constructor(child) {
    super()
    this.child = child
    let partial = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop()
      for (const line of lines) this.deliver(line)
    })
  }

  write(text) {
    this.child.stdin.write(`${text}\n`)
  }

  close() {}
}

export class WsConnection extends Connection {
  static async open(address) {
    const connection = new WsConnection(address)
    await new Promise((resolve, reject) => {
      connection.socket.once('open', resolve)
      connection.socket.once('error', reject)
    })
    return connection
  }

  constructor(address) {
    super()
    this.socket = new WebSocket(address, { perMessageDeflate: false })
    this.socket.on('message', (data) => this.deliver(data.toString()))
  }

  write(text) {
    this.socket.send(text)
  }

  close() {
    this.socket.close()
  }
}

/**
 * Keeps `depth` requests in flight on each connection for `durationMs` (depth 1 = sequential).
 * Returns the number of completed requests, the elapsed time and the latencies (ms).
 */
export async function drive(connections, depth, durationMs) {
  const latencies = []
  let nextId = 1_000_000
  let completed = 0
  const deadline = performance.now() + durationMs
  const started = performance.now()
  const lane = async (connection) => {
    while (performance.now() < deadline) {
      const id = nextId++
      const sent = performance.now()
      await connection.call(id, REQUEST(id))
      latencies.push(performance.now() - sent)
      completed++
    }
  }
  await Promise.all(connections.flatMap((connection) => Array.from({ length: depth }, () => lane(connection))))
  const elapsed = performance.now() - started
  const errors = connections.reduce((sum, connection) => sum + connection.errors, 0)
  return { completed, elapsed, latencies, errors }
}

export function percentile(values, fraction) {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]
}
