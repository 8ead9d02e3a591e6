// A throwaway copy of the parts of the repository the generator needs, so tests can edit
// definitions and regenerate without touching the real checkout.
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const REPO = join(import.meta.dirname, '..', '..', '..')
// package-lock.json too: without it, the copy would not be laid out like a checkout.
const COPIED = ['protocol', 'generator', 'bin', 'package.json', 'package-lock.json']

/**
 * Copies protocol/, generator/, bin/, package.json and package-lock.json into a new temp folder. Dependencies are
 * linked package by package into a real node_modules folder, so the bundles and output caches the
 * copy's bin scripts write stay inside the copy and go away with it, instead of piling up in the
 * shared node_modules/.cache.
 */
export async function copyRepo(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`))
  for (const entry of COPIED) await cp(join(REPO, entry), join(dir, entry), { recursive: true })
  await mkdir(join(dir, 'node_modules'))
  for (const name of await readdir(join(REPO, 'node_modules'))) {
    if (name === '.cache' || name.startsWith('.vite')) continue
    await symlink(join(REPO, 'node_modules', name), join(dir, 'node_modules', name))
  }
  return dir
}

export async function removeCopy(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
