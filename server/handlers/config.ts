// config/*: the user configuration kept in `config.toml` in the server's home folder. This
// server has one configuration layer (the user's); there are no managed requirements.
import { resolve } from 'node:path'
import type { ConfigEdit, ConfigLayerMetadata, ConfigWriteResponse } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { ConfigSyntaxError, ConfigWriteError, editUserConfig, readUserConfig, userConfigPath, type ConfigSnapshot } from './config-store.js'
import type { TomlTable, TomlValue } from './toml.js'

/** config/*: reads and writes the user's config.toml in the server's home folder. */
export function configFamily(environment: FamilyEnvironment): HandlerFamily {
  return { name: 'config', handlers: configHandlers(environment) }
}

function configHandlers(environment: FamilyEnvironment) {
  return defineHandlers({
  // cwd would add project layers; this server has none.
  'config/read': async ({ includeLayers }) => {
    const snapshot = await readUserConfig(environment.home).catch((error: unknown) => {
      throw error instanceof ConfigSyntaxError ? new RpcError(ErrorCode.internal, `failed to read configuration layers: ${error.message}`) : error
    })
    const problem = typeProblem(snapshot.config, environment)
    if (problem !== undefined) throw new RpcError(ErrorCode.internal, `invalid configuration: ${problem}`)
    const layer = userLayer(snapshot)
    const origins: { [key: string]: ConfigLayerMetadata } = {}
    for (const path of leafPaths(snapshot.config)) origins[path] = layer
    return {
      config: snapshot.config,
      origins,
      ...(includeLayers === true ? { layers: [{ ...layer, config: snapshot.config }] } : {}),
    }
  },

  'config/value/write': ({ keyPath, value, mergeStrategy, filePath, expectedVersion }) =>
    write(environment, [{ keyPath, value, mergeStrategy }], filePath, expectedVersion),

  // reloadUserConfig asks loaded threads to pick the change up; this server reads the file each time.
  'config/batchWrite': ({ edits, filePath, expectedVersion }) =>
    write(environment, edits, filePath, expectedVersion),

  'configRequirements/read': () => ({ supportsIndependentSpeedModes: false, requirements: null }),
  })
}

async function write(
  environment: FamilyEnvironment,
  edits: ConfigEdit[],
  filePath: string | null | undefined,
  expectedVersion: string | null | undefined,
): Promise<ConfigWriteResponse> {
  const path = userConfigPath(environment.home)
  if (filePath != null && resolve(filePath) !== path) {
    throw configWriteError(new ConfigWriteError('configLayerReadonly', 'Only writes to the user config are allowed'))
  }
  try {
    const snapshot = await editUserConfig(environment.home, edits, expectedVersion, (config) => {
      const problem = typeProblem(config, environment)
      if (problem !== undefined) throw new ConfigWriteError('configValidationError', `Invalid configuration: ${problem}`)
    })
    return { status: 'ok', version: snapshot.version, filePath: snapshot.path, overriddenMetadata: null }
  } catch (error) {
    if (error instanceof ConfigWriteError) throw configWriteError(error)
    if (error instanceof ConfigSyntaxError) throw new RpcError(ErrorCode.internal, `failed to load configuration: ${error.message}`)
    throw error
  }
}

/**
 * The first value of the wrong type for the protocol's `Config`, as `<reason>\nin \`<key>\`\n`
 * the way codex reports it. Each top-level key is checked on its own so that the key can be named.
 */
function typeProblem(config: TomlTable, environment: FamilyEnvironment): string | undefined {
  for (const [key, value] of Object.entries(config)) {
    const reason = environment.describeTypeError('Config', { [key]: value })
    if (reason !== undefined) return `${reason}\nin \`${key}\`\n`
  }
  return undefined
}

function userLayer(snapshot: ConfigSnapshot): ConfigLayerMetadata {
  return { name: { type: 'user', file: snapshot.path, profile: null }, version: snapshot.version }
}

/** Dotted paths of every value that is not a table (array items by index), in file order. */
function leafPaths(table: TomlTable, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) => paths(value, `${prefix}${key}`))
}

function paths(value: TomlValue, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => paths(item, `${path}.${index}`))
  if (typeof value === 'object') return leafPaths(value, `${path}.`)
  return [path]
}

function configWriteError(error: ConfigWriteError): RpcError {
  return new RpcError(ErrorCode.invalidRequest, error.message, { config_write_error_code: error.code })
}
