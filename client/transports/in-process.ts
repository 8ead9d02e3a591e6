// A transport over an in-process message port, e.g. the reference server's
// `startServer({ listen: { kind: 'none' } }).connect()`: no socket, whole messages both ways.
import type { MessagePortLike, Transport, TransportFactory } from '../transport.js'

export function inProcess(connect: () => MessagePortLike): TransportFactory {
  return async (events) => {
    const port = connect()
    let closing = false
    let closed = false
    port.onMessage((message) => { if (!closed) events.message(message) })
    port.onClose(() => {
      if (closed) return
      closed = true
      events.closed({ reason: closing ? 'in-process connection closed by the client' : 'the server closed the in-process connection', requested: closing })
    })
    return {
      label: 'in-process',
      send: (text) => {
        if (closed) throw new Error('the in-process connection is closed')
        port.send(text)
      },
      close: () => {
        if (closing) return
        closing = true
        port.close()
      },
    } satisfies Transport
  }
}
