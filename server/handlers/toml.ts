// TOML 1.0 for the server's config file: a parser into JSON values and a writer back.
// Dates and times are kept as their text (JSON has no such type); integers beyond 2^53 lose
// precision; comments and layout are not preserved when the file is written back.

export type TomlTable = { [key: string]: TomlValue }
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable

/** A syntax error, with its place as `line:column: reason` (1-based). */
export class TomlError extends Error {
  constructor(readonly line: number, readonly column: number, readonly reason: string) {
    super(`${line}:${column}: ${reason}`)
  }
}

// ---------------------------------------------------------------------------------- parsing

/** Parses a TOML document; throws a TomlError naming the line and column of the first problem. */
export function parseToml(text: string): TomlTable {
  return new TomlParser(text).document()
}

const BARE_KEY = /[A-Za-z0-9_-]/
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\', e: '\x1b' }
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/

class TomlParser {
  #at = 0
  readonly #root: TomlTable = {}
  // Tables given a [header] (may not be given one twice), tables that are closed to further
  // keys (inline tables, values), and arrays made by [[headers]].
  readonly #explicit = new Set<TomlTable>()
  readonly #sealed = new Set<object>()
  readonly #tableArrays = new Set<TomlValue[]>()
  // Tables created implicitly by dotted keys inside the current section (cannot get a header).
  readonly #dotted = new Set<TomlTable>()

  constructor(private readonly text: string) {}

  document(): TomlTable {
    let current = this.#root
    for (;;) {
      this.skipBlankLines()
      if (this.#at >= this.text.length) return this.#root
      if (this.peek() === '[') current = this.header()
      else this.keyValue(current)
      this.endOfLine()
    }
  }

  private header(): TomlTable {
    const start = this.#at
    const isArray = this.text.startsWith('[[', this.#at)
    this.#at += isArray ? 2 : 1
    this.skipSpaces()
    const keys = this.key()
    this.skipSpaces()
    if (!this.text.startsWith(isArray ? ']]' : ']', this.#at)) this.fail(`expected \`${isArray ? ']]' : ']'}\` to close the table header`)
    this.#at += isArray ? 2 : 1
    const end = this.#at
    // Problems with what a header names are reported at the header.
    this.#at = start
    const parent = this.walk(this.#root, keys.slice(0, -1), true)
    const last = keys[keys.length - 1]!
    if (isArray) {
      let array = parent[last]
      if (array === undefined) {
        array = []
        parent[last] = array
        this.#tableArrays.add(array)
      } else if (!Array.isArray(array) || !this.#tableArrays.has(array)) {
        this.fail(`\`${keys.join('.')}\` is already defined and is not an array of tables`)
      }
      const table: TomlTable = {}
      array.push(table)
      this.#explicit.add(table)
      this.#at = end
      return table
    }
    const existing = parent[last]
    if (existing === undefined) {
      const table: TomlTable = {}
      parent[last] = table
      this.#explicit.add(table)
      this.#at = end
      return table
    }
    if (!isTable(existing) || this.#explicit.has(existing) || this.#sealed.has(existing) || this.#dotted.has(existing)) {
      this.fail(`table \`${keys.join('.')}\` is defined more than once`)
    }
    this.#explicit.add(existing)
    this.#at = end
    return existing
  }

  private keyValue(table: TomlTable): void {
    const keys = this.key()
    this.skipSpaces()
    if (this.peek() !== '=') this.fail('expected `=` after the key')
    this.#at++
    this.skipSpaces()
    const value = this.value()
    const parent = this.walk(table, keys.slice(0, -1), false)
    const last = keys[keys.length - 1]!
    if (last in parent) this.fail(`key \`${keys.join('.')}\` is defined more than once`)
    parent[last] = value
    if (typeof value === 'object') this.#sealed.add(value)
  }

  /** Follows (creating) the tables along `keys`; headers may step into the last table of an array. */
  private walk(from: TomlTable, keys: string[], forHeader: boolean): TomlTable {
    let table = from
    for (const key of keys) {
      let next = table[key]
      if (next === undefined) {
        next = {}
        table[key] = next
        if (!forHeader) this.#dotted.add(next)
      } else if (Array.isArray(next) && forHeader && this.#tableArrays.has(next)) {
        next = next[next.length - 1]!
      }
      if (!isTable(next) || this.#sealed.has(next)) {
        this.fail(`\`${key}\` is already defined as a value, not a table`)
      }
      table = next as TomlTable
    }
    return table
  }

  private key(): string[] {
    const keys = [this.simpleKey()]
    for (;;) {
      this.skipSpaces()
      if (this.peek() !== '.') return keys
      this.#at++
      this.skipSpaces()
      keys.push(this.simpleKey())
    }
  }

  private simpleKey(): string {
    const char = this.peek()
    if (char === '"') return this.basicString()
    if (char === "'") return this.literalString()
    const start = this.#at
    while (this.#at < this.text.length && BARE_KEY.test(this.text[this.#at]!)) this.#at++
    if (start === this.#at) this.fail('expected a key')
    return this.text.slice(start, this.#at)
  }

  private value(): TomlValue {
    const char = this.peek()
    if (char === '"') return this.text.startsWith('"""', this.#at) ? this.multilineBasicString() : this.basicString()
    if (char === "'") return this.text.startsWith("'''", this.#at) ? this.multilineLiteralString() : this.literalString()
    if (char === '[') return this.array()
    if (char === '{') return this.inlineTable()
    if (this.text.startsWith('true', this.#at) && !BARE_KEY.test(this.text[this.#at + 4] ?? ' ')) {
      this.#at += 4
      return true
    }
    if (this.text.startsWith('false', this.#at) && !BARE_KEY.test(this.text[this.#at + 5] ?? ' ')) {
      this.#at += 5
      return false
    }
    const dateTime = DATE_TIME.exec(this.text.slice(this.#at, this.#at + 40))
    if (dateTime) {
      this.#at += dateTime[0].length
      return dateTime[0]
    }
    return this.number()
  }

  private number(): number {
    const match = /^[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan|[0-9_]+(?:\.[0-9_]+)?(?:[eE][+-]?[0-9_]+)?)/.exec(this.text.slice(this.#at, this.#at + 400))
    if (!match) this.fail('expected a value')
    const token = match![0]
    this.#at += token.length
    const sign = token.startsWith('-') ? -1 : 1
    const body = token.replace(/^[+-]/, '')
    if (/__|^_|_$|_\.|\._|_[eE]|[eE]_/.test(body)) this.fail(`invalid number \`${token}\``)
    const digits = body.replace(/_/g, '')
    if (digits === 'inf') return sign * Infinity
    if (digits === 'nan') return NaN
    if (/^0[xob]/.test(digits)) {
      if (token.startsWith('+') || token.startsWith('-')) this.fail(`invalid number \`${token}\``)
      return Number(digits)
    }
    if (/^0\d/.test(digits)) this.fail(`invalid number \`${token}\` (leading zero)`)
    return sign * Number(digits)
  }

  private basicString(): string {
    this.#at++
    let result = ''
    for (;;) {
      const char = this.text[this.#at]
      if (char === undefined || char === '\n') this.fail('unterminated string')
      this.#at++
      if (char === '"') return result
      if (char === '\\') result += this.escape()
      else if (isForbiddenControl(char!, false)) this.fail('control characters must be escaped in strings')
      else result += char
    }
  }

  private multilineBasicString(): string {
    this.#at += 3
    if (this.text.startsWith('\r\n', this.#at)) this.#at += 2
    else if (this.peek() === '\n') this.#at++
    let result = ''
    for (;;) {
      if (this.#at >= this.text.length) this.fail('unterminated string')
      if (this.text.startsWith('"""', this.#at)) {
        // Up to two quotes may sit right before the closing delimiter.
        let quotes = 3
        while (quotes < 5 && this.text[this.#at + quotes] === '"') quotes++
        result += '"'.repeat(quotes - 3)
        this.#at += quotes
        return result
      }
      const char = this.text[this.#at++]!
      if (char === '\\') {
        const rest = /^[ \t]*\r?\n/.exec(this.text.slice(this.#at))
        if (rest) {
          // A line-ending backslash swallows the newline and the whitespace after it.
          this.#at += rest[0].length
          while (/[ \t\r\n]/.test(this.text[this.#at] ?? '')) this.#at++
        } else result += this.escape()
      } else if (isForbiddenControl(char, true)) this.fail('control characters must be escaped in strings')
      else result += char
    }
  }

  private literalString(): string {
    this.#at++
    const end = this.text.indexOf("'", this.#at)
    const newline = this.text.indexOf('\n', this.#at)
    if (end === -1 || (newline !== -1 && newline < end)) this.fail('unterminated string')
    const result = this.text.slice(this.#at, end)
    this.#at = end + 1
    return result
  }

  private multilineLiteralString(): string {
    this.#at += 3
    if (this.text.startsWith('\r\n', this.#at)) this.#at += 2
    else if (this.peek() === '\n') this.#at++
    const end = this.text.indexOf("'''", this.#at)
    if (end === -1) this.fail('unterminated string')
    let close = end + 3
    while (close < end + 5 && this.text[close] === "'") close++
    const result = this.text.slice(this.#at, close - 3)
    this.#at = close
    return result
  }

  private escape(): string {
    const char = this.text[this.#at++]
    if (char !== undefined && char in ESCAPES) return ESCAPES[char]!
    if (char === 'u' || char === 'U') {
      const length = char === 'u' ? 4 : 8
      const hex = this.text.slice(this.#at, this.#at + length)
      if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) this.fail('invalid unicode escape')
      const code = parseInt(hex, 16)
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail('invalid unicode escape')
      this.#at += length
      return String.fromCodePoint(code)
    }
    if (char === 'x') {
      const hex = this.text.slice(this.#at, this.#at + 2)
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) this.fail('invalid escape')
      this.#at += 2
      return String.fromCharCode(parseInt(hex, 16))
    }
    this.#at--
    return this.fail(`invalid escape \`\\${char ?? ''}\``)
  }

  private array(): TomlValue[] {
    this.#at++
    const items: TomlValue[] = []
    for (;;) {
      this.skipBlankLines()
      if (this.peek() === ']') {
        this.#at++
        return items
      }
      const item = this.value()
      if (typeof item === 'object') this.#sealed.add(item)
      items.push(item)
      this.skipBlankLines()
      if (this.peek() === ',') this.#at++
      else if (this.peek() !== ']') this.fail('expected `,` or `]` in the array')
    }
  }

  private inlineTable(): TomlTable {
    this.#at++
    const table: TomlTable = {}
    this.skipSpaces()
    if (this.peek() === '}') {
      this.#at++
      return table
    }
    for (;;) {
      this.skipSpaces()
      this.keyValue(table)
      this.skipSpaces()
      if (this.peek() === '}') {
        this.#at++
        return table
      }
      if (this.peek() !== ',') this.fail('expected `,` or `}` in the inline table')
      this.#at++
    }
  }

  private skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.#at++
  }

  private skipBlankLines(): void {
    for (;;) {
      this.skipSpaces()
      const char = this.peek()
      if (char === '#') this.skipComment()
      else if (char === '\n') this.#at++
      else if (char === '\r' && this.text[this.#at + 1] === '\n') this.#at += 2
      else return
    }
  }

  private skipComment(): void {
    while (this.#at < this.text.length && this.text[this.#at] !== '\n') {
      if (isForbiddenControl(this.text[this.#at]!, false) && this.text[this.#at] !== '\r') this.fail('control characters are not allowed in comments')
      this.#at++
    }
  }

  private endOfLine(): void {
    this.skipSpaces()
    if (this.peek() === '#') this.skipComment()
    if (this.#at >= this.text.length) return
    if (this.peek() === '\n') this.#at++
    else if (this.text.startsWith('\r\n', this.#at)) this.#at += 2
    else this.fail('expected the end of the line')
  }

  private peek(): string | undefined {
    return this.text[this.#at]
  }

  private fail(message: string): never {
    const before = this.text.slice(0, this.#at)
    const line = before.split('\n').length
    const column = this.#at - before.lastIndexOf('\n')
    throw new TomlError(line, column, message)
  }
}

function isForbiddenControl(char: string, multiline: boolean): boolean {
  const code = char.charCodeAt(0)
  if (char === '\t') return false
  if (multiline && (char === '\n' || char === '\r')) return false
  return code < 0x20 || code === 0x7f
}

function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------- writing

/** Writes a table as TOML: plain keys first, then one [section] per nested table. */
export function stringifyToml(table: TomlTable): string {
  const lines: string[] = []
  writeSection(table, [], lines)
  return lines.join('\n').replace(/^\n+/, '') + (lines.length > 0 ? '\n' : '')
}

function writeSection(table: TomlTable, path: string[], lines: string[]): void {
  const entries = Object.entries(table)
  const plain = entries.filter(([, value]) => !isTable(value))
  const tables = entries.filter(([, value]) => isTable(value)) as [string, TomlTable][]
  // A table holding only tables needs no header of its own, as long as it has some.
  const needsHeader = path.length > 0 && (plain.length > 0 || tables.length === 0)
  if (needsHeader) lines.push('', `[${path.map(formatKey).join('.')}]`)
  for (const [key, value] of plain) lines.push(`${formatKey(key)} = ${formatValue(value)}`)
  for (const [key, value] of tables) writeSection(value, [...path, key], lines)
}

export function formatKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : formatString(key)
}

function formatValue(value: TomlValue): string {
  if (typeof value === 'string') return formatString(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number') return formatNumber(value)
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`
  const entries = Object.entries(value)
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${formatKey(key)} = ${formatValue(item)}`).join(', ')} }`
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (Number.isSafeInteger(value)) return String(value)
  const text = String(value)
  // TOML floats need a fraction or an exponent.
  return /[.e]/.test(text) ? text : `${text}.0`
}

function formatString(value: string): string {
  let out = '"'
  for (const char of value) {
    const code = char.codePointAt(0)!
    if (char === '"') out += '\\"'
    else if (char === '\\') out += '\\\\'
    else if (char === '\n') out += '\\n'
    else if (char === '\t') out += '\\t'
    else if (char === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd' // a lone surrogate has no TOML form
    else out += char
  }
  return `${out}"`
}
