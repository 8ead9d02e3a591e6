// The formats and annotation keywords of the wire schemas, for any JSON Schema validator that has
// Ajv's `addFormat`/`addKeyword` (server, client and tests register them from here). Integer ranges
// come from the one table in integer-formats.ts; no validator is imported (protocol/ depends on typebox only).
import { INTEGER_FORMATS } from './integer-formats.js'

export interface FormatRegistry {
  addFormat(name: string, format: { type: 'number'; validate: (value: number) => boolean }): unknown
  addKeyword(definition: { keyword: string }): unknown
}

/** Keywords our schemas carry as annotations: they describe, they do not constrain. */
export const ANNOTATION_KEYWORDS = ['x-experimental', 'x-serialization'] as const

/** Registers every integer format (checked against its range), `double`/`float` and the annotation keywords. */
export function registerWireFormats(registry: FormatRegistry): void {
  for (const [format, range] of Object.entries(INTEGER_FORMATS)) {
    const [min, max] = [Number(range.min), Number(range.max)]
    registry.addFormat(format, { type: 'number', validate: (n) => n >= min && n <= max })
  }
  registry.addFormat('double', { type: 'number', validate: () => true })
  registry.addFormat('float', { type: 'number', validate: () => true })
  for (const keyword of ANNOTATION_KEYWORDS) registry.addKeyword({ keyword })
}
