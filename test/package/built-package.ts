// The consumer package as `npm ci`/`npm pack` build it (prepare): reused when it is newer than every
// input of the build, else built again, so a test never runs against a stale package.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../server/helpers/spawn-server.js'

export const packageDir = join(repoRoot, 'packages/codex-app-server-protocol')
const INPUTS = ['client', 'generator/package', 'generated', 'fixtures', 'protocol/versions.ts', 'protocol/model', 'package.json']

/** The built package's folder; building takes a minute or so on a busy machine. */
export function builtPackage(): string {
  const manifest = join(packageDir, 'package.json')
  if (!existsSync(manifest) || INPUTS.some((input) => newestChange(join(repoRoot, input)) > statSync(manifest).mtimeMs)) {
    execFileSync(process.execPath, [join(repoRoot, 'bin/build-package.js')], { cwd: repoRoot, stdio: 'pipe' })
  }
  return packageDir
}

function newestChange(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), stat.mtimeMs)
}
