// The model's named types with the facts the meta model states about their schemas: the shape of
// each union node and which types are absolute paths. Readers ask these instead of classifying
// schemas themselves.
import type { MetaModel, PathLocation, SchemaNode, UnionShape } from '../../protocol/model/meta-model.js'
import { forEachNode } from '../../protocol/model/json-data.js'

export class ModelTypes extends Map<string, SchemaNode> {
  readonly #unions: MetaModel['unions']
  /** Union shapes by schema node object, built on first use: only failed validations need them. */
  #unionShapes: Map<SchemaNode, UnionShape> | undefined
  readonly #absolutePathTypes: ReadonlySet<string>
  readonly #absolutePaths: Readonly<Record<string, PathLocation[]>>

  constructor(file: Pick<MetaModel, 'types' | 'unions' | 'absolutePaths'>) {
    super(file.types.map((type) => [type.name, type.schema]))
    this.#unions = file.unions
    this.#absolutePathTypes = new Set(file.types.filter((type) => type.absolutePath).map((type) => type.name))
    this.#absolutePaths = file.absolutePaths
  }

  /** The stated shape of a union node of one of these schemas, or undefined for any other node. */
  unionShapeOf(node: SchemaNode): UnionShape | undefined {
    this.#unionShapes ??= this.#pairUnionShapes()
    return this.#unionShapes.get(node)
  }

  // Pairs each union node with its stated shape by walking the schemas the way the model keys them.
  #pairUnionShapes(): Map<SchemaNode, UnionShape> {
    const byNode = new Map<SchemaNode, UnionShape>()
    for (const [name, schema] of this) {
      const shapes = this.#unions[name]
      if (!shapes) continue
      forEachNode(schema, (node, path) => {
        const shape = shapes[path]
        if (shape) byNode.set(node, shape)
      })
    }
    return byNode
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
