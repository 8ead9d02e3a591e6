// TOML for config.toml: reading with codex's own parser, and editing in place.
//
// Reading uses `toml_edit` built for WebAssembly (@rainbowatcher/toml-edit-js), the parser family
// codex uses, so a broken file is reported with codex's exact line, column and wording (checked
// against codex 0.169.0 on nine broken files; smol-toml agreed on the message of none of them).
// Writing uses @decimalturn/toml-patch, which rewrites only what changed and keeps comments, key
// order and spacing: toml-edit-js cannot edit top-level keys ("path key is empty") and toml-patch
// parses too loosely to report errors as codex does, so each library does the half it does well.
// Measured on a 366-byte commented config (node 20, 2 shared cores): toml-edit-js loads in
// 10–14 ms plus 29–38 ms to compile its WebAssembly (once per process, when the configuration is
// first used, so a server that never reads it does not pay the memory; 65–90 ms compiled synchronously) and parses in 0.1–0.2 ms; toml-patch loads in
// 7–15 ms and edits in 3–5 ms. A whole config/value/write, fsyncs included, takes about 14 ms.
import { parse as parseWithPatcher, patch } from '@decimalturn/toml-patch'
import initTomlEdit, { parse as parseWithTomlEdit } from '@rainbowatcher/toml-edit-js'

/** A configuration as JSON: dates are their text; inf and nan read as null (JSON has neither). */
export type ConfigTable = { [key: string]: ConfigValue }
export type ConfigValue = string | number | boolean | null | ConfigValue[] | ConfigTable

/** The text is not TOML; the message reads `<line>:<column>: <reason>`, as codex words it. */
export class TomlSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, readonly reason: string) {
    super(`${line}:${column}: ${reason}`)
  }
}

/**
 * Compiles the WebAssembly parser, which `parseConfigToml` needs. The library reads its
 * `index_bg.wasm` beside its own module, so bundles of the server keep it external. It keeps the
 * compiled instance for the process and returns it on later calls.
 */
export async function loadTomlParser(): Promise<void> {
  await initTomlEdit()
}

/** Parses a document into JSON values; throws TomlSyntaxError where it is broken. */
export function parseConfigToml(text: string): ConfigTable {
  try {
    return parseWithTomlEdit(text) as ConfigTable
  } catch (error) {
    throw syntaxErrorOf(error)
  }
}

/**
 * The document parsed by the editor: values of its own types (dates as Date objects, large
 * integers as bigints), to be changed and handed back to `editConfigToml`.
 */
export function parseForEditing(text: string): Record<string, unknown> {
  return parseWithPatcher(text) as Record<string, unknown>
}

/**
 * The text of `updated` (a tree from `parseForEditing`, changed) written over `text`, touching
 * only what differs. New tables are written as `[sections]`, as codex writes them.
 */
export function editConfigToml(text: string, updated: Record<string, unknown>): string {
  // An empty file has no trailing newline for the editor to copy; a written file ends with one.
  const format = { inlineTableStart: Number.MAX_SAFE_INTEGER, ...(text.trim() === '' ? { trailingNewline: 1 } : {}) }
  try {
    return patch(text, updated, format)
  } catch (error) {
    // toml-patch 3.3 fails with "Node not found" when a new key holds an array of tables; it
    // does write such an array over an existing empty one, so the array is added empty first.
    const emptied = withNewArraysEmptied(parseForEditing(text), updated)
    if (emptied === updated) throw error
    return patch(patch(text, emptied, format), updated, format)
  }
}

/** `updated` with every array that `existing` lacks at the same place replaced by `[]`. */
function withNewArraysEmptied(existing: unknown, updated: Record<string, unknown>): Record<string, unknown> {
  let changed = false
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(updated)) {
    const before = isPlainTable(existing) ? existing[key] : undefined
    if (Array.isArray(value) && !Array.isArray(before)) {
      copy[key] = []
      changed = true
    } else if (isPlainTable(value)) {
      const inner = withNewArraysEmptied(before, value)
      copy[key] = inner
      changed ||= inner !== value
    } else {
      copy[key] = value
    }
  }
  return changed ? copy : updated
}

/** A table of a parsed tree (not an array, nor a date object). */
export function isPlainTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

// toml-edit-js throws a string: "Parse Error: TOML parse error at line L, column C", the
// quoted source line with a caret under the place, then the reason.
function syntaxErrorOf(error: unknown): Error {
  const text = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error)
  const place = /line (\d+), column (\d+)/.exec(text)
  if (place === null) return error instanceof Error ? error : new Error(text)
  const lines = text.trimEnd().split('\n')
  const caret = lines.findIndex((line) => /^\s*\|\s*\^/.test(line))
  const reason = (caret === -1 ? lines.slice(-1) : lines.slice(caret + 1)).join('\n').trim()
  return new TomlSyntaxError(Number(place[1]), Number(place[2]), reason)
}
