// The mcp family: Model Context Protocol servers configured for Codex — their status, tools and
// resources, OAuth login, direct tool calls and resource reads, event streams, and the MCP data
// types (tools, resources, tool-call results) that thread items carry.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const McpServerOauthLoginParams = v2('McpServerOauthLoginParams', t.object({
  name: t.describe('Name of the configured MCP server to log in to.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Only the server as registered for this environment; absent to match by name alone, as older servers do.' })),
  threadId: t.option(t.string(), { description: 'Thread whose configuration (and MCP connection) to use; the global configuration when absent.' }),
  clientRegistration: t.option(t.ref('McpServerOauthClientRegistration'), { description: 'How to register the OAuth client for this login; automatic discovery when absent.' }),
  scopes: t.option(t.array(t.string()), { description: 'OAuth scopes to request; the server\'s defaults when absent.' }),
  timeoutSecs: t.option(t.int('int64'), { description: 'How long to wait for the user to finish in the browser, in seconds; a default when absent.' }),
}), 'Parameters of `mcpServer/oauth/login`, which starts an OAuth login for an MCP server; the outcome arrives as `mcpServer/oauthLogin/completed`.')

export const McpServerOauthLoginResponse = v2('McpServerOauthLoginResponse', t.object({
  authorizationUrl: t.describe('URL to open in a browser to authorize.', t.string()),
  loginId: t.option(t.string(), { default: null, description: 'Id of this login attempt, repeated in the completion notification; absent from older servers.' }),
}), 'Result of `mcpServer/oauth/login`.')

export const ListMcpServerStatusParams = v2('ListMcpServerStatusParams', t.object({
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of servers to return; the server picks a page size when absent.' }),
  detail: t.option(t.ref('McpServerStatusDetail'), { description: 'How much to fetch from each server (default `full`).' }),
  threadId: t.option(t.string(), { description: 'Thread whose configuration and MCP connections to use; the global configuration when absent.' }),
  serverName: t.option(t.string(), { description: 'Only report this server; with `threadId`, its existing connection in that thread is used.' }),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Only the servers registered for this environment.' })),
}), 'Parameters of `mcpServerStatus/list`.')

export const ListMcpServerStatusResponse = v2('ListMcpServerStatusResponse', t.object({
  data: t.describe('Servers on this page.', t.array(t.ref('McpServerStatus'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of MCP servers from `mcpServerStatus/list`.')

export const McpResourceReadParams = v2('McpResourceReadParams', t.object({
  _meta: t.option(t.map(true), { description: 'Extra MCP `_meta` to send with the read; the keys Codex uses for account and turn routing are reserved.' }),
  threadId: t.option(t.string(), { description: 'Thread whose MCP connections to use.' }),
  originCallId: t.option(t.string(), { description: 'Tool call that produced the resource, used to pick the app it belongs to.' }),
  server: t.describe('Name of the MCP server.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Only the server as registered for this environment; absent to match by name alone.' })),
  uri: t.describe('URI of the resource.', t.string()),
  connectorId: t.option(t.string(), { description: 'App (connector) the resource belongs to.' }),
  target: t.option(t.ref('McpResourceReadTarget'), { description: 'App and account to read through; absent to find the resource the older way.' }),
}), 'Parameters of `mcpServer/resource/read`, which reads a resource from an MCP server.')

export const McpResourceReadResponse = v2('McpResourceReadResponse', t.object({
  contents: t.describe('The resource\'s contents.', t.array(t.ref('ResourceContent'))),
  originCallId: t.option(t.string(), { description: 'The tool call used to scope the read to an app; null when no such scoping applied.' }),
}), 'Result of `mcpServer/resource/read`.')

export const McpServerEventStreamStartParams = v2('McpServerEventStreamStartParams', t.object({
  threadId: t.describe('Thread whose MCP connection to use.', t.string()),
  server: t.describe('Name of the MCP server.', t.string()),
  subscriptionId: t.describe('Id the client chooses for this subscription; events and `mcpServer/event/stream/stop` use it.', t.string()),
  name: t.describe('Name of the event stream on the server.', t.string()),
  arguments: t.describe('Arguments for the stream, as the server defines them.', t.json()),
  _meta: t.optional(t.describe('Extra MCP `_meta` to send.', t.json())),
}), 'Parameters of the experimental `mcpServer/event/stream/start`, which subscribes to events from an MCP server; they arrive as `mcpServer/event/stream/notification`.')

export const McpServerEventStreamStartResponse = v2('McpServerEventStreamStartResponse', t.object({}), 'Result of `mcpServer/event/stream/start`; empty on success.')

export const McpServerEventStreamStopParams = v2('McpServerEventStreamStopParams', t.object({
  subscriptionId: t.describe('Subscription to end.', t.string()),
}), 'Parameters of the experimental `mcpServer/event/stream/stop`.')

export const McpServerEventStreamStopResponse = v2('McpServerEventStreamStopResponse', t.object({}), 'Result of `mcpServer/event/stream/stop`; empty on success.')

export const McpServerToolCallParams = v2('McpServerToolCallParams', t.object({
  threadId: t.describe('Thread whose MCP connection to use.', t.string()),
  server: t.describe('Name of the MCP server.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Only the server as registered for this environment; absent to match by name alone.' })),
  tool: t.describe('Name of the tool.', t.string()),
  arguments: t.optional(t.describe('Arguments for the tool, matching its input schema.', t.json())),
  _meta: t.optional(t.describe('Extra MCP `_meta` to send.', t.json())),
}), 'Parameters of `mcpServer/tool/call`, which calls an MCP tool directly, outside the model\'s turn.')

export const McpServerToolCallResponse = v2('McpServerToolCallResponse', t.object({
  content: t.describe('MCP content blocks returned by the tool.', t.array(t.json())),
  structuredContent: t.optional(t.describe('Structured result, when the tool returns one.', t.json())),
  isError: t.option(t.boolean(), { description: 'True when the tool reported an error.' }),
  _meta: t.optional(t.describe('MCP `_meta` returned by the tool.', t.json())),
}), 'Result of `mcpServer/tool/call`: the tool\'s MCP result.')

export const McpServerOauthLoginCompletedNotification = v2('McpServerOauthLoginCompletedNotification', t.object({
  name: t.describe('MCP server the login was for.', t.string()),
  threadId: t.option(t.string(), { description: 'Thread given when the login started.' }),
  loginId: t.option(t.string(), { description: 'Id of the login attempt from `mcpServer/oauth/login`; absent from older servers.' }),
  success: t.describe('Whether the login succeeded.', t.boolean()),
  error: t.option(t.string(), { description: 'Why it failed; absent on success.' }),
}), 'Sent when an MCP OAuth login started with `mcpServer/oauth/login` finishes.')

export const McpServerStatusUpdatedNotification = v2('McpServerStatusUpdatedNotification', t.object({
  threadId: t.option(t.string(), { description: 'Thread whose MCP connection this is; null for connections outside a thread.' }),
  name: t.describe('Name of the MCP server.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Environment the server is registered for (not necessarily where it runs); null for a thread-wide server.' })),
  status: t.describe('New startup state.', t.ref('McpServerStartupState')),
  error: t.option(t.string(), { description: 'Why startup failed; null otherwise.' }),
  failureReason: t.option(t.ref('McpServerStartupFailureReason'), { description: 'Machine-readable cause of a failure, when known.' }),
}), 'Sent as an MCP server starts up, becomes ready, or fails.')

export const McpServerEventStreamNotification = v2('McpServerEventStreamNotification', t.object({
  subscriptionId: t.describe('Subscription the event belongs to.', t.string()),
  notification: t.describe('The MCP notification the server sent.', t.ref('McpServerEventNotification')),
}), 'An event from an MCP server event stream started with `mcpServer/event/stream/start`.')

export const McpAppDisplayMode = v2('McpAppDisplayMode', t.enum(['inline', 'fullscreen']), 'How an MCP app\'s UI prefers to be shown: inline in the conversation or full screen.')

export const McpAppUi = v2('McpAppUi', t.object({
  resourceUri: t.describe('URI of the UI resource to render.', t.string()),
  preferredModelDisplayMode: t.describe('How the UI prefers to be shown when the model invokes the tool.', t.ref('McpAppDisplayMode')),
}), 'The interactive UI an MCP tool declares for its results, taken from the tool\'s definition.')

export const McpAuthStatus = v2('McpAuthStatus', t.enum(['unknown', 'unsupported', 'notLoggedIn', 'bearerToken', 'oAuth']), 'How Codex authenticates to an MCP server: not known, not supported by the server, not logged in, with a bearer token, or with OAuth.')

export const McpResourceReadTarget = v2('McpResourceReadTarget', t.object({
  connectorId: t.describe('App (connector) to read through.', t.string()),
  linkId: t.describe('Linked account to use; null asks for access without an account, if the app allows it.', t.nullable(t.string())),
}), 'The app and linked account to read an MCP resource through.')

export const McpServerConnectionStatus = v2('McpServerConnectionStatus', t.enum(['notStarted', 'starting', 'connected', 'authenticationRequired', 'failed', 'cancelled', 'disabled']), 'State of the connection to an MCP server.')

export const McpServerEventNotification = v2('McpServerEventNotification', t.object({
  method: t.describe('MCP notification method.', t.string()),
  params: t.describe('MCP notification parameters.', t.json()),
}), 'A notification as sent by an MCP server.')

export const McpServerInfo = v2('McpServerInfo', t.object({
  name: t.describe('Server name.', t.string()),
  title: t.option(t.string(), { description: 'Human-friendly name.' }),
  version: t.describe('Server version.', t.string()),
  description: t.option(t.string(), { description: 'What the server offers.' }),
  icons: t.option(t.array(t.json()), { description: 'MCP icon descriptors.' }),
  websiteUrl: t.option(t.string(), { description: 'URL of the server\'s website.' }),
}), 'What an MCP server says about itself when it starts.')

export const McpServerOauthClientRegistration = v2('McpServerOauthClientRegistration', t.enum(['auto', 'cimd', 'dcr']), 'How Codex registers as an OAuth client with an MCP server: `auto` (pick based on what the server supports), `cimd` (client ID metadata document) or `dcr` (dynamic client registration).')

export const McpServerStartupFailureReason = v2('McpServerStartupFailureReason', t.literal('reauthenticationRequired'), 'Why an MCP server failed to start: the user must log in again.')

export const McpServerStartupState = v2('McpServerStartupState', t.enum(['starting', 'ready', 'failed', 'cancelled']), 'Startup progress of an MCP server.')

export const McpServerStatus = v2('McpServerStatus', t.object({
  name: t.describe('Name of the server in the configuration.', t.string()),
  environmentId: t.added('0.171.0', t.option(t.string(), { description: 'Environment that registered the server; null for a thread-wide one. Older servers leave it out.' })),
  runtimeStatus: t.option(t.ref('McpServerConnectionStatus'), { description: 'Connection state in the thread\'s runtime; null when not available or the configuration has changed since.' }),
  pluginId: t.option(t.string(), { description: 'Plugin that provides the server; null when configured directly.' }),
  httpOrigin: t.option(t.string(), { description: 'Scheme, host and port of the server\'s HTTP endpoint (no credentials, path or query); null for non-HTTP servers.' }),
  serverInfo: t.option(t.ref('McpServerInfo'), { description: 'What the server reported about itself; null when it has not started.' }),
  serverCapabilities: t.optional(t.describe('MCP capabilities the server announced; null when not available.', t.json())),
  toolListMeta: t.optional(t.describe('`_meta` from the first page of the server\'s tool list; null when not available.', t.json())),
  tools: t.describe('The server\'s tools by name.', t.map(t.ref('Tool'))),
  toolsError: t.option(t.string(), { description: 'Why the tool list could not be fetched; null whenever a list (possibly cached or empty) was returned.' }),
  resources: t.describe('Resources the server offers.', t.array(t.ref('Resource'))),
  resourceTemplates: t.describe('Resource templates the server offers.', t.array(t.ref('ResourceTemplate'))),
  authStatus: t.describe('How Codex authenticates to the server.', t.ref('McpAuthStatus')),
}), 'A configured MCP server with its state, tools and resources.')

export const McpServerStatusDetail = v2('McpServerStatusDetail', t.enum(['full', 'toolsAndAuthOnly']), 'How much `mcpServerStatus/list` fetches: everything, or only tools and auth state (faster).')

export const McpToolCallAppContext = v2('McpToolCallAppContext', t.object({
  connectorId: t.describe('App (connector) the tool belongs to.', t.string()),
  linkId: t.option(t.string(), { description: 'Linked account used for the call.' }),
  resourceUri: t.option(t.string(), { description: 'UI resource of the app for this call.' }),
  appName: t.option(t.string(), { description: 'Display name of the app.' }),
  actionName: t.option(t.string(), { description: 'Display name of the action.' }),
}), 'The app an MCP tool call was made through.')

export const McpToolCallError = v2('McpToolCallError', t.object({
  message: t.describe('What went wrong.', t.string()),
}), 'Why an MCP tool call failed.')

export const McpToolCallResult = v2('McpToolCallResult', t.object({
  content: t.describe('MCP content blocks returned by the tool.', t.array(t.json())),
  structuredContent: t.optional(t.describe('Structured result, when the tool returned one.', t.json())),
  _meta: t.optional(t.describe('MCP `_meta` returned by the tool.', t.json())),
}), 'The result of an MCP tool call made by the agent.')

export const McpToolCallStatus = v2('McpToolCallStatus', t.enum(['inProgress', 'completed', 'failed']), 'State of an MCP tool call item.')

export const Resource = v2('Resource', t.object({
  annotations: t.optional(t.describe('MCP annotations.', t.json())),
  description: t.option(t.string(), { description: 'What the resource is.' }),
  mimeType: t.option(t.string(), { description: 'MIME type of the contents.' }),
  name: t.describe('Name of the resource.', t.string()),
  size: t.option(t.int('int64'), { description: 'Size of the contents in bytes, when known.' }),
  title: t.option(t.string(), { description: 'Human-friendly name.' }),
  uri: t.describe('URI to read the resource with.', t.string()),
  icons: t.option(t.array(t.json()), { description: 'MCP icon descriptors.' }),
  _meta: t.optional(t.describe('MCP `_meta`.', t.json())),
}), 'A resource an MCP server can read (MCP `Resource`).')

export const ResourceContent = v2('ResourceContent', t.anyOf([
  t.object({
    _meta: t.optional(t.describe('MCP `_meta`.', t.json())),
    mimeType: t.option(t.string(), { description: 'MIME type of the text.' }),
    text: t.describe('The contents as text.', t.string()),
    uri: t.describe('URI of the resource.', t.string()),
  }),
  t.object({
    _meta: t.optional(t.describe('MCP `_meta`.', t.json())),
    blob: t.describe('The contents as base64-encoded bytes.', t.string()),
    mimeType: t.option(t.string(), { description: 'MIME type of the bytes.' }),
    uri: t.describe('URI of the resource.', t.string()),
  }),
]), 'Contents of an MCP resource, either as text or as base64-encoded binary data.')

export const ResourceTemplate = v2('ResourceTemplate', t.object({
  annotations: t.optional(t.describe('MCP annotations.', t.json())),
  uriTemplate: t.describe('URI template (RFC 6570) that produces resource URIs.', t.string()),
  name: t.describe('Name of the template.', t.string()),
  title: t.option(t.string(), { description: 'Human-friendly name.' }),
  description: t.option(t.string(), { description: 'What the resources are.' }),
  mimeType: t.option(t.string(), { description: 'MIME type of the resources, when all share one.' }),
}), 'A family of resources an MCP server can read, addressed through a URI template (MCP `ResourceTemplate`).')

export const Tool = v2('Tool', t.object({
  name: t.describe('Tool name.', t.string()),
  title: t.option(t.string(), { description: 'Human-friendly name.' }),
  description: t.option(t.string(), { description: 'What the tool does.' }),
  inputSchema: t.describe('JSON Schema of the tool\'s arguments.', t.json()),
  outputSchema: t.optional(t.describe('JSON Schema of the tool\'s structured result, when declared.', t.json())),
  annotations: t.optional(t.describe('MCP tool annotations (hints such as read-only).', t.json())),
  icons: t.option(t.array(t.json()), { description: 'MCP icon descriptors.' }),
  _meta: t.optional(t.describe('MCP `_meta`.', t.json())),
}), 'A tool offered by an MCP server (MCP `Tool`).')
