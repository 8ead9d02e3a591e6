// What protocol/ already defines, for an import of only what is new (`--new-only`): every declared
// type with the file it lives in (`v2/thread`, `v1/initialize`, `envelope`), the methods of each
// direction in any supported version, and the file of each method's first path segment.
import type { Direction } from '../../protocol/model/meta-model.js'

export interface KnownDefinitions {
  typeFamilies: Map<string, string>
  methods: Map<Direction, Set<string>>
  methodFamilies: Map<string, string>
  /** The methods of the latest supported version, by direction (what a new release may remove). */
  latestMethods: Map<Direction, Set<string>>
}

export async function knownDefinitions(): Promise<KnownDefinitions> {
  const { protocol } = await import('../../protocol/index.js')
  const { buildModel } = await import('../model/build-model.js')
  const fileOf = (family: string) => (family.startsWith('v1/') || family === 'envelope' ? family : `v2/${family}`)
  const typeFamilies = new Map<string, string>()
  for (const [family, types] of Object.entries(protocol.families ?? {})) for (const type of types) if (!typeFamilies.has(type.name)) typeFamilies.set(type.name, fileOf(family))
  const methods = new Map<Direction, Set<string>>()
  const methodFamilies = new Map<string, string>()
  const latestMethods = new Map<Direction, Set<string>>()
  for (const version of protocol.versions) {
    for (const m of buildModel(protocol, version).methods) {
      if (version === protocol.versions[protocol.versions.length - 1] && !m.tsOnly) latestMethods.set(m.direction, (latestMethods.get(m.direction) ?? new Set()).add(m.method))
      methods.set(m.direction, (methods.get(m.direction) ?? new Set()).add(m.method))
      const prefix = m.method.split('/')[0]!
      if (m.family && !methodFamilies.has(prefix)) methodFamilies.set(prefix, fileOf(m.family))
    }
  }
  return { typeFamilies, methods, methodFamilies, latestMethods }
}
