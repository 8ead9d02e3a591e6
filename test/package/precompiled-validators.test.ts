// The package's precompiled validators agree with the Ajv schema validator: on every message of a
// client session against the reference server (offline methods, a turn with an approval), and on
// broken copies of each (a field of the wrong type, an integer out of its format's range).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connect, inProcess, type Variant } from '../../client/index.js'
import { createSchemaValidator, loadSchemaValidator, type MessageKind, type MessageValidator } from '../../client/validation/index.js'
import { versionPrefix } from '../../generator/layout.js'
import { VARIANTS } from '../../generator/package/entry-points.js'
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import { createLogger } from '../../server/log.js'
import { startServer, type RunningServer } from '../../server/server.js'
import { approvedTurn, offlineFlow, repoRoot, tempDir } from '../client/helpers.js'
import { builtPackage } from './built-package.js'

type Sample = [kind: MessageKind, method: string, part: 'params' | 'result', value: unknown]

/** The schema validator, keeping every message it was asked about. */
class CapturingValidator implements MessageValidator {
  readonly samples: Sample[] = []
  private readonly inner = loadSchemaValidator('stable', repoRoot)
  check(kind: MessageKind, method: string, part: 'params' | 'result', value: unknown): string | undefined {
    this.samples.push([kind, method, part, structuredClone(value)])
    return this.inner.check(kind, method, part, value)
  }
}

const work = tempDir('precompiled-work-')
let server: RunningServer
const captured = new CapturingValidator()
/** Each validator of the package (latest version, then older ones by version folder) and the schema validator of the same sources. */
const pairs: [label: string, folder: string, variant: Variant][] = SUPPORTED_VERSIONS.flatMap((version) => VARIANTS.map((variant) => [
  `${version} ${variant}`, versionPrefix(version, LATEST_VERSION).replace(/^v/, ''), variant,
] satisfies [string, string, Variant]))
let packageRequire: NodeRequire

beforeAll(async () => {
  packageRequire = createRequire(join(builtPackage(), 'package.json'))
  server = await startServer({ listen: { kind: 'none' }, home: join(work.path, 'home'), repoRoot, log: createLogger('off') })
  const client = await connect({ variant: 'stable', transport: inProcess(server.connect!), validator: captured, timeoutMs: 20_000 })
  await client.initialize({ clientInfo: { name: 'precompiled-test', version: '1.0.0' } })
  await offlineFlow(client, work.path)
  await approvedTurn(client, work.path)
  await client.close()
}, 240_000)

afterAll(async () => {
  await server?.close()
  work.remove()
})

/** Broken copies of a sample: each top-level field replaced by a value of another type, and by an integer too large for any format. */
function brokenCopies([kind, method, part, value]: Sample): Sample[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[kind, method, part, 42], [kind, method, part, 'x']]
  return Object.keys(value).flatMap((key) => [
    [kind, method, part, { ...value, [key]: { unexpected: true } }],
    [kind, method, part, { ...value, [key]: 2 ** 70 }],
    [kind, method, part, { ...value, [key]: -1.5 }],
  ] satisfies Sample[])
}

function schemaValidator(folder: string, variant: Variant): MessageValidator {
  const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as never
  const prefix = folder && `v${folder}`
  return createSchemaValidator({ variant, model: read(`generated/${prefix}meta-model.json`), bundle: read(`fixtures/${prefix}${variant}/codex_app_server_protocol.schemas.json`) })
}

describe.each(pairs)('the precompiled validator of %s', (_label, folder, variant) => {
  const precompiled = () => (packageRequire(`./dist/cjs/validators/${folder}${variant}.js`) as { validator: MessageValidator }).validator

  test('agrees with the schema validator on a session’s messages and broken copies of them', () => {
    const schema = schemaValidator(folder, variant)
    const samples = [...captured.samples, ...captured.samples.flatMap(brokenCopies)]
    expect(captured.samples.length).toBeGreaterThan(30)
    let invalid = 0
    for (const [kind, method, part, value] of samples) {
      const expected = schema.check(kind, method, part, value)
      const actual = precompiled().check(kind, method, part, value)
      if (expected !== undefined) invalid++
      // An integer out of range is worded by the bound (`must be <= 4294967295`) instead of the format name.
      if (expected?.includes('must match format')) expect(actual, `${kind} ${method} ${part} ${JSON.stringify(value)}`).toMatch(/must be [<>]=/)
      else expect(actual, `${kind} ${method} ${part} ${JSON.stringify(value)}`).toBe(expected)
    }
    expect(invalid).toBeGreaterThan(captured.samples.length)
  })

  test('answers methods and types it does not know as the schema validator does', () => {
    expect(precompiled().check('clientRequest', 'no/such', 'params', {})).toBe('no/such is not a clientRequest method of codex\'s protocol')
  })
})
