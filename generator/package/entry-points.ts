// The entry points of the consumer package and the package.json that maps them: each subpath to
// the compiled JavaScript and declarations of both builds (ESM under `import`, CommonJS under
// `require`), plus `typesVersions` for TypeScript's node10 resolution, which ignores `exports`.
import { versionPrefix } from '../layout.js'

export const PACKAGE_NAME = 'codex-app-server-protocol'
export const VARIANTS = ['stable', 'experimental'] as const

/** An entry point: its subpath and the file (relative to dist/esm and dist/cjs, without extension) it loads. */
export interface EntryPoint {
  subpath: string
  file: string
  /** The TypeScript source the file is compiled from; absent for files the build writes itself. */
  source?: string
}

export function entryPoints(versions: readonly string[], latest: string): EntryPoint[] {
  const entries: EntryPoint[] = [
    { subpath: '.', file: 'client/index', source: 'client/index.ts' },
    { subpath: './client', file: 'client/index', source: 'client/index.ts' },
  ]
  for (const variant of VARIANTS) {
    const file = `generated/${variant}/index`
    entries.push({ subpath: `./${variant}`, file, source: `${file}.ts` })
  }
  for (const version of versions) {
    for (const variant of VARIANTS) {
      const file = `generated/${versionPrefix(version, latest)}${variant}/index`
      entries.push({ subpath: `./${version}/${variant}`, file, source: `${file}.ts` })
    }
  }
  for (const variant of VARIANTS) entries.push({ subpath: `./validators/${variant}`, file: validatorFile(latest, variant, latest) })
  for (const version of versions) {
    for (const variant of VARIANTS) entries.push({ subpath: `./validators/${version}/${variant}`, file: validatorFile(version, variant, latest) })
  }
  return entries
}

/** The file of a version's validator entry (relative to dist/esm and dist/cjs); the latest's is not in a version folder. */
export function validatorFile(version: string, variant: string, latest: string): string {
  return `validators/${version === latest ? '' : `${version}/`}${variant}`
}

interface Manifest {
  name: string
  version: string
  description: string
  license: string
}

/** The consumer package's package.json. */
export function packageJson(root: Manifest, entries: readonly EntryPoint[], versions: readonly string[], latest: string): Record<string, unknown> {
  const exportsMap: Record<string, unknown> = {}
  const typesVersions: Record<string, string[]> = {}
  for (const entry of entries) {
    exportsMap[entry.subpath] = {
      import: { types: `./dist/esm/${entry.file}.d.ts`, default: `./dist/esm/${entry.file}.js` },
      require: { types: `./dist/cjs/${entry.file}.d.ts`, default: `./dist/cjs/${entry.file}.js` },
    }
    if (entry.subpath !== '.') typesVersions[entry.subpath.slice(2)] = [`dist/cjs/${entry.file}.d.ts`]
  }
  // The data of older versions sits below a version folder; the latest's at the top, and under its
  // version's paths too (aliases, not copies).
  exportsMap['./meta-model.json'] = './meta-model.json'
  for (const version of versions) {
    const folder = version === latest ? '' : `${version}/`
    exportsMap[`./${version}/meta-model.json`] = `./${folder}meta-model.json`
    exportsMap[`./schemas/${version}/*`] = `./schemas/${folder}*`
    exportsMap[`./openrpc/${version}/*`] = `./openrpc/${folder}*`
  }
  exportsMap['./schemas/*'] = './schemas/*'
  exportsMap['./openrpc/*'] = './openrpc/*'
  exportsMap['./package.json'] = './package.json'
  return {
    name: PACKAGE_NAME,
    version: root.version,
    description: 'Types, JSON Schemas, precompiled validators and a typed client for the Codex app-server JSON-RPC protocol',
    license: root.license,
    type: 'module',
    // Only Node's own modules are used (node:child_process, node:net, …); 20.19 is the oldest Node tested.
    engines: { node: '>=20.19' },
    sideEffects: false,
    main: './dist/cjs/client/index.js',
    module: './dist/esm/client/index.js',
    types: './dist/cjs/client/index.d.ts',
    exports: exportsMap,
    typesVersions: { '*': typesVersions },
    // Only the websocket and unix-socket transports load it, on first use.
    peerDependencies: { ws: '^8.0.0' },
    peerDependenciesMeta: { ws: { optional: true } },
  }
}
