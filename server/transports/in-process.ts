// A connection without a socket, for clients in the same process (tests, embedding): the client gets
// a plain message-port-like object and needs none of the server's types. Messages are handed over on
// a later microtask, never inside the sender's call, so neither side is re-entered while it sends.
import type { ServerCore } from '../core/server-core.js'

/** The client's end of an in-process connection: whole JSON-RPC message texts, no framing. */
export interface InProcessPort {
  send(message: string): void
  onMessage(listener: (message: string) => void): void
  onClose(listener: () => void): void
  close(): void
}

export function connectInProcess(core: ServerCore): InProcessPort {
  const messageListeners: ((message: string) => void)[] = []
  const closeListeners: (() => void)[] = []
  let closed = false
  const closeBoth = () => {
    if (closed) return
    closed = true
    connection.dispose()
    queueMicrotask(() => { for (const listener of closeListeners) listener() })
  }
  const connection = core.openConnection((id) => ({
    label: `in-process#${id}`,
    write: (messages) => queueMicrotask(() => {
      if (closed) return
      for (const message of messages) for (const listener of messageListeners) listener(message)
    }),
    // Delivery is immediate: nothing waits in a buffer and there is no input to pause.
    bufferedBytes: () => 0,
    pauseInput: () => {},
    resumeInput: () => {},
    close: closeBoth,
  }))
  return {
    send: (message) => {
      if (closed) throw new Error(`${connection.label} is closed`)
      queueMicrotask(() => connection.receive(message))
    },
    onMessage: (listener) => { messageListeners.push(listener) },
    onClose: (listener) => { closeListeners.push(listener) },
    close: closeBoth,
  }
}
