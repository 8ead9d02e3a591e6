// What a transport provides to the connection core: a way to send whole messages, its backlog of
// unsent bytes, flow control of its input, and closing. Transports call back into the Connection
// with `receive`, `outputDrained` and `dispose`.

export interface Link {
  /** Names the connection in log lines, e.g. `stdio` or `ws#3`. */
  readonly label: string
  /** Sends messages (JSON texts without framing), in order. */
  write(messages: string[]): void
  /** Bytes handed to the transport but not yet written to the peer. */
  bufferedBytes(): number
  /** Stops reading from the peer until `resumeInput` (the client is not reading our output). */
  pauseInput(): void
  resumeInput(): void
  /** Closes the connection from the server side. */
  close(): void
}
