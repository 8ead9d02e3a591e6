// Splits decoded text into `\n`-terminated lines (a trailing `\r` is dropped), holding the unfinished tail.

export class LineBuffer {
  private tail = ''

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0
    const text = this.tail + chunk
    this.tail = ''
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end)
      start = end + 1
      if (line.trim() !== '') this.onLine(line)
    }
    this.tail = text.slice(start)
  }

  /** What is left after the end of input (a last line without newline). */
  end(): void {
    if (this.tail.trim() !== '') this.onLine(this.tail)
    this.tail = ''
  }
}
