// `import-json-schema`: writes DSL source for the types of an existing JSON Schema bundle.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { importBundle } from './import-bundle.js'

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
  -h, --help            show this help
`

export async function main(argv: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        bundle: { type: 'string' }, 'stable-bundle': { type: 'string' }, reasons: { type: 'string' }, 'ts-dir': { type: 'string' },
        families: { type: 'string' }, only: { type: 'string' }, exclude: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
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
  try {
    const families = importBundle({
      bundle: resolve(values.bundle),
      stableBundle: values['stable-bundle'] && resolve(values['stable-bundle']),
      reasons: values.reasons && resolve(values.reasons),
      tsDir: values['ts-dir'] && resolve(values['ts-dir']),
      families: values.families ? JSON.parse(await readFile(values.families, 'utf8')) : undefined,
      only: values.only?.split(',').filter(Boolean),
      exclude: values.exclude?.split(',').filter(Boolean),
    })
    for (const family of families) {
      const path = join(resolve(values.out), `${family.family}.ts`)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, family.source)
      process.stdout.write(`${family.family}.ts: ${family.types.length} types\n`)
    }
    return 0
  } catch (error) {
    process.stderr.write(`${NAME}: ${(error as Error).message}\n`)
    return 1
  }
}
