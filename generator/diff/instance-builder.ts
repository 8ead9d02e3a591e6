// Minimal instances of JSON Schema definitions: required fields only, first arms, first values,
// except along a route of member segments (`.field`, `#arm`, `:value`, `[]`, `{}`, as members.ts
// names them), which is followed to the member it leads to. Used for the example messages of
// protocol-diff and of the reference docs.
import type { SchemaNode } from '../../protocol/model/meta-model.js'
import { isRecord } from '../model/schema-nodes.js'
import { armTag, unionArms, unwrapNullable } from './members.js'
import { refTarget } from './snapshot.js'

const MAX_DEPTH = 48

/** Builds minimal instances of a bundle's definitions, following a route of segments. */
export class InstanceBuilder {
  /**
   * @param definitions the bundle's definitions by id (`Foo`, `v2/Foo`)
   * @param nullAtFocus give the member at the end of the route null when it may be null
   */
  constructor(private readonly definitions: ReadonlyMap<string, SchemaNode>, private readonly nullAtFocus = false) {}

  build(raw: SchemaNode, segments: string[], depth = 0): unknown {
    if (depth > MAX_DEPTH) return null
    const ref = refTarget(raw)
    if (ref !== undefined) {
      const target = this.definitions.get(ref)
      return target === undefined ? null : this.build(target, segments, depth + 1)
    }
    const { node, nullable } = unwrapNullable(raw)
    if (node !== raw && refTarget(node) !== undefined && segments.length > 0) return this.build(node, segments, depth + 1)
    if (segments.length === 0) {
      if (this.nullAtFocus && nullable) return null
      return this.minimal(node, depth)
    }
    const [segment, ...rest] = segments as [string, ...string[]]
    if (segment.startsWith(':')) return this.value(node, segment.slice(1))
    if (segment.startsWith('#')) {
      const arm = unionArms(node).find((candidate, index) => armTag(candidate, index) === segment.slice(1))
      return arm === undefined ? null : this.withSharedFields(node, this.build(arm, rest, depth + 1), depth)
    }
    if (segment === '[]') return [this.build(isRecord(node.items) ? node.items : {}, rest, depth + 1)]
    if (segment === '{}') return { key: this.build(isRecord(node.additionalProperties) ? node.additionalProperties : {}, rest, depth + 1) }
    const object = this.minimal(node, depth)
    const field = segment.slice(1)
    const properties = isRecord(node.properties) ? node.properties : {}
    if (!isRecord(object) || !isRecord(properties[field])) return object
    return { ...object, [field]: this.build(properties[field] as SchemaNode, rest, depth + 1) }
  }

  /** The union's own required fields (codex puts fields every arm shares beside the arms) and the arm's. */
  private withSharedFields(union: SchemaNode, arm: unknown, depth: number): unknown {
    if (!isRecord(union.properties) || !isRecord(arm)) return arm
    return { ...this.requiredFields(union, depth), ...arm }
  }

  private requiredFields(node: SchemaNode, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {}
    const properties = isRecord(node.properties) ? node.properties : {}
    for (const field of Array.isArray(node.required) ? node.required : []) {
      const schema = properties[String(field)]
      object[String(field)] = isRecord(schema) ? this.build(schema, [], depth + 1) : null
    }
    return object
  }

  private value(node: SchemaNode, text: string): unknown {
    const values = [node, ...unionArms(node)].flatMap((candidate) => (Array.isArray(candidate.enum) ? candidate.enum : []))
    return values.find((value) => String(value) === text) ?? text
  }

  private minimal(node: SchemaNode, depth: number): unknown {
    if (depth > MAX_DEPTH) return null
    const ref = refTarget(node)
    if (ref !== undefined) return this.build(node, [], depth)
    const { node: inner, nullable } = unwrapNullable(node)
    if (nullable && depth > 0) return null
    if ('const' in inner) return inner.const
    if (Array.isArray(inner.enum)) return inner.enum[0]
    const arms = unionArms(inner)
    if (arms.length > 0) return this.withSharedFields(inner, this.build(arms[0]!, [], depth + 1), depth)
    const type = Array.isArray(inner.type) ? inner.type[0] : inner.type
    switch (type) {
      case 'object': return this.requiredFields(inner, depth)
      case 'array': return []
      case 'string': return 'x'
      case 'integer': case 'number': return typeof inner.minimum === 'number' ? Math.max(inner.minimum, 0) : 0
      case 'boolean': return false
      default: return null
    }
  }
}
