// The MCP servers configured in config.toml (`[mcp_servers.<name>]`), connected for real with the
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

export interface McpServerConfig {
  name: string
  command?: string
  args: string[]
  env?: Record<string, string>
  cwd?: string
  url?: string
  startupTimeoutMs: number
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

  constructor(private readonly config: ConfigStore, private readonly log: Logger) {}

  /** The configured servers, sorted by name; entries that are not tables are skipped. */
  async configured(): Promise<McpServerConfig[]> {
    const table = (await this.config.read()).config.mcp_servers
    if (typeof table !== 'object' || table === null || Array.isArray(table)) return []
    return Object.entries(table as ConfigTable)
      .flatMap(([name, value]) => {
        const server = asTable(value)
        if (server === undefined || server.enabled === false) return []
        const strings = (item: unknown) => Array.isArray(item) ? item.filter((part): part is string => typeof part === 'string') : []
        const env = asTable(server.env)
        return [{
          name,
          command: typeof server.command === 'string' ? server.command : undefined,
          args: strings(server.args),
          env: env === undefined ? undefined : Object.fromEntries(Object.entries(env).filter((pair): pair is [string, string] => typeof pair[1] === 'string')),
          cwd: typeof server.cwd === 'string' ? server.cwd : undefined,
          url: typeof server.url === 'string' ? server.url : undefined,
          startupTimeoutMs: typeof server.startup_timeout_sec === 'number' ? server.startup_timeout_sec * 1000 : DEFAULT_STARTUP_TIMEOUT_MS,
        }]
      })
      .sort((a, b) => a.name.localeCompare(b.name))
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

function asTable(value: unknown): ConfigTable | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as ConfigTable : undefined
}
