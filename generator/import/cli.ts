// `import-json-schema`: writes DSL source for the types of an existing JSON Schema bundle.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { importBundle, readDefinitions } from './import-bundle.js'
import { knownDefinitions } from './known-definitions.js'
import { registryStubs } from './registry-stubs.js'

const NAME = 'import-json-schema'
const USAGE = `Usage: ${NAME} --bundle FILE --out DIR [options]

Writes definition source (one file per family) for the types of a JSON Schema bundle in codex's
layout, as a starting point to review, describe in your own words, and then maintain.

Options:
  --bundle FILE         the full bundle (codex_app_server_protocol.schemas.json of --experimental output)
  --stable-bundle FILE  the stable bundle: members missing there are marked experimental
  --reasons FILE        TSV (type_name, field_or_variant, reason) naming experimental reasons
  --ts-dir DIR          TypeScript output of the same protocol, for field declaration order
  --families FILE       JSON object mapping type names to families (e.g. "v2/thread")
  --only NAMES          comma-separated types: import only what they reach
  --exclude NAMES       comma-separated types to leave out
  --out DIR             folder to write the family files into (e.g. protocol/)
  --new-only VERSION    import only what protocol/ lacks, marked added in codex VERSION, and write
                        registry-stubs.ts with an entry per new method (it does not compile until
                        each client request has a scope); --out must be a new folder inside
                        protocol/ (e.g. protocol/incoming). See docs/retarget.md.
  -h, --help            show this help
`

/** A relative module specifier from a folder to a file. */
function importPath(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split('\\').join('/')
  return path.startsWith('.') ? path : `./${path}`
}

export async function main(argv: string[], repoRoot = process.cwd()): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        bundle: { type: 'string' }, 'stable-bundle': { type: 'string' }, reasons: { type: 'string' }, 'ts-dir': { type: 'string' },
        families: { type: 'string' }, only: { type: 'string' }, exclude: { type: 'string' }, out: { type: 'string' }, 'new-only': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message} (see --help)\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (!values.bundle || !values.out) {
    process.stderr.write(`${NAME}: --bundle and --out are required (see --help)\n`)
    return 2
  }
  const newOnlyVersion = values['new-only']
  if (newOnlyVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(newOnlyVersion)) {
    process.stderr.write(`${NAME}: --new-only needs the codex version being imported, such as 0.172.0, not "${newOnlyVersion}" (see --help)\n`)
    return 2
  }
  const outDir = resolve(values.out)
  if (newOnlyVersion !== undefined && existsSync(outDir)) {
    process.stderr.write(`${NAME}: --new-only writes into a new folder, and ${values.out} exists (nothing written)\n`)
    return 2
  }
  try {
    const known = newOnlyVersion ? await knownDefinitions() : undefined
    const families = importBundle({
      bundle: resolve(values.bundle),
      stableBundle: values['stable-bundle'] && resolve(values['stable-bundle']),
      reasons: values.reasons && resolve(values.reasons),
      tsDir: values['ts-dir'] && resolve(values['ts-dir']),
      families: values.families ? JSON.parse(await readFile(values.families, 'utf8')) : undefined,
      only: values.only?.split(',').filter(Boolean),
      exclude: values.exclude?.split(',').filter(Boolean),
      ...(known && newOnlyVersion ? {
        newOnly: { known: known.typeFamilies, methodFamilies: known.methodFamilies, addedIn: newOnlyVersion },
        dslModule: (family: string) => importPath(dirname(join(outDir, family)), join(repoRoot, 'protocol', 'dsl', 'index.js')),
      } : {}),
    })
    for (const family of families) {
      const path = join(resolve(values.out), `${family.family}.ts`)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, family.source)
      process.stdout.write(`${family.family}.ts: ${family.types.length} types\n`)
    }
    if (known && newOnlyVersion) {
      const familyOf = new Map([...known.typeFamilies].map(([type, family]) => [type, { family, isNew: false }]))
      for (const family of families) for (const type of family.types) familyOf.set(type, { family: family.family, isNew: true })
      const stubs = registryStubs({
        version: newOnlyVersion, defs: readDefinitions(resolve(values.bundle)), stableDefs: values['stable-bundle'] ? readDefinitions(resolve(values['stable-bundle'])) : undefined,
        knownMethods: known.methods, latestMethods: known.latestMethods, familyOf, outDir, protocolDir: join(repoRoot, 'protocol'),
      })
      await mkdir(outDir, { recursive: true })
      await writeFile(join(outDir, 'registry-stubs.ts'), stubs.source)
      process.stdout.write(`registry-stubs.ts: ${stubs.count} new methods\n`)
    }
    return 0
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message}\n`)
    return 1
  }
}
