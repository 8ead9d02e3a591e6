// The mcp family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const McpServerOauthLoginParams = v2('McpServerOauthLoginParams', t.object({
  name: t.string(),
  threadId: t.option(t.string()),
  clientRegistration: t.option(t.ref('McpServerOauthClientRegistration')),
  scopes: t.option(t.array(t.string())),
  timeoutSecs: t.option(t.int('int64')),
}))

export const McpServerOauthLoginResponse = v2('McpServerOauthLoginResponse', t.object({
  authorizationUrl: t.string(),
  loginId: t.option(t.string(), { default: null }),
}))

export const ListMcpServerStatusParams = v2('ListMcpServerStatusParams', t.object({
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  detail: t.option(t.ref('McpServerStatusDetail')),
  threadId: t.option(t.string()),
  serverName: t.option(t.string()),
}))

export const ListMcpServerStatusResponse = v2('ListMcpServerStatusResponse', t.object({
  data: t.array(t.ref('McpServerStatus')),
  nextCursor: t.option(t.string()),
}))

export const McpResourceReadParams = v2('McpResourceReadParams', t.object({
  _meta: t.option(t.map(true)),
  threadId: t.option(t.string()),
  originCallId: t.option(t.string()),
  server: t.string(),
  uri: t.string(),
  connectorId: t.option(t.string()),
  target: t.option(t.ref('McpResourceReadTarget')),
}))

export const McpResourceReadResponse = v2('McpResourceReadResponse', t.object({
  contents: t.array(t.ref('ResourceContent')),
  originCallId: t.option(t.string()),
}))

export const McpServerEventStreamStartParams = v2('McpServerEventStreamStartParams', t.object({
  threadId: t.string(),
  server: t.string(),
  subscriptionId: t.string(),
  name: t.string(),
  arguments: t.json(),
  _meta: t.optional(t.json()),
}))

export const McpServerEventStreamStartResponse = v2('McpServerEventStreamStartResponse', t.object({}))

export const McpServerEventStreamStopParams = v2('McpServerEventStreamStopParams', t.object({
  subscriptionId: t.string(),
}))

export const McpServerEventStreamStopResponse = v2('McpServerEventStreamStopResponse', t.object({}))

export const McpServerToolCallParams = v2('McpServerToolCallParams', t.object({
  threadId: t.string(),
  server: t.string(),
  tool: t.string(),
  arguments: t.optional(t.json()),
  _meta: t.optional(t.json()),
}))

export const McpServerToolCallResponse = v2('McpServerToolCallResponse', t.object({
  content: t.array(t.json()),
  structuredContent: t.optional(t.json()),
  isError: t.option(t.boolean()),
  _meta: t.optional(t.json()),
}))

export const McpServerOauthLoginCompletedNotification = v2('McpServerOauthLoginCompletedNotification', t.object({
  name: t.string(),
  threadId: t.option(t.string()),
  loginId: t.option(t.string()),
  success: t.boolean(),
  error: t.option(t.string()),
}))

export const McpServerStatusUpdatedNotification = v2('McpServerStatusUpdatedNotification', t.object({
  threadId: t.option(t.string()),
  name: t.string(),
  status: t.ref('McpServerStartupState'),
  error: t.option(t.string()),
  failureReason: t.option(t.ref('McpServerStartupFailureReason')),
}))

export const McpServerEventStreamNotification = v2('McpServerEventStreamNotification', t.object({
  subscriptionId: t.string(),
  notification: t.ref('McpServerEventNotification'),
}))

export const McpAppDisplayMode = v2('McpAppDisplayMode', t.enum(['inline', 'fullscreen']))

export const McpAppUi = v2('McpAppUi', t.object({
  resourceUri: t.string(),
  preferredModelDisplayMode: t.ref('McpAppDisplayMode'),
}))

export const McpAuthStatus = v2('McpAuthStatus', t.enum(['unknown', 'unsupported', 'notLoggedIn', 'bearerToken', 'oAuth']))

export const McpResourceReadTarget = v2('McpResourceReadTarget', t.object({
  connectorId: t.string(),
  linkId: t.nullable(t.string()),
}))

export const McpServerConnectionStatus = v2('McpServerConnectionStatus', t.enum(['notStarted', 'starting', 'connected', 'authenticationRequired', 'failed', 'cancelled', 'disabled']))

export const McpServerEventNotification = v2('McpServerEventNotification', t.object({
  method: t.string(),
  params: t.json(),
}))

export const McpServerInfo = v2('McpServerInfo', t.object({
  name: t.string(),
  title: t.option(t.string()),
  version: t.string(),
  description: t.option(t.string()),
  icons: t.option(t.array(t.json())),
  websiteUrl: t.option(t.string()),
}))

export const McpServerOauthClientRegistration = v2('McpServerOauthClientRegistration', t.enum(['auto', 'cimd', 'dcr']))

export const McpServerStartupFailureReason = v2('McpServerStartupFailureReason', t.literal('reauthenticationRequired'))

export const McpServerStartupState = v2('McpServerStartupState', t.enum(['starting', 'ready', 'failed', 'cancelled']))

export const McpServerStatus = v2('McpServerStatus', t.object({
  name: t.string(),
  runtimeStatus: t.option(t.ref('McpServerConnectionStatus')),
  pluginId: t.option(t.string()),
  httpOrigin: t.option(t.string()),
  serverInfo: t.option(t.ref('McpServerInfo')),
  serverCapabilities: t.optional(t.json()),
  toolListMeta: t.optional(t.json()),
  tools: t.map(t.ref('Tool')),
  toolsError: t.option(t.string()),
  resources: t.array(t.ref('Resource')),
  resourceTemplates: t.array(t.ref('ResourceTemplate')),
  authStatus: t.ref('McpAuthStatus'),
}))

export const McpServerStatusDetail = v2('McpServerStatusDetail', t.enum(['full', 'toolsAndAuthOnly']))

export const McpToolCallAppContext = v2('McpToolCallAppContext', t.object({
  connectorId: t.string(),
  linkId: t.option(t.string()),
  resourceUri: t.option(t.string()),
  appName: t.option(t.string()),
  actionName: t.option(t.string()),
}))

export const McpToolCallError = v2('McpToolCallError', t.object({
  message: t.string(),
}))

export const McpToolCallResult = v2('McpToolCallResult', t.object({
  content: t.array(t.json()),
  structuredContent: t.optional(t.json()),
  _meta: t.optional(t.json()),
}))

export const McpToolCallStatus = v2('McpToolCallStatus', t.enum(['inProgress', 'completed', 'failed']))

export const Resource = v2('Resource', t.object({
  annotations: t.optional(t.json()),
  description: t.option(t.string()),
  mimeType: t.option(t.string()),
  name: t.string(),
  size: t.option(t.int('int64')),
  title: t.option(t.string()),
  uri: t.string(),
  icons: t.option(t.array(t.json())),
  _meta: t.optional(t.json()),
}))

export const ResourceContent = v2('ResourceContent', t.anyOf([
  t.object({
    _meta: t.optional(t.json()),
    mimeType: t.option(t.string()),
    text: t.string(),
    uri: t.string(),
  }),
  t.object({
    _meta: t.optional(t.json()),
    blob: t.string(),
    mimeType: t.option(t.string()),
    uri: t.string(),
  }),
]))

export const ResourceTemplate = v2('ResourceTemplate', t.object({
  annotations: t.optional(t.json()),
  uriTemplate: t.string(),
  name: t.string(),
  title: t.option(t.string()),
  description: t.option(t.string()),
  mimeType: t.option(t.string()),
}))

export const Tool = v2('Tool', t.object({
  name: t.string(),
  title: t.option(t.string()),
  description: t.option(t.string()),
  inputSchema: t.json(),
  outputSchema: t.optional(t.json()),
  annotations: t.optional(t.json()),
  icons: t.option(t.array(t.json())),
  _meta: t.optional(t.json()),
}))
