// Compiles the package's TypeScript entry points (and everything they import) with the TypeScript
// compiler API, once as ES modules and once as CommonJS, JavaScript and declarations side by side.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type * as TypeScript from 'typescript'

export type ModuleFormat = 'esm' | 'cjs'

/**
 * Compiles `sources` (paths relative to `repoRoot`) into `outDir`, keeping their folders. The
 * generated type modules contain types only: of their JavaScript just the entry files
 * (`entryScripts`) are written, empty modules that let `import { type X }` load at run time.
 * With `typesIn` (the other build's folder), their declarations are not written again: each entry's
 * declaration re-exports the other build's, which halves the package's file count (thousands of
 * files per variant). Throws with the compiler's messages on any error.
 */
export function compile(ts: typeof TypeScript, repoRoot: string, sources: readonly string[], format: ModuleFormat, outDir: string, entryScripts: ReadonlySet<string>, typesIn?: string): void {
  const options: TypeScript.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: format === 'esm' ? ts.ModuleKind.NodeNext : ts.ModuleKind.CommonJS,
    moduleResolution: format === 'esm' ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Node10,
    // The CommonJS build needs it to load `ws` (a CommonJS module) the way the sources import it.
    esModuleInterop: true,
    strict: true,
    noUncheckedIndexedAccess: true,
    declaration: true,
    rootDir: repoRoot,
    outDir,
    types: ['node'],
    typeRoots: [join(repoRoot, 'node_modules/@types')],
    skipLibCheck: true,
    noEmitOnError: true,
    newLine: ts.NewLineKind.LineFeed,
  }
  const program = ts.createProgram(sources.map((source) => join(repoRoot, source)), options)
  const result = program.emit(undefined, (fileName, text) => {
    const file = relative(outDir, fileName)
    if (file.startsWith('generated/')) {
      const script = file.replace(/\.d\.ts$/, '.js')
      const isEntry = entryScripts.has(script)
      if (!isEntry && (file.endsWith('.js') || typesIn)) return
      if (isEntry && typesIn && file.endsWith('.d.ts')) text = `export type * from '${relative(dirname(fileName), join(typesIn, script))}';\n`
    }
    mkdirSync(dirname(fileName), { recursive: true })
    writeFileSync(fileName, text)
  })
  const problems = [...new Set([...ts.getPreEmitDiagnostics(program), ...result.diagnostics])].filter((d) => d.category === ts.DiagnosticCategory.Error)
  if (problems.length > 0 || result.emitSkipped) {
    const host = { getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n' }
    throw new Error(`the ${format} build failed:\n${ts.formatDiagnostics(problems.slice(0, 20), host)}`)
  }
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: format === 'esm' ? 'module' : 'commonjs' })}\n`)
}
