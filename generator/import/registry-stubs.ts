// Registry stubs for a retarget (`import-json-schema --new-only`): one entry per method codex has
// and protocol/ lacks, typed as the registry's tables. What the bundle cannot say is left out on
// purpose: a client request has no `scope`, and a request whose result codex's JSON does not name
// has no `result`, so the stub does not compile until a person decides them. Methods protocol/
// has and codex no longer does are listed for a `removed` annotation.
import { relative } from 'node:path'
import type { Direction } from '../../protocol/model/meta-model.js'
import { type Definition, payloadsByMethod } from './import-bundle.js'

const TABLE: Record<string, { table: string; type: string; direction: Direction }> = {
  ClientRequest: { table: 'clientRequests', type: 'ClientRequestDef', direction: 'clientRequest' },
  ServerRequest: { table: 'serverRequests', type: 'ServerRequestDef', direction: 'serverRequest' },
  ServerNotification: { table: 'serverNotifications', type: 'ServerNotificationDef', direction: 'serverNotification' },
  ClientNotification: { table: 'clientNotifications', type: 'ClientNotificationDef', direction: 'clientNotification' },
}

export interface StubInput {
  version: string
  /** The full (experimental) bundle's definitions and the stable one's, if given. */
  defs: Map<string, Definition>
  stableDefs?: Map<string, Definition>
  /** Methods protocol/ defines in any version, and in its latest, by direction. */
  knownMethods: Map<Direction, Set<string>>
  latestMethods: Map<Direction, Set<string>>
  /** Family of every type: the known ones (protocol/) and the newly imported ones. */
  familyOf: Map<string, { family: string; isNew: boolean }>
  /** Where the stub file goes and where protocol/ is, to write import paths. */
  outDir: string
  protocolDir: string
}

export function registryStubs(input: StubInput): { source: string; count: number } {
  const imports = new Map<string, string>()
  const ref = (type: string): string | undefined => {
    const where = input.familyOf.get(type)
    if (!where) return undefined
    const alias = where.family.split('/').pop()!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    const module = where.isNew ? `./${where.family}.js` : `${relative(input.outDir, `${input.protocolDir}/${where.family}`).split('\\').join('/')}.js`
    const name = `${where.isNew ? 'incoming' : 'existing'}${alias.charAt(0).toUpperCase()}${alias.slice(1)}`
    imports.set(name, module.startsWith('.') ? module : `./${module}`)
    return `${name}.${type}`
  }
  const tables: string[] = []
  let count = 0
  for (const [union, { table, type, direction }] of Object.entries(TABLE)) {
    const arms = methodsOf(input.defs, union)
    const stable = input.stableDefs ? new Set(methodsOf(input.stableDefs, union).keys()) : undefined
    const known = input.knownMethods.get(direction) ?? new Set<string>()
    const entries: string[] = []
    for (const [method, params] of arms) {
      if (known.has(method)) continue
      count++
      const fields = [`method: '${method}'`]
      const paramsRef = params && ref(params)
      if (params) fields.push(paramsRef ? `params: ${paramsRef}` : `/* params: ${params}, not found */`)
      else if (direction === 'clientRequest') fields.push('params: noParams')
      if (direction === 'clientRequest' || direction === 'serverRequest') {
        const result = params?.replace(/Params$/, 'Response')
        const resultRef = result && result !== params ? ref(result) : undefined
        // Left out when unknown: codex's JSON names no result types, and the stub must not compile with a guess.
        if (resultRef) fields.push(`result: ${resultRef} /* guessed from the params name: check it against the live server */`)
      }
      if (stable && !stable.has(method)) fields.push('experimental: true')
      fields.push(`added: '${input.version}'`, `description: 'TODO: one line in our own words'`)
      // No scope on client requests: deciding it is the maintainer's job, and the compiler insists.
      entries.push(`  { ${fields.join(', ')} },`)
    }
    const removed = [...(input.latestMethods.get(direction) ?? [])].filter((m) => !arms.has(m)).map((m) => `  // ${m}: not in codex ${input.version}; mark its registry entry removed: '${input.version}'`)
    if (entries.length + removed.length > 0) tables.push(`export const ${table}: ${type}[] = [\n${[...entries, ...removed].join('\n')}\n]\n`)
  }
  const dslPath = relative(input.outDir, `${input.protocolDir}/dsl/index.js`).split('\\').join('/')
  const head = [
    `// Methods new in codex ${input.version}, written by import-json-schema --new-only. Move each entry into`,
    '// its table in protocol/registry.ts (it keeps the table order codex uses), then delete this file.',
    '// Entries do not compile until each client request has a scope and each request a result.',
    `import { noParams, scope, type ClientNotificationDef, type ClientRequestDef, type ServerNotificationDef, type ServerRequestDef } from '${dslPath.startsWith('.') ? dslPath : `./${dslPath}`}'`,
    ...[...imports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, module]) => `import * as ${name} from '${module}'`),
    '',
    'void noParams',
    'void scope',
    '',
  ]
  return { source: `${head.join('\n')}\n${tables.join('\n')}`, count }
}

/** Method → params type name, of one message union, in codex's order. */
function methodsOf(defs: Map<string, Definition>, union: string): Map<string, string | undefined> {
  const only = new Map([...defs].filter(([name]) => name === union))
  return new Map([...payloadsByMethod(only)].map(([method, { params }]) => [method, params]))
}
