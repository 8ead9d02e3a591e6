// The initialize family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')

export const InitializeParams = root('InitializeParams', t.object({
  clientInfo: t.ref('ClientInfo'),
  capabilities: t.option(t.ref('InitializeCapabilities')),
}), { fileFolder: 'v1' })

export const InitializeResponse = root('InitializeResponse', t.object({
  userAgent: t.string(),
  codexHome: t.ref('AbsolutePathBuf'),
  platformFamily: t.string(),
  platformOs: t.string(),
}), { fileFolder: 'v1' })

export const ClientInfo = root('ClientInfo', t.object({
  name: t.string(),
  title: t.option(t.string()),
  version: t.string(),
}))

export const InitializeCapabilities = root('InitializeCapabilities', t.object({
  requiredHumanApproval: t.optional(t.boolean()),
  explicitGatewayOauth: t.optional(t.boolean()),
  experimentalApi: t.optional(t.boolean({ default: false })),
  requestAttestation: t.optional(t.boolean({ default: false })),
  mcpServerOpenaiFormElicitation: t.optional(t.boolean()),
  optOutNotificationMethods: t.option(t.array(t.string())),
  extensions: t.option(t.map(true)),
}))
