// The server's state folder: `--home`, else REFERENCE_APP_SERVER_HOME, else ~/.reference-app-server.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const HOME_ENV = 'REFERENCE_APP_SERVER_HOME'

export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag ?? (env[HOME_ENV] || undefined)
  return chosen ? resolve(chosen) : join(homedir(), '.reference-app-server')
}

/** Creates the folder if needed (throws with the OS reason when it cannot). */
export function prepareHome(home: string): void {
  mkdirSync(home, { recursive: true })
}

/** A stable id for this home folder, created on first use (codex keeps one per CODEX_HOME too). */
export function installationId(home: string): string {
  const file = join(home, 'installation_id')
  try {
    const existing = readFileSync(file, 'utf8').trim()
    if (/^[0-9a-f-]{36}$/i.test(existing)) return existing
  } catch {
    // first run
  }
  const id = randomUUID()
  writeFileSync(file, `${id}\n`)
  return id
}
