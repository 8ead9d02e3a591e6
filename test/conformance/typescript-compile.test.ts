// The generated TypeScript of both variants compiles with zero errors under the strictest settings
// an SDK might use, for both module resolutions the output promises (nodenext and bundler).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const REPO = join(import.meta.dirname, '..', '..')
const VARIANTS = ['stable', 'experimental']

function generatedFiles(): string[] {
  return VARIANTS.flatMap((variant) => {
    const dir = join(REPO, 'generated', variant)
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
  })
}

const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: [],
  skipLibCheck: false,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
}

function diagnosticsOf(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, options)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(REPO.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}

describe('generated TypeScript', () => {
  const files = generatedFiles()

  test('both variants have the files to compile', () => {
    expect(files.length).toBeGreaterThan(1500)
  })

  test('compiles with zero errors under nodenext', () => {
    const errors = diagnosticsOf(files, { ...STRICT, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext })
    expect(errors.slice(0, 20)).toEqual([])
  }, 60_000)

  test('compiles with zero errors under bundler resolution', () => {
    const errors = diagnosticsOf(files, { ...STRICT, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler })
    expect(errors.slice(0, 20)).toEqual([])
  }, 60_000)
})
