// A consumer's view of the package: `npm pack` it, install the tarball (no dependencies, so
// offline), and build and run a small client in projects of every module kind TypeScript and Node
// offer (nodenext, node16, bundler, node10 + CommonJS, plain `require`), each compiled with strict
// settings and library checking on. Every client spawns the reference server over stdio, runs
// initialize and model/list, and checks the result with the package's precompiled validator.
// The projects share one install (one tarball extraction instead of five keeps the test in bounds);
// each has its own package.json, tsconfig and module kind.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { repoRoot, tempDir } from '../client/helpers.js'
import { builtPackage } from './built-package.js'

const run = promisify(execFile)
const work = tempDir('consumer-projects-')
const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env: { ...process.env, npm_config_cache: join(work.path, 'npm-cache') } })
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc')
let packed: { filename: string; files: { path: string }[]; entryCount: number; size: number; unpackedSize: number }

interface Project {
  name: string
  type: 'module' | 'commonjs'
  /** compilerOptions besides the strict set every project has; absent for the plain JavaScript one. */
  options?: Record<string, unknown>
}

const STRICT = { strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, noEmitOnError: true, target: 'es2022', typeRoots: [join(repoRoot, 'node_modules/@types')], types: ['node'] }
const projects: Project[] = [
  { name: 'nodenext', type: 'module', options: { module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true } },
  { name: 'node16', type: 'module', options: { module: 'node16', moduleResolution: 'node16', verbatimModuleSyntax: true } },
  { name: 'bundler', type: 'module', options: { module: 'esnext', moduleResolution: 'bundler', verbatimModuleSyntax: true } },
  // verbatimModuleSyntax forbids `import` in a CommonJS output; node10 is the classic `moduleResolution: node`.
  { name: 'node10', type: 'commonjs', options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } },
  { name: 'require', type: 'commonjs' },
]

/** The client every TypeScript project compiles: imports of the client, a validator, types of two versions. */
const CLIENT_TS = `import { connect, stdio, type ErrorCodeValue } from 'codex-app-server-protocol'
import { validator } from 'codex-app-server-protocol/validators/stable'
import { type ModelListParams } from 'codex-app-server-protocol/stable'
import type { InitializeResponse } from 'codex-app-server-protocol/0.169.0/experimental'

export async function main(project: string, serverBin: string, home: string): Promise<string> {
  const client = await connect({ variant: 'stable', validator, transport: stdio({ command: process.execPath, args: [serverBin, '--home', home], env: { ...process.env, REFERENCE_APP_SERVER_LOG: 'error' } }) })
  const initialized: InitializeResponse = await client.initialize({ clientInfo: { name: project, version: '1.0.0' } })
  const params: ModelListParams = {}
  const models = await client.request('model/list', params)
  const problem = validator.check('clientRequest', 'model/list', 'result', models) ?? 'valid'
  const code: ErrorCodeValue = -32601
  await client.close()
  return \`\${project}: \${initialized.userAgent.split('/')[0]} listed \${models.data.length} models, result \${problem}, code \${code}\`
}
`
const CLIENT_JS = `const { connect, stdio } = require('codex-app-server-protocol')
const { validator } = require('codex-app-server-protocol/validators/stable')

exports.main = async function main(project, serverBin, home) {
  const client = await connect({ variant: 'stable', validator, transport: stdio({ command: process.execPath, args: [serverBin, '--home', home], env: { ...process.env, REFERENCE_APP_SERVER_LOG: 'error' } }) })
  const initialized = await client.initialize({ clientInfo: { name: project, version: '1.0.0' } })
  const models = await client.request('model/list', {})
  const problem = validator.check('clientRequest', 'model/list', 'result', models) ?? 'valid'
  await client.close()
  return \`\${project}: \${initialized.userAgent.split('/')[0]} listed \${models.data.length} models, result \${problem}, code -32601\`
}
`

beforeAll(async () => {
  const packageDir = builtPackage()
  const { stdout } = await npm(['pack', packageDir, '--json', '--pack-destination', work.path], work.path)
  packed = (JSON.parse(stdout) as (typeof packed)[])[0]!
  writeFileSync(join(work.path, 'package.json'), '{ "name": "consumers", "private": true }\n')
  await npm(['install', '--offline', join(work.path, packed.filename)], work.path)
}, 300_000)

afterAll(() => work.remove())

describe('the packed package', () => {
  test('contains no tests or benchmarks, and the installed package has no dependencies', () => {
    const paths = packed.files.map((file) => file.path)
    expect(paths.filter((path) => /(^|\/)(test|tests|bench|\.ci)\/|\.test\.|\.test-d\./.test(path))).toEqual([])
    expect(paths).toContain('dist/cjs/validators/stable.js')
    const installed = JSON.parse(readFileSync(join(work.path, 'node_modules/codex-app-server-protocol/package.json'), 'utf8')) as Record<string, unknown>
    expect(installed.dependencies).toBeUndefined()
    expect(installed.peerDependenciesMeta).toEqual({ ws: { optional: true } })
    console.log(`codex-app-server-protocol: ${packed.entryCount} files, ${(packed.size / 1e6).toFixed(1)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(1)} MB unpacked`)
  })
})

describe.each(projects)('a $name project', (project) => {
  test('compiles with strict settings and runs a client against the reference server', async () => {
    const dir = join(work.path, project.name)
    mkdirSync(dir)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${project.name}`, private: true, type: project.type }))
    const extension = project.type === 'module' ? 'mjs' : 'cjs'
    if (project.options) {
      writeFileSync(join(dir, 'client.ts'), CLIENT_TS)
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, ...project.options, outDir: 'out' }, files: ['client.ts'] }))
      const compiled = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }))
      expect(compiled.stdout).toBe('')
    } else {
      mkdirSync(join(dir, 'out'))
      writeFileSync(join(dir, 'out/client.js'), CLIENT_JS)
    }
    const runner = project.type === 'module'
      ? `import { main } from './out/client.js'\nconsole.log(await main(...process.argv.slice(2)))\n`
      : `require('./out/client.js').main(...process.argv.slice(2)).then(console.log)\n`
    writeFileSync(join(dir, `run.${extension}`), runner)
    const { stdout } = await run(process.execPath, [join(dir, `run.${extension}`), project.name, join(repoRoot, 'bin/reference-app-server.js'), join(dir, 'home')], { cwd: dir, timeout: 60_000 })
    expect(stdout.trim()).toMatch(new RegExp(`^${project.name}: ${project.name} listed [1-9]\\d* models, result valid, code -32601$`))
  }, 120_000)
})
