// The meta model: one typed, documented form of the whole protocol, built from the definitions.
// Every emitter reads it; `generated/meta-model.json` publishes it for other tools.
import type { FileFolder, Namespace, Scope } from '../../protocol/dsl/index.js'

export type Direction = 'clientRequest' | 'serverRequest' | 'serverNotification' | 'clientNotification'

/** A JSON Schema node as plain data; `$ref` holds a bare type name. */
export type SchemaNode = { [key: string]: unknown }

export interface MetaModel {
  /** Format version of this file. */
  metaModelVersion: 1
  /** The codex release whose wire format is described. */
  codexVersion: string
  /** `experimental` has every member; `stable` is the projection a client without `experimentalApi` sees. */
  variant: 'experimental' | 'stable'
  methods: MethodModel[]
  /** Named types, sorted by name. */
  types: TypeModel[]
  /** Every experimental method, field and union arm, with its reason. */
  experimental: ExperimentalEntry[]
  /** Per type, the checks that find experimental input in a value of it, in declaration order. */
  gates: Record<string, GateCheck[]>
}

export interface MethodModel {
  direction: Direction
  /** Wire name. */
  method: string
  params: ParamsModel
  /** Result type name (requests only). */
  result?: string
  /** Experimental reason of the whole method. */
  experimental?: string
  /** Serialization scope (client requests only). */
  scope?: Scope
  /** `scope` in its compact text form, as in `x-serialization`. */
  serialization?: string
  scopeRationale?: string
  /** True when the params type can carry experimental members, so the server must inspect them. */
  inspectParams?: boolean
  description?: string
  deprecated?: string
  /** Present only in codex's TypeScript output. */
  tsOnly?: boolean
}

export type ParamsModel =
  | { presence: 'required'; type: string }
  | { presence: 'optional'; type: string }
  | { presence: 'none' }

export interface TypeModel {
  name: string
  namespace: Namespace
  /** Folder of its fixture file when it differs from the namespace. */
  fileFolder?: FileFolder
  /** True when the type gets its own fixture file (method payloads and the envelope). */
  standalone: boolean
  schema: SchemaNode
}

/**
 * When a marked field counts as used, following codex: `notNull` for nullable fields (present and
 * not null), `nonEmpty` for arrays and maps, `true` for booleans, `present` for anything else.
 */
export type Presence = 'notNull' | 'nonEmpty' | 'true' | 'present'

/** How to recognise a value of a union arm. */
export type ArmMatch =
  | { by: 'tag'; field: string; value: string }
  | { by: 'key'; key: string }
  | { by: 'value'; value: string }

export type ExperimentalEntry =
  | { kind: 'method'; reason: string; direction: Direction; method: string }
  | { kind: 'field'; reason: string; type: string; field: string; presence: Presence }
  | { kind: 'variant'; reason: string; type: string; variant: string; match: ArmMatch }

/** One step of the inbound experimental check of a type, in declaration order. */
export type GateCheck =
  | { check: 'field'; field: string; reason: string; presence: Presence }
  | { check: 'nested'; field: string; via: NestedVia; type: string }
  | { check: 'variant'; reason: string; match: ArmMatch }
  | { check: 'arm'; match: ArmMatch; checks: GateCheck[] }

/** How a nested type is reached from a field: the value itself, each array item, each map value. */
export type NestedVia = 'value' | 'items' | 'values'
