// Type-checks a set of in-memory TypeScript files (paths relative to a virtual root) with the
// compiler API, as an SDK would compile generated output. Returns one line per diagnostic.
import ts from 'typescript'

const ROOT = '/in-memory/'

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  verbatimModuleSyntax: true,
}

export function compileInMemory(files: Map<string, string>, options: ts.CompilerOptions = STRICT_OPTIONS): string[] {
  const host = ts.createCompilerHost(options)
  const inMemory = (name: string) => (name.startsWith(ROOT) ? name.slice(ROOT.length) : undefined)
  const { getSourceFile, fileExists, readFile, directoryExists } = host
  host.getSourceFile = (name, version, ...rest) => {
    const path = inMemory(name)
    if (path === undefined) return getSourceFile.call(host, name, version, ...rest)
    const text = files.get(path)
    return text === undefined ? undefined : ts.createSourceFile(name, text, version)
  }
  host.fileExists = (name) => {
    const path = inMemory(name)
    return path === undefined ? fileExists.call(host, name) : files.has(path)
  }
  host.readFile = (name) => {
    const path = inMemory(name)
    return path === undefined ? readFile.call(host, name) : files.get(path)
  }
  host.directoryExists = (name) => {
    const path = inMemory(`${name.replace(/\/$/, '')}/`)
    if (path === undefined) return directoryExists?.call(host, name) ?? ts.sys.directoryExists(name)
    return path === '' || [...files.keys()].some((file) => file.startsWith(path))
  }
  host.realpath = (name) => name
  const program = ts.createProgram([...files.keys()].map((file) => `${ROOT}${file}`), options, host)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(ROOT, '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
  })
}
