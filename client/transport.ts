// What the client needs from a transport: whole JSON-RPC message texts in both directions, and
// word of the end. Transports are opened by a factory so the client can open a new one to reconnect.

/** Why a transport ended, in words a person can act on (`codex exited with code 1`). */
export interface CloseInfo {
  reason: string
  /** True when the client itself asked for the close. */
  requested: boolean
}

/** What a transport reports to the client. Each callback is called from the event loop, never re-entrantly from `send`. */
export interface TransportEvents {
  message(text: string): void
  /** Called once, after which nothing else is reported. */
  closed(info: CloseInfo): void
  /** A problem that does not end the transport (a write error is followed by `closed`). */
  error(error: Error): void
  /** A line the server wrote on stderr (process transports). */
  stderr(line: string): void
}

export interface Transport {
  /** Names the transport in messages, e.g. `stdio(codex)` or `ws://127.0.0.1:4500`. */
  readonly label: string
  /** Sends one message; throws when the transport is closed. */
  send(text: string): void
  /** Ends the transport; `closed` follows (with `requested: true`). */
  close(): void
}

/** Opens a transport; rejects with one line saying why it could not (command not found, HTTP 401, …). */
export type TransportFactory = (events: TransportEvents) => Promise<Transport>

/** An in-process message port, the shape `startServer({ listen: { kind: 'none' } }).connect()` returns. */
export interface MessagePortLike {
  send(message: string): void
  onMessage(listener: (message: string) => void): void
  onClose(listener: () => void): void
  close(): void
}
