// The connection handshake: the `initialize` request that opens a session, the client's identity
// and the capabilities it opts into.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const InitializeParams = root('InitializeParams', t.object({
  clientInfo: t.ref('ClientInfo'),
  capabilities: t.option(t.ref('InitializeCapabilities'), { description: 'Optional features the client opts into; null means none.' }),
}), { fileFolder: 'v1', description: 'Sent once, first, on every connection: who the client is and which optional features it wants.' })

export const InitializeResponse = root('InitializeResponse', t.object({
  userAgent: t.describe('The server\'s user agent string (product, version and platform).', t.string()),
  codexHome: t.describe('Where this server keeps its state (its CODEX_HOME), as an absolute path.', t.ref('AbsolutePathBuf')),
  platformFamily: t.describe('OS family the server runs on, such as `unix` or `windows`.', t.string()),
  platformOs: t.describe('Operating system the server runs on, such as `macos`, `linux` or `windows`.', t.string()),
}), { fileFolder: 'v1', description: 'What the server tells a client about itself once the session is open.' })

export const ClientInfo = root('ClientInfo', t.object({
  name: t.describe('Stable machine-readable client name.', t.string()),
  title: t.option(t.string(), { description: 'Human-readable client name, if different from `name`.' }),
  version: t.describe('Client version.', t.string()),
}), 'Identifies the client application that opened the connection.')

export const InitializeCapabilities = root('InitializeCapabilities', t.object({
  requiredHumanApproval: t.optional(t.describe('Route `humanCommand` approvals to a person and accept only one-time decisions for them; needs `experimentalApi`.', t.boolean())),
  explicitGatewayOauth: t.optional(t.describe('Log in to the gateway through an explicit OAuth flow instead of opening a browser automatically; applies to the whole server process, not just this connection.', t.boolean())),
  experimentalApi: t.optional(t.describe('Unlock experimental methods, fields and notifications on this connection.', t.boolean({ default: false }))),
  requestAttestation: t.optional(t.describe('The client can answer `attestation/generate` requests.', t.boolean({ default: false }))),
  mcpServerOpenaiFormElicitation: t.optional(t.describe('Old way to opt into the `openai/form` MCP extension; declare it in `extensions` instead.', t.boolean())),
  optOutNotificationMethods: t.option(t.array(t.string()), { description: 'Notification method names (exact wire names) this connection does not want to receive.' }),
  extensions: t.option(t.map(true), { description: 'MCP extensions the client supports, keyed by extension name, with their settings.' }),
}), 'Optional features a client opts into during `initialize`; everything is off when left out.')
