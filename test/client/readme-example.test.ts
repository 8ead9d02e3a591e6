// The README's "typed client in ten lines", run as written against the reference server and codex
// 0.169.0, type-checked first: only the package specifier (this checkout) and the command it starts differ.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { codexBinary } from '../../generator/compat/codex-output.js'
import type { StdioOptions } from '../../client/index.js'
import { serverBin } from '../server/helpers/spawn-server.js'
import { repoRoot, tempDir } from './helpers.js'

const COMMAND = "stdio({ command: 'codex', args: ['app-server'] })"

/** The first ts block of the README's client section. */
function readmeExample(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## A typed client in ten lines'))
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (!code) throw new Error('README.md has no ts block under "A typed client in ten lines"')
  return code
}

const homes = tempDir('client-readme-')
const scratch = tempDir('client-readme-code-')
afterAll(() => {
  homes.remove()
  scratch.remove()
})

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')],
  })
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

/** Writes the example with its specifier and command replaced; returns the file. */
function writeExample(name: string, target: StdioOptions): string {
  const code = readmeExample()
  expect(code.split('\n').filter((line) => line.trim() !== '').length).toBeLessThanOrEqual(10)
  expect(code).toContain(COMMAND)
  const runnable = code
    .replace("'codex-app-server-protocol'", JSON.stringify(join(repoRoot, 'client', 'index.js')))
    .replace(COMMAND, `stdio(${JSON.stringify(target)})`)
  const file = join(scratch.path, `${name}.mts`)
  writeFileSync(file, `${runnable}\nexport {}\n`)
  return file
}

async function runExample(name: string, target: StdioOptions): Promise<string[]> {
  const file = writeExample(name, target)
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  try {
    await import(pathToFileURL(file).href)
    return log.mock.calls.map((args) => args.join(' '))
  } finally {
    log.mockRestore()
  }
}

describe('the README client example', () => {
  test('type-checks as a user compiles it (strict, nodenext)', () => {
    expect(typeErrors(writeExample('typed', { command: 'codex', args: ['app-server'] }))).toEqual([])
  }, 120_000)

  test('runs against the reference server', async () => {
    const lines = await runExample('reference', { command: process.execPath, args: [serverBin, '--home', join(homes.path, 'reference')] })
    expect(lines).toEqual([expect.stringMatching(/^\d+ models; thread (\S+) started \1 at \d+$/)])
  })

  test('runs against codex 0.169.0', async () => {
    const bin = await codexBinary('0.169.0')
    mkdirSync(join(homes.path, 'codex'))
    const lines = await runExample('codex', { command: bin, args: ['app-server'], env: { ...process.env, CODEX_HOME: join(homes.path, 'codex') } })
    expect(lines).toEqual([expect.stringMatching(/^\d+ models; thread (\S+) started \1 at \d+$/)])
  }, 300_000)
})
