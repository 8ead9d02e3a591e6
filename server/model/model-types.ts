// The model's named types with the facts the meta model states about their schemas: the shape of
// each union node and which types are absolute paths. Readers ask these instead of classifying
// schemas themselves.
import type { MetaModel, PathLocation, SchemaNode, UnionShape } from '../../protocol/model/meta-model.js'
import { forEachNode } from '../../protocol/model/json-data.js'

export class ModelTypes extends Map<string, SchemaNode> {
  /** Union shapes by schema node object (the nodes of this model's own type schemas). */
  readonly #unionShapes = new Map<SchemaNode, UnionShape>()
  readonly #absolutePathTypes: ReadonlySet<string>
  readonly #absolutePaths: Readonly<Record<string, PathLocation[]>>

  constructor(file: Pick<MetaModel, 'types' | 'unions' | 'absolutePaths'>) {
    super(file.types.map((type) => [type.name, type.schema]))
    this.#absolutePathTypes = new Set(file.types.filter((type) => type.absolutePath).map((type) => type.name))
    this.#absolutePaths = file.absolutePaths
    for (const type of file.types) {
      const shapes = file.unions[type.name]
      if (!shapes) continue
      // Pair each union node with its stated shape by walking the schema the way the model keys it.
      forEachNode(type.schema, (node, path) => {
        const shape = shapes[path]
        if (shape) this.#unionShapes.set(node, shape)
      })
    }
  }

  /** The stated shape of a union node of one of these schemas, or undefined for any other node. */
  unionShapeOf(node: SchemaNode): UnionShape | undefined {
    return this.#unionShapes.get(node)
  }

  /** True for string types whose values must be absolute paths. */
  isAbsolutePathType(name: string): boolean {
    return this.#absolutePathTypes.has(name)
  }

  /** Names of the absolute-path string types. */
  get absolutePathTypes(): ReadonlySet<string> {
    return this.#absolutePathTypes
  }

  /** Where absolute paths sit in a value of the named type (empty when it holds none). */
  absolutePathsOf(name: string): readonly PathLocation[] {
    return this.#absolutePaths[name] ?? []
  }
}
