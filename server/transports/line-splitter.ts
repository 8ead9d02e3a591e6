// Splits a byte stream into `\n`-terminated lines, holding at most `maxLineBytes` of an unfinished
// line. A longer line is not kept: its bytes are discarded as they arrive and it is reported once
// its newline comes, so one huge line costs neither unbounded memory nor the lines after it.
// Splitting bytes (not decoded text) is safe: 0x0a never occurs inside a multi-byte UTF-8 sequence.

export interface LineSink {
  line(text: string): void
  /** A line longer than the limit was dropped; `bytes` is its full length. */
  oversized(bytes: number): void
}

export class LineSplitter {
  private pieces: Buffer[] = []
  private held = 0
  /** Bytes of the current line when it is over the limit and being skipped; -1 otherwise. */
  private skipped = -1

  constructor(private readonly maxLineBytes: number, private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let start = 0
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      this.take(chunk.subarray(start, newline))
      this.endLine()
      start = newline + 1
    }
    if (start < chunk.length) this.take(chunk.subarray(start))
  }

  private take(bytes: Buffer): void {
    if (bytes.length === 0) return
    if (this.skipped >= 0) {
      this.skipped += bytes.length
      return
    }
    if (this.held + bytes.length > this.maxLineBytes) {
      this.skipped = this.held + bytes.length
      this.pieces = []
      this.held = 0
      return
    }
    this.pieces.push(bytes)
    this.held += bytes.length
  }

  private endLine(): void {
    if (this.skipped >= 0) {
      const bytes = this.skipped
      this.skipped = -1
      this.sink.oversized(bytes)
      return
    }
    const text = this.pieces.length === 1 ? this.pieces[0]!.toString('utf8') : Buffer.concat(this.pieces, this.held).toString('utf8')
    this.pieces = []
    this.held = 0
    this.sink.line(text)
  }
}
