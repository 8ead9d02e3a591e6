// The schema vocabulary of the definitions: TypeBox builders that produce exactly the JSON Schema
// shapes the Codex wire format is described with (serde + schemars idioms), plus the markers the
// generator reads (experimental reasons, named types).
import { Type, type TSchema } from 'typebox'
import { ADDED_KEY, CHANGED_FROM_KEY, REMOVED_KEY, VALUE_VERSIONS_KEY, type VersionSpan } from './versions.js'

/** Annotation key carrying an experimental reason on a field schema or a union arm. */
export const EXPERIMENTAL_KEY = 'x-experimental'

/** Integer formats used on the wire; unsigned ones also get `minimum: 0`. */
export type SignedIntFormat = 'int64' | 'int32' | 'int16' | 'int8'
export type UnsignedIntFormat = 'uint64' | 'uint32' | 'uint16' | 'uint8' | 'uint'
export type NumberFormat = 'double' | 'float'

/** Which folder of the JSON fixtures and TS output a named type lives in. */
export type Namespace = 'root' | 'v2'
/** Folder of a type's own fixture file, when it is not the namespace's (codex keeps initialize in `v1/`). */
export type FileFolder = 'root' | 'v1' | 'v2'

const NAMED_TYPE = Symbol.for('codex-protocol.namedType')

/** A type with a wire name: emitted as one definition, one fixture file and one TS file. */
export interface NamedType<S extends TSchema = TSchema> {
  readonly [NAMED_TYPE]: true
  readonly name: string
  readonly namespace: Namespace
  readonly schema: S
  /** Per-type fixture folder when it differs from the namespace (codex keeps initialize in `v1/`). */
  readonly fileFolder?: FileFolder
  /** A string type whose values must be absolute paths; the server rejects relative ones. */
  readonly absolutePath?: true
  /** The codex releases the type exists in, when not all (see dsl/versions.ts). */
  readonly versions?: VersionSpan
}

export function isNamedType(value: unknown): value is NamedType {
  return typeof value === 'object' && value !== null && (value as { [NAMED_TYPE]?: true })[NAMED_TYPE] === true
}

export interface NamedTypeOptions {
  description?: string
  fileFolder?: FileFolder
  /** Values are absolute paths (see NamedType.absolutePath). */
  absolutePath?: true
  /** First codex release with the type. */
  added?: string
  /** First codex release without the type. */
  removed?: string
}

/** Declares a named type. Families call it through `typesIn(namespace)`. */
export function defineType<S extends TSchema>(
  namespace: Namespace,
  name: string,
  schema: S,
  options: NamedTypeOptions = {},
): NamedType<S> {
  const described = options.description === undefined ? schema : withOptions(schema, { description: options.description })
  return {
    [NAMED_TYPE]: true,
    name,
    namespace,
    schema: described,
    ...(options.fileFolder ? { fileFolder: options.fileFolder } : {}),
    ...(options.absolutePath ? { absolutePath: true } : {}),
    ...(options.added || options.removed ? { versions: { ...(options.added ? { added: options.added } : {}), ...(options.removed ? { removed: options.removed } : {}) } } : {}),
  }
}

/** `const type = typesIn('v2')` at the top of a family file, then `type('Thread', schema)`. */
export function typesIn(namespace: Namespace) {
  return <S extends TSchema>(name: string, schema: S, options?: string | NamedTypeOptions) =>
    defineType(namespace, name, schema, typeof options === 'string' ? { description: options } : options)
}

/** Copies a schema with extra keywords, keeping TypeBox's modifiers (they live on symbol keys). */
export function withOptions<S extends TSchema>(schema: S, options: Record<string, unknown>): S {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(schema)) as S
  return Object.assign(copy, options)
}

type Options = { description?: string; default?: unknown }

/** The schemas of properties, in wire declaration order. */
export type Fields = Record<string, TSchema>

export const t = {
  string: (options?: Options & { minLength?: number }) => Type.String(options),
  boolean: (options?: Options) => Type.Boolean(options),
  /** Signed integer with its wire width. */
  int: (format: SignedIntFormat = 'int64', options?: Options) => Type.Integer({ format, ...options }),
  /** Unsigned integer with its wire width. */
  uint: (format: UnsignedIntFormat = 'uint64', options?: Options & { minimum?: number }) => Type.Integer({ format, minimum: 0, ...options }),
  number: (format: NumberFormat = 'double', options?: Options) => Type.Number({ format, ...options }),
  /** Any JSON value (emitted as the schema `true`). */
  json: (options?: Options) => Type.Unknown(options),
  /** The unit value: only `null` is valid. */
  null: (options?: Options) => Type.Null(options),
  array: <S extends TSchema>(items: S, options?: Options) => Type.Array(items, options),
  /** A JSON object used as a map from string keys to values. */
  map: <S extends TSchema>(values: S | true, options?: Options) =>
    Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: values, ...options }),
  /**
   * A JSON object with the given fields, in wire order. `closed` forbids other keys; `additional`
   * types the values of other keys; `anyOf` / `oneOf` add alternative shapes the object must also
   * match (serde's flattened enums).
   */
  object: <F extends Fields>(fields: F, options?: Options & { closed?: boolean; additional?: TSchema | true; anyOf?: TSchema[]; oneOf?: TSchema[] }) => {
    const { closed, additional, anyOf, oneOf, ...rest } = options ?? {}
    const schema = Type.Object(fields, {
      ...rest,
      ...(closed ? { additionalProperties: false } : additional !== undefined ? { additionalProperties: additional } : {}),
      ...(anyOf ? { anyOf } : {}),
      ...(oneOf ? { oneOf } : {}),
    })
    // An object without declared fields is written as plain `{"type":"object"}`.
    if (Object.keys(fields).length === 0) delete (schema as { properties?: unknown }).properties
    return schema
  },
  /**
   * A string restricted to the given values. `versions` says in which codex release a value
   * appeared or was removed (`{ bioPolicy: { added: '0.171.0' } }`).
   */
  enum: <const V extends readonly string[]>(values: V, options?: Options & { versions?: Partial<Record<V[number], VersionSpan>> }) => {
    const { versions, ...rest } = options ?? {}
    return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...rest, ...(versions ? { [VALUE_VERSIONS_KEY]: versions } : {}) })
  },
  /** A string that must be exactly `value` (a union tag). */
  literal: <const V extends string>(value: V, options?: Options) => Type.Unsafe<V>({ type: 'string', enum: [value], ...options }),
  /** An integer that must be exactly `value`, with its wire width (a format version such as `version: 1`). */
  intLiteral: <const V extends number>(value: V, format: SignedIntFormat | UnsignedIntFormat = 'int64', options?: Options) =>
    Type.Unsafe<V>({ type: 'integer', format, ...(format.startsWith('u') ? { minimum: 0 } : {}), enum: [value], ...options }),
  /** An integer restricted to the given values, with its wire width. */
  intEnum: <const V extends readonly number[]>(values: V, format: SignedIntFormat | UnsignedIntFormat = 'int64', options?: Options) =>
    Type.Unsafe<V[number]>({ type: 'integer', format, ...(format.startsWith('u') ? { minimum: 0 } : {}), enum: [...values], ...options }),
  /** A value of any of the given JSON types (a catch-all arm of an open enum). */
  typeUnion: (types: Array<'string' | 'object' | 'integer' | 'number' | 'boolean' | 'array'>, options?: Options) =>
    Type.Unsafe<unknown>({ type: types, ...options }),
  /** A reference to a named type, by object or, for cycles and forward uses, by name. */
  ref: (target: NamedType | string, options?: Options) =>
    Type.Unsafe<unknown>({ $ref: typeof target === 'string' ? target : target.name, ...options }),
  /** Exactly one of the arms (how serde's enums are described). */
  oneOf: (arms: TSchema[], options?: Options) => Type.Unsafe<unknown>({ oneOf: arms, ...options }),
  /** At least one of the arms (untagged enums and flattened alternatives). */
  anyOf: (arms: TSchema[], options?: Options) => Type.Unsafe<unknown>({ anyOf: arms, ...options }),
  /**
   * An internally tagged union: each arm is an object whose `tag` field holds the arm's name.
   * `arms` maps tag value to the arm's other fields (or to a full object schema for arms that
   * carry extra keywords such as an experimental marker). `shared` lists fields common to all arms.
   */
  tagged: (tag: string, arms: Record<string, Fields | TSchema>, options?: Options & { shared?: Fields }) => {
    const { shared, ...rest } = options ?? {}
    const oneOf = Object.entries(arms).map(([value, arm]) => taggedArm(tag, value, arm))
    // Fields every arm carries (serde's flatten of a struct around the enum) sit beside `oneOf`.
    if (shared) return Type.Unsafe<unknown>(withOptions(Type.Object(shared), { oneOf, ...rest }))
    return Type.Unsafe<unknown>({ oneOf, ...rest })
  },
  /** `T | null`, with the wire shape schemars gives it. */
  nullable: <S extends TSchema>(schema: S, options?: Options) => nullable(schema, options),
  /** A field that may be left out (not listed in `required`). */
  optional: <S extends TSchema>(schema: S) => Type.Optional(schema),
  /** Rust's `Option<T>` field: may be left out or null. */
  option: <S extends TSchema>(schema: S, options?: Options) => Type.Optional(nullable(schema, options)),
  /** Marks a field schema or a union arm as experimental, with the reason clients are told. */
  experimental: <S extends TSchema>(reason: string, schema: S) => withOptions(schema, { [EXPERIMENTAL_KEY]: reason }),
  /** A field, union arm or schema that first appears in codex release `version`. */
  added: <S extends TSchema>(version: string, schema: S) => withOptions(schema, { [ADDED_KEY]: version }),
  /** A field, union arm or schema that codex release `version` no longer has. */
  removed: <S extends TSchema>(version: string, schema: S) => withOptions(schema, { [REMOVED_KEY]: version }),
  /** A schema that is `current` from codex release `version` on, and was `before` in earlier ones. */
  typeChangedFrom: <S extends TSchema>(version: string, before: TSchema, current: S) =>
    withOptions(current, { [CHANGED_FROM_KEY]: { version, schema: before } }),
  /** Adds a description (our words) to any schema. */
  describe: <S extends TSchema>(description: string, schema: S) => withOptions(schema, { description }),
}

function taggedArm(tag: string, value: string, arm: Fields | TSchema): TSchema {
  if (isObjectSchema(arm)) {
    const { properties, ...rest } = arm as TSchema & { properties?: Fields }
    return withOptions(t.object({ [tag]: t.literal(value), ...properties }), stripObjectKeywords(rest))
  }
  return t.object({ [tag]: t.literal(value), ...(arm as Fields) })
}

// A field list maps names to schemas, so only a schema has the string "object" as its `type`.
function isObjectSchema(value: Fields | TSchema): value is TSchema {
  return (value as { type?: unknown }).type === 'object'
}

function stripObjectKeywords(schema: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, required: _required, ...rest } = schema
  return rest
}

const SIMPLE_TYPES = new Set(['string', 'boolean', 'integer', 'number', 'array', 'object'])

// schemars widens `type` for simple schemas and wraps everything else in `anyOf [..., null]`.
function nullable<S extends TSchema>(schema: S, options?: Options): S {
  const type = (schema as { type?: unknown }).type
  const simple = typeof type === 'string' && SIMPLE_TYPES.has(type) && !('enum' in schema) && !('properties' in schema)
  if (simple) return withOptions(schema, { type: [type, 'null'], ...options })

  const { description, default: defaultValue, ...inner } = schema as Record<string, unknown>
  const outer: Record<string, unknown> = { anyOf: [inner, { type: 'null' }], ...options }
  if (description !== undefined && outer.description === undefined) outer.description = description
  if (defaultValue !== undefined && outer.default === undefined) outer.default = defaultValue
  const wrapped = Type.Unsafe(outer) as unknown as S
  return Type.IsOptional(schema) ? (Type.Optional(wrapped) as unknown as S) : wrapped
}
