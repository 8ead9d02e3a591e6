// The meta model's own types: one typed, documented description of the whole protocol, built from
// the definitions by the generator and published as `generated/meta-model.json`. Every emitter
// reads it, and so does the reference server (through server/model/protocol-model.ts): any protocol
// fact a consumer needs is stated here rather than worked out again from schemas or source text.
// Types only; nothing here runs.
import type { FileFolder, Namespace, Scope } from '../dsl/index.js'

/** The four kinds of JSON-RPC message, by who sends them (see protocol/model/directions.ts). */
export type Direction = 'clientRequest' | 'serverRequest' | 'serverNotification' | 'clientNotification'

/** A JSON Schema node as plain data; `$ref` holds a bare type name. */
export type SchemaNode = { [key: string]: unknown }

export interface MetaModel {
  /** Format version of this file; raised whenever a field is added, removed or changes meaning. */
  metaModelVersion: 2
  /** The codex release whose wire format is described. */
  codexVersion: string
  /** `experimental` has every member; `stable` is the projection a client without `experimentalApi` sees. */
  variant: 'experimental' | 'stable'
  /** Every method of the four directions, in registry order per direction. */
  methods: MethodModel[]
  /** Named types, sorted by name. */
  types: TypeModel[]
  /** Every experimental method, field and union arm, with its reason. */
  experimental: ExperimentalEntry[]
  /** Per type, the checks that find experimental input in a value of it, in declaration order. */
  gates: Record<string, GateCheck[]>
  /** Per type that holds absolute paths anywhere inside it: where they are (see PathLocation). */
  absolutePaths: Record<string, PathLocation[]>
  /**
   * Per type, the shape of every union in its schema: keyed by the union node's path inside the
   * type's schema (`''` for the schema itself; see SchemaPath), so a reader pairs each shape with
   * its node by walking the schema with `forEachNode` from protocol/model/json-data.ts.
   */
  unions: Record<string, Record<SchemaPath, UnionShape>>
}

/**
 * Where a node sits inside a type's schema, as `forEachNode` spells it: `.field` for a property,
 * `[oneOf2]` / `[anyOf0]` / `[allOf0]` for an arm, `[]` for array items, `{}` for map values.
 */
export type SchemaPath = string

export interface MethodModel {
  direction: Direction
  /** Wire name, e.g. `thread/start`. */
  method: string
  params: ParamsModel
  /** Result type name (requests only). */
  result?: string
  /** Experimental reason of the whole method. */
  experimental?: string
  /** Serialization scope (client requests only). */
  scope?: ScopeModel
  /** `scope` in its compact text form, as in `x-serialization`. */
  serialization?: string
  /** Why a non-obvious scope was chosen. */
  scopeRationale?: string
  /** True when the params type can carry experimental members, so the server must inspect them. */
  inspectParams?: boolean
  /**
   * The protocol family that defines the method: the family of its params type, or of its result
   * when it has no params (see TypeModel.family). Absent when neither type has a family.
   */
  family?: string
  /** One line for SDK authors. */
  description?: string
  /** Why the method should no longer be used. */
  deprecated?: string
  /** Present only in codex's TypeScript output. */
  tsOnly?: boolean
}

/**
 * A serialization scope as the model states it. `perConnection` marks scopes whose keys are private
 * to one connection (ids chosen by that client), so a server must key their queues by connection.
 */
export type ScopeModel = Scope & { perConnection?: true }

/** Whether a method's params must be sent, may be left out (or null), or do not exist. */
export type ParamsModel =
  | { presence: 'required'; type: string }
  | { presence: 'optional'; type: string }
  | { presence: 'none' }

export interface TypeModel {
  /** Wire name of the type. */
  name: string
  /** Folder of the JSON fixtures and TS output the type lives in. */
  namespace: Namespace
  /** Folder of its fixture file when it differs from the namespace. */
  fileFolder?: FileFolder
  /** True when the type gets its own fixture file (method payloads and the envelope). */
  standalone: boolean
  /**
   * The protocol family that declares the type: its file below protocol/ without `.ts`, with
   * `v2/` left out (`thread`, `command-exec`, `v1/initialize`, `envelope`).
   */
  family?: string
  /** True for string types whose values must be absolute paths (codex's `AbsolutePathBuf`). */
  absolutePath?: true
  /** The type's JSON Schema. */
  schema: SchemaNode
}

/**
 * When a marked field counts as used, following codex: `notNull` for nullable fields (present and
 * not null), `nonEmpty` for arrays and maps, `true` for booleans, `present` for anything else.
 */
export type Presence = 'notNull' | 'nonEmpty' | 'true' | 'present'

/** How to recognise a value of a union arm: by its tag field's value, its single key, or its string value. */
export type ArmMatch =
  | { by: 'tag'; field: string; value: string }
  | { by: 'key'; key: string }
  | { by: 'value'; value: string }

/** One entry of the experimental inventory. */
export type ExperimentalEntry =
  /** A whole method. */
  | { kind: 'method'; reason: string; direction: Direction; method: string }
  /** A field of a type; `field` is a dotted path for fields of inline objects. */
  | { kind: 'field'; reason: string; type: string; field: string; presence: Presence }
  /** One arm of a union inside a type, named by its tag, key or value. */
  | { kind: 'variant'; reason: string; type: string; variant: string; match: ArmMatch }

/** One step of the inbound experimental check of a type, in declaration order. */
export type GateCheck =
  /** The field itself is experimental: reject it when used (see Presence). */
  | { check: 'field'; field: string; reason: string; presence: Presence }
  /** The field leads to a named type with its own checks. */
  | { check: 'nested'; field: string; via: NestedVia; type: string }
  /** The value must not be this experimental union arm. */
  | { check: 'variant'; reason: string; match: ArmMatch }
  /** When the value is this union arm, run these checks on it. */
  | { check: 'arm'; match: ArmMatch; checks: GateCheck[] }

/** How a nested type is reached from a field: the value itself, each array item, each map value. */
export type NestedVia = 'value' | 'items' | 'values'

/**
 * Where absolute paths sit in a value of a type, field by field in declaration order. Fields may be
 * nullable or optional: a missing or null value holds no path.
 */
export type PathLocation =
  /** The field's value (or each item, or each map value) is an absolute path string. */
  | { field: string; via: NestedVia; path: true }
  /** The field's value (or each item, or each map value) is a named type holding paths. */
  | { field: string; via: NestedVia; type: string }
  /** The field's value is an inline object holding paths at these locations. */
  | { field: string; via: NestedVia; fields: PathLocation[] }
  /** When the value is the union arm at `arm` (its index in the union), paths sit at `locations`. */
  | { arm: number; match?: ArmMatch; locations: PathLocation[] }

/**
 * How a union's arms are told apart, the way serde decodes it. Arms are referred to by their index
 * in the union's `oneOf` / `anyOf` list. `nullable` unions also accept `null` (a `{type: null}` arm).
 */
export type UnionShape =
  /** `T | null`: null, or a value of the one other arm. */
  | { kind: 'nullable'; arm: number }
  /**
   * Externally tagged (serde's default): a unit variant is its name as a string, a data variant is
   * an object with the variant name as its only key.
   */
  | { kind: 'externallyTagged'; nullable: boolean; units: string[]; data: { key: string; arm: number }[] }
  /** Internally tagged: objects whose `tag` field names the arm. */
  | { kind: 'internallyTagged'; nullable: boolean; tag: string; arms: { value: string; arm: number }[] }
  /** Untagged: the first arm the value matches, in order. */
  | { kind: 'untagged'; nullable: boolean; arms: number[] }
