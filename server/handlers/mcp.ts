// mcpServerStatus/list, mcpServer/tool/call and mcpServer/resource/read over the MCP servers of
// config.toml and of installed plugins, connected for real (McpServers). OAuth sign-in and event streams concern hosted
// servers and apps, which an offline server cannot reach: those answer codex's error.
import type { McpServerStatus, Resource, ResourceTemplate, Tool } from '../../generated/experimental/index.js'
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import type { ConfigStore } from './config-store.js'
import { McpServers, type McpConnection, type McpServerConfig } from './mcp-servers.js'
import { failsOffline } from './offline.js'
import { pageByOffset } from './paging.js'
import type { PluginStore } from './plugin-store.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

/** Throws codex's error unless the thread is loaded now. */
export type RequireLoadedThread = (threadId: string) => void

export class McpFamily implements HandlerFamily {
  readonly name = 'mcp'
  readonly offlineErrors = ['mcpServer/oauth/login', 'mcpServer/event/stream/start', 'mcpServer/event/stream/stop'] as const
  readonly handlers
  readonly #servers: McpServers

  constructor(environment: Pick<FamilyEnvironment, 'log'>, config: ConfigStore, plugins: PluginStore, requireThread: RequireLoadedThread) {
    const servers = (this.#servers = new McpServers(config, plugins, environment.log))
    const clientOf = async (name: string) => {
      const server = (await servers.configured()).find((candidate) => candidate.name === name)
      if (server === undefined) throw new RpcError(ErrorCode.internal, `unknown MCP server '${name}'`)
      const connection = await servers.connect(server)
      if (connection.state === 'failed') throw new RpcError(ErrorCode.internal, `failed to get client: ${connection.error}`)
      return connection.client
    }

    this.handlers = defineHandlers({
      // Codex reports a runtime status only for the servers of a thread.
      'mcpServerStatus/list': async ({ cursor, limit, detail, threadId, serverName }) => {
        if (threadId != null) requireThread(threadId)
        const configured = (await servers.configured()).filter((server) => serverName == null || server.name === serverName)
        const page = pageByOffset(configured, cursor, limit, 'servers')
        const data = await Promise.all(page.data.map(async (server) => statusOf(server, await servers.connect(server), detail !== 'toolsAndAuthOnly', threadId != null)))
        return { data, nextCursor: page.nextCursor }
      },

      'mcpServer/tool/call': async ({ threadId, server, tool, arguments: args, _meta }) => {
        requireThread(threadId)
        const client = await clientOf(server)
        const result = await client.callTool({ name: tool, arguments: asObject(args), ...(_meta != null ? { _meta: asObject(_meta) } : {}) })
          .catch((error: unknown) => { throw new RpcError(ErrorCode.internal, `tool call failed: ${messageOf(error)}`) })
        const { content, structuredContent, isError, _meta: meta } = result as { content?: unknown[]; structuredContent?: unknown; isError?: boolean; _meta?: unknown }
        return {
          content: (content ?? []) as never[],
          ...(structuredContent !== undefined ? { structuredContent: structuredContent as never } : {}),
          isError: isError ?? false,
          ...(meta !== undefined ? { _meta: meta as never } : {}),
        }
      },

      'mcpServer/resource/read': async ({ threadId, server, uri, originCallId }) => {
        if (threadId != null) requireThread(threadId)
        const client = await clientOf(server)
        const { contents } = await client.readResource({ uri })
          .catch((error: unknown) => { throw new RpcError(ErrorCode.internal, `resource read failed: ${messageOf(error)}`) })
        return { contents: contents as never, originCallId: originCallId ?? null }
      },

      'mcpServer/oauth/login': async ({ name }) => {
        const server = (await servers.configured()).find((candidate) => candidate.name === name)
        if (server === undefined) throw new RpcError(ErrorCode.invalidRequest, `No MCP server named '${name}' found.`)
        if (server.url === undefined) throw new RpcError(ErrorCode.invalidRequest, 'OAuth login is only supported for streamable HTTP servers.')
        // Discovering the server's OAuth endpoints and signing in needs a browser and the network.
        throw new RpcError(ErrorCode.internal, `OAuth login for MCP server '${name}' needs the network and a browser, which this offline server does not use`)
      },

      'mcpServer/event/stream/start': ({ threadId }) => {
        requireThread(threadId)
        return failsOffline('MCP event subscriptions are only supported for hosted apps')()
      },
      // No subscription can start, so there is never one to stop.
      'mcpServer/event/stream/stop': () => ({}),
    })
  }

  close(): Promise<void> {
    return this.#servers.closeAll()
  }
}

async function statusOf(server: McpServerConfig, connection: McpConnection, withResources: boolean, forThread: boolean): Promise<McpServerStatus> {
  const base = { name: server.name, runtimeStatus: null, pluginId: server.plugin?.id ?? null, httpOrigin: server.url !== undefined ? new URL(server.url).origin : null }
  if (connection.state === 'failed') {
    return { ...base, runtimeStatus: forThread ? 'failed' : null, serverInfo: null, serverCapabilities: null, toolListMeta: null, tools: {}, toolsError: connection.error, resources: [], resourceTemplates: [], authStatus: 'unsupported' }
  }
  const { client } = connection
  const capabilities = client.getServerCapabilities() ?? {}
  const info = client.getServerVersion()
  const tools: Record<string, Tool> = {}
  let toolsError: string | null = null
  let toolListMeta: unknown = null
  if (capabilities.tools !== undefined) {
    try {
      const listed = await client.listTools()
      for (const tool of listed.tools) tools[tool.name] = (server.plugin === undefined ? tool : { ...tool, description: pluginToolDescription(tool.description, server.plugin.name) }) as Tool
      toolListMeta = listed._meta ?? null
    } catch (error) {
      toolsError = messageOf(error)
    }
  }
  // Codex re-encodes resources with their fields in alphabetical order; so do we, for identical bytes.
  const resources = withResources && capabilities.resources !== undefined ? await client.listResources().then((listed) => listed.resources.map(sortedKeys) as Resource[], () => []) : []
  const resourceTemplates = withResources && capabilities.resources !== undefined ? await client.listResourceTemplates().then((listed) => listed.resourceTemplates.map(sortedKeys) as ResourceTemplate[], () => []) : []
  return {
    ...base,
    runtimeStatus: forThread ? 'connected' : null,
    serverInfo: info === undefined ? null : { name: info.name, title: info.title ?? null, version: info.version, description: null, icons: null, websiteUrl: info.websiteUrl ?? null },
    serverCapabilities: sortedKeys(capabilities) as never,
    toolListMeta: toolListMeta as never,
    tools,
    toolsError,
    resources,
    resourceTemplates,
    authStatus: 'unsupported',
  }
}

/** Codex tells the model which plugin a tool comes from at the end of its description. */
function pluginToolDescription(description: string | undefined, pluginName: string): string {
  const note = `This tool is part of plugin \`${pluginName}\`.`
  const text = (description ?? '').trimEnd()
  return text === '' ? note : `${text}${text.endsWith('.') ? '' : '.'} ${note}`
}

function sortedKeys(value: object): object {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
