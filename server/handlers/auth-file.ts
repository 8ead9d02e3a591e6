// The sign-in this server keeps in `auth.json` in its home, as codex keeps it in CODEX_HOME: only
// an OpenAI API key or an Amazon Bedrock API key can be stored here (the other sign-ins need
// OpenAI's or a cloud's services).
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

export type StoredAuth =
  | { mode: 'apikey'; apiKey: string }
  | { mode: 'bedrockApiKey'; apiKey: string; region: string }

export class AuthFile {
  readonly path: string

  constructor(home: string) {
    this.path = join(home, 'auth.json')
  }

  /** The stored sign-in; null when there is none. A file that is not codex's shape counts as none. */
  async read(): Promise<StoredAuth | null> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    if (text === undefined) return null
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return null
    }
    const { auth_mode: mode, OPENAI_API_KEY: apiKey, bedrock_api_key: bedrock } = (parsed ?? {}) as Record<string, unknown>
    if ((mode === 'apikey' || mode === undefined) && typeof apiKey === 'string') return { mode: 'apikey', apiKey }
    const { api_key: bedrockKey, region } = (bedrock ?? {}) as Record<string, unknown>
    if (mode === 'bedrockApiKey' && typeof bedrockKey === 'string' && typeof region === 'string') return { mode, apiKey: bedrockKey, region }
    return null
  }

  /** Stores a sign-in in codex's layout; the file is readable by its owner only and replaced in one step. */
  async write(auth: StoredAuth): Promise<void> {
    const json = auth.mode === 'apikey'
      ? { auth_mode: 'apikey', OPENAI_API_KEY: auth.apiKey }
      : { auth_mode: 'bedrockApiKey', OPENAI_API_KEY: null, bedrock_api_key: { api_key: auth.apiKey, region: auth.region } }
    const temporary = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      const file = await open(temporary, 'wx', 0o600)
      try {
        await file.writeFile(`${JSON.stringify(json, null, 2)}\n`)
        await file.sync()
      } finally {
        await file.close()
      }
      await rename(temporary, this.path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true })
  }
}
