// `check:handlers`: conformance of the request handlers with the generated method map.
// Loads the project with ts-morph and
//   - lists every client request method as implemented or not, grouped by protocol family
//     (the protocol/ file that defines the method's types), with counts per family and in total;
//   - fails when a handler is registered for a method the protocol does not define;
//   - fails when the handlers' types drift from the generated types (any type error in
//     server/handlers/), printing one line per problem with its file and position.
// ts-morph is passed in by bin/check-handlers.js so that it is loaded from node_modules rather
// than bundled.
import { join, relative } from 'node:path'
import type * as TsMorph from 'ts-morph'

const USAGE = `Usage: check-handlers [--summary] [--help]

Checks server/handlers/ against the generated client request map (generated/experimental/methods.ts).
  --summary   print only the counts per family, not every method
Exits 1 when a handler exists for a method that is not defined or when server/handlers/ has type errors.`

interface MethodInfo {
  method: string
  family: string
  implementedIn: string | undefined
}

export async function main(args: string[], repoRoot: string, tsMorph: typeof TsMorph): Promise<number> {
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
  const result = checkHandlers(repoRoot, tsMorph)
  process.stdout.write(formatReport(result, args.includes('--summary')))
  for (const problem of result.problems) process.stderr.write(`check-handlers: ${problem}\n`)
  return result.problems.length === 0 ? 0 : 1
}

export interface CheckResult {
  methods: MethodInfo[]
  problems: string[]
}

/** Loads the project and compares the handler map with the generated method map. */
export function checkHandlers(repoRoot: string, tsMorph: typeof TsMorph): CheckResult {
  const { Project, Node, ts } = tsMorph
  const project = new Project({ tsConfigFilePath: join(repoRoot, 'tsconfig.json'), skipAddingFilesFromTsConfig: true })
  const methodsFile = project.addSourceFileAtPath(join(repoRoot, 'generated/experimental/methods.ts'))
  const handlerFiles = project.addSourceFilesAtPaths(join(repoRoot, 'server/handlers/**/*.ts'))
  const protocolFiles = project.addSourceFilesAtPaths([join(repoRoot, 'protocol/v1/*.ts'), join(repoRoot, 'protocol/v2/*.ts')])
  const where = (path: string) => relative(repoRoot, path)
  const problems: string[] = []

  // The generated map: method name -> the names of its params and result types.
  const mapNode = methodsFile.getTypeAliasOrThrow('ClientRequestMap').getTypeNodeOrThrow()
  if (!Node.isTypeLiteral(mapNode)) throw new Error('generated/experimental/methods.ts: ClientRequestMap is not an object type')
  const defined = mapNode.getProperties().map((property) => {
    const shape = property.getTypeNodeOrThrow()
    const typeName = (member: string) => {
      if (!Node.isTypeLiteral(shape)) return undefined
      const text = shape.getProperty(member)?.getTypeNode()?.getText()
      return text === undefined || text === 'undefined' ? undefined : text
    }
    return { method: unquote(property.getName()), typeNames: [typeName('params'), typeName('result')].filter((name) => name !== undefined) }
  })
  const definedNames = new Set(defined.map((entry) => entry.method))

  // Which protocol file defines each named type: that file is the method's family.
  const familyOfType = new Map<string, string>()
  for (const file of protocolFiles) {
    const family = where(file.getFilePath()).replace(/^protocol\//, '').replace(/^v2\//, '').replace(/\.ts$/, '')
    for (const declaration of file.getVariableDeclarations()) {
      if (declaration.isExported()) familyOfType.set(declaration.getName(), family)
    }
  }

  // The handler map, read from the source: the entries of `handlers`, following spreads of
  // family maps to where each entry is written (independent of type inference, which errors
  // can derail).
  const indexFile = project.getSourceFileOrThrow(join(repoRoot, 'server/handlers/index.ts'))
  const handlersDeclaration = indexFile.getVariableDeclaration('handlers')
  const implemented = new Map<string, string>()
  const initializer = handlersDeclaration?.isExported() ? handlersDeclaration.getInitializer() : undefined
  if (initializer === undefined) {
    problems.push('server/handlers/index.ts: exports no `handlers` map')
  } else {
    for (const entry of handlerEntries(tsMorph, initializer, new Set())) {
      const at = `${where(entry.node.getSourceFile().getFilePath())}:${entry.node.getStartLineNumber()}`
      implemented.set(entry.method, at)
      if (!definedNames.has(entry.method)) problems.push(`${at}: handler for "${entry.method}", which is not a client request method of the protocol`)
    }
  }

  // Drift between the handlers and the generated types shows up as type errors.
  for (const file of handlerFiles) {
    for (const diagnostic of file.getPreEmitDiagnostics()) {
      const source = diagnostic.getSourceFile()
      const start = diagnostic.getStart()
      const position = source !== undefined && start !== undefined ? source.getLineAndColumnAtPos(start) : undefined
      const location = source === undefined ? where(file.getFilePath()) : `${where(source.getFilePath())}${position ? `:${position.line}:${position.column}` : ''}`
      const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ')
      problems.push(`${location}: type error: ${message}`)
    }
  }

  const methods = defined.map(({ method, typeNames }) => ({
    method,
    family: typeNames.map((name) => familyOfType.get(name)).find((family) => family !== undefined) ?? method.split('/')[0]!,
    implementedIn: implemented.get(method),
  }))
  return { methods, problems: [...new Set(problems)] }
}

export function formatReport({ methods }: CheckResult, summaryOnly: boolean): string {
  const families = new Map<string, MethodInfo[]>()
  for (const info of methods) families.set(info.family, [...(families.get(info.family) ?? []), info])
  const rows = [...families.entries()].sort(([a], [b]) => a.localeCompare(b))
  const width = Math.max(...rows.map(([family]) => family.length), 'family'.length)
  const lines: string[] = []
  if (!summaryOnly) {
    for (const [family, infos] of rows) {
      lines.push(`${family}`)
      for (const info of infos) lines.push(`  ${info.implementedIn === undefined ? '-' : '✓'} ${info.method}${info.implementedIn === undefined ? '' : `  (${info.implementedIn})`}`)
    }
    lines.push('')
  }
  lines.push(`${'family'.padEnd(width)}  implemented  total`)
  for (const [family, infos] of rows) {
    const done = infos.filter((info) => info.implementedIn !== undefined).length
    lines.push(`${family.padEnd(width)}  ${String(done).padStart(11)}  ${String(infos.length).padStart(5)}`)
  }
  const done = methods.filter((info) => info.implementedIn !== undefined).length
  lines.push(`${'total'.padEnd(width)}  ${String(done).padStart(11)}  ${String(methods.length).padStart(5)}`)
  return `${lines.join('\n')}\n`
}

/** The entries of a handler map expression: object literals, `defineHandlers(...)` and spreads. */
function handlerEntries(tsMorph: typeof TsMorph, expression: TsMorph.Node, seen: Set<TsMorph.Node>): { method: string; node: TsMorph.Node }[] {
  const { Node } = tsMorph
  if (seen.has(expression)) return []
  seen.add(expression)
  if (Node.isCallExpression(expression) || Node.isParenthesizedExpression(expression) || Node.isAsExpression(expression) || Node.isSatisfiesExpression(expression)) {
    const inner = Node.isCallExpression(expression) ? expression.getArguments()[0] : expression.getExpression()
    return inner === undefined ? [] : handlerEntries(tsMorph, inner, seen)
  }
  if (Node.isIdentifier(expression)) {
    const symbol = expression.getSymbol()
    const target = symbol?.getAliasedSymbol() ?? symbol
    return (target?.getDeclarations() ?? []).flatMap((declaration) => {
      const initializer = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined
      return initializer === undefined ? [] : handlerEntries(tsMorph, initializer, seen)
    })
  }
  if (!Node.isObjectLiteralExpression(expression)) return []
  return expression.getProperties().flatMap((property) => {
    if (Node.isSpreadAssignment(property)) return handlerEntries(tsMorph, property.getExpression(), seen)
    if (Node.isPropertyAssignment(property) || Node.isMethodDeclaration(property) || Node.isShorthandPropertyAssignment(property)) {
      return [{ method: unquote(property.getName()), node: property }]
    }
    return []
  })
}

function unquote(name: string): string {
  return /^["'].*["']$/.test(name) ? name.slice(1, -1) : name
}
