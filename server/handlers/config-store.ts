// The user configuration: `config.toml` in the server's home folder, owned by one ConfigStore
// per server. Writes go one at a time through the store's queue, are checked against the version
// the client read, edit the file in place (the user's comments and layout stay), and replace it
// atomically. A write that could not be read back as exactly the intended configuration, or a
// file that does not parse, is never written: the user's file is the state and is never lost.
import { createHash, randomBytes } from 'node:crypto'
import { open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { JsonValue } from '../../generated/experimental/index.js'
import {
  editConfigToml,
  isPlainTable,
  loadTomlParser,
  parseConfigToml,
  parseForEditing,
  TomlSyntaxError,
  type ConfigTable,
} from './config-toml.js'

export const CONFIG_FILE_NAME = 'config.toml'

/** The config file is not valid TOML; the message reads `<path>:<line>:<column>: <reason>`. */
export class ConfigSyntaxError extends Error {}

/** Why a write was refused; sent to the client as `data.config_write_error_code`. */
export type ConfigWriteErrorCode = 'configValidationError' | 'configVersionConflict' | 'configLayerReadonly' | 'configPathNotFound'

export class ConfigWriteError extends Error {
  constructor(readonly code: ConfigWriteErrorCode, message: string) {
    super(message)
  }
}

export interface ConfigSnapshot {
  path: string
  config: ConfigTable
  /** `sha256:<hex>` of the configuration (not of the file's bytes, so layout changes do not count). */
  version: string
}

export interface ConfigEditRequest {
  keyPath: string
  value: JsonValue
  mergeStrategy: 'replace' | 'upsert'
}

// Temporary files are `config.toml.<pid>.<random>.tmp`; the pid tells whether their writer lives.
const TEMPORARY_FILE = /^config\.toml\.(\d+)\.[0-9a-f]+\.tmp$/

export class ConfigStore {
  readonly path: string
  /** What interrupted writes left is removed; reads and writes wait for it. */
  #started: Promise<void> | undefined
  #parser: Promise<void> | undefined
  /** The last write queued; each write starts once the one before it has settled. */
  #lastWrite: Promise<unknown> = Promise.resolve()

  constructor(readonly home: string) {
    this.path = join(home, CONFIG_FILE_NAME)
  }

  /** Removes stale temporary files; done once, at server start or first use. */
  start(): Promise<void> {
    return (this.#started ??= this.#removeStaleTemporaryFiles())
  }

  /** Reads the configuration; a missing file is an empty configuration. */
  async read(): Promise<ConfigSnapshot> {
    return (await this.#load()).snapshot
  }

  /**
   * Applies edits in order and saves the result; all or nothing. `check` sees the edited
   * configuration before it is saved and throws to refuse it.
   */
  edit(
    edits: ConfigEditRequest[],
    expectedVersion: string | null | undefined,
    check: (config: ConfigTable) => void = () => {},
  ): Promise<ConfigSnapshot> {
    const write = this.#lastWrite.catch(() => undefined).then(() => this.#edit(edits, expectedVersion, check))
    this.#lastWrite = write
    return write
  }

  async #edit(edits: ConfigEditRequest[], expectedVersion: string | null | undefined, check: (config: ConfigTable) => void): Promise<ConfigSnapshot> {
    const { text, snapshot: current } = await this.#load()
    if (expectedVersion != null && expectedVersion !== current.version) {
      throw new ConfigWriteError('configVersionConflict', 'Configuration was modified since last read. Fetch latest version and retry.')
    }
    // The same edits are applied to the configuration as JSON (what the client will read back)
    // and to the editor's own tree (which keeps dates and large integers exact).
    const config = structuredClone(current.config)
    for (const edit of edits) applyEdit(config, edit)
    check(config)
    const version = configVersion(config)
    if (version === current.version) return current
    const updated = this.#editedText(text, edits, config)
    await this.#writeAtomically(updated)
    return { path: this.path, config, version }
  }

  /** The new file text, refused unless it reads back as exactly `intended`. */
  #editedText(text: string, edits: ConfigEditRequest[], intended: ConfigTable): string {
    let updated: string
    let readBack: ConfigTable
    try {
      const tree = parseForEditing(text)
      for (const edit of edits) applyEdit(tree, edit)
      updated = editConfigToml(text, tree)
      readBack = parseConfigToml(updated)
    } catch (error) {
      throw unfaithful(error instanceof Error ? error.message : String(error))
    }
    if (canonicalJson(readBack) !== canonicalJson(intended)) throw unfaithful('the edited file reads back as a different configuration')
    return updated
  }

  async #load(): Promise<{ text: string; snapshot: ConfigSnapshot }> {
    await this.start()
    // The parser (WebAssembly) is compiled when the configuration is first used, not at start;
    // once for the store, however many requests arrive together.
    await (this.#parser ??= loadTomlParser())
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return ''
      throw error
    })
    let config: ConfigTable
    try {
      config = parseConfigToml(text)
    } catch (error) {
      if (error instanceof TomlSyntaxError) throw new ConfigSyntaxError(`${this.path}:${error.message}`)
      throw error
    }
    return { text, snapshot: { path: this.path, config, version: configVersion(config) } }
  }

  /**
   * Temporary file in the same folder, written and flushed, renamed over the file, folder flushed.
   * A config.toml that is a link (to a dotfiles repository, say) stays one: its target is replaced.
   * The file keeps its permissions; a new one is readable by its owner only.
   */
  async #writeAtomically(text: string): Promise<void> {
    const target = await realpath(this.path).catch(() => this.path)
    const mode = await stat(target).then((stats) => stats.mode & 0o7777, () => 0o600)
    const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      const file = await open(temporary, 'wx', mode)
      try {
        await file.writeFile(text, 'utf8')
        await file.chmod(mode) // open's mode is narrowed by the umask
        await file.sync()
      } finally {
        await file.close()
      }
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    // The rename is durable only once the folder's entry is on disk.
    const folder = await open(dirname(target), 'r')
    try {
      await folder.sync()
    } finally {
      await folder.close()
    }
  }

  /**
   * Removes temporary files left by writes that were killed midway: those of this process (none
   * is in flight before its store's first write) and of processes that no longer run.
   */
  async #removeStaleTemporaryFiles(): Promise<void> {
    const names = await readdir(this.home).catch(() => [] as string[])
    await Promise.all(names.map(async (name) => {
      const pid = TEMPORARY_FILE.exec(name)?.[1]
      if (pid !== undefined && (Number(pid) === process.pid || !processIsRunning(Number(pid)))) {
        await rm(join(this.home, name), { force: true }).catch(() => undefined)
      }
    }))
  }
}

export function configVersion(config: ConfigTable): string {
  return `sha256:${createHash('sha256').update(canonicalJson(config)).digest('hex')}`
}

/** JSON with object keys sorted at every level and no spaces. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Applies one edit to a parsed tree (the JSON one or the editor's). */
function applyEdit(config: Record<string, unknown>, edit: ConfigEditRequest): void {
  const segments = parseKeyPath(edit.keyPath)
  const value = edit.value === null ? null : toToml(edit.value, edit.keyPath)
  const last = segments[segments.length - 1]!
  let table = config
  for (const segment of segments.slice(0, -1)) {
    const next = table[segment]
    if (next === undefined) {
      if (value === null) return // removing something that is not there
      table[segment] = {}
    } else if (!isPlainTable(next)) {
      throw new ConfigWriteError('configValidationError', 'cannot set value on non-table parent')
    }
    table = table[segment] as Record<string, unknown>
  }
  if (value === null) delete table[last]
  else if (edit.mergeStrategy === 'upsert') table[last] = merge(table[last], value)
  else table[last] = value
}

/** Tables merge key by key (recursively); anything else is replaced. */
function merge(existing: unknown, incoming: unknown): unknown {
  if (!isPlainTable(existing) || !isPlainTable(incoming)) return incoming
  const merged: Record<string, unknown> = { ...existing }
  for (const [key, value] of Object.entries(incoming)) merged[key] = merge(merged[key], value)
  return merged
}

/**
 * JSON to TOML: objects drop null members (TOML has no null); null inside an array is refused,
 * and so is a string or key holding a lone UTF-16 surrogate, which UTF-8 cannot store.
 */
function toToml(value: JsonValue, keyPath: string): unknown {
  if (value === null) throw new ConfigWriteError('configValidationError', 'invalid value: invalid type: null, expected any valid TOML value')
  if (Array.isArray(value)) return value.map((item) => toToml(item, keyPath))
  if (typeof value === 'object') {
    const table: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      refuseUnpairedSurrogate(key, `a key in the value of \`${keyPath}\``)
      if (item !== null && item !== undefined) table[key] = toToml(item, keyPath)
    }
    return table
  }
  if (typeof value === 'string') refuseUnpairedSurrogate(value, `a string in the value of \`${keyPath}\``)
  return value
}

function refuseUnpairedSurrogate(text: string, where: string): void {
  const surrogate = unpairedSurrogate(text)
  if (surrogate !== undefined) throw invalid(`invalid value: ${where} holds a lone UTF-16 surrogate (${surrogate}), which a TOML file cannot store`)
}

function unfaithful(reason: string): ConfigWriteError {
  return new ConfigWriteError('configValidationError', `this edit cannot be written to config.toml faithfully, so the file was left as it was: ${reason}`)
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Splits a key path (`a.b."c.d"`) into its segments; quoted segments may hold dots. */
export function parseKeyPath(keyPath: string): string[] {
  if (keyPath === '') throw invalid('keyPath must not be empty')
  const segments: string[] = []
  let at = 0
  while (at <= keyPath.length) {
    let segment: string
    if (keyPath[at] === '"') {
      const end = closingQuote(keyPath, at)
      segment = parseQuoted(keyPath, at, end)
      at = end + 1
      if (at < keyPath.length && keyPath[at] !== '.') throw invalid(`invalid keyPath \`${keyPath}\``)
    } else {
      const dot = keyPath.indexOf('.', at)
      segment = keyPath.slice(at, dot === -1 ? keyPath.length : dot)
      at = dot === -1 ? keyPath.length : dot
      if (segment === '') throw invalid('keyPath segments must not be empty')
    }
    // A lone surrogate has no UTF-8 form: written, it would become U+FFFD and name another key.
    const surrogate = unpairedSurrogate(segment)
    if (surrogate !== undefined) throw invalid(`invalid keyPath: it holds a lone UTF-16 surrogate (${surrogate}), which a TOML file cannot store`)
    segments.push(segment)
    at++
  }
  return segments
}

/** The first UTF-16 surrogate in `text` that is not half of a pair, as `U+XXXX`. */
function unpairedSurrogate(text: string): string | undefined {
  const match = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text)
  return match === null ? undefined : `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}`
}

function parseQuoted(keyPath: string, start: number, end: number): string {
  try {
    return JSON.parse(keyPath.slice(start, end + 1)) as string
  } catch {
    throw invalid(`invalid keyPath \`${keyPath}\`: bad escape in a quoted segment`)
  }
}

function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++
    else if (text[at] === '"') return at
  }
  throw invalid(`invalid keyPath \`${text}\`: unterminated quote`)
}

function invalid(message: string): ConfigWriteError {
  return new ConfigWriteError('configValidationError', message)
}
