// The consumer package as `npm ci`/`npm pack` build it (prepare): reused when it is newer than every
// input of the build, else built again, so a test never runs against a stale package. Test files
// run in parallel workers: a lock folder lets one build while the others wait for it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../server/helpers/spawn-server.js'

export const packageDir = join(repoRoot, 'packages/codex-app-server-protocol')
const INPUTS = ['client', 'generator/package', 'generated', 'fixtures', 'protocol/versions.ts', 'package.json']
const LOCK = join(repoRoot, 'packages/.build-lock')
const STALE_LOCK_MS = 10 * 60_000

/** The built package's folder; building takes a minute or so on a busy machine. */
export function builtPackage(): string {
  mkdirSync(join(repoRoot, 'packages'), { recursive: true })
  while (!tryLock()) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
  try {
    if (!isFresh()) execFileSync(process.execPath, [join(repoRoot, 'bin/build-package.js')], { cwd: repoRoot, stdio: 'pipe' })
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
  return packageDir
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK)
    return true
  } catch {
    // A lock left by a killed run would block every later one.
    if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
    return false
  }
}

function isFresh(): boolean {
  const manifest = join(packageDir, 'package.json')
  return existsSync(manifest) && INPUTS.every((input) => newestChange(join(repoRoot, input)) <= statSync(manifest).mtimeMs)
}

function newestChange(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), stat.mtimeMs)
}
