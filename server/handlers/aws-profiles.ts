// What AWS credentials this machine has, found as codex finds them for Amazon Bedrock: the
// profiles of the shared config and credentials files (~/.aws/config, ~/.aws/credentials, or
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) and the credentials in the environment.
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { BedrockAwsProfile, BedrockEnvironmentCredential } from '../../generated/experimental/index.js'

/** The profiles (`default` first, then by name) with the region each sets. */
export async function awsProfiles(env: NodeJS.ProcessEnv): Promise<BedrockAwsProfile[]> {
  const configFile = env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config')
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials')
  const regions = new Map<string, string | null>()
  // In the config file a profile's section is `[profile name]` (`[default]` alone); other
  // sections (`[sso-session x]`, `[services x]`) are not profiles.
  for (const [section, keys] of await sections(configFile)) {
    const name = section === 'default' ? 'default' : /^profile\s+(.+)$/.exec(section)?.[1]?.trim()
    if (name !== undefined) regions.set(name, keys.get('region') ?? null)
  }
  // In the credentials file every section is a profile.
  for (const [section] of await sections(credentialsFile)) if (!regions.has(section)) regions.set(section, null)
  return [...regions]
    .sort(([a], [b]) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map(([name, region]) => ({ name, region }))
}

/** The credentials the environment holds, with its region. */
export function environmentCredentials(env: NodeJS.ProcessEnv): BedrockEnvironmentCredential[] {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || null
  const found: BedrockEnvironmentCredential[] = []
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) found.push({ type: 'accessKeys', region })
  if (env.AWS_BEARER_TOKEN_BEDROCK) found.push({ type: 'bedrockApiKey', region })
  return found
}

/**
 * The sections of an AWS INI file with their keys; none when the file is missing. Written by hand
 * because AWS's format is its own: section names hold spaces and dots that general INI parsers
 * split into nested tables, and indented lines continue a key's sub-settings, which we skip.
 */
async function sections(file: string): Promise<Map<string, Map<string, string>>> {
  const text = await readFile(file, 'utf8').catch(() => '')
  const found = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(line) || /^\s/.test(line)) continue
    const header = /^\[([^\]]+)\]/.exec(line)
    if (header !== null) {
      const name = header[1]!.trim()
      current = found.get(name) ?? new Map()
      found.set(name, current)
      continue
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    if (pair !== null && current !== undefined) current.set(pair[1]!.trim(), pair[2]!.trim())
  }
  return found
}
