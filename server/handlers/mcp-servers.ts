// The MCP servers configured in config.toml (`[mcp_servers.<name>]`) and those installed plugins
// bring (their `.mcp.json`), connected for real with the
// MCP SDK as codex connects them: a `command` is started over stdio, a `url` is reached over
// streamable HTTP. A server is connected on first use and kept until its configuration changes or
// this server closes; one that fails to start keeps its error until then.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Logger } from '../log.js'
import { canonicalJson, type ConfigStore } from './config-store.js'
import type { ConfigTable } from './config-toml.js'
import { isSystemError, osErrorMessage } from './os-error.js'
import { readPluginManifest, readPluginMcpServers } from './plugin-catalog.js'
import type { PluginStore } from './plugin-store.js'

export interface McpServerConfig {
  name: string
  command?: string
  args: string[]
  env?: Record<string, string>
  cwd?: string
  url?: string
  startupTimeoutMs: number
  /** The installed plugin that brings it; none for a server of config.toml. */
  plugin?: { id: string; name: string }
}

export type McpConnection =
  | { state: 'connected'; client: Client }
  | { state: 'failed'; error: string }

interface Entry {
  /** The configuration it was started with, to notice a change. */
  key: string
  connection: Promise<McpConnection>
}

const DEFAULT_STARTUP_TIMEOUT_MS = 10_000

export class McpServers {
  readonly #entries = new Map<string, Entry>()

  constructor(private readonly config: ConfigStore, private readonly plugins: PluginStore, private readonly log: Logger) {}

  /**
   * The servers of config.toml and of installed, enabled plugins (a configured name wins), sorted
   * by name; entries that are not tables and disabled ones are skipped.
   */
  async configured(): Promise<McpServerConfig[]> {
    const servers = new Map<string, McpServerConfig>()
    for (const copy of await this.plugins.enabledCopies()) {
      const manifest = await readPluginManifest(copy.folder)
      if (manifest === null) continue
      for (const [name, settings] of await readPluginMcpServers(manifest.mcpServersFile)) {
        const server = serverConfig(name, settings, copy.folder)
        if (server !== undefined) servers.set(name, { ...server, plugin: { id: copy.id, name: copy.pluginName } })
      }
    }
    const table = asTable((await this.config.read()).config.mcp_servers) ?? {}
    for (const [name, value] of Object.entries(table)) {
      const settings = asTable(value)
      const server = settings === undefined ? undefined : serverConfig(name, settings, undefined)
      if (server !== undefined) servers.set(name, server)
    }
    // A server no longer configured (its entry removed, its plugin uninstalled) is stopped.
    for (const [name, entry] of this.#entries) {
      if (servers.has(name)) continue
      this.#entries.delete(name)
      void this.#close(entry)
    }
    return [...servers.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  /** The server's connection, started now if it is not yet (or its configuration changed). */
  connect(server: McpServerConfig): Promise<McpConnection> {
    const key = canonicalJson(server)
    const existing = this.#entries.get(server.name)
    if (existing?.key === key) return existing.connection
    if (existing !== undefined) void this.#close(existing)
    const entry: Entry = { key, connection: this.#start(server) }
    this.#entries.set(server.name, entry)
    return entry.connection
  }

  async #start(server: McpServerConfig): Promise<McpConnection> {
    const client = new Client({ name: 'codex-mcp-client', version: '0.169.0' })
    try {
      const transport = server.url !== undefined
        ? new StreamableHTTPClientTransport(new URL(server.url))
        : new StdioClientTransport({
          command: server.command ?? '',
          args: server.args,
          env: { ...getDefaultEnvironment(), ...server.env },
          cwd: server.cwd,
          stderr: 'ignore',
        })
      await client.connect(transport, { timeout: server.startupTimeoutMs })
      return { state: 'connected', client }
    } catch (error) {
      await client.close().catch(() => undefined)
      const reason = isSystemError(error) ? osErrorMessage(error) : error instanceof Error ? error.message : String(error)
      this.log.warn(`MCP server ${server.name} failed to start: ${reason}`)
      return { state: 'failed', error: `MCP startup failed: ${reason}` }
    }
  }

  async #close(entry: Entry): Promise<void> {
    const connection = await entry.connection
    if (connection.state === 'connected') await connection.client.close().catch(() => undefined)
  }

  /** Stops every server (the reference server is closing). */
  async closeAll(): Promise<void> {
    const entries = [...this.#entries.values()]
    this.#entries.clear()
    await Promise.all(entries.map((entry) => this.#close(entry)))
  }
}

/** One server's settings (`command`, `args`, `env`, `cwd`, `url`, `startup_timeout_sec`, `enabled`). */
function serverConfig(name: string, settings: Record<string, unknown>, defaultCwd: string | undefined): McpServerConfig | undefined {
  if (settings.enabled === false) return undefined
  const strings = (item: unknown) => Array.isArray(item) ? item.filter((part): part is string => typeof part === 'string') : []
  const env = asTable(settings.env)
  return {
    name,
    command: typeof settings.command === 'string' ? settings.command : undefined,
    args: strings(settings.args),
    env: env === undefined ? undefined : Object.fromEntries(Object.entries(env).filter((pair): pair is [string, string] => typeof pair[1] === 'string')),
    cwd: typeof settings.cwd === 'string' ? settings.cwd : defaultCwd,
    url: typeof settings.url === 'string' ? settings.url : undefined,
    startupTimeoutMs: typeof settings.startup_timeout_sec === 'number' ? settings.startup_timeout_sec * 1000 : DEFAULT_STARTUP_TIMEOUT_MS,
  }
}

function asTable(value: unknown): ConfigTable | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as ConfigTable : undefined
}
