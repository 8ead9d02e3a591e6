// `check:handlers`: conformance of the request handlers with the protocol.
//   - lists every client request method as implemented or not, grouped by protocol family, with
//     counts per family and in total; methods and families come from the meta model;
//   - fails when a handler is registered for a method the protocol does not define;
//   - fails when the handlers' types drift from the generated types: `defineHandlers` makes drift
//     a type error, so the TypeScript compiler is run over server/handlers/ and every error there is
//     printed, one line per problem with its file and position.
// The compiler (package `typescript`) is passed in by bin/check-handlers.js so that it is loaded
// from node_modules rather than bundled.
import { join, relative, sep } from 'node:path'
import type Typescript from 'typescript'
import { implementedMethods as implementedByFamilies, offlineErrorMethods } from './handlers/index.js'
import { loadProtocolModel } from './model/protocol-model.js'

const USAGE = `Usage: check-handlers [--summary] [--help]

Checks server/handlers/ against the client requests of the meta model (generated/meta-model.json).
  --summary   print only the counts per family, not every method
Exits 1 when a handler exists for a method that is not defined or when server/handlers/ has type errors.`

/** The family shown for a method whose model entry names none. */
const NO_FAMILY = '(no family)'

/** The client request methods the server implements: `initialize` (the core's) and its families'. */
export function implementedMethods(): string[] {
  return ['initialize', ...implementedByFamilies()]
}

export async function main(args: string[], repoRoot: string, typescript: typeof Typescript): Promise<number> {
  const known = new Set(['--summary', '--help', '-h'])
  const unknown = args.find((arg) => !known.has(arg))
  if (unknown !== undefined) {
    process.stderr.write(`check-handlers: unknown option ${unknown} (try --help)\n`)
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const model = loadProtocolModel(repoRoot)
  const result = checkCoverage(model.clientRequests, implementedMethods(), [...offlineErrorMethods()])
  result.problems.push(...handlerTypeProblems(repoRoot, typescript))
  process.stdout.write(formatReport(result, args.includes('--summary')))
  for (const problem of result.problems) process.stderr.write(`check-handlers: ${problem}\n`)
  return result.problems.length === 0 ? 0 : 1
}

export interface MethodCoverage {
  method: string
  family: string
  /** Answered with real behaviour. */
  implemented: boolean
  /** Answered only with the error codex gives offline (not counted as implemented). */
  offlineError: boolean
}

export interface CheckResult {
  methods: MethodCoverage[]
  problems: string[]
}

/**
 * Coverage of the defined client requests (in model order) by the answered methods, of which
 * `offlineErrors` only answer codex's offline error.
 */
export function checkCoverage(defined: ReadonlyMap<string, { family?: string | undefined }>, answered: readonly string[], offlineErrors: readonly string[] = []): CheckResult {
  const offline = new Set(offlineErrors)
  const done = new Set(answered.filter((method) => !offline.has(method)))
  const methods = [...defined].map(([method, info]) => ({ method, family: info.family ?? NO_FAMILY, implemented: done.has(method), offlineError: offline.has(method) }))
  const problems = answered
    .filter((method) => !defined.has(method))
    .map((method) => `server/handlers: handler for "${method}", which is not a client request method of the protocol`)
  return { methods, problems }
}

/** Type errors in server/handlers/, compiled with the project's tsconfig.json, one line each. */
export function handlerTypeProblems(repoRoot: string, ts: typeof Typescript): string[] {
  const configPath = join(repoRoot, 'tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  if (config.error) return [`tsconfig.json: ${ts.flattenDiagnosticMessageText(config.error.messageText, ' ')}`]
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot, { noEmit: true }, configPath)
  const handlersDir = join(repoRoot, 'server', 'handlers')
  const rootNames = ts.sys.readDirectory(handlersDir, ['.ts'])
  if (rootNames.length === 0) return ['server/handlers/: no handler files']
  const program = ts.createProgram({ rootNames, options: parsed.options })
  const problems: string[] = []
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file
    if (file === undefined || !join(file.fileName).startsWith(handlersDir + sep)) continue
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
    problems.push(`${relative(repoRoot, file.fileName)}:${line + 1}:${character + 1}: type error: ${message}`)
  }
  return [...new Set(problems)]
}

export function formatReport({ methods }: CheckResult, summaryOnly: boolean): string {
  const families = new Map<string, MethodCoverage[]>()
  for (const info of methods) families.set(info.family, [...(families.get(info.family) ?? []), info])
  const rows = [...families.entries()].sort(([a], [b]) => a.localeCompare(b))
  const width = Math.max(...rows.map(([family]) => family.length), 'family'.length)
  const lines: string[] = []
  if (!summaryOnly) {
    for (const [family, infos] of rows) {
      lines.push(`${family}`)
      for (const info of infos) lines.push(`  ${info.implemented ? '✓' : info.offlineError ? '○' : '-'} ${info.method}`)
    }
    lines.push('')
  }
  const row = (name: string, infos: MethodCoverage[]): string => {
    const done = infos.filter((info) => info.implemented).length
    const offline = infos.filter((info) => info.offlineError).length
    return `${name.padEnd(width)}  ${String(done).padStart(11)}  ${String(offline).padStart(13)}  ${String(infos.length).padStart(5)}`
  }
  lines.push(`${'family'.padEnd(width)}  implemented  offline error  total`)
  for (const [family, infos] of rows) lines.push(row(family, infos))
  lines.push(row('total', methods))
  if (!summaryOnly) lines.push('', '✓ implemented   ○ answers only the error codex gives offline   - not implemented (-32601)')
  return `${lines.join('\n')}\n`
}
