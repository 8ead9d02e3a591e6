// The user configuration: `config.toml` in the server's home folder. Edits are applied one at
// a time per file (a queue in this process), checked against the version the client read, and
// written atomically (temporary file, flush, rename), so a crash or a concurrent writer never
// leaves a half-written or silently overwritten file.
import { createHash, randomBytes } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { JsonValue } from '../../generated/experimental/index.js'
import { parseToml, stringifyToml, TomlError, type TomlTable, type TomlValue } from './toml.js'

export const CONFIG_FILE_NAME = 'config.toml'

/** The config file is not valid TOML; the message reads `<path>:<line>:<column>: <reason>`. */
export class ConfigSyntaxError extends Error {}

/** Why a write was refused; sent to the client as `data.config_write_error_code`. */
export type ConfigWriteErrorCode = 'configValidationError' | 'configVersionConflict' | 'configLayerReadonly'

export class ConfigWriteError extends Error {
  constructor(readonly code: ConfigWriteErrorCode, message: string) {
    super(message)
  }
}

export interface ConfigSnapshot {
  path: string
  config: TomlTable
  /** `sha256:<hex>` of the configuration (not of the file's bytes, so layout changes do not count). */
  version: string
}

export interface ConfigEditRequest {
  keyPath: string
  value: JsonValue
  mergeStrategy: 'replace' | 'upsert'
}

const queues = new Map<string, Promise<unknown>>()

export function userConfigPath(home: string): string {
  return join(home, CONFIG_FILE_NAME)
}

/** Reads the user configuration; a missing file is an empty configuration. */
export async function readUserConfig(home: string): Promise<ConfigSnapshot> {
  const path = userConfigPath(home)
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  let config: TomlTable
  try {
    config = parseToml(text)
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigSyntaxError(`${path}:${error.message}`)
    throw error
  }
  return { path, config, version: configVersion(config) }
}

/**
 * Applies edits in order and saves the result; all or nothing. `check` sees the edited
 * configuration before it is saved and throws to refuse it.
 */
export function editUserConfig(
  home: string,
  edits: ConfigEditRequest[],
  expectedVersion: string | null | undefined,
  check: (config: TomlTable) => void = () => {},
): Promise<ConfigSnapshot> {
  const path = userConfigPath(home)
  const previous = queues.get(path) ?? Promise.resolve()
  const next = previous.catch(() => undefined).then(async () => {
    const current = await readUserConfig(home)
    if (expectedVersion != null && expectedVersion !== current.version) {
      throw new ConfigWriteError('configVersionConflict', 'Configuration was modified since last read. Fetch latest version and retry.')
    }
    const config = structuredClone(current.config)
    for (const edit of edits) applyEdit(config, edit)
    check(config)
    const version = configVersion(config)
    if (version !== current.version) await writeAtomically(path, stringifyToml(config))
    return { path, config, version }
  })
  queues.set(path, next)
  void next.finally(() => {
    if (queues.get(path) === next) queues.delete(path)
  }).catch(() => undefined)
  return next
}

export function configVersion(config: TomlTable): string {
  return `sha256:${createHash('sha256').update(canonicalJson(config)).digest('hex')}`
}

/** Splits `a.b."c.d"` into its segments; quoted segments may hold dots. */
export function parseKeyPath(keyPath: string): string[] {
  if (keyPath === '') throw new ConfigWriteError('configValidationError', 'keyPath must not be empty')
  const segments: string[] = []
  let at = 0
  while (at <= keyPath.length) {
    let segment: string
    if (keyPath[at] === '"') {
      const end = closingQuote(keyPath, at)
      segment = parseQuoted(keyPath, at, end)
      at = end + 1
      if (at < keyPath.length && keyPath[at] !== '.') throw new ConfigWriteError('configValidationError', `invalid keyPath \`${keyPath}\``)
    } else {
      const dot = keyPath.indexOf('.', at)
      segment = keyPath.slice(at, dot === -1 ? keyPath.length : dot)
      at = dot === -1 ? keyPath.length : dot
      if (segment === '') throw new ConfigWriteError('configValidationError', 'keyPath segments must not be empty')
    }
    segments.push(segment)
    at++
  }
  return segments
}

function applyEdit(config: TomlTable, edit: ConfigEditRequest): void {
  const segments = parseKeyPath(edit.keyPath)
  const value = edit.value === null ? null : toToml(edit.value)
  const last = segments[segments.length - 1]!
  let table = config
  for (const segment of segments.slice(0, -1)) {
    const next = table[segment]
    if (next === undefined) {
      if (value === null) return // removing something that is not there
      table[segment] = {}
    } else if (!isTable(next)) {
      throw new ConfigWriteError('configValidationError', 'cannot set value on non-table parent')
    }
    table = table[segment] as TomlTable
  }
  if (value === null) delete table[last]
  else if (edit.mergeStrategy === 'upsert') table[last] = merge(table[last], value)
  else table[last] = value
}

/** Tables merge key by key (recursively); anything else is replaced. */
function merge(existing: TomlValue | undefined, incoming: TomlValue): TomlValue {
  if (!isTable(existing) || !isTable(incoming)) return incoming
  const merged: TomlTable = { ...existing }
  for (const [key, value] of Object.entries(incoming)) merged[key] = merge(merged[key], value)
  return merged
}

/** JSON to TOML: objects drop null members (TOML has no null); null inside an array is refused. */
function toToml(value: JsonValue): TomlValue {
  if (value === null) throw new ConfigWriteError('configValidationError', 'invalid value: invalid type: null, expected any valid TOML value')
  if (Array.isArray(value)) return value.map(toToml)
  if (typeof value === 'object') {
    const table: TomlTable = {}
    for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) table[key] = toToml(item)
    return table
  }
  return value
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const file = await open(temporary, 'wx', 0o600)
    try {
      await file.writeFile(text, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
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

function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value)
}

function parseQuoted(keyPath: string, start: number, end: number): string {
  try {
    return JSON.parse(keyPath.slice(start, end + 1)) as string
  } catch {
    throw new ConfigWriteError('configValidationError', `invalid keyPath \`${keyPath}\`: bad escape in a quoted segment`)
  }
}

function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++
    else if (text[at] === '"') return at
  }
  throw new ConfigWriteError('configValidationError', `invalid keyPath \`${text}\`: unterminated quote`)
}
