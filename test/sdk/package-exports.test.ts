// An SDK author's view: a separate project that depends on this package imports the generated types
// through the package's `./stable` and `./experimental` entry points and type-checks, under both
// `nodenext` and `bundler` module resolution.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '../..')
const consumer = mkdtempSync(join(tmpdir(), 'sdk-consumer-'))
mkdirSync(join(consumer, 'node_modules'))
symlinkSync(repoRoot, join(consumer, 'node_modules', 'codex-app-server-protocol-toolkit'))
writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "type": "module", "private": true }\n')
writeFileSync(join(consumer, 'client.ts'), `
import type { ClientRequestMap, ServerNotificationMap, ThreadStartParams } from 'codex-app-server-protocol-toolkit/stable'
import type { ClientRequestMap as ExperimentalMap } from 'codex-app-server-protocol-toolkit/experimental'

export async function call<M extends keyof ClientRequestMap>(method: M, params: ClientRequestMap[M]['params']): Promise<ClientRequestMap[M]['result']> {
  throw new Error(\`\${method} \${JSON.stringify(params)}\`)
}
const start: ThreadStartParams = { cwd: '/work', model: null }
export const threadId = call('thread/start', start).then((r) => r.thread.id)
export type Completed = ServerNotificationMap['turn/completed']['params']['turn']['status']
export type MockResult = ExperimentalMap['mock/experimentalMethod']['result']
// @ts-expect-error experimental methods are not part of the stable map
export type NotStable = ClientRequestMap['mock/experimentalMethod']
`)
afterAll(() => rmSync(consumer, { recursive: true, force: true }))

function typeCheck(moduleResolution: 'nodenext' | 'bundler'): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: moduleResolution === 'nodenext' ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: moduleResolution === 'nodenext' ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    types: [],
  }
  const program = ts.createProgram([join(consumer, 'client.ts')], options)
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('package entry points for SDK authors', () => {
  it('type-check a consumer under nodenext resolution', () => {
    expect(typeCheck('nodenext')).toEqual([])
  })
  it('type-check a consumer under bundler resolution', () => {
    expect(typeCheck('bundler')).toEqual([])
  })
})
