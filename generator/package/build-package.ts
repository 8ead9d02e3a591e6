// Builds the consumer package `codex-app-server-protocol` into packages/codex-app-server-protocol/
// (all of it build output): the client and the generated types compiled to ESM and CommonJS with
// declarations, precompiled validators, the JSON Schemas, meta models and OpenRPC documents of every
// supported codex version, and a package.json with no dependencies. Run by `npm run prepare`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type * as TypeScript from 'typescript'
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import { metaModelFile, versionPrefix } from '../layout.js'
import { compile } from './compile.js'
import { entryPoints, packageJson, PACKAGE_NAME, validatorFile, VARIANTS } from './entry-points.js'
import { methodTable, precompileValidators } from './precompile-validators.js'

export const PACKAGE_DIR = `packages/${PACKAGE_NAME}`
const BUNDLE_FILES = ['codex_app_server_protocol.schemas.json', 'codex_app_server_protocol.v2.schemas.json']
const USAGE = `usage: node bin/build-package.js [--out DIR]
Builds the consumer package into ${PACKAGE_DIR}/ (or DIR), replacing what is there.
`

export async function main(args: string[], repoRoot: string, ts: typeof TypeScript): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(USAGE)
    return 0
  }
  const outIndex = args.indexOf('--out')
  const unknown = args.filter((arg, index) => arg !== '--out' && (outIndex < 0 || index !== outIndex + 1))
  if (unknown.length > 0 || (outIndex >= 0 && !args[outIndex + 1])) {
    process.stderr.write(`build-package: ${unknown.length > 0 ? `unknown argument ${unknown[0]}` : '--out needs a folder'}\n${USAGE}`)
    return 2
  }
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]!) : join(repoRoot, PACKAGE_DIR)
  const started = performance.now()
  try {
    const summary = buildPackage(ts, repoRoot, out)
    process.stdout.write(`build-package: ${PACKAGE_NAME} in ${out}: ${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
    return 0
  } catch (error) {
    process.stderr.write(`build-package: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}

export function buildPackage(ts: typeof TypeScript, repoRoot: string, out: string): string {
  const versions = SUPPORTED_VERSIONS
  const entries = entryPoints(versions, LATEST_VERSION)
  refuseForeignFolder(out)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const sources = [...new Set(entries.flatMap((entry) => (entry.source ? [entry.source] : []))), 'client/validation/precompiled.ts']
  const typeEntries = new Set(entries.filter((entry) => entry.source?.startsWith('generated/')).map((entry) => `${entry.file}.js`))
  // The generated types' declarations are written once, in the CommonJS build: importing a CommonJS
  // module's types is allowed from both module kinds, the reverse is not.
  compile(ts, repoRoot, sources, 'cjs', join(out, 'dist/cjs'), typeEntries)
  compile(ts, repoRoot, sources, 'esm', join(out, 'dist/esm'), typeEntries, join(out, 'dist/cjs'))
  let validatorBytes = 0
  for (const version of versions) validatorBytes += writeValidators(repoRoot, out, version)
  for (const version of versions) copyVersionData(repoRoot, out, version)
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Parameters<typeof packageJson>[0]
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(packageJson(root, entries, versions, LATEST_VERSION), null, 2)}\n`)
  copyFileSync(join(repoRoot, 'generator/package/README.md'), join(out, 'README.md'))
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length
  return `${files} files, ${entries.length} entry points, validators ${(validatorBytes / 1e6).toFixed(1)} MB`
}

/**
 * Per version and variant: the standalone validate functions and the method table, once, as
 * CommonJS (`dist/validators/[<version>/]<variant>/*.cjs`), and the two entry modules that load
 * them (ESM and CommonJS), so the 2–3 MB of generated code ships once. Returns its total size.
 */
function writeValidators(repoRoot: string, out: string, version: string): number {
  const model = readJson(join(repoRoot, metaModelFile(version, LATEST_VERSION))) as Parameters<typeof methodTable>[0]
  let bytes = 0
  for (const variant of VARIANTS) {
    const bundle = readJson(join(repoRoot, `fixtures/${versionPrefix(version, LATEST_VERSION)}${variant}`, BUNDLE_FILES[0]!)) as Record<string, unknown>
    const { code } = precompileValidators(bundle, model)
    bytes += code.length
    const file = validatorFile(version, variant, LATEST_VERSION)
    const data = join(out, 'dist', file)
    mkdirSync(data, { recursive: true })
    writeFileSync(join(data, 'checks.cjs'), code)
    writeFileSync(join(data, 'methods.cjs'), `"use strict";\nmodule.exports = ${JSON.stringify(methodTable(model))};\n`)
    for (const format of ['esm', 'cjs'] as const) {
      const entry = join(out, 'dist', format, file)
      const from = (target: string) => JSON.stringify(relative(dirname(entry), target).split(sep).join('/'))
      const [checks, methods] = [from(join(data, 'checks.cjs')), from(join(data, 'methods.cjs'))]
      const precompiled = from(join(out, 'dist', format, 'client/validation/precompiled.js'))
      mkdirSync(dirname(entry), { recursive: true })
      writeFileSync(`${entry}.d.ts`, `import type { MessageValidator } from ${from(join(out, 'dist', format, 'client/validation/message-validator.js'))};
/** Checks every message of the ${variant} variant of codex ${version} against its schemas (precompiled; for the client's \`validator\` option or on its own). */
export declare const validator: MessageValidator;
`)
      writeFileSync(`${entry}.js`, format === 'esm'
        ? `import checks from ${checks};\nimport methods from ${methods};\nimport { precompiledValidator } from ${precompiled};\nexport const validator = precompiledValidator('${variant}', methods, checks);\n`
        : `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst { precompiledValidator } = require(${precompiled});\nexports.validator = precompiledValidator('${variant}', require(${methods}), require(${checks}));\n`)
    }
  }
  return bytes
}

/** The schema bundles, meta model and OpenRPC documents of one version (the latest's at the top level). */
function copyVersionData(repoRoot: string, out: string, version: string): void {
  const prefix = versionPrefix(version, LATEST_VERSION)
  const target = prefix ? `${version}/` : ''
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(join(out, to)), { recursive: true })
    copyFileSync(join(repoRoot, from), join(out, to))
  }
  copy(metaModelFile(version, LATEST_VERSION), `${target}meta-model.json`)
  for (const variant of VARIANTS) {
    for (const file of BUNDLE_FILES) copy(`fixtures/${prefix}${variant}/${file}`, `schemas/${target}${variant}/${file}`)
    copy(`generated/${prefix}${variant}/openrpc.json`, `openrpc/${target}${variant}.json`)
  }
}

/** The output folder is emptied first: only an empty folder or an earlier build may be. */
function refuseForeignFolder(out: string): void {
  if (!existsSync(out) || readdirSync(out).length === 0) return
  const manifest = join(out, 'package.json')
  const name = existsSync(manifest) ? (readJson(manifest) as { name?: unknown }).name : undefined
  if (name !== PACKAGE_NAME) throw new Error(`${out} is not empty and holds no earlier build of ${PACKAGE_NAME}; not replacing it`)
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}
