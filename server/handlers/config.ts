// config/*: the user configuration kept in `config.toml` in the server's home folder. This
// server has one configuration layer (the user's); there are no managed requirements.
import { resolve } from 'node:path'
import type { ConfigEdit, ConfigLayerMetadata, ConfigWriteResponse } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { ConfigStore, ConfigSyntaxError, ConfigWriteError, type ConfigSnapshot } from './config-store.js'
import type { ConfigTable, ConfigValue } from './config-toml.js'

type DescribeTypeError = FamilyEnvironment['describeTypeError']

/** config/*: one server's user configuration, through its ConfigStore. */
export function configFamily(environment: FamilyEnvironment, store = new ConfigStore(environment.home)): HandlerFamily {
  return { name: 'config', handlers: createConfigHandlers(store, environment.describeTypeError), start: () => store.start() }
}

/** The config/* handlers of one server, over its store. */
export const createConfigHandlers = (store: ConfigStore, describeTypeError: DescribeTypeError) => defineHandlers({
  // cwd would add project layers; this server has none.
  'config/read': async ({ includeLayers }) => {
    const snapshot = await readLayers(store)
    const problem = typeProblem(snapshot.config, describeTypeError)
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
    write(store, describeTypeError, [{ keyPath, value, mergeStrategy }], filePath, expectedVersion),

  // reloadUserConfig asks loaded threads to pick the change up; this server reads the file each time.
  'config/batchWrite': ({ edits, filePath, expectedVersion }) =>
    write(store, describeTypeError, edits, filePath, expectedVersion),

  // codex reads the configuration layers here too, so a broken file fails this as well.
  'configRequirements/read': async () => {
    await readLayers(store)
    return { supportsIndependentSpeedModes: true, requirements: null }
  },
})

function readLayers(store: ConfigStore): Promise<ConfigSnapshot> {
  return store.read().catch((error: unknown) => {
    throw error instanceof ConfigSyntaxError ? new RpcError(ErrorCode.internal, `failed to read configuration layers: ${error.message}`) : error
  })
}

async function write(
  store: ConfigStore,
  describeTypeError: DescribeTypeError,
  edits: ConfigEdit[],
  filePath: string | null | undefined,
  expectedVersion: string | null | undefined,
): Promise<ConfigWriteResponse> {
  if (filePath != null && resolve(filePath) !== store.path) {
    throw configWriteError(new ConfigWriteError('configLayerReadonly', 'Only writes to the user config are allowed'))
  }
  try {
    const snapshot = await store.edit(edits, expectedVersion, (config) => {
      const problem = typeProblem(config, describeTypeError)
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
function typeProblem(config: ConfigTable, describeTypeError: DescribeTypeError): string | undefined {
  for (const [key, value] of Object.entries(config)) {
    const reason = describeTypeError('Config', { [key]: value })
    if (reason !== undefined) return `${reason}\nin \`${key}\`\n`
  }
  return undefined
}

function userLayer(snapshot: ConfigSnapshot): ConfigLayerMetadata {
  return { name: { type: 'user', file: snapshot.path, profile: null }, version: snapshot.version }
}

/** Dotted paths of every value that is not a table (array items by index), in file order. */
function leafPaths(table: ConfigTable, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) => paths(value, `${prefix}${key}`))
}

function paths(value: ConfigValue, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => paths(item, `${path}.${index}`))
  if (typeof value === 'object' && value !== null) return leafPaths(value, `${path}.`)
  return [path]
}

function configWriteError(error: ConfigWriteError): RpcError {
  return new RpcError(ErrorCode.invalidRequest, error.message, { config_write_error_code: error.code })
}
